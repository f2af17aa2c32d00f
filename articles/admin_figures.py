"""The figures of the article form, as compact cards (the editors' desk, issue 16).

Each figure is a card: a thumbnail and its caption lines at the top, a switch between an
artwork and an upload that shows only that kind's fields, the rest in a group that folds.
Figures are reordered by dragging or with "Move up"/"Move down" (articles/static/articles/
figures.js), which fill the positions; the server numbers them 0..n-1 (the model's
convention: "Figure {position + 1}") in the order given,
whatever was typed. The thumbnail of a chosen artwork comes from the artwork admin's figure
card (artworks.admin_cards); a chosen file is shown by the browser before anything is sent.
"""

from django import forms
from django.conf import settings
from django.contrib import admin

from adminsite.primed import PrimedChoicesAdminMixin
from articles import prepublish
from articles.forms import ArticleFigureFormSet
from articles.models import ArticleFigure
from images.admin_mixins import ImageUseAdminMixin

FIGURES_MEDIA = forms.Media(
    css={"all": ["articles/figures.css"]},
    js=["admin/js/jquery.init.js", "articles/figures.js"],
)


class FiguresAdminMixin:
    """For ArticleAdmin: its form page may show pictures from `blob:` addresses, the files an
    editor has chosen and not yet sent (their thumbnails and focal point), and only that page.
    """

    def render_change_form(self, request, context, *args, **kwargs):
        response = super().render_change_form(request, context, *args, **kwargs)
        policy = getattr(response, "_csp_config", settings.SECURE_CSP)
        response._csp_config = {**policy, "img-src": [*policy.get("img-src", []), "blob:"]}
        return response


class NumberedFigureFormSet(ArticleFigureFormSet):
    """Positions 0..n-1 in the order the form gives (its positions, then its order on the
    page), so that a typed "5" between "1" and "2" is the third figure, and gaps close."""

    def save(self, commit=True):
        saved = super().save(commit)
        if commit:
            self._number_figures()
        return saved

    def _number_figures(self):
        kept = [
            (form.instance.position, index, form.instance)
            for index, form in enumerate(self.forms)
            if form.instance.pk is not None and not self._should_delete_form(form)
        ]
        for number, (_, _, figure) in enumerate(sorted(kept, key=lambda k: k[:2])):
            if figure.position != number:
                figure.position = number
                figure.save(update_fields=["position"])


class ArticleFigureInline(PrimedChoicesAdminMixin, ImageUseAdminMixin, admin.StackedInline):
    model = ArticleFigure
    formset = NumberedFigureFormSet
    template = "admin/articles/article/desk/figures_inline.html"
    autocomplete_fields = ["artwork", "artwork_image"]
    extra = 0
    verbose_name = "figure"
    verbose_name_plural = "figures (in order; the first leads)"
    fieldsets = [
        (None, {"fields": ["position"], "classes": ["figure-card__position"]}),
        ("Artwork", {"fields": ["artwork", "artwork_image"], "classes": ["figure-kind-artwork"]}),
        (
            "Upload",
            {
                "fields": ["image", "image_preview", ("focal_x", "focal_y"), "image_facts"],
                "classes": ["figure-kind-upload"],
            },
        ),
        ("Text", {"fields": ["alt_text", "decorative", "credit", "caption"]}),
    ]
    readonly_fields = ["image_facts", "image_preview"]

    def get_queryset(self, request):
        # What each card's thumbnail and caption read, for all figures at once: what the
        # pre-publish checks read, so that the checks panel takes the figures shown anew from
        # here (admin_publish.py) instead of reading them again. Only the ordered figures: the
        # body's are made from its figure nodes (articles/body_figures/), never edited here.
        ordered = super().get_queryset(request).filter(in_body=False)
        return prepublish.with_checked_parts(ordered)

    @property
    def media(self):
        return super().media + FIGURES_MEDIA
