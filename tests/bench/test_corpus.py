"""The benchmark corpus: the shape it promises, the same for the same seed, and no side effects."""

from collections import Counter
from random import Random

import pytest
from django.utils import timezone
from taggit.models import Tag

from articles.models import (
    Article,
    ArticleAuthor,
    ArticleFigure,
    Author,
    Section,
    TaggedArticle,
)
from artists.models import Artist
from artworks.models import Artwork, ArtworkArtist, ArtworkImage
from bench.corpus.build import build_corpus, pragma_sql
from bench.corpus.run import main
from bench.corpus.sampling import Zipf
from recommendations.models import RelatedLink
from search.models import WordRankStale

pytestmark = pytest.mark.django_db


def test_small_corpus_has_the_promised_shape(django_capture_on_commit_callbacks):
    """Every article is published with 5 to 10 tags; nothing queues a recommendation refresh."""
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        summary = build_corpus(articles=300, artists=50, tags=60, seed=3)

    assert summary.articles == Article.objects.published().count() == 300
    per_article = [len(set(a.tags.values_list("pk", flat=True))) for a in Article.objects.all()]
    assert min(per_article) >= 5 and max(per_article) <= 10
    assert TaggedArticle.objects.count() == summary.tag_links
    assert summary.top_tag_share > 0.3  # long-tailed: the top tag is on many articles
    assert callbacks == [] and not RelatedLink.objects.exists()


def test_corpus_makes_artworks_bylines_figures_and_recommendations(client, settings):
    """Artworks credited to artists within their lives, one image row each (no file written),
    a byline and figures on every article, and the engine's suggestions; pages render them."""
    settings.PAGE_CACHE = False
    summary = build_corpus(
        articles=120,
        artists=30,
        tags=40,
        artworks=250,
        authors=9,
        figures_per_article=3,
        recommendations=True,
        seed=4,
    )

    assert Artwork.objects.count() == summary.artworks == 250
    credits = Counter(ArtworkArtist.objects.values_list("artwork_id", flat=True))
    assert len(credits) == 250 and set(credits.values()) <= {1, 2, 3}
    assert ArtworkArtist.objects.count() == summary.artwork_credits
    for credit in ArtworkArtist.objects.filter(position=0).select_related("artist", "artwork"):
        artist, artwork = credit.artist, credit.artwork
        assert artist.birth_year + 18 <= artwork.earliest_year <= artwork.latest_year
        assert artwork.latest_year <= (artist.death_year or timezone.now().year)
    images = ArtworkImage.objects.all()
    assert images.count() == summary.artwork_images == 250
    assert all(image.alt_text and image.image.width and image.image.height for image in images)
    assert not any(image.image.file.storage.exists(image.image.file.name) for image in images[:5])

    assert Author.objects.count() == summary.authors == 9
    bylines = Counter(ArticleAuthor.objects.values_list("article_id", flat=True))
    assert len(bylines) == 120 and set(bylines.values()) <= {1, 2, 3}
    figures = Counter(ArticleFigure.objects.values_list("article_id", flat=True))
    assert len(figures) == 120 and set(figures.values()) <= {1, 2, 3}
    assert ArticleFigure.objects.count() == summary.figures
    assert not ArticleFigure.objects.filter(artwork=None).exists()

    links = RelatedLink.objects.all()
    assert links.count() == summary.suggestions > 120
    assert set(links.values_list("status", flat=True)) == {RelatedLink.Status.SUGGESTED}

    article = Article.objects.filter(pk__in=links.values("source_id")).first()
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert "figure__line" in html and "/media/corpus/artwork-" in html
    assert client.get(article.figures.first().artwork.get_absolute_url()).status_code == 200


def test_every_new_part_can_be_left_out(client, settings):
    """No artworks, authors, images or suggestions when asked; article pages still render."""
    settings.PAGE_CACHE = False
    summary = build_corpus(
        articles=40, artists=10, tags=20, artworks=0, authors=0, figures_per_article=0, seed=2
    )

    assert (summary.artworks, summary.bylines, summary.figures, summary.suggestions) == (0,) * 4
    assert not Artwork.objects.exists() and not ArticleAuthor.objects.exists()
    assert not RelatedLink.objects.exists()
    assert client.get(Article.objects.first().get_absolute_url()).status_code == 200


def test_artworks_without_images_leave_figures_blank(client, settings):
    """--no-artwork-images: figures point at artworks with no picture, and show nothing."""
    settings.PAGE_CACHE = False
    build_corpus(articles=20, artists=8, tags=20, artworks=30, artwork_images=False, seed=2)

    assert not ArtworkImage.objects.exists() and ArticleFigure.objects.exists()
    page = client.get(ArticleFigure.objects.first().article.get_absolute_url())
    assert page.status_code == 200 and "figure__line" not in page.content.decode()


