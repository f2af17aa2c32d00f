"""Moderating "You may also like": the queue of links, and the links on each article's page.

`articles` may not import `recommendations`, so the article admin gets its related-links inline
through its extension point: RecommendationsConfig.ready() appends RelatedLinkInline to
`ArticleAdmin.extra_inlines`.
"""

from django.contrib import admin, messages
from django.db.models import Case, IntegerField, Value, When, prefetch_related_objects
from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import format_html

from adminsite.autocomplete import LabelledChoicesMixin
from adminsite.primed import PrimedChoicesAdminMixin
from articles.labels import article_details
from recommendations import admin_experiments  # noqa: F401 (registers the experiments' admin)
from recommendations.admin_counts import COLUMNS as COUNT_COLUMNS
from recommendations.admin_counts import LinkCountsMixin
from recommendations.forms import (
    ArticleRelatedLinkForm,
    RelatedLinkForm,
    RelatedLinkInlineFormSet,
    RelatedLinkListFormSet,
)
from recommendations.models import RelatedLink
from recommendations.services import (
    related_link_add,
    related_link_moderate,
    related_links_pin,
    related_links_set_status,
)

Status = RelatedLink.Status

STRONG_SCORE = 2
MEDIUM_SCORE = 1


@admin.display(description="Score", ordering="score")
def score_display(link: RelatedLink) -> str:
    if link.pk is None or (link.origin == RelatedLink.Origin.STAFF and not link.reasons):
        return "—"
    return f"{link.score:.2f}"


def _titled(article) -> str:
    return format_html(
        '{}<br><span class="article-details">{}</span>', article.title, article_details(article)
    )


@admin.display(description="Why")
def reasons_display(link: RelatedLink) -> str:
    if link.pk is None:
        return "—"
    if link.origin == RelatedLink.Origin.STAFF and not link.reasons:
        return "added by hand"
    return link.reasons_text or "—"


def _articles_only_picked(formfield, *, view: bool):
    """No "add/change/delete the article" buttons next to an article picked for a link: a
    link chooses an article, it does not edit one."""
    widget = formfield.widget
    widget.can_add_related = widget.can_change_related = widget.can_delete_related = False
    widget.can_view_related = widget.can_view_related and view
    return formfield


def _links(count: int) -> str:
    return f"{count} link" if count == 1 else f"{count} links"


