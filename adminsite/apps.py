from django.contrib.admin.apps import AdminConfig


class NewsroomAdminConfig(AdminConfig):
    """django.contrib.admin (label "admin", autodiscovery) with our site as `admin.site`."""

    default_site = "adminsite.sites.NewsroomAdminSite"

    def ready(self):
        super().ready()
        # Filters by a column's values list them by index where one leads (filters.py).
        from adminsite import filters  # noqa: PLC0415 (the admin's own modules load first)

        filters.register()
