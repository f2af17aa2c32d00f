"""Figures inside the article's body: what the body editor's "Insert figure" asks of the admin.

The body's editor gets the figure node (static/articles/body-figure.js: `<figure
data-artwork="123" ...></figure>` at the top level of the body, with its dialog in
body-figure-dialog.js); only the article's body does, not other rich text (an artist's bio).
Three JSON views beside the article admin answer the editor's dialog and the figures shown in
the text, each for those who may change articles, bad input a 400 with a message:

- `body-figures/artworks/?q=`: artworks found by artist and title (the artwork admin's own
  search), each with its caption's first line, its thumbnail and its images to choose from;
- `body-figures/card/?artwork=<pk>&artwork_image=<pk>` or `?image=<pk>`: what a figure in the
  text shows (thumbnail, composed caption, alt text, credit), the artwork's from its figure
  card (artworks.admin_cards);
- `body-figures/upload/` (POST, `file`): a picture that is not an artwork, stored as the
  form's own uploads are kept (articles.body_figure_uploads), answered with its Image key.

The server's sanitizer decides what of the node is kept; these views only help to write it.
"""

from django.db import connection
from django.db.models import Prefetch
from django.http import JsonResponse
from django.urls import path, reverse
from js_asset import ImportMap, Media

from articles.body_figure_uploads import BodyFigureUploadForm, body_figure_image_store
from artworks.admin_cards import figure_card
from artworks.captions import compose_caption
from artworks.models import Artwork, ArtworkArtist, ArtworkImage
from images.models import Image

SEARCH_RESULTS = 10
MAX_QUERY_LENGTH = 200

BODY_FIGURES_MEDIA = Media(
    css={"all": ["articles/body-figures.css"]},
    # The node's module (loaded by django-prose-editor from DJANGO_PROSE_EDITOR_EXTENSIONS)
    # imports its dialog by this name, so that hashed file names resolve in production.
    importmap=ImportMap({"newsroom/body-figure-dialog": "articles/body-figure-dialog.js"}),
)


def _error(message: str, status: int = 400) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


def _key(value: str, model) -> int | None:
    """A positive decimal key that the model's primary key can hold, or None: a number too
    large for the column would be a database error (PostgreSQL), not a 'not found'."""
    if not value.isascii() or not value.isdigit() or value.startswith("0"):
        return None
    _, largest = connection.ops.integer_field_range(model._meta.pk.get_internal_type())
    number = int(value)
    return number if number <= largest else None


def _with_card_parts(artworks):
    """What the caption and the images of each artwork read: two queries for all of them."""
    credits = ArtworkArtist.objects.select_related("artist")
    return artworks.prefetch_related(Prefetch("artist_credits", queryset=credits), "images")


def _thumbnail(artwork_image) -> str | None:
    file = artwork_image.image.file
    return file.url if file else None


def search_result(artwork: Artwork) -> dict:
    images = sorted(artwork.images.all(), key=lambda shown: shown.position)
    caption = [line for line in compose_caption(artwork) if line]
    return {
        "artwork": artwork.pk,
        "label": caption[0] if caption else str(artwork),
        "caption": caption,
        "thumbnail": _thumbnail(images[0]) if images else None,
        "images": [
            {
                "id": shown.pk,
                "label": f"Image {number}" + (f": {shown.alt_text}" if shown.alt_text else ""),
                "thumbnail": _thumbnail(shown),
            }
            for number, shown in enumerate(images, start=1)
        ],
    }