class ScoreBandFilter(admin.SimpleListFilter):
    title = "score"
    parameter_name = "score"

    def lookups(self, request, model_admin):
        return [
            ("strong", f"strong (≥ {STRONG_SCORE})"),
            ("medium", f"medium ({MEDIUM_SCORE}–{STRONG_SCORE})"),
            ("weak", f"weak (< {MEDIUM_SCORE})"),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "strong":
                return queryset.filter(score__gte=STRONG_SCORE)
            case "medium":
                return queryset.filter(score__gte=MEDIUM_SCORE, score__lt=STRONG_SCORE)
            case "weak":
                return queryset.filter(score__lt=MEDIUM_SCORE)
        return queryset


class SourceSectionFilter(admin.RelatedFieldListFilter):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.title = "section of the source"


@admin.register(RelatedLink)
class RelatedLinkAdmin(LinkCountsMixin, admin.ModelAdmin):
    """The moderation queue: every link, filtered down to what needs a decision."""

    form = RelatedLinkForm
    # Titles by callables: the admin keeps foreign-key columns on one line, which squeezes the
    # reasons into a sliver of the table.
    list_display = [
        "source_title",
        "target_title",
        "score_display",
        "reasons_display",
        *COUNT_COLUMNS,  # the last 28 days (admin_counts.py)
        "status",
        "position",
        "origin_short",
        "decided",
    ]
    list_display_links = ["source_title"]
    list_editable = ["status", "position"]
    list_filter = [
        "status",
        "origin",
        ("source__section", SourceSectionFilter),
        ScoreBandFilter,
    ]
    search_fields = ["source__title", "target__title"]
    list_select_related = ["source__section", "target__section", "moderated_by"]
    show_full_result_count = False
    autocomplete_fields = ["source", "target"]
    actions = ["approve", "reject", "pin"]

    class Media:
        css = {"all": ["recommendations/moderation.css"]}

    score_display = staticmethod(score_display)
    reasons_display = staticmethod(reasons_display)

    # Each article with what tells it from its namesakes (section, date, state, slug) on a
    # second line: two articles called "Monet at Giverny" are two different decisions.

    @admin.display(description="Source", ordering="source__title")
    def source_title(self, link):
        return _titled(link.source)

    @admin.display(description="Target", ordering="target__title")
    def target_title(self, link):
        return _titled(link.target)

    # Who decided and when in one column: the counts beside the reasons took the room of one.
    @admin.display(description="Decided", ordering="moderated_at")
    def decided(self, link):
        if link.moderated_at is None:
            return "—"
        return format_html(
            '{}<br><span class="article-details">{}</span>',
            link.moderated_by or "—",
            localize(timezone.localtime(link.moderated_at)),
        )

    @admin.display(description="Origin", ordering="origin")
    def origin_short(self, link):
        return "engine" if link.origin == RelatedLink.Origin.ENGINE else "staff"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in {"source", "target"}:
            _articles_only_picked(formfield, view=True)
        return formfield

    # The list's status and position columns: the same form as the link's page, so that a
    # queue left open keeps the decisions made since (recommendations/forms.py).
    def get_changelist_form(self, request, **kwargs):
        return super().get_changelist_form(request, form=RelatedLinkForm, **kwargs)

    def get_changelist_formset(self, request, **kwargs):
        return super().get_changelist_formset(request, formset=RelatedLinkListFormSet, **kwargs)

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        cl = (getattr(response, "context_data", None) or {}).get("cl")
        if cl is not None and cl.formset is not None and cl.formset.is_bound:
            # A refused save shows each posted row beside its own link, not beside whatever
            # link is at its place in the list now (links move when their status changes).
            links = [form.instance for form in cl.formset.forms]
            prefetch_related_objects(links, *self.list_select_related)
            cl.result_list = links
        return response

    def get_fieldsets(self, request, obj=None):
        decision = (None, {"fields": ["source", "target", "status", "position"]})
        if obj is None:
            return [decision]
        moderation = ("Moderation", {"fields": ["origin", "moderated_by", "moderated_at"]})
        if obj.origin == RelatedLink.Origin.STAFF:
            return [decision, moderation]
        why = (
            "Why the engine suggests it",
            {"fields": ["score_display", "reasons_display", "computed_at"]},
        )
        return [decision, why, moderation]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        # The pair is what the link is: decide on it, or reject it and add another.
        return [
            "source",
            "target",
            "origin",
            "score_display",
            "reasons_display",
            "computed_at",
            "moderated_by",
            "moderated_at",
        ]

    def save_model(self, request, obj, form, change):
        position = form.cleaned_data.get("position")
        if change:
            if form.decides():
                related_link_moderate(
                    link=obj, status=obj.status, position=position, user=request.user
                )
            return
        link = related_link_add(
            source=obj.source,
            target=obj.target,
            status=obj.status,
            position=position,
            user=request.user,
        )
        # The admin goes on with obj (history, redirect): make it the stored row.
        obj.pk = link.pk
        obj.refresh_from_db()
        obj._state.adding = False

    def _report(self, request, changed: int, done: str, already: str):
        if changed:
            self.message_user(request, f"{_links(changed).capitalize()} {done}.", messages.SUCCESS)
        else:
            self.message_user(request, f"Nothing changed: {already}.", messages.WARNING)

    @admin.action(description="Approve selected links", permissions=["change"])
    def approve(self, request, queryset):
        changed = related_links_set_status(
            links=queryset, status=Status.APPROVED, user=request.user
        )
        self._report(request, changed, "approved", "the links were approved or pinned already")

    @admin.action(description="Reject selected links", permissions=["change"])
    def reject(self, request, queryset):
        changed = related_links_set_status(
            links=queryset, status=Status.REJECTED, user=request.user
        )
        self._report(request, changed, "rejected", "the links were rejected already")

    @admin.action(description="Pin selected links", permissions=["change"])
    def pin(self, request, queryset):
        changed = related_links_pin(links=queryset, user=request.user)
        self._report(
            request, changed, "pinned (at the end of their lists)", "the links were pinned already"
        )


class RelatedLinkInline(
    LinkCountsMixin, PrimedChoicesAdminMixin, LabelledChoicesMixin, admin.TabularInline
):
    """An article's own links in the order its block shows them, rejected ones last."""

    model = RelatedLink
    form = ArticleRelatedLinkForm
    formset = RelatedLinkInlineFormSet
    fk_name = "source"
    fields = [
        "target",
        "status",
        "position",
        "score_display",
        "reasons_display",
        *COUNT_COLUMNS,
        "shown_target",
    ]
    readonly_fields = ["score_display", "reasons_display", *COUNT_COLUMNS]
    autocomplete_fields = ["target"]
    extra = 0
    show_change_link = True
    verbose_name = "related link"
    verbose_name_plural = (
        "You may also like (pinned in order, then approved, then suggestions by score; "
        "rejected last)"
    )
    score_display = staticmethod(score_display)
    reasons_display = staticmethod(reasons_display)

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if self.has_change_permission(request, obj):
            return fields
        return [name for name in fields if name != "shown_target"]  # only a saved form needs it

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "target":
            # The row's heading names and links the pair already.
            _articles_only_picked(formfield, view=False)
        return formfield

    def get_queryset(self, request):
        rank = Case(
            When(status=Status.PINNED, then=Value(0)),
            When(status=Status.APPROVED, then=Value(1)),
            When(status=Status.SUGGESTED, then=Value(2)),
            default=Value(3),
            output_field=IntegerField(),
        )
        return (
            super()
            .get_queryset(request)
            .alias(moderation_rank=rank)
            .order_by("moderation_rank", "position", "-score", "target_id")
            # What each row's picker shows of its target (its label names the section).
            .select_related("target__section")
        )

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # A subclass per request, so that the decisions it saves carry who made them.
        return type(formset.__name__, (formset,), {"user": request.user})

    # Deciding on an article's links is changing the article's page: whoever may only view the
    # article (a moderator) sees them read-only here and moderates them in the queue.
    def _may_change_article(self, request, obj) -> bool:
        return self.admin_site.get_model_admin(self.parent_model).has_change_permission(
            request, obj
        )

    def has_add_permission(self, request, obj):
        return super().has_add_permission(request, obj) and self._may_change_article(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._may_change_article(
            request, obj
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._may_change_article(
            request, obj
        )
