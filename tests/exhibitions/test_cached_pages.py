"""The exhibitions' pages are served from the page cache, and each change that moves what they
show makes them fresh on the next request; pages that do not show it stay cached."""

import datetime

import pytest
from django.urls import reverse

from articles import services as publishing
from tests.factories import (
    ArticleFactory,
    ArtistFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
    ExhibitionFactory,
    VenueFactory,
)
from tests.pagecache.pages import MISS, fresh, served, still_cached, warm

pytestmark = pytest.mark.django_db

INDEX = reverse("exhibitions:exhibition-list")


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE = True


@pytest.fixture(autouse=True)
def _settings_row(site_settings):
    """The settings row exists (tests/exhibitions/conftest.py)."""


@pytest.fixture
def site():
    ai = ArtistFactory(name="Ai Weiwei", slug="ai")
    other = ArtistFactory(name="Anni Albers", slug="anni")
    work = ArtworkFactory(title="Remembering", slug="remembering")
    ArtworkArtistFactory(artwork=work, artist=ai)
    seeds = ExhibitionFactory(title="Sunflower Seeds", slug="seeds", artists=[ai])
    return {"ai": ai, "other": other, "work": work, "seeds": seeds}


def test_the_pages_are_cached(client, site):
    warm(client, INDEX, site["seeds"].get_absolute_url(), f"{INDEX}?city=London")


def test_a_new_show_joins_the_index_and_its_artists_and_works_pages(client, site, committed):
    urls = [INDEX, site["ai"].get_absolute_url(), site["work"].get_absolute_url()]
    warm(client, *urls, site["other"].get_absolute_url())
    with committed():
        ExhibitionFactory(title="So Sorry", artworks=[site["work"]])
    for url in urls:  # the artist through the work they made
        fresh(client, url, shows=["So Sorry"])
    still_cached(client, site["other"].get_absolute_url())


def test_a_show_made_private_leaves_every_page(client, site, committed):
    seeds = site["seeds"]
    warm(client, INDEX, seeds.get_absolute_url(), site["ai"].get_absolute_url())
    with committed():
        seeds.is_public = False
        seeds.save()
    assert client.get(seeds.get_absolute_url()).status_code == 404
    fresh(client, INDEX, hides=["Sunflower Seeds"])
    fresh(client, site["ai"].get_absolute_url(), hides=["Sunflower Seeds"])


def test_showing_an_artist_lists_the_show_on_their_page(client, site, committed):
    warm(client, site["other"].get_absolute_url())
    with committed():
        site["other"].exhibitions.add(site["seeds"])  # from the artist's side
    fresh(client, site["other"].get_absolute_url(), shows=["Sunflower Seeds"])


def test_a_renamed_venue_city_moves_the_index_s_cities(client, site, committed):
    warm(client, INDEX)
    with committed():
        venue = site["seeds"].venue
        venue.city = "Munich"
        venue.save()
    fresh(client, INDEX, shows=["?city=Munich"])


def test_an_article_about_the_show_appears_when_published(client, site, committed):
    """Featured while a draft, the article is listed on the show's page once published, and
    gone again once unpublished."""
    seeds = site["seeds"]
    draft = ArticleFactory(title="A Review of the Seeds", draft=True)
    draft.featured_exhibitions.add(seeds)
    warm(client, seeds.get_absolute_url())
    with committed():
        publishing.article_publish(article=draft, user=None)
    fresh(client, seeds.get_absolute_url(), shows=["A Review of the Seeds"])
    with committed():
        publishing.article_unpublish(article=draft, user=None)
    fresh(client, seeds.get_absolute_url(), hides=["A Review of the Seeds"])


def test_a_published_article_starting_to_feature_the_show_is_listed(client, site, committed):
    article = ArticleFactory(title="Seeds, Revisited")
    other = ExhibitionFactory(title="Another show", slug="another")
    warm(client, site["seeds"].get_absolute_url(), other.get_absolute_url())
    with committed():
        article.featured_exhibitions.add(site["seeds"])
    fresh(client, site["seeds"].get_absolute_url(), shows=["Seeds, Revisited"])
    still_cached(client, other.get_absolute_url())


def test_a_deleted_show_leaves_its_artists_pages(client, site, committed):
    warm(client, INDEX, site["ai"].get_absolute_url())
    with committed():
        site["seeds"].delete()
    fresh(client, INDEX, hides=["Sunflower Seeds"])
    fresh(client, site["ai"].get_absolute_url(), hides=["Sunflower Seeds"])


def test_new_dates_move_the_show_between_the_lists(client, site, committed):
    warm(client, INDEX)
    with committed():
        seeds = site["seeds"]
        seeds.opens_on, seeds.closes_on = datetime.date(2000, 1, 1), datetime.date(2000, 2, 1)
        seeds.save()
    how, page = served(client, INDEX)
    assert how == MISS
    assert "Sunflower Seeds" in page[page.index(">Past</h2>") :]


def test_a_venue_elsewhere_changes_nothing_but_the_index(client, site, committed):
    warm(client, site["seeds"].get_absolute_url())
    with committed():
        VenueFactory(name="Haus der Kunst", city="Munich")
    still_cached(client, site["seeds"].get_absolute_url())


def test_a_private_show_made_public_joins_its_artists_and_works_pages(client, site, committed):
    """Its relations were set while it was private: its footprint finds the pages."""
    hidden = ExhibitionFactory(
        title="Not Announced", is_public=False, artists=[site["other"]], artworks=[site["work"]]
    )
    urls = [INDEX, site["other"].get_absolute_url(), site["work"].get_absolute_url()]
    warm(client, *urls, site["ai"].get_absolute_url())
    with committed():
        hidden.is_public = True
        hidden.save()
    for url in [*urls, site["ai"].get_absolute_url()]:
        fresh(client, url, shows=["Not Announced"])
