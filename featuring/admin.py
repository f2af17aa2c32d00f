"""The "Featuring suggestions" panel of the article's change form, the endpoint its "Find names
in the text" asks, and the list of decisions.

`articles` may not import `featuring`, so the panel reaches the article admin through its
extension point: FeaturingConfig.ready() appends FeaturingSuggestionsInline to
`ArticleAdmin.extra_inlines`. The panel is an inline of the article's decisions: the editor's
Accept and Reject add rows to it (and Accept the artist or artwork to the form's own featured
pickers), which the form saves with the article (featuring/forms.py).
"""

from django.contrib import admin
from django.urls import path, reverse
from django.utils.functional import cached_property

from adminsite.primed import PrimedChoicesAdminMixin
from articles.models import Article
from featuring.admin_suggest import suggest_view, suggestion_entry
from featuring.forms import DecisionForm, DecisionFormSet
from featuring.models import FeaturingDecision
from featuring.suggestions import article_suggestions

SUGGEST_URL_NAME = "featuring_featuringdecision_suggest"


def suggest_url(article: Article | None) -> str:
    name = f"admin:{SUGGEST_URL_NAME}"
    return reverse(name, args=[article.pk]) if article is not None else reverse(name)


class PanelFormSet(DecisionFormSet):
    """The decisions' formset with what the panel shows: the suggestions for the article's text
    as the form holds it (saved, or posted and refused), read when the template asks."""

    @cached_property
    def suggestions(self) -> list[dict]:
        article = self.instance
        pending = set()
        if self.is_bound:  # decisions posted with a form that was refused: still to be saved
            for form in self.forms:
                data = getattr(form, "cleaned_data", None) or {}
                subject = data.get("artist") or data.get("artwork")
                if subject is not None:
                    pending.add(("artist" if data.get("artist") else "artwork", subject.pk))
        found = article_suggestions(
            article=article if article.pk is not None else None,
            title=article.title,
            standfirst=article.standfirst,
            body=article.body,
            settled_in_form=pending,
        )
        return [suggestion_entry(suggestion) for suggestion in found]


class FeaturingSuggestionsInline(PrimedChoicesAdminMixin, admin.StackedInline):
    model = FeaturingDecision
    form = DecisionForm
    formset = PanelFormSet
    template = "featuring/suggestions_panel.html"
    extra = 0
    max_num = None
    can_delete = False
    verbose_name = "featuring decision"
    verbose_name_plural = "Featuring suggestions"
    # ArticleAdmin shows it on the add form too: decisions are saved with the new article.
    on_add_form = True

    class Media:
        css = {"all": ["featuring/suggestions.css"]}
        js = ["featuring/suggestions.js"]

    def get_queryset(self, request):
        # Saved decisions are never edited here; they show as what is no longer suggested.
        return super().get_queryset(request).none()

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # A subclass per request: the decisions it saves carry who made them.
        return type(
            formset.__name__, (formset,), {"user": request.user, "suggest_url": suggest_url(obj)}
        )

    # Deciding what an article features is changing the article.
    def _may_change_article(self, request, obj) -> bool:
        article_admin = self.admin_site.get_model_admin(self.parent_model)
        if obj is None:
            return article_admin.has_add_permission(request)
        return article_admin.has_change_permission(request, obj)

    def has_add_permission(self, request, obj):
        return super().has_add_permission(request, obj) and self._may_change_article(request, obj)

    def has_view_permission(self, request, obj=None):
        # Nothing to see for whoever may not decide: the panel is not shown to them.
        return super().has_view_permission(request, obj) and self._may_change_article(request, obj)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(FeaturingDecision)
class FeaturingDecisionAdmin(admin.ModelAdmin):
    """What was accepted and rejected, article by article. Decisions are made on the article's
    form; deleting a rejection here lets the name be suggested again."""

    list_display = ["__str__", "decided_by", "decided_at"]
    list_filter = ["decision"]
    list_select_related = ["article", "artist", "artwork", "decided_by"]
    search_fields = ["article__title", "artist__name", "artwork__title"]
    date_hierarchy = "decided_at"
    show_full_result_count = False

    def get_urls(self):
        view = self.admin_site.admin_view(self._suggest)
        return [
            path("suggest/", view, name=SUGGEST_URL_NAME),
            path("suggest/<path:article_id>/", view, name=SUGGEST_URL_NAME),
            *super().get_urls(),
        ]

    def _suggest(self, request, article_id=None):
        return suggest_view(self.admin_site.get_model_admin(Article), request, article_id)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
