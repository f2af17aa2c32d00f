from django.utils.functional import SimpleLazyObject

from sitesettings.models import SiteSettings


def site_settings(request):
    """The publisher's settings (name, footer blurb) on every page, read once per request."""
    return {"site": SimpleLazyObject(SiteSettings.current)}
