from functools import wraps

from django.contrib import admin
from django.core.exceptions import BadRequest

from adminsite.parameters import guarded, has_nul
from richtext.admin import with_rich_text_read_only


class NewsroomAdminSite(admin.AdminSite):
    site_header = "Newsroom"
    site_title = "Newsroom admin"
    index_title = "Content"

    def register(self, model_or_iterable, admin_class=None, **options):
        """Every model admin, ours or an installed app's (taggit's tags, auth's users and
        groups), gets the guarded change list and add form: registering is the one door they
        all pass. Their read-only views show rich text rendered, not as escaped HTML."""
        admin_class = with_rich_text_read_only(admin_class or admin.ModelAdmin)
        super().register(model_or_iterable, guarded(admin_class), **options)

    def admin_view(self, view, cacheable=False):
        """Every view of the admin (lists, forms, autocompletes) refuses a NUL character in its
        query string with a 400: PostgreSQL cannot compare a string holding one, and no link
        of the admin makes one."""
        site_view = super().admin_view(view, cacheable)

        @wraps(site_view)
        def without_nul(request, *args, **kwargs):
            if has_nul(request.GET):
                raise BadRequest("A NUL character in the address.")
            return site_view(request, *args, **kwargs)

        return without_nul
