"""Property: whatever text is put into the content (through the ORM, as imports and the shell
do), every public page, feed, sitemap, JSON-LD block and search result answers 200, parses, and
shows the input as text, never as markup.

`make test` runs a modest number of examples; `pytest tests/hostile --hypothesis-profile=deep`
runs many more."""

import pytest
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from tests.hostile.browser_forms import as_a_browser_sends
from tests.hostile.strategies import hostile_text
from tests.hostile.surfaces import (
    problems_in_response,
    problems_of,
    public_urls,
    same_site_links,
)
from tests.hostile.world import build_world, plain_text, texts

pytestmark = pytest.mark.django_db


class _Rollback(Exception):
    pass


def each_example_alone(check):
    """Run `check` in a transaction that is rolled back, with an empty page cache, so that one
    example's content never shows on another example's pages."""
    cache.clear()
    try:
        with transaction.atomic():
            check()
            raise _Rollback
    except _Rollback:
        pass


@given(text=texts())
def test_every_public_surface_survives_any_text(client, text):
    """Every page type, feed and sitemap answers 200, parses and holds no markup of the input."""

    def check():
        world = build_world(text)
        urls = public_urls(world)
        assert problems_of(client, urls) == {}

    each_example_alone(check)


@given(text=texts())
def test_every_link_on_the_article_page_leads_somewhere(client, text):
    """Each same-site link on the article page (tags, section, artist, artwork, feeds) works."""

    def check():
        world = build_world(text)
        page = client.get(world["article"].get_absolute_url())
        assert page.status_code == 200
        links = {href: href for href in same_site_links(page.content.decode())}
        statuses = {href: client.get(href).status_code for href in links}
        assert {href: status for href, status in statuses.items() if status != 200} == {}

    each_example_alone(check)


@given(text=texts(), query=hostile_text(max_size=300))
def test_search_answers_any_query(client, text, query):
    """Search with any words, of any kind of result, answers a page that parses (or a 400)."""

    def check():
        build_world(text)
        urls = {
            f"search {kind}": f"/search/?{kind}" for kind in ("", "kind=artists&", "kind=artworks&")
        }
        for name, url in urls.items():
            response = client.get(url, {"q": as_a_browser_sends(query)})
            assert response.status_code in {200, 400}, name
            if response.status_code == 200:
                assert problems_in_response(response) == [], name

    each_example_alone(check)


@given(names=st.lists(hostile_text(max_size=100, min_size=1), min_size=1, max_size=4))
def test_any_tag_names_on_one_article(client, names):
    """Several tags at once, however alike once cleaned, give one working page each."""

    def check():
        world = build_world(
            plain_text() | {"article_tag": "x", "artist_movement": "y", "artwork_subject": "z"}
        )
        world["article"].tags.add(*names)
        page = client.get(world["article"].get_absolute_url())
        assert page.status_code == 200
        for tag in world["article"].tags.all():
            url = reverse("articles:tag-detail", args=[tag.slug])
            assert problems_of(client, {tag.name: url}) == {}

    each_example_alone(check)
