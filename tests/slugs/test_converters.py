"""The slug in an address: any script, read in the form slugs are stored in."""

from urllib.parse import unquote

import pytest
from django.urls import Resolver404, resolve, reverse

from slugs.converters import UnicodeSlugConverter, is_slug


@pytest.mark.parametrize(
    "slug", ["künstler", "現代美術", "artist-palette-2", "hannah-höch", "ai_weiwei", "Mixed-Case"]
)
@pytest.mark.parametrize(
    "name",
    [
        "articles:article-detail",
        "articles:section-detail",
        "articles:tag-detail",
        "artists:artist-detail",
        "artworks:artwork-detail",
        "feeds:section-rss",
        "feeds:section-atom",
        "feeds:tag-rss",
        "feeds:tag-atom",
        "feeds:artist-rss",
        "feeds:artist-atom",
    ],
)
def test_every_slug_address_goes_there_and_back(name, slug):
    """Every public address with a slug reverses any stored slug and resolves back to it."""
    address = reverse(name, args=[slug])

    assert address.isascii()  # percent-encoded UTF-8
    match = resolve(unquote(address))  # the path as a request has it
    assert match.view_name == name
    assert match.kwargs == {"slug": slug}


def test_decomposed_accents_resolve_to_the_stored_form():
    """ "cafe" and a combining acute accent is read as "café"."""
    assert resolve("/tags/cafe\u0301/").kwargs == {"slug": "café"}
    assert resolve("/artists/hannah-ho\u0308ch/").kwargs == {"slug": "hannah-höch"}


@pytest.mark.parametrize(
    "address", ["/tags/🎨/", "/tags/a b/", "/tags/a?b/", "/tags/100%/", "/tags/a#b/", "/tags/\x00/"]
)
def test_what_is_no_slug_does_not_resolve(address):
    """Symbols, spaces and URL delimiters are no slug: no view, so a 404."""
    with pytest.raises(Resolver404):
        resolve(address)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("künstler", True), ("a-b_c", True), ("", False), ("a b", False), ("ﬁne", False)],
)
def test_is_slug(value, expected):
    """A stored slug must read back unchanged from an address (so "ﬁ" is not, "fi" is)."""
    assert is_slug(value) is expected


def test_to_python_refuses_what_is_not_a_slug():
    """The converter's refusal is a ValueError: Django then tries the next pattern."""
    with pytest.raises(ValueError, match="not a slug"):
        UnicodeSlugConverter().to_python("a/b")
