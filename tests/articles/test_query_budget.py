"""The article and home pages cost a fixed number of queries, however much content they show."""

import pytest
from django.db.models.sql.compiler import SQLCompiler
from django.urls import reverse

from recommendations.models import RelatedLink
from sitesettings.models import SiteSettings
from tests.factories import (
    ArticleAuthorFactory,
    ArticleFactory,
    ArticleFigureFactory,
    ArtistFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
    ArtworkImageFactory,
    SectionFactory,
    SeriesFactory,
)
from tests.pagecache.test_serving import without_nonces

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]

# The site settings and the header's sections are kept in the cache (pagecache/fragments.py)
# after the first page: no query on the pages measured here.
#
# Article page, which only reads and runs outside a transaction (no SAVEPOINT / RELEASE): the
# article with its section (1), the byline with authors, the links and the featured artists
# (1), figures with their artwork, chosen image, the artworks' images and the artworks' artist
# credits with the artists (1), tags (1), and the "You may also like" block: which published
# articles its links point at (1), and for the cards not kept in the cache yet
# (recommendations/cards.py) those articles with their sections' names and their figures
# with their pictures (1). And the state of its outbound links, for the archived copy of a
# dead one (1: links/readers.py, whatever the number of links; none for an article without a
# link in its body or its further links).
ARTICLE_PAGE_QUERIES = 7
ARTICLE_PAGE_KEPT_CARDS_QUERIES = 6

# The home page's budget includes the SAVEPOINT / RELEASE pair of ATOMIC_REQUESTS (a savepoint
# because the test itself runs in a transaction). Home page (articles/cards.py): the newest
# articles with their sections' names (1), bylines (1), figures with their pictures and their
# artworks' images (1).
HOME_PAGE_QUERIES = 2 + 3


def rich_article(n: int, *, related: int | None = None):
    """An article with n tags, n figures (each an artwork by two artists), n authors, n links,
    n featured artists and n related articles (or `related`), each with two figures."""
    article = ArticleFactory(tags=[f"Tag {i}" for i in range(n)])
    for i in range(n):
        artwork = ArtworkFactory()
        ArtworkArtistFactory(artwork=artwork)
        ArtworkArtistFactory(artwork=artwork)
        ArtworkImageFactory(artwork=artwork)
        ArticleFigureFactory(article=article, artwork=artwork, position=i)
        ArticleAuthorFactory(article=article, position=i)
        article.links.create(title=f"Link {i}", url=f"https://example.com/{i}", position=i)
        article.featured_artists.add(ArtistFactory())
    for i in range(n if related is None else related):
        target = ArticleFactory()
        ArticleFigureFactory(article=target, position=0)
        ArticleFigureFactory(article=target, position=1)
        # Created directly: the engine's refresh only runs after a commit, never in a test.
        RelatedLink.objects.create(source=article, target=target, score=1 - i / 100)
    return article


def create_site_settings(client):
    """The site-settings row exists (it is created on the very first request of a new site),
    and a page has been shown since, which kept it and the sections in the cache."""
    SiteSettings.current()
    client.get(reverse("articles:home"))


@pytest.mark.parametrize("n", [1, 8])
def test_article_page_query_budget(client, django_assert_num_queries, n):
    """The article page costs the same few queries with 1 or 8 of everything."""
    article = rich_article(n)
    create_site_settings(client)

    with django_assert_num_queries(ARTICLE_PAGE_QUERIES):
        response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert response.content.decode().count("figure__line") >= n


def test_article_page_with_kept_cards_query_budget(client, django_assert_num_queries):
    """Once the cards of its "You may also like" block are kept, the page costs two queries
    fewer, and shows the same."""
    article = rich_article(3)
    create_site_settings(client)
    first = without_nonces(client.get(article.get_absolute_url()).content.decode())

    with django_assert_num_queries(ARTICLE_PAGE_KEPT_CARDS_QUERIES):
        response = client.get(article.get_absolute_url())

    assert without_nonces(response.content.decode()) == first


def test_article_page_builds_no_queryset(client, django_assert_num_queries, monkeypatch):
    """Once a first page has been shown, an article page, its cards not kept yet, sends the
    statements its reads compiled once (articles/page_parts.py, sqlreads/compiled.py): Django
    builds and compiles no queryset for it."""
    create_site_settings(client)
    client.get(rich_article(2).get_absolute_url())
    article = rich_article(3)
    compiled = []
    as_sql = SQLCompiler.as_sql
    monkeypatch.setattr(
        SQLCompiler, "as_sql", lambda self, *a, **k: compiled.append(1) or as_sql(self, *a, **k)
    )

    with django_assert_num_queries(ARTICLE_PAGE_QUERIES):
        response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert compiled == []


@pytest.mark.parametrize("count", [3, 20])
def test_home_page_query_budget(client, django_assert_num_queries, count):
    """The home page costs the same few queries with 3 or 20 articles, each with a figure
    and an author."""
    section = SectionFactory()
    for _ in range(count):
        article = ArticleFactory(section=section)
        ArticleFigureFactory(article=article)
        ArticleAuthorFactory(article=article)
    create_site_settings(client)

    with django_assert_num_queries(HOME_PAGE_QUERIES):
        response = client.get(reverse("articles:home"))

    assert response.status_code == 200


def test_article_page_in_a_series_costs_one_query_more_and_builds_no_queryset(
    client, django_assert_num_queries, monkeypatch
):
    """Its navigation ("Part 2 of 3", the previous and next public parts) and the JSON-LD's
    isPartOf are one statement compiled once (articles/series_parts.py)."""
    series = SeriesFactory()
    ArticleFactory(series=series, series_part=1)
    ArticleFactory(series=series, series_part=3)
    client.get(rich_article(2).get_absolute_url())
    client.get(ArticleFactory(series=series, series_part=4).get_absolute_url())
    article = rich_article(3)
    article.series, article.series_part = series, 2
    article.save()
    create_site_settings(client)  # after every section was made: the header's kept
    compiled = []
    as_sql = SQLCompiler.as_sql
    monkeypatch.setattr(
        SQLCompiler, "as_sql", lambda self, *a, **k: compiled.append(1) or as_sql(self, *a, **k)
    )

    with django_assert_num_queries(ARTICLE_PAGE_QUERIES + 1):
        response = client.get(article.get_absolute_url())

    assert "Part 2 of 4" in response.content.decode()
    assert compiled == []