def articles_drawn() -> list[tuple]:
    return [
        (
            article.title,
            article.section.name,
            sorted(article.tags.names()),
            sorted(article.featured_artists.values_list("name", flat=True)),
        )
        for article in Article.objects.order_by("pk").select_related("section")
    ]


def test_new_parts_leave_the_articles_of_a_seed_as_they_were():
    """Artworks, bylines and figures come from a stream of their own: the same seed draws the
    same articles, sections, tags and featured artists with them as without them."""
    build_corpus(articles=60, artists=15, tags=30, artworks=0, authors=0, seed=7)
    without = articles_drawn()
    for model in (Article, Artwork, Author, Artist, Section, Tag):
        model.objects.all().delete()

    build_corpus(articles=60, artists=15, tags=30, artworks=90, authors=5, seed=7)

    assert articles_drawn() == without
    assert ArticleFigure.objects.exists()


def test_command_line_counts_reach_the_corpus(capsys):
    """Each count has a flag; --no-recommendations leaves the suggestions uncomputed."""
    code = main(
        [
            "--articles=30",
            "--artists=10",
            "--tags=20",
            "--artworks=45",
            "--authors=4",
            "--figures-per-article=2",
            "--no-recommendations",
        ]
    )

    assert code == 0
    assert (Article.objects.count(), Artwork.objects.count(), Author.objects.count()) == (30, 45, 4)
    assert set(Counter(ArticleFigure.objects.values_list("article_id", flat=True)).values()) <= {
        1,
        2,
    }
    assert not RelatedLink.objects.exists()
    assert "45 artworks" in capsys.readouterr().out


def test_command_line_computes_recommendations_by_default():
    """Without --no-recommendations the command runs the engine's rebuild after writing."""
    main(["--articles=30", "--artists=10", "--tags=20", "--artworks=40", "--authors=3"])

    assert RelatedLink.objects.suggested().exists()


def test_zipf_draws_distinct_items_with_a_heavy_head():
    """The first item takes the largest share; draws within one call never repeat."""
    zipf = Zipf(list(range(100)), 1.0)
    rng = Random(1)
    draws = [zipf.distinct(rng, 5) for _ in range(2000)]

    assert all(len(set(d)) == 5 for d in draws)
    assert sum(0 in d for d in draws) > sum(99 in d for d in draws) * 5
    assert zipf.top_share() == pytest.approx(1 / sum(1 / r for r in range(1, 101)))


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("synchronous; DROP TABLE articles_article", "OFF"),
        ("user_version", "1"),
        ("journal_mode", "MEMORY; DROP TABLE articles_article"),
        ("cache_size", "1 -- comment"),
        ("cache_size", "'x'"),
    ],
)
def test_pragma_sql_refuses_anything_but_its_own_names_and_plain_values(name, value):
    """PRAGMA takes no query parameters, so the SQL is text: hostile names and values fail."""
    with pytest.raises(ValueError):
        pragma_sql(name, value)


def test_pragma_sql_builds_reads_and_writes():
    assert pragma_sql("journal_mode") == "PRAGMA journal_mode"
    assert pragma_sql("cache_size", -262144) == "PRAGMA cache_size = -262144"
    assert pragma_sql("journal_mode", "delete") == "PRAGMA journal_mode = delete"


@pytest.mark.django_db(transaction=True)
def test_settle_vacuums_postgresql_as_autovacuum_would():
    """After settle() the visibility map covers the loaded articles (what makes index-only scans
    skip the heap); on SQLite it does nothing and fails nothing."""
    from django.db import connection  # noqa: PLC0415

    from bench.corpus.build import settle  # noqa: PLC0415

    build_corpus(articles=600, artists=10, tags=12, seed=5)
    if connection.vendor == "postgresql":
        assert WordRankStale.objects.exists()  # a round of 1,000 artworks: one statement
    settle()
    if connection.vendor != "postgresql":
        return  # nothing to see: SQLite has no visibility map
    with connection.cursor() as cursor:
        cursor.execute(  # constant SQL: no input reaches it
            "SELECT relallvisible, relpages FROM pg_class WHERE relname = 'articles_article'"
        )
        all_visible, pages = cursor.fetchone()
    assert pages > 0 and all_visible == pages
    assert not WordRankStale.objects.exists()  # the bulk load's stale word ranks written
