from django.utils.functional import SimpleLazyObject

from pagecache import fragments
from sitesettings.models import SiteSettings


def site_settings(request):
    """The publisher's settings (name, footer blurb) on every page, read when a page first
    uses them: from the cache, kept until the row changes (pagecache/fragments.py), so every
    worker sees an edit on its next page."""
    return {"site": SimpleLazyObject(_current)}


def _current() -> SiteSettings:
    return fragments.remember("site-settings", SiteSettings.current)
