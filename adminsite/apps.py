from django.contrib.admin.apps import AdminConfig


class NewsroomAdminConfig(AdminConfig):
    """django.contrib.admin (label "admin", autodiscovery) with our site as `admin.site`."""

    default_site = "adminsite.sites.NewsroomAdminSite"
