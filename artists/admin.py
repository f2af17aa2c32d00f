from django.contrib import admin

from artists.models import Artist
from images.admin_display import FOCAL_POINT_MEDIA, focal_point_preview, image_facts
from images.thumbnails import admin_thumbnail
from revisions.admin import RevisionedAdmin
from tagging.forms import TagAutocompleteAdminMixin


@admin.register(Artist)
class ArtistAdmin(RevisionedAdmin, TagAutocompleteAdminMixin, admin.ModelAdmin):
    list_display = ["thumbnail", "name", "sort_name", "birth_year", "death_year", "nationality"]
    list_display_links = ["thumbnail", "name"]
    # No filter by movement: it would list every tag of the site (2,000 and more) in the
    # sidebar. A tag's public page lists its artists.
    list_filter = ["nationality"]
    search_fields = ["name", "sort_name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["portrait_preview", "portrait_facts", "tate_id", "created_at", "updated_at"]
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
                    "portrait_preview",
                    "portrait_facts",
                    ("portrait_focal_x", "portrait_focal_y"),
                    "portrait_alt_text",
                ]
            },
        ),
        ("Record", {"fields": ["tate_id", "created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    @admin.display(description="")
    def thumbnail(self, artist):
        return admin_thumbnail(artist.portrait, artist.portrait_alt_text)

    @property
    def media(self):
        return super().media + FOCAL_POINT_MEDIA

    @admin.display(description="Preview and focal point")
    def portrait_preview(self, artist):
        return focal_point_preview(
            artist.portrait,
            artist.portrait_focal_x,
            artist.portrait_focal_y,
            artist.portrait_alt_text,
        )

    @admin.display(description="Image")
    def portrait_facts(self, artist):
        return image_facts(
            artist.portrait_width,
            artist.portrait_height,
            artist.portrait_file_size,
            artist.portrait_original_name,
        )
