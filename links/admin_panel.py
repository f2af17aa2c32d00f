"""The "Outbound links" panel of the article's change form: each address the article uses (its
body and its outbound-links inline, as saved), what the checker last found in words, when, where
it moved, whether it is dead, and the archived copy if one is recorded. Read only: it reaches the
article admin through its extension point (`ArticleAdmin.extra_inlines`, from LinksConfig.ready())
as an inline with no forms; its rows are read in one query when the template asks."""

from django import forms
from django.contrib import admin
from django.forms.formsets import INITIAL_FORM_COUNT, TOTAL_FORM_COUNT, ManagementForm
from django.forms.models import BaseInlineFormSet
from django.utils.functional import cached_property

from links.models import Link, LinkUse


class PanelFormSet(BaseInlineFormSet):
    @property
    def media(self):
        return forms.Media()  # no forms, no scripts (and no empty form built to ask for them)

    @cached_property
    def management_form(self):
        if not self.is_bound:
            return super().management_form
        # The panel has no forms: whatever the post holds for it (nothing, from a client that
        # never showed it), it takes nothing, and never refuses the article's save.
        nothing = {self.add_prefix(TOTAL_FORM_COUNT): 0, self.add_prefix(INITIAL_FORM_COUNT): 0}
        form = ManagementForm(
            nothing, auto_id=self.auto_id, prefix=self.prefix, renderer=self.renderer
        )
        form.full_clean()
        return form

    @cached_property
    def link_rows(self) -> list[dict]:
        article = self.instance
        if article.pk is None:
            return []
        rows: dict[int, dict] = {}
        for use in (
            LinkUse.objects.filter(article_id=article.pk)
            .select_related("link")
            .order_by("link__url", "field")
        ):
            row = rows.setdefault(use.link_id, {"link": use.link, "fields": [], "archive": None})
            row["fields"].append(use.field)
            if use.archive_url and row["archive"] is None:
                row["archive"] = (use.archive_url, use.archived_on)
        for row in rows.values():
            link = row["link"]
            row["attention"] = (
                link.dead and not link.ignored
            ) or link.status == Link.Status.REDIRECTED
        return list(rows.values())


class ArticleLinksPanel(admin.StackedInline):
    model = LinkUse
    fk_name = "article"
    formset = PanelFormSet
    template = "links/article_links_panel.html"
    extra = 0
    max_num = 0
    can_delete = False
    fields: list[str] = []
    verbose_name = "outbound link's state"
    verbose_name_plural = "outbound links' state"

    def get_queryset(self, request):
        return super().get_queryset(request).none()  # no forms: the panel reads its own rows

    # Whoever sees the article sees the state of its links; nobody edits them here.
    def has_view_permission(self, request, obj=None):
        return True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
