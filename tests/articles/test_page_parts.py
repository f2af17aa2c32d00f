"""The article page's parts read with SQL written once (articles/page_parts.py) are the objects
for_detail() prefetches: the same rows, values and order, in the same caches, recorded by the
page cache the same way; hostile text in every part comes back as stored."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from articles.page_parts import load_parts, public_article
from pagecache.tracking import Recorder
from tests.factories import (
    ArticleAuthorFactory,
    ArticleFactory,
    ArticleFigureFactory,
    ArticleLinkFactory,
    ArtistFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
    ArtworkImageFactory,
    AuthorFactory,
    ImageFactory,
)

pytestmark = pytest.mark.django_db

HOSTILE = "'; DROP TABLE articles_article; -- %s %(x)s \" <b>&amp;</b> \\ Ünïcödé 🎨"


def values(obj) -> dict:
    return {key: value for key, value in vars(obj).items() if not key.startswith("_")}


def shape(article: Article) -> list:
    """Everything the page reads of its parts, as plain values."""
    figures = []
    for figure in article.ordered_figures():
        artwork = figure.artwork
        figures.append(
            (
                values(figure),
                figure.image and values(figure.image),
                artwork and values(artwork),
                figure.artwork_image and values(figure.artwork_image),
                figure.artwork_image and values(figure.artwork_image.image),
                artwork and [(values(i), values(i.image)) for i in artwork.images.all()],
                artwork and [(values(c), values(c.artist)) for c in artwork.artist_credits.all()],
                figure.caption_lines(),
                figure.shown_image() and figure.shown_image().picture,
            )
        )
    return [
        [(values(credit), values(credit.author)) for credit in article.article_authors.all()],
        figures,
        sorted(values(tag).items() for tag in article.tags.all()),
        [values(link) for link in article.links.all()],
        [values(artist) for artist in article.featured_artists.all()],
    ]


@pytest.fixture
def article():
    article = ArticleFactory(tags=["Zebra", "apple", HOSTILE[:90]])
    ArticleAuthorFactory(article=article, position=2, author=AuthorFactory(name=HOSTILE))
    ArticleAuthorFactory(article=article, position=1)
    artwork = ArtworkFactory(title=HOSTILE)
    ArtworkArtistFactory(artwork=artwork, position=1, artist=ArtistFactory(name=HOSTILE))
    ArtworkArtistFactory(artwork=artwork, position=0)
    first = ArtworkImageFactory(artwork=artwork, position=1, alt_text=HOSTILE, decorative=True)
    ArtworkImageFactory(artwork=artwork, position=0)
    ArticleFigureFactory(article=article, artwork=artwork, position=3)
    ArticleFigureFactory(article=article, artwork=artwork, artwork_image=first, position=1)
    ArticleFigureFactory(article=article, artwork=None, image=ImageFactory(), alt_text=HOSTILE)
    ArticleFigureFactory(article=article, caption=f"{HOSTILE}\n\nTwo", credit=HOSTILE)
    lost = ArticleFigureFactory(article=article, position=9)
    lost.artwork.images.all().delete()
    ArticleLinkFactory(article=article, title=HOSTILE, position=1)
    ArticleLinkFactory(article=article, position=0)
    for name in ["émile zola", "Émile Bernard", "ai weiwei", "Ai Weiwei", HOSTILE]:
        article.featured_artists.add(ArtistFactory(name=name, sort_name=name))
    return article


def test_the_parts_are_what_for_detail_prefetches(article):
    expected = shape(Article.objects.for_detail().get(pk=article.pk))
    loaded = Article.objects.select_related("section").get(pk=article.pk)
    load_parts(loaded)

    assert shape(loaded) == expected


def test_hostile_text_comes_back_as_stored(article):
    loaded = Article.objects.get(pk=article.pk)
    load_parts(loaded)
    assert [link.title for link in loaded.links.all()][1] == HOSTILE
    assert HOSTILE in [credit.author.name for credit in loaded.article_authors.all()]
    assert Article.objects.filter(pk=article.pk).exists()


def test_three_queries_then_none(article, django_assert_num_queries):
    """The byline, links and featured artists (one statement), the figures with their
    artworks' images and credits, the tags; the page then reads every part from the caches."""
    loaded = Article.objects.get(pk=article.pk)
    with django_assert_num_queries(3):
        load_parts(loaded)
    with CaptureQueriesContext(connection) as later:
        shape(loaded)
    assert len(later) == 0


def test_the_same_without_artworks(django_assert_num_queries):
    article = ArticleFactory()
    ArticleFigureFactory(article=article, artwork=None, image=ImageFactory(), alt_text="x")
    expected = shape(Article.objects.for_detail().get(pk=article.pk))
    loaded = Article.objects.get(pk=article.pk)
    with django_assert_num_queries(3):
        load_parts(loaded)
    assert shape(loaded) == expected


def test_many_images_and_credits_each_once_in_order(article, django_assert_num_queries):
    """An artwork with three images and three credits shown by two figures: nine rows a
    figure, each image and credit once, in their orders, one artwork instance per figure."""
    artwork = ArtworkFactory()
    for position in (2, 0, 1):
        ArtworkImageFactory(artwork=artwork, position=position)
        ArtworkArtistFactory(artwork=artwork, position=position)
    ArticleFigureFactory(article=article, artwork=artwork, position=0)
    ArticleFigureFactory(article=article, artwork=artwork, position=0)
    expected = shape(Article.objects.for_detail().get(pk=article.pk))
    loaded = Article.objects.get(pk=article.pk)
    load_parts(loaded)

    assert shape(loaded) == expected
    shown = [f.artwork for f in loaded.ordered_figures() if f.artwork_id == artwork.pk]
    assert len(shown) == 2 and shown[0] is not shown[1]
    for one in shown:
        assert [i.position for i in one.images.all()] == [0, 1, 2]
        assert [c.position for c in one.artist_credits.all()] == [0, 1, 2]


def test_the_page_cache_records_what_for_detail_records(article):
    with Recorder() as expected:
        shape(Article.objects.for_detail().get(pk=article.pk))
    with Recorder() as recorded:
        loaded = Article.objects.select_related("section").get(pk=article.pk)
        load_parts(loaded)

    assert recorded == expected


def test_the_public_article_is_what_the_view_found_by_slug(article, django_assert_num_queries):
    expected = Article.objects.published().select_related("section").get(slug=article.slug)
    with django_assert_num_queries(1):
        found = public_article(article.slug)
        section = found.section  # read with it

    assert values(found) == values(expected)
    assert values(section) == values(expected.section)


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Article.Status.DRAFT},
        {"status": Article.Status.REVIEW},
        {"status": Article.Status.UNPUBLISHED},
        {"status": Article.Status.PUBLISHED, "published_at": None},
        # Scheduled: a day ahead, as the value is computed when the tests are collected, which
        # can be more than a minute before this one runs on a loaded machine.
        {"published_at": timezone.now() + timedelta(days=1)},
    ],
)
def test_no_public_article_unless_published_and_due(fields):
    hidden = ArticleFactory()
    Article.objects.filter(pk=hidden.pk).update(**fields)  # as stored, whatever save() fills
    assert public_article(hidden.slug) is None
    assert not Article.objects.published().filter(pk=hidden.pk).exists()


def test_a_hostile_or_unknown_slug_finds_nothing(article):
    Article.objects.filter(pk=article.pk).update(slug="émile-'; drop")
    assert public_article(HOSTILE) is None
    assert public_article("émile-'; DROP") is None
    assert public_article("émile-'; drop").pk == article.pk
    assert Article.objects.filter(pk=article.pk).exists()
