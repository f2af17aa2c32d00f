"""A synthetic corpus of published articles for benchmarks, written in bulk in a few minutes.

    .venv/bin/python bench/corpus.py --migrate --articles 100000   # into the configured database
    build_corpus(articles=100_000, artists=20_000, tags=2_000, seed=1, progress=print)

What it makes (every count and exponent is a parameter):

- 12 sections, some busier than others (SECTIONS);
- tags used along Zipf's law: the tag of rank r is drawn with weight 1 / r**TAG_EXPONENT, so a
  few tags ("photography", "painting") are on a large share of the articles and most are rare;
- artists featured the same way with ARTIST_EXPONENT (a gentler head: a few prolific artists);
- articles, all published, spread over the last YEARS years (ids in publication order), each
  with 5 to 10 distinct tags and 0 to 3 distinct featured artists.

Every row goes in through bulk_create, the through tables (articles.TaggedArticle and
Article.featured_artists.through) included, so no model signal fires and no recommendation
refresh is queued: a benchmark times the engine on its own afterwards. Tags and artists are
created in rank order, so ordering them by id gives their rank (ArticleSampler.from_database
relies on that). The same seed gives the same corpus.
"""

import argparse
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path
from random import Random
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
if not __package__:
    # Run as a script, bench/ comes first on the path, where bench/recommendations.py would
    # stand in for the recommendations app: the project root goes first instead.
    sys.path[0] = str(ROOT)

from bench.sampling import (  # noqa: E402 (after the path is set)
    ARTIST_EXPONENT,
    FIRST_NAMES,
    LAST_NAMES,
    NATIONALITIES,
    SECTIONS,
    TAG_EXPONENT,
    TAG_QUALIFIERS,
    TAG_WORDS,
    YEARS,
    ArticleSampler,
    slugify_title,
)

# Articles generated and written per round (their tag and artist rows follow each round).
CHUNK = 10_000
BULK_BATCH = 5_000


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django  # noqa: PLC0415

    django.setup()


@dataclass(frozen=True)
class CorpusSummary:
    articles: int
    artists: int
    tags: int
    sections: int
    tag_links: int
    artist_links: int
    tag_exponent: float
    artist_exponent: float
    seed: int
    top_tag: str
    top_tag_share: float  # of articles carrying the most used tag
    tags_on_over_1pct: int  # tags carried by more than 1% of the articles
    least_used_tag_articles: int
    top_artist_articles: int
    artists_featured: int  # artists featured at least once
    articles_without_artists: int
    seconds: float
    analyze_seconds: float

    def as_dict(self) -> dict:
        return asdict(self)

    def __str__(self):
        return (
            f"{self.articles:,} articles, {self.artists:,} artists, {self.tags:,} tags, "
            f"{self.tag_links:,} tag links ({self.tag_links / max(self.articles, 1):.1f} per "
            f"article), {self.artist_links:,} featured-artist links in {self.seconds:.1f} s. "
            f"Top tag {self.top_tag!r} on {self.top_tag_share:.1%} of articles; "
            f"{self.tags_on_over_1pct} tags on more than 1%; the rarest on "
            f"{self.least_used_tag_articles}. Top artist on {self.top_artist_articles:,} articles."
        )


