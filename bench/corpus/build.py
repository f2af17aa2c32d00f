"""A synthetic corpus of published articles for benchmarks, written in bulk in a few minutes.

    .venv/bin/python -m bench.corpus --migrate      # the full corpus, into the configured database
    .venv/bin/python -m bench.corpus --articles 10000 --artworks 20000 --no-recommendations
    build_corpus(articles=100_000, artists=20_000, tags=2_000, seed=1, progress=print)

What it makes (every count and exponent is a parameter, with a flag of the same name):

- 12 sections, some busier than others (SECTIONS);
- tags used along Zipf's law: the tag of rank r is drawn with weight 1 / r**TAG_EXPONENT, so a
  few tags ("photography", "painting") are on a large share of the articles and most are rare;
- artists featured the same way with ARTIST_EXPONENT (a gentler head: a few prolific artists);
- artworks (twice the articles: 200,000), each credited to one to three artists, dated within
  their lives, with a medium, dimensions and one image row whose file is only a name
  (artworks.py);
- authors (500), and on each article a byline of one to three of them;
- articles, all published, spread over the last YEARS years (ids in publication order), each
  with 5 to 10 distinct tags, 0 to 3 distinct featured artists and 1 to 4 figures of artworks,
  mostly by the artists it features (parts.py);
- "You may also like" for every article, computed by the recommendations engine's own full
  rebuild once everything is written (main() does it unless --no-recommendations; a caller of
  build_corpus() asks for it with recommendations=True, as bench/recommendations/ times the
  rebuild on its own over an empty table).

Every row goes in through bulk_create, the through tables (articles.TaggedArticle and
Article.featured_artists.through) included, so no model signal fires and no recommendation
refresh is queued: a benchmark times the engine on its own afterwards. Tags and artists are
created in rank order, so ordering them by id gives their rank (ArticleSampler.from_database
relies on that). The same seed gives the same corpus; the artworks, bylines and figures are
drawn from a random stream of their own, so the articles, tags and artists of a seed are the
same as before they were added.
"""

import os
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from random import Random
from unittest import mock

from bench.corpus.artworks import create_artworks
from bench.corpus.basics import create_artists, create_sections, create_tags
from bench.corpus.parts import ArticleParts, create_authors
from bench.corpus.recommendations import recommend
from bench.corpus.sampling import (
    ARTIST_EXPONENT,
    TAG_EXPONENT,
    YEARS,
    ArticleSampler,
    rounds,
)
from bench.corpus.summary import CorpusSummary

# Articles generated and written per round (their tag and artist rows follow each round).
CHUNK = 10_000
BULK_BATCH = 5_000


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    # A bulk load's statements may run longer than a request's limit (newsroom/settings.py).
    os.environ.setdefault("DATABASE_STATEMENT_TIMEOUT_MS", "0")
    import django  # noqa: PLC0415

    django.setup()


