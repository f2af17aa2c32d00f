from django.contrib import admin

from artists.models import Artist
from images.thumbnails import admin_thumbnail
from revisions.admin import RevisionedAdmin
from tagging.forms import TagAutocompleteAdminMixin


@admin.register(Artist)
class ArtistAdmin(RevisionedAdmin, TagAutocompleteAdminMixin, admin.ModelAdmin):
    list_display = ["thumbnail", "name", "sort_name", "birth_year", "death_year", "nationality"]
    list_display_links = ["thumbnail", "name"]
    list_filter = ["nationality", "tags"]
    search_fields = ["name", "sort_name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["portrait_preview", "created_at", "updated_at"]
    show_full_result_count = False
    fieldsets = [
        (None, {"fields": ["name", "sort_name", "slug"]}),
        ("Life", {"fields": [("birth_year", "death_year"), "birth_place", "nationality"]}),
        ("About", {"fields": ["bio", "website", "tags"]}),
        ("Portrait", {"fields": ["portrait", "portrait_preview", "portrait_alt_text"]}),
        ("Record", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    @admin.display(description="")
    def thumbnail(self, artist):
        return admin_thumbnail(artist.portrait, artist.portrait_alt_text)

    @admin.display(description="Preview")
    def portrait_preview(self, artist):
        return admin_thumbnail(artist.portrait, artist.portrait_alt_text, size=240)
