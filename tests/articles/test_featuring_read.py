"""The articles featuring an artist or an artwork, read with SQL written once per process
(articles/card_reads.featuring, the artist's and artwork's pages), are what
`selectors.articles_featuring(obj)[:limit]` gives: public ones only, by every way of
featuring, newest first, at any moment; values are bound, so hostile text is only data."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from articles import card_reads
from articles.cards import CARD_COLUMNS
from articles.models import Article
from articles.selectors import articles_featuring
from tests.factories import (
    ArticleFactory,
    ArticleFigureFactory,
    ArtistFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
)

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 3, 14, 12, 0, tzinfo=datetime.UTC)
HOUR = datetime.timedelta(hours=1)
HOSTILE = "'; DROP TABLE articles_article; -- %s %(x)s \" <b>&amp;</b> Ünïcödé 🎨"
DB = Article.objects.db


@pytest.fixture
def world():
    artist = ArtistFactory(name=HOSTILE)
    work, other_work = ArtworkFactory(title=HOSTILE), ArtworkFactory()
    ArtworkArtistFactory(artwork=work, artist=artist)
    ArtworkArtistFactory(artwork=other_work, artist=artist)
    made = []
    with time_machine.travel(NOW, tick=False):
        for n in range(12):
            status = Article.Status.DRAFT if n == 3 else Article.Status.PUBLISHED
            when = NOW + (HOUR if n == 4 else -n * HOUR if n % 5 else -HOUR)  # ties
            article = ArticleFactory(status=status, published_at=when, title=f"{HOSTILE} {n}")
            if n % 3 == 0:
                article.featured_artists.add(artist)
            if n % 3 == 1:
                ArticleFigureFactory(article=article, artwork=work if n % 2 else other_work)
            if n % 3 == 2:
                article.featured_artworks.add(work)
            made.append(article)
        ArticleFactory()  # features nothing
    return artist, work, other_work


@pytest.mark.parametrize("limit", [2, 6, 20])
@pytest.mark.parametrize("moment", [NOW, NOW + 2 * HOUR])
def test_the_read_gives_what_the_selector_gives(world, limit, moment):
    for obj in world:
        with time_machine.travel(moment, tick=False):
            expected = list(articles_featuring(obj)[:limit].values_list(*CARD_COLUMNS))
            found = card_reads.featuring(DB, obj, limit, timezone.now())
        assert found == expected
        assert found or obj is world[2]


def test_nothing_featured_nothing_read():
    assert card_reads.featuring(DB, ArtistFactory(), 6, timezone.now()) == []
    assert card_reads.featuring(DB, ArtworkFactory(), 6, timezone.now()) == []