def build_corpus(
    *,
    articles: int = 100_000,
    artists: int = 20_000,
    tags: int = 2_000,
    seed: int = 1,
    progress: Callable[[str], None] | None = None,
    tag_exponent: float = TAG_EXPONENT,
    artist_exponent: float = ARTIST_EXPONENT,
    artworks: int | None = None,
    artwork_images: bool = True,
    authors: int = 500,
    figures_per_article: int = 4,
    recommendations: bool = False,
) -> CorpusSummary:
    """Write the corpus into the default database (which should hold no articles yet); with
    `recommendations`, then run the engine's full rebuild over it. `artworks` defaults to
    twice the articles (200,000 for 100,000), so a small corpus stays small."""
    from django.db import transaction  # noqa: PLC0415
    from django.utils import timezone  # noqa: PLC0415

    say = progress or (lambda message: None)
    rng = Random(seed)  # noqa: S311 (reproducible test data, not secrets)
    parts_rng = Random(f"{seed}:parts")  # noqa: S311 (its own stream: see the docstring)
    started = time.perf_counter()
    end = timezone.now()
    with _fast_bulk_writes(), recommendation_refresh_muted(), transaction.atomic():
        sections = create_sections()
        tag_rows = create_tags(rng, tags)
        say(f"{len(sections)} sections and {len(tag_rows):,} tags")
        artist_ids = create_artists(rng, artists)
        say(f"{len(artist_ids):,} artists ({time.perf_counter() - started:.1f} s)")
        catalogue = create_artworks(
            parts_rng,
            articles * 2 if artworks is None else artworks,
            images=artwork_images,
            this_year=end.year,
            batch_size=BULK_BATCH,
            say=say,
            started=started,
            after_first_round=_analyze,
        )
        parts = ArticleParts(
            parts_rng,
            author_ids=create_authors(parts_rng, authors, batch_size=BULK_BATCH),
            catalogue=catalogue,
            figures_per_article=figures_per_article,
            batch_size=BULK_BATCH,
        )
        sampler = ArticleSampler(
            rng,
            sections=sections,
            tags=tag_rows,
            artist_ids=artist_ids,
            tag_exponent=tag_exponent,
            artist_exponent=artist_exponent,
        )
        tag_use, artist_use, without_artists = _create_articles(
            sampler, articles, end=end, started=started, say=say, parts=parts
        )
    written = time.perf_counter()
    _analyze()
    analyzed = time.perf_counter()
    say(f"written in {written - started:.1f} s (ANALYZE: {analyzed - written:.1f} s)")
    suggestions = recommend(articles, say=say, analyze=_analyze) if recommendations else 0
    recommended = time.perf_counter()
    top_tag_id = tag_rows[0][0]
    return CorpusSummary(
        articles=articles,
        artists=len(artist_ids),
        tags=len(tag_rows),
        sections=len(sections),
        tag_links=sum(tag_use.values()),
        artist_links=sum(artist_use.values()),
        tag_exponent=tag_exponent,
        artist_exponent=artist_exponent,
        seed=seed,
        top_tag=tag_rows[0][1],
        top_tag_share=tag_use[top_tag_id] / max(articles, 1),
        tags_on_over_1pct=sum(1 for count in tag_use.values() if count > articles / 100),
        least_used_tag_articles=min(tag_use.get(pk, 0) for pk, _name in tag_rows),
        top_artist_articles=artist_use[artist_ids[0]] if artist_ids else 0,
        artists_featured=len(artist_use),
        articles_without_artists=without_artists,
        seconds=recommended - started,
        analyze_seconds=analyzed - written,
        artworks=len(catalogue.ids),
        artwork_credits=catalogue.credits,
        artwork_images=len(catalogue.image_of),
        authors=len(parts.authors.items) if parts.authors else 0,
        bylines=parts.bylines,
        figures=parts.figures,
        suggestions=suggestions,
        recommendations_seconds=recommended - analyzed,
    )


def add_article(sampler: ArticleSampler, *, number: int, published_at: datetime) -> int:
    """Publish one more article drawn like the corpus's, written as the corpus is (in bulk, so
    no signal queues a refresh), in one transaction; returns its id."""
    from django.db import transaction  # noqa: PLC0415

    from articles.models import Article, TaggedArticle  # noqa: PLC0415

    featured_artist = Article.featured_artists.through
    article, tag_ids, artist_ids = sampler.draw(number=number, published_at=published_at)
    with recommendation_refresh_muted(), transaction.atomic():
        Article.objects.bulk_create([article])
        TaggedArticle.objects.bulk_create(
            [TaggedArticle(content_object_id=article.pk, tag_id=pk) for pk in tag_ids]
        )
        featured_artist.objects.bulk_create(
            [featured_artist(article_id=article.pk, artist_id=pk) for pk in artist_ids]
        )
    return article.pk


@contextmanager
def recommendation_refresh_muted() -> Iterator[None]:
    """Bulk writes send no model signal; this makes sure that a later extension using
    tags.set() or m2m add() still queues no recommendation refresh while it loads."""
    with mock.patch("recommendations.signals.schedule_refresh"):
        yield


@contextmanager
def _fast_bulk_writes() -> Iterator[None]:
    """On SQLite, skip fsync and keep the rollback journal in memory while loading (a crash
    would lose a throwaway corpus, nothing else); the previous settings come back after. Only
    this connection changes: the application's settings never do."""
    from django.db import connection  # noqa: PLC0415

    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield  # (inside a caller's transaction SQLite cannot change these: load as it is)
        return
    pragmas = {"synchronous": "OFF", "journal_mode": "MEMORY", "cache_size": "-262144"}
    with connection.cursor() as cursor:
        before = {}
        for name, value in pragmas.items():
            cursor.execute(pragma_sql(name))
            before[name] = cursor.fetchone()[0]
            cursor.execute(pragma_sql(name, value))
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for name, value in before.items():
                cursor.execute(pragma_sql(name, value))


