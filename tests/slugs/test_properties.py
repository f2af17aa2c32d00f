"""Generated names (every script, symbols, emoji, URL delimiters, very long): the slug is never
empty, fits, reads back from its address, and the pages that link it answer."""

from urllib.parse import unquote

import pytest
from django.urls import resolve, reverse
from hypothesis import given
from hypothesis import strategies as st

from plaintext.text import clean_text
from slugs.converters import is_slug
from slugs.making import SUFFIX_ROOM, slug_for
from tests.factories import ArticleFactory
from tests.slugs.links import slug_addresses_in, statuses

# Text as people type and paste it; lone surrogates and control characters are the text
# cleaning's concern, not the slug's.
CHARACTERS = st.characters(exclude_categories=("Cs", "Cc"))
# A name of nothing but spaces is no tag at all (plaintext drops it: tests/plaintext): not a
# slug's concern either.
NAMES = st.one_of(
    st.text(CHARACTERS, min_size=1, max_size=100),
    st.text(st.sampled_from("🎨🖼️👩‍🎨🇫🇷?#/%&.-_ éü現代"), min_size=1, max_size=100),
).filter(clean_text)


@given(name=NAMES, max_length=st.integers(min_value=SUFFIX_ROOM + 1, max_value=255))
def test_any_name_makes_a_slug_that_reads_back(name, max_length):
    """Never empty, within the field with room for a number, and an address gives it back."""
    slug = slug_for(name, max_length=max_length, fallback="tag")

    assert is_slug(slug)
    assert 0 < len(slug) <= max_length - SUFFIX_ROOM
    address = reverse("articles:tag-detail", args=[slug])
    assert resolve(unquote(address)).kwargs == {"slug": slug}


@pytest.mark.django_db
@given(name=NAMES)
def test_any_tag_name_gives_pages_that_answer(client, name):
    """A published article tagged with any name: its page, and every tag link on it, 200."""
    article = ArticleFactory(tags=[name])
    response = client.get(article.get_absolute_url())

    linked = {path for path in slug_addresses_in(response) if path.startswith("/tags/")}
    assert linked == {reverse("articles:tag-detail", args=[article.tags.get().slug])}
    assert statuses(client, linked) == dict.fromkeys(linked, 200)