class BodyFiguresAdminMixin:
    """For ArticleAdmin: the views above, and the figure node on the body's editor."""

    def get_urls(self):
        def named(suffix):
            return f"{self.opts.app_label}_{self.opts.model_name}_body_figures_{suffix}"

        views = [
            path(
                "body-figures/artworks/",
                self._guarded(self.body_figure_search),
                name=named("search"),
            ),
            path("body-figures/card/", self._guarded(self.body_figure_card), name=named("card")),
            path(
                "body-figures/upload/", self._guarded(self.body_figure_upload), name=named("upload")
            ),
        ]
        return [*views, *super().get_urls()]

    def _guarded(self, view):
        def guarded(request):
            if not self.has_change_permission(request):
                return _error("You may not change articles.", status=403)
            return view(request)

        return self.admin_site.admin_view(guarded)

    def body_figure_urls(self) -> dict[str, str]:
        def url(suffix):
            return reverse(
                f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}"
                f"_body_figures_{suffix}"
            )

        return {"searchUrl": url("search"), "cardUrl": url("card"), "uploadUrl": url("upload")}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        widget = getattr(formfield, "widget", None)
        if db_field.name == "body" and hasattr(widget, "config"):
            # A copy: the widget's config is the model field's own dict, shared by every form.
            extensions = {**widget.config["extensions"], "BodyFigure": self.body_figure_urls()}
            widget.config = {**widget.config, "extensions": extensions}
        return formfield

    @property
    def media(self):
        return super().media + BODY_FIGURES_MEDIA

    def body_figure_search(self, request):
        if request.method != "GET":
            return _error("Search with GET.", status=405)
        query = request.GET.get("q", "").strip()
        if len(query) > MAX_QUERY_LENGTH:
            return _error(f"Search with at most {MAX_QUERY_LENGTH} characters.")
        if not query:
            return JsonResponse({"results": []})
        found = self._artworks_found(request, query)
        return JsonResponse({"results": [search_result(artwork) for artwork in found]})

    def _artworks_found(self, request, query: str) -> list[Artwork]:
        """Artworks by artist and title: the artwork admin's search (its fields, its words),
        the first few by title, with what their results show."""
        artworks = Artwork.objects.all()
        artwork_admin = self.admin_site._registry.get(Artwork)
        if artwork_admin is None:
            return []
        artworks, duplicates = artwork_admin.get_search_results(request, artworks, query)
        if duplicates:
            artworks = artworks.distinct()
        return list(_with_card_parts(artworks.order_by("title", "pk"))[:SEARCH_RESULTS])

    @staticmethod
    def body_figure_card(request):
        if request.method != "GET":
            return _error("Ask with GET.", status=405)
        given = {name: request.GET.get(name, "") for name in ("artwork", "artwork_image", "image")}
        if bool(given["artwork"]) == bool(given["image"]):
            return _error("Ask for one artwork or one image.")
        if given["image"]:
            return _image_card(given["image"])
        artwork_pk = _key(given["artwork"], Artwork)
        image_pk = _key(given["artwork_image"], ArtworkImage) if given["artwork_image"] else None
        if artwork_pk is None or (given["artwork_image"] and image_pk is None):
            return _error("An artwork and its image are given by their numbers.")
        artwork = _with_card_parts(Artwork.objects.filter(pk=artwork_pk)).first()
        if artwork is None:
            return _error("There is no such artwork.", status=404)
        shown = None
        if image_pk is not None:
            shown = next((each for each in artwork.images.all() if each.pk == image_pk), None)
            if shown is None:
                return _error("That image is not one of this artwork's.", status=404)
        # The dialog that edits a figure offers the artwork's other images too.
        return JsonResponse({**search_result(artwork), **figure_card(artwork, shown)})

    @staticmethod
    def body_figure_upload(request):
        if request.method != "POST":
            return _error("Send the file with POST.", status=405)
        form = BodyFigureUploadForm(files=request.FILES)
        if not form.is_valid():
            return _error(" ".join(form.errors["file"]))
        image = body_figure_image_store(upload=form.cleaned_data["file"])
        return JsonResponse(
            {"image": image.pk, "thumbnail": image.file.url, "name": image.original_name}
        )


def _image_card(value: str) -> JsonResponse:
    pk = _key(value, Image)
    if pk is None:
        return _error("An image is given by its number.")
    image = Image.objects.filter(pk=pk).first()
    if image is None or not image.file:
        return _error("There is no such image.", status=404)
    return JsonResponse(
        {
            "image": image.pk,
            "thumbnail": image.file.url,
            "name": image.original_name,
            "alt": "",
            "credit": "",
            "caption": [],
        }
    )