def build_corpus(
    *,
    articles: int = 100_000,
    artists: int = 20_000,
    tags: int = 2_000,
    seed: int = 1,
    progress: Callable[[str], None] | None = None,
    tag_exponent: float = TAG_EXPONENT,
    artist_exponent: float = ARTIST_EXPONENT,
) -> CorpusSummary:
    """Write the corpus into the default database (which should hold no articles yet)."""
    from django.db import transaction  # noqa: PLC0415
    from django.utils import timezone  # noqa: PLC0415

    say = progress or (lambda message: None)
    rng = Random(seed)  # noqa: S311 (reproducible test data, not secrets)
    started = time.perf_counter()
    with _fast_bulk_writes(), recommendation_refresh_muted(), transaction.atomic():
        sections = _create_sections()
        tag_rows = _create_tags(rng, tags)
        say(f"{len(sections)} sections and {len(tag_rows):,} tags")
        artist_ids = _create_artists(rng, artists)
        say(f"{len(artist_ids):,} artists ({time.perf_counter() - started:.1f} s)")
        sampler = ArticleSampler(
            rng,
            sections=sections,
            tags=tag_rows,
            artist_ids=artist_ids,
            tag_exponent=tag_exponent,
            artist_exponent=artist_exponent,
        )
        tag_use, artist_use, without_artists = _create_articles(
            sampler, articles, end=timezone.now(), started=started, say=say
        )
    written = time.perf_counter()
    _analyze()
    analyzed = time.perf_counter()
    say(f"written in {written - started:.1f} s (ANALYZE: {analyzed - written:.1f} s)")
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
        seconds=analyzed - started,
        analyze_seconds=analyzed - written,
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
    load. (SQLite: nothing; Django never runs ANALYZE there and neither does the app.)"""
    from django.db import connection  # noqa: PLC0415

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # constant SQL: no input reaches it


def _create_sections() -> list[tuple[int, str]]:
    from articles.models import Section  # noqa: PLC0415

    rows = Section.objects.bulk_create(
        [
            Section(name=name, slug=slugify_title(name), order=order)
            for order, (name, _weight) in enumerate(SECTIONS)
        ]
    )
    return [(section.pk, section.name) for section in rows]


def _create_tags(rng: Random, count: int) -> list[tuple[int, str]]:
    """Tags in rank order: single words first (shuffled), then qualified ones."""
    from taggit.models import Tag  # noqa: PLC0415

    words = [word.replace("-", " ") for word in TAG_WORDS]
    rng.shuffle(words)
    qualified = [f"{qualifier} {word}" for qualifier in TAG_QUALIFIERS for word in words]
    rng.shuffle(qualified)
    names = words + qualified
    # Beyond the vocabulary, numbered variants keep names and slugs unique.
    names += [f"{names[i % len(names)]} {i // len(names) + 1}" for i in range(count - len(names))]
    tags = Tag.objects.bulk_create(
        [Tag(name=name, slug=slugify_title(name)) for name in names[:count]], batch_size=BULK_BATCH
    )
    return [(tag.pk, tag.name) for tag in tags]


def _create_artists(rng: Random, count: int) -> list[int]:
    from artists.models import Artist, initial_of  # noqa: PLC0415

    combinations = len(FIRST_NAMES) * 26 * len(LAST_NAMES)
    picks = rng.sample(range(combinations), min(count, combinations))
    picks += [rng.randrange(combinations) for _ in range(count - len(picks))]
    slugs: set[str] = set()
    artists = []
    for number, pick in enumerate(picks, start=1):
        rest, last = divmod(pick, len(LAST_NAMES))
        first, initial = divmod(rest, 26)
        given = f"{FIRST_NAMES[first]} {chr(65 + initial)}."
        name = f"{given} {LAST_NAMES[last]}"
        sort_name = f"{LAST_NAMES[last]}, {given}"
        slug = slugify_title(name)
        if slug in slugs:
            slug = f"{slug}-{number}"
        slugs.add(slug)
        born = rng.randint(1850, 1995)
        artists.append(
            Artist(
                name=name,
                sort_name=sort_name,
                sort_initial=initial_of(sort_name),
                slug=slug,
                birth_year=born,
                death_year=born + rng.randint(40, 95) if born < 1945 else None,
                nationality=rng.choice(NATIONALITIES),
            )
        )
    return [artist.pk for artist in Artist.objects.bulk_create(artists, batch_size=BULK_BATCH)]


def _create_articles(sampler: ArticleSampler, count: int, *, end: datetime, started, say):
    from articles.models import Article, TaggedArticle  # noqa: PLC0415

    featured_artist = Article.featured_artists.through
    rng = sampler.rng
    span = timedelta(days=365 * YEARS).total_seconds()
    # Sorted offsets: ids follow publication order, as on a real site.
    offsets = sorted(rng.random() for _ in range(count))
    tag_use: Counter[int] = Counter()
    artist_use: Counter[int] = Counter()
    without_artists = 0
    for start in range(0, count, CHUNK):
        drawn = [
            sampler.draw(
                number=number + 1,
                published_at=end - timedelta(seconds=(1 - offsets[number]) * span + 60),
            )
            for number in range(start, min(start + CHUNK, count))
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
        done = start + len(drawn)
        say(f"articles {done:,}/{count:,} ({time.perf_counter() - started:.1f} s)")
    return tag_use, artist_use, without_artists


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--artists", type=int, default=20_000)
    parser.add_argument("--tags", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--tag-exponent", type=float, default=TAG_EXPONENT)
    parser.add_argument("--artist-exponent", type=float, default=ARTIST_EXPONENT)
    parser.add_argument(
        "--migrate", action="store_true", help="Run the migrations first (a fresh database)."
    )
    args = parser.parse_args(argv)
    setup_django()
    from django.core.management import call_command  # noqa: PLC0415
    from django.db import connection  # noqa: PLC0415

    from articles.models import Article  # noqa: PLC0415

    print(f"Database: {connection.vendor} {connection.settings_dict['NAME']}")
    if args.migrate:
        call_command("migrate", verbosity=0, interactive=False)
    if Article.objects.exists():
        print(
            "This database already has articles: point DATABASE_URL or NEWSROOM_VAR_DIR at an "
            "empty one (the corpus would mix with them).",
            file=sys.stderr,
        )
        return 1
    summary = build_corpus(
        articles=args.articles,
        artists=args.artists,
        tags=args.tags,
        seed=args.seed,
        progress=print,
        tag_exponent=args.tag_exponent,
        artist_exponent=args.artist_exponent,
    )
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
