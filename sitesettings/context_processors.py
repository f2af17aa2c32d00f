from sitesettings.models import SiteSettings


def site_settings(request):
    """The publisher's settings (name, footer blurb) on every page; cached, so no query."""
    return {"site": SiteSettings.current()}
