import hashlib
from functools import cache
from typing import NamedTuple

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.functional import SimpleLazyObject

from articles.models import Section
from pagecache import fragments

# The fixed links of the header and footer, by the names base.html uses.
SITE_LINKS = {
    "home": "articles:home",
    "articles": "articles:article-list",
    "artists": "artists:artist-list",
    "artworks": "artworks:artwork-list",
    "exhibitions": "exhibitions:exhibition-list",
    "search": "search:search",
}


class NavSection(NamedTuple):
    """A section as the navigation shows it (templates may ask it as they asked a Section)."""

    name: str
    slug: str
    url: str

    def get_absolute_url(self) -> str:
        return self.url


def navigation(request):
    """The header's sections and the site's fixed links, on every page, read only when a page
    shows them: the sections with their addresses from the cache, kept until a section changes
    (pagecache/fragments.py); the fixed links reversed once per process."""
    return {"nav_sections": SimpleLazyObject(_sections), "site_links": SimpleLazyObject(_links)}


def _sections() -> list[NavSection]:
    # Addresses include the script prefix the site is served under: one fragment per prefix.
    prefix = hashlib.sha256(get_script_prefix().encode()).hexdigest()[:16]
    return fragments.remember(f"nav-sections:{prefix}", _build_sections)


def _build_sections() -> list[NavSection]:
    return [
        NavSection(section.name, section.slug, section.get_absolute_url())
        for section in Section.objects.all()
    ]


def _links() -> dict[str, str]:
    return _reversed(get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)


@cache
def _reversed(prefix: str, urlconf: str) -> dict[str, str]:
    return {name: reverse(view, urlconf=urlconf) for name, view in SITE_LINKS.items()}
