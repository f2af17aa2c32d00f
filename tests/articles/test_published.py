import datetime

import pytest
import time_machine
from django.db import connection

from articles.models import Article
from articles.querysets import live_condition
from tests.factories import ArticleFactory, ArticleFigureFactory, ArtistFactory, SectionFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 3, 14, 12, 0, tzinfo=datetime.UTC)
HOUR = datetime.timedelta(hours=1)

DRAFT = Article.Status.DRAFT
PUBLISHED = Article.Status.PUBLISHED


@pytest.mark.parametrize(
    ("status", "published_at", "visible"),
    [
        pytest.param(DRAFT, NOW - HOUR, False, id="draft-past"),
        pytest.param(DRAFT, None, False, id="draft-no-time"),
        pytest.param(PUBLISHED, NOW - HOUR, True, id="published-past"),
        pytest.param(PUBLISHED, NOW + HOUR, False, id="scheduled-future"),
        pytest.param(PUBLISHED, NOW, True, id="published-exactly-now"),
        pytest.param(PUBLISHED, None, True, id="published-no-time-fills-now"),
    ],
)
def test_published_truth_table(status, published_at, visible):
    """published() shows exactly the published articles whose time has come."""
    with time_machine.travel(NOW, tick=False):
        article = ArticleFactory(status=status, published_at=published_at)

        assert (article in Article.objects.published()) is visible
        assert article.is_published is visible


@pytest.mark.parametrize(
    ("status", "published_at", "scheduled"),
    [
        pytest.param(DRAFT, NOW + HOUR, False, id="draft-future"),
        pytest.param(PUBLISHED, NOW - HOUR, False, id="published-past"),
        pytest.param(PUBLISHED, NOW + HOUR, True, id="scheduled-future"),
        pytest.param(PUBLISHED, NOW, False, id="published-exactly-now"),
    ],
)
def test_scheduled_truth_table(status, published_at, scheduled):
    """scheduled_at() holds the published articles published() leaves out for their time."""
    with time_machine.travel(NOW, tick=False):
        article = ArticleFactory(status=status, published_at=published_at)

        assert (article in Article.objects.scheduled_at(NOW)) is scheduled
        assert article.is_scheduled is scheduled


def test_saving_published_without_time_stamps_now():
    """Publishing with an empty time records the moment of saving."""
    with time_machine.travel(NOW, tick=False):
        article = ArticleFactory(status=PUBLISHED, published_at=None)

    article.refresh_from_db()
    assert article.published_at == NOW


def test_saving_draft_without_time_leaves_it_empty():
    """A draft keeps an empty publication time until it is published."""
    article = ArticleFactory(status=DRAFT, published_at=None)

    article.refresh_from_db()
    assert article.published_at is None


def test_scheduled_article_appears_when_its_time_comes():
    """An article scheduled for later becomes visible once that time has passed."""
    with time_machine.travel(NOW, tick=False):
        article = ArticleFactory(published_at=NOW + HOUR)
        assert not Article.objects.published().filter(pk=article.pk).exists()

    with time_machine.travel(NOW + HOUR, tick=False):
        assert Article.objects.published().filter(pk=article.pk).exists()


def test_published_chains_after_filter():
    """published() is a QuerySet verb: it works after .filter() too."""
    section = SectionFactory()
    public = ArticleFactory(section=section)
    ArticleFactory(section=section, status=DRAFT)
    ArticleFactory(section=section, scheduled=True)
    ArticleFactory()  # published, in another section

    assert list(Article.objects.filter(section=section).published()) == [public]


def test_published_on_related_managers():
    """artist.featured_in.published() and section.articles.published() hide drafts."""
    artist = ArtistFactory()
    section = SectionFactory()
    public = ArticleFactory(section=section)
    draft = ArticleFactory(section=section, status=DRAFT)
    scheduled = ArticleFactory(section=section, scheduled=True)
    for article in (public, draft, scheduled):
        article.featured_artists.add(artist)

    assert list(artist.featured_in.published()) == [public]
    assert list(section.articles.published()) == [public]


def test_published_on_artwork_reverse_relations():
    """Articles reached from an artwork's figures are filtered by published() as well."""
    public = ArticleFigureFactory().article
    artwork = public.figures.get().artwork
    ArticleFigureFactory(artwork=artwork, article=ArticleFactory(status=DRAFT))

    assert list(Article.objects.filter(figures__artwork=artwork).published()) == [public]


@pytest.mark.parametrize(
    ("status", "published_at", "visible"),
    [
        pytest.param(DRAFT, NOW - HOUR, False, id="draft-past"),
        pytest.param(PUBLISHED, NOW - HOUR, True, id="published-past"),
        pytest.param(PUBLISHED, NOW + HOUR, False, id="scheduled-future"),
        pytest.param(PUBLISHED, NOW, True, id="published-exactly-now"),
        pytest.param(PUBLISHED, None, True, id="published-no-time-fills-now"),
    ],
)
def test_live_condition_truth_table(status, published_at, visible):
    """live_condition(), live_at()'s SQL for the reads written by hand, says what live_at()
    says, at any moment it is given."""
    with time_machine.travel(NOW, tick=False):
        article = ArticleFactory(status=status, published_at=published_at)
    for when in (NOW, NOW - 2 * HOUR, NOW + 2 * HOUR):
        sql, values = live_condition(connection, when)
        with connection.cursor() as cursor:
            table = connection.ops.quote_name(Article._meta.db_table)
            cursor.execute(f"SELECT id FROM {table} WHERE {sql}", values)  # noqa: S608
            found = {pk for (pk,) in cursor.fetchall()}
        expected = set(Article.objects.live_at(when).values_list("pk", flat=True))
        assert found == expected
        if when == NOW:
            assert (article.pk in found) is visible
