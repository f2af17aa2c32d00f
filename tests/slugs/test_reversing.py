"""slug_addresses() gives the address reverse() gives, for slugs of every script."""

import pytest
from django.urls import reverse, set_script_prefix
from hypothesis import given
from hypothesis import strategies as st

from slugs.reversing import slug_addresses

VIEWS = ["articles:article-detail", "artists:artist-detail", "artworks:artwork-detail"]
SLUGS = ["plain", "künstler", "現代美術", "a_b-c", "0slug0", "x0slug0y", "ǅ", "ﬁne"]


@pytest.mark.parametrize("view_name", VIEWS)
@pytest.mark.parametrize("slug", SLUGS)
def test_as_reverse_does(view_name, slug):
    assert slug_addresses(view_name)(slug) == reverse(view_name, kwargs={"slug": slug})


@given(st.text(alphabet=st.characters(exclude_characters="/"), min_size=1, max_size=20))
def test_any_slug_reverse_takes(slug):
    """Stored slugs are NFKC letters, digits, - and _; anything else goes through reverse()."""
    try:
        expected = reverse("artists:artist-detail", kwargs={"slug": slug})
    except Exception as refusal:
        with pytest.raises(type(refusal)):
            slug_addresses("artists:artist-detail")(slug)
        return
    assert slug_addresses("artists:artist-detail")(slug) == expected


def test_under_a_script_prefix():
    set_script_prefix("/site/")
    try:
        assert slug_addresses("artists:artist-detail")("ö") == "/site/artists/%C3%B6/"
    finally:
        set_script_prefix("/")
