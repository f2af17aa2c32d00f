from django.contrib import admin

from artists.models import Artist
from images.admin_mixins import ImageUseAdminMixin
from images.thumbnails import admin_thumbnail
from revisions.admin import RevisionedAdmin
from tagging.forms import TagAutocompleteAdminMixin
from workingcopies.admin import WorkingCopyAdminMixin


@admin.register(Artist)
class ArtistAdmin(
    RevisionedAdmin,
    WorkingCopyAdminMixin,
    ImageUseAdminMixin,
    TagAutocompleteAdminMixin,
    admin.ModelAdmin,
):
    image_field = "portrait"
    image_alt_field = "portrait_alt_text"

    list_display = ["thumbnail", "name", "sort_name", "birth_year", "death_year", "nationality"]
    list_display_links = ["thumbnail", "name"]
    # No filter by movement: it would list every tag of the site (2,000 and more) in the
    # sidebar. A tag's public page lists its artists.
    list_filter = ["nationality"]
    search_fields = ["name", "sort_name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["portrait"]
    readonly_fields = ["image_preview", "image_facts", "tate_id", "created_at", "updated_at"]
    show_full_result_count = False
    fieldsets = [
        (None, {"fields": ["name", "sort_name", "slug"]}),
        (
            "Life",
            {
                "fields": [
                    ("birth_year", "death_year"),
                    ("birth_place", "death_place"),
                    "nationality",
                ]
            },
        ),
        ("About", {"fields": ["bio", "website", "source_url", "tags"]}),
        (
            "Portrait",
            {
                "fields": [
                    "portrait",
                    "image_preview",
                    "image_facts",
                    ("focal_x", "focal_y"),
                    "portrait_alt_text",
                ]
            },
        ),
        ("Record", {"fields": ["tate_id", "created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    @admin.display(description="")
    def thumbnail(self, artist):
        return admin_thumbnail(artist.portrait, artist.portrait_alt_text)
