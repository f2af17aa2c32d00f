from django.utils.functional import SimpleLazyObject

from articles.models import Section
from pagecache import fragments


def navigation(request):
    """The sections in the site header, on every page: from the cache, kept until a section
    changes (pagecache/fragments.py); read only when a page shows them."""
    return {"nav_sections": SimpleLazyObject(_sections)}


def _sections() -> list[Section]:
    return fragments.remember("nav-sections", lambda: list(Section.objects.all()))
