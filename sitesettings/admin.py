from django.contrib import admin
from django.http import HttpResponseRedirect
from django.urls import reverse

from sitesettings.models import SiteSettings


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    """One row: the list page goes straight to its form, and it cannot be deleted."""

    show_full_result_count = False
    fieldsets = [
        (None, {"fields": ["publisher_name", "tagline", "footer_blurb"]}),
        ("Link previews", {"fields": ["default_meta_image", "default_meta_image_alt"]}),
    ]

    def changelist_view(self, request, extra_context=None):
        settings = SiteSettings.current()
        return HttpResponseRedirect(
            reverse("admin:sitesettings_sitesettings_change", args=[settings.pk])
        )

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
