from django.contrib import admin

from adminsite.primed import PrimedChoicesAdminMixin
from artworks.admin_cards import ArtworkImagePickerMixin, FigureCardAdminMixin
from artworks.models import Artwork, ArtworkArtist, ArtworkImage
from images.admin_mixins import ImageUseAdminMixin
from images.thumbnails import admin_thumbnail
from revisions.admin import RevisionedAdmin
from tagging.forms import TagAutocompleteAdminMixin
from workingcopies.admin import WorkingCopyAdminMixin


class ArtworkArtistInline(PrimedChoicesAdminMixin, admin.TabularInline):
    model = ArtworkArtist
    autocomplete_fields = ["artist"]
    extra = 0
    min_num = 0
    verbose_name = "artist"
    verbose_name_plural = "artists (in caption order)"
    fields = ["position", "artist", "role", "role_text"]

    def get_queryset(self, request):
        # What each row's picker shows (adminsite/primed.py).
        return super().get_queryset(request).select_related("artist")


class ArtworkImageInline(ImageUseAdminMixin, admin.StackedInline):
    model = ArtworkImage
    extra = 0
    verbose_name = "image"
    verbose_name_plural = "images (the first is the main one)"
    fields = [
        "position",
        "image",
        "image_preview",
        "image_facts",
        ("focal_x", "focal_y"),
        "alt_text",
        "decorative",
        "credit",
    ]
    readonly_fields = ["image_preview", "image_facts"]


@admin.register(Artwork)
class ArtworkAdmin(
    FigureCardAdminMixin,
    RevisionedAdmin,
    WorkingCopyAdminMixin,
    TagAutocompleteAdminMixin,
    admin.ModelAdmin,
):
    list_display = ["thumbnail", "title", "artist_names", "date_display", "classification"]
    list_display_links = ["thumbnail", "title"]
    # No filter by subject: it would list every tag of the site in the sidebar.
    list_filter = ["classification", "unit"]
    search_fields = ["title", "accession_number", "artists__name", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [ArtworkArtistInline, ArtworkImageInline]
    readonly_fields = ["caption_preview", "tate_id", "created_at", "updated_at"]
    show_full_result_count = False
    fieldsets = [
        (None, {"fields": ["title", "slug", "caption_preview"]}),
        ("Date", {"fields": ["date_display", ("earliest_year", "latest_year")]}),
        (
            "Medium and dimensions",
            {"fields": ["medium", "dimensions_display", ("height", "width", "depth", "unit")]},
        ),
        (
            "Collection",
            {
                "fields": [
                    "classification",
                    "accession_number",
                    "credit_line",
                    "copyright_line",
                    "source_url",
                ]
            },
        ),
        ("Subjects", {"fields": ["tags"]}),
        ("Record", {"fields": ["tate_id", "created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("images", "artist_credits__artist")

    @admin.display(description="")
    def thumbnail(self, artwork):
        image = artwork.primary_image
        return admin_thumbnail(image.image if image else None, image.alt_text if image else "")

    @admin.display(description="Artists")
    def artist_names(self, artwork):
        return ", ".join(credit.artist.name for credit in artwork.credited_artists())

    @admin.display(description="Caption")
    def caption_preview(self, artwork):
        if not artwork.pk:
            return "Save to see the caption."
        return str(artwork.caption)


@admin.register(ArtworkImage)
class ArtworkImageAdmin(ArtworkImagePickerMixin, ImageUseAdminMixin, admin.ModelAdmin):
    """Not in the menu: it exists so figures can pick an artwork's image by autocomplete."""

    search_fields = ["artwork__title", "alt_text"]
    list_display = ["thumbnail", "artwork", "alt_text"]
    autocomplete_fields = ["artwork"]
    show_full_result_count = False

    def has_module_permission(self, request):
        return False

    def get_queryset(self, request):
        # Not list_select_related: the change list applies it only to a queryset that joins
        # nothing yet, and the manager already joins each row's Image.
        return super().get_queryset(request).select_related("artwork")

    @admin.display(description="")
    def thumbnail(self, artwork_image):
        return admin_thumbnail(artwork_image.image, artwork_image.alt_text)
