"""The "What readers see now" panel of the article's change page: the article's "You may also
like" block slot by slot, as the public page builds it (pins, the scoring's re-ranking, an
experiment's draft), each slot with where it came from and its reasons in words. Read-only:
it is an inline of no rows, appended to `ArticleAdmin.extra_inlines` from
RecommendationsConfig.ready() after the related-links inline, shown to those who may view
related links."""

from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.utils.functional import cached_property

from articles.models import Article
from recommendations.models import RelatedLink, SlotKind
from recommendations.reasons import describe_reasons, reader_note
from recommendations.selectors import block_for

TEAMS = {"a": "scoring A", "b": "scoring B"}


class ShownBlockFormSet(BaseInlineFormSet):
    """No rows and nothing to post: it ignores what a form posts (a form built without the
    panel's management form saves as before) and saves nothing."""

    def __init__(self, data=None, files=None, *args, **kwargs):
        super().__init__(None, None, *args, **kwargs)

    def is_valid(self):
        return True

    def save(self, commit=True):
        self.new_objects, self.changed_objects, self.deleted_objects = [], [], []
        return []

    @classmethod
    def get_default_prefix(cls):
        # Not "related_links": the related-links inline of the same page has that prefix.
        return "shown_block"

    @cached_property
    def slots(self) -> list[dict]:
        article = self.instance
        if article.pk is None:
            return []
        block = block_for(article)
        ids = [slot.target_id for slot in block.slots]
        titles = dict(Article.objects.filter(pk__in=ids).values_list("pk", "title"))
        kinds = dict(SlotKind.choices)
        return [
            {
                "position": slot.position,
                "title": titles.get(slot.target_id, ""),
                "kind": kinds[slot.kind],
                "team": TEAMS.get(slot.team, ""),
                "why": describe_reasons(slot.reasons)
                or ("chosen by the editors" if slot.kind != "suggested" else ""),
                "note": reader_note(slot.kind, slot.reasons),
            }
            for slot in block.slots
        ]


class ShownBlockInline(admin.StackedInline):
    model = RelatedLink
    fk_name = "source"
    formset = ShownBlockFormSet
    template = "recommendations/shown_block_panel.html"
    fields = ["target"]
    extra = 0
    max_num = 0
    can_delete = False
    verbose_name = "slot"
    verbose_name_plural = "What readers see now"

    def get_queryset(self, request):
        return super().get_queryset(request).none()

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("recommendations.view_relatedlink")