# PRAGMA takes no query parameters, so its SQL is built as text: only from these names, and
# from values that are a bare word or number (what SQLite itself returns for them).
PRAGMAS_WE_SET = frozenset({"synchronous", "journal_mode", "cache_size"})
_PRAGMA_VALUE = re.compile(r"-?[A-Za-z0-9_]{1,20}")


def pragma_sql(name: str, value: object = None) -> str:
    """'PRAGMA name' or 'PRAGMA name = value'; refuses any other name or value."""
    if name not in PRAGMAS_WE_SET:
        raise ValueError(f"Not a pragma the corpus sets: {name!r}")
    if value is None:
        return f"PRAGMA {name}"
    if not _PRAGMA_VALUE.fullmatch(str(value)):
        raise ValueError(f"Not a plain pragma value: {value!r}")
    return f"PRAGMA {name} = {value}"


def _analyze():
    """PostgreSQL: refresh the planner's statistics, as autovacuum would soon after a bulk
    load (and while loading: see _create_articles). (SQLite: nothing; Django never runs ANALYZE
    there and neither does the app.)"""
    from django.db import connection  # noqa: PLC0415

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # constant SQL: no input reaches it


def settle():
    """PostgreSQL: VACUUM ANALYZE the whole database, as autovacuum does soon after a bulk load
    (since PostgreSQL 13 inserts alone trigger it: `autovacuum_vacuum_insert_threshold`). Besides
    the statistics, it sets the visibility map, without which no index-only scan skips the heap:
    a benchmark of a freshly loaded corpus would time reads a live site does not do. Runs outside
    a transaction (VACUUM cannot run in one). Before it, the search's kept word ranks that the
    bulk load left stale are written, as the task an import queues writes them
    (search/signals.py). SQLite: nothing, as for ANALYZE."""
    from django.db import connection  # noqa: PLC0415

    from search.word_ranks import write_stale  # noqa: PLC0415

    if connection.vendor == "postgresql":
        write_stale()
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")  # constant SQL: no input reaches it


def _create_articles(
    sampler: ArticleSampler, count: int, *, end: datetime, started, say, parts=None
):
    from articles.models import Article, TaggedArticle  # noqa: PLC0415

    featured_artist = Article.featured_artists.through
    rng = sampler.rng
    span = timedelta(days=365 * YEARS).total_seconds()
    # Sorted offsets: ids follow publication order, as on a real site.
    offsets = sorted(rng.random() for _ in range(count))
    tag_use: Counter[int] = Counter()
    artist_use: Counter[int] = Counter()
    without_artists = 0
    for start, stop in rounds(count, CHUNK):
        drawn = [
            sampler.draw(
                number=number + 1,
                published_at=end - timedelta(seconds=(1 - offsets[number]) * span + 60),
            )
            for number in range(start, stop)
        ]
        Article.objects.bulk_create([article for article, _, _ in drawn], batch_size=BULK_BATCH)
        tag_rows, artist_rows = [], []
        for article, tag_ids, artist_ids in drawn:
            pk = article.pk
            tag_rows += [TaggedArticle(content_object_id=pk, tag_id=tag) for tag in tag_ids]
            artist_rows += [featured_artist(article_id=pk, artist_id=a) for a in artist_ids]
            tag_use.update(tag_ids)
            artist_use.update(artist_ids)
            without_artists += not artist_ids
        TaggedArticle.objects.bulk_create(tag_rows, batch_size=BULK_BATCH)
        featured_artist.objects.bulk_create(artist_rows, batch_size=BULK_BATCH)
        if parts is not None:
            parts.write(drawn)
        if start == 0:
            _analyze()  # (see bench.sampling.rounds)
        done = start + len(drawn)
        say(f"articles {done:,}/{count:,} ({time.perf_counter() - started:.1f} s)")
    return tag_use, artist_use, without_artists
