"""The series page, the index of series, their feeds and sitemap: only public parts of public
series, a 404 otherwise, and a fixed number of queries."""

import pytest
from django.urls import reverse

from tests.articles.test_list_query_budgets import CARDS
from tests.factories import ArticleFactory, SeriesFactory
from tests.feeds.reader import FORMATS, read_feed, shown, titles
from tests.querybudgets import ATOMIC_REQUEST, article_with_everything, site_settings_exist

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]

# The series (1), the count of its public parts (1), and what every list of cards costs (the
# site settings, the header's sections, the page of articles, bylines, figures: CARDS), as a
# section's page.
SERIES_PAGE_QUERIES = ATOMIC_REQUEST + 2 + CARDS
# The site settings and the header's sections (2), the public series with a public part (1).
SERIES_LIST_QUERIES = ATOMIC_REQUEST + 2 + 1


@pytest.fixture
def series():
    series = SeriesFactory(title="Letters <from> Beijing", slug="letters", description="A column.")
    ArticleFactory(title="Second", series=series, series_part=2)
    ArticleFactory(title="First", series=series, series_part=1)
    ArticleFactory(title="Draft", series=series, series_part=3, draft=True)
    ArticleFactory(title="Scheduled", series=series, series_part=4, scheduled=True)
    ArticleFactory(title="Elsewhere")
    return series


def test_series_page_lists_public_parts_in_order(client, series):
    response = client.get(series.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert "Letters &lt;from&gt; Beijing" in html and "<from>" not in html
    assert html.index(">First<") < html.index(">Second<")
    for hidden in ("Draft", "Scheduled", "Elsewhere"):
        assert f">{hidden}<" not in html
    assert reverse("feeds:series-rss", args=["letters"]) in html
    assert reverse("feeds:series-atom", args=["letters"]) in html
    assert '"@type": "CreativeWorkSeries"' in html


@pytest.mark.parametrize("case", ["unknown", "hidden", "no public part"])
def test_series_page_and_feeds_are_404_unless_public(client, case):
    """An unknown or hidden series is a 404 everywhere; one with no public part has no page."""
    if case == "hidden":
        ArticleFactory(series=SeriesFactory(slug="there", is_public=False), series_part=1)
    elif case == "no public part":
        ArticleFactory(series=SeriesFactory(slug="there"), series_part=1, draft=True)
    urls = [reverse("articles:series-detail", args=["there"])]
    if case != "no public part":
        urls += [reverse(f"feeds:series-{kind}", args=["there"]) for kind in ("rss", "atom")]

    for url in urls:
        assert client.get(url).status_code == 404, url


def test_series_index_lists_public_series_with_public_parts(client, series):
    SeriesFactory(title="Hidden", is_public=False)
    SeriesFactory(title="Nothing yet")

    html = client.get(reverse("articles:series-list")).content.decode()

    assert "Letters &lt;from&gt; Beijing" in html
    assert "Hidden" not in html and "Nothing yet" not in html


@pytest.mark.parametrize("kind", FORMATS)
def test_series_feed_is_valid_and_has_public_parts_newest_first(client, series, kind):
    """A well-formed feed of the public parts only, newest first (as feed readers expect),
    its title the series' as plain text."""
    feed = read_feed(client, reverse(f"feeds:series-{kind}", args=["letters"]))

    assert not feed.bozo, feed.get("bozo_exception")
    assert shown(feed.feed.title_detail).startswith("Letters <from> Beijing")
    assert titles(feed) == ["First", "Second"]  # First was created last: newest first


def test_sitemap_lists_public_series_with_public_parts(client, series):
    SeriesFactory(slug="hidden", is_public=False)
    SeriesFactory(slug="nothing-yet")

    xml = client.get("/sitemap-series.xml").content.decode()

    assert "/series/letters/" in xml
    assert "/series/hidden/" not in xml and "/series/nothing-yet/" not in xml


@pytest.mark.parametrize("count", [2, 10])
def test_series_page_query_budget(client, django_assert_num_queries, count):
    series = SeriesFactory()
    for number in range(1, count + 1):
        article_with_everything(series=series, series_part=number)
    site_settings_exist()

    with django_assert_num_queries(SERIES_PAGE_QUERIES):
        response = client.get(series.get_absolute_url())

    assert response.content.decode().count('class="card__link"') == count


@pytest.mark.parametrize("count", [1, 5])
def test_series_list_query_budget(client, django_assert_num_queries, count):
    for _ in range(count):
        ArticleFactory(series=SeriesFactory(), series_part=1)
    site_settings_exist()

    with django_assert_num_queries(SERIES_LIST_QUERIES):
        response = client.get(reverse("articles:series-list"))

    assert response.content.decode().count('class="series-list__item"') == count
