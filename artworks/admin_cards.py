"""What a form that shows an artwork (an article's figure) asks of the artwork admin while the
editor picks, before anything is saved:

- the figure card: the thumbnail, alt text, credit and composed caption of an artwork, or of
  one of its images (JSON, for the view permission on artworks);
- the artwork-image picker limited to the chosen artwork's images: the form's script adds
  `artwork=<id>` to the autocomplete request of a field that sits beside an `artwork` field.
"""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.urls import path

from artworks.captions import compose_caption
from artworks.models import Artwork, ArtworkImage


def figure_card(artwork: Artwork, artwork_image: ArtworkImage | None) -> dict:
    shown = artwork_image or artwork.primary_image
    return {
        "artwork": artwork.pk,
        "artwork_image": shown.pk if shown else None,
        "thumbnail": shown.image.file.url if shown and shown.image.file else None,
        "alt": shown.alt if shown else "",
        "credit": shown.credit if shown else "",
        "caption": [line for line in compose_caption(artwork) if line],
    }


class FigureCardAdminMixin:
    """For ArtworkAdmin: /admin/artworks/artwork/<pk>/figure-card/?image=<artwork image pk>."""

    def get_urls(self):
        card = path(
            "<path:object_id>/figure-card/",
            self.admin_site.admin_view(self.figure_card_view),
            name="artworks_artwork_figure_card",
        )
        return [card, *super().get_urls()]

    def figure_card_view(self, request, object_id):
        artwork = self.get_object(request, object_id)
        if artwork is None:
            raise Http404("No such artwork.")
        if not self.has_view_permission(request, artwork):
            raise PermissionDenied
        artwork_image = None
        chosen = request.GET.get("image", "")
        if chosen:
            if not chosen.isdigit():
                raise Http404("No such image.")
            artwork_image = artwork.images.filter(pk=chosen).first()
            if artwork_image is None:
                raise Http404("That image belongs to another artwork.")
        return JsonResponse(figure_card(artwork, artwork_image))


class ArtworkImagePickerMixin:
    """For ArtworkImageAdmin: the autocomplete of a field beside an `artwork` field lists
    that artwork's images only; none before an artwork is chosen."""

    def get_search_results(self, request, queryset, search_term):
        queryset, distinct = super().get_search_results(request, queryset, search_term)
        if not self._picked_beside_an_artwork(request):
            return queryset, distinct
        artwork = request.GET.get("artwork", "")
        if not artwork.isdigit():
            return queryset.none(), distinct
        return queryset.filter(artwork_id=int(artwork)), distinct

    @staticmethod
    def _picked_beside_an_artwork(request) -> bool:
        if "field_name" not in request.GET:
            return False  # not an autocomplete request
        try:
            model = apps.get_model(request.GET["app_label"], request.GET["model_name"])
        except (KeyError, LookupError, ValueError):
            return False  # the autocomplete view refuses these itself
        return any(field.name == "artwork" for field in model._meta.get_fields())
