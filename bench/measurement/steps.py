"""The measurement benchmark's steps that use Django, each in a process of its own that finds
the database through the environment (DATABASE_URL, NEWSROOM_VAR_DIR) as a deployment does,
DEBUG off:

- build: migrate, the corpus of bench/corpus/ with "You may also like" computed, the sampled
  articles (those whose block shows something, drawn with the seed);
- measure: the block under each scoring, the cold pages (blocks.py), the counting endpoints
  in one process, and the tokens the concurrent run sends (counting.py);
- sums: what SlotDay and ExperimentDay hold (read before and after the concurrent run).
"""

import json
import os
import time
from pathlib import Path
from random import Random


def run_step(args) -> int:
    from bench.corpus.build import setup_django  # noqa: PLC0415

    setup_django()
    steps = {"build": build, "measure": measure, "sums": read_sums}
    Path(args.result).write_text(json.dumps(steps[args.step](args)))
    return 0


def corpus_arguments(articles: int, seed: int) -> dict:
    """As bench/pages/: up to 2,000 articles the issue 17 corpus's shape (200 tags, 400
    artists, one figure each), above it the default corpus; suggestions always computed."""
    shape = {"tags": 200, "artists": 400, "figures_per_article": 1} if articles <= 2_000 else {}
    return {"articles": articles, "seed": seed, "recommendations": True, **shape}


def sample_articles(rng: Random, count: int) -> list[int]:
    """Up to `count` published articles whose block may show a link (a shown link to a
    published article), drawn with `rng`, in id order."""
    from django.conf import settings  # noqa: PLC0415

    from articles.models import Article  # noqa: PLC0415
    from recommendations.models import RelatedLink  # noqa: PLC0415

    policy = settings.RECOMMENDATIONS_MODERATION
    sources = (
        RelatedLink.objects.shown(policy=policy)
        .filter(target__in=Article.objects.published())
        .values("source_id")
    )
    ids = list(
        Article.objects.published()
        .filter(pk__in=sources)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return sorted(rng.sample(ids, min(count, len(ids))))


def build(args) -> dict:
    from django.core.management import call_command  # noqa: PLC0415
    from django.db import connection  # noqa: PLC0415

    from bench.corpus.build import build_corpus, settle  # noqa: PLC0415
    from bench.pages.steps import database_version  # noqa: PLC0415

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    arguments = corpus_arguments(args.articles, args.seed)
    corpus = build_corpus(progress=lambda message: print(message, flush=True), **arguments)
    print(corpus, flush=True)
    settle()  # the database as autovacuum leaves it after a bulk load (bench/corpus/build.py)
    return {
        "seconds": time.perf_counter() - started,
        "corpus": corpus.as_dict(),
        "articles": sample_articles(Random(args.seed), args.sample),  # noqa: S311 (not secrets)
        "database_version": database_version(connection),
    }


def measure(args) -> dict:
    from django.conf import settings  # noqa: PLC0415

    from articles.models import Article  # noqa: PLC0415
    from bench.measurement.blocks import (  # noqa: PLC0415
        experiment_id,
        leave_running,
        time_blocks,
        time_pages,
    )
    from bench.measurement.counting import READER, time_counting, tokens_for  # noqa: PLC0415
    from sitesettings.models import SiteSettings  # noqa: PLC0415

    SiteSettings.current()  # as on a site that has served a page (its creation is a change)
    built = json.loads(Path(args.built).read_text())
    articles = list(Article.objects.filter(pk__in=built["articles"]).order_by("pk"))
    urls = [article.get_absolute_url() for article in articles]
    load = os.getloadavg()[0]
    print(f"    blocks: {len(articles)} articles x {args.rounds} rounds", flush=True)
    blocks = time_blocks(articles, rounds=args.rounds)
    print("    cold article pages", flush=True)
    pages = time_pages(urls, rounds=args.rounds, headers=READER)
    items = tokens_for(articles)
    print("    counting endpoints (test client)", flush=True)
    standard = [item for item in items if item["drawn"] == "standard"]
    counting = time_counting(standard, rounds=args.rounds)
    leave_running(experiment_id())  # for the concurrent run's drawn blocks (serving.py)
    return {
        "load_average": load,
        "block_size": settings.RECOMMENDATIONS_BLOCK_SIZE,
        "moderation": settings.RECOMMENDATIONS_MODERATION,
        "blocks": blocks,
        "pages": pages,
        "counting": counting,
        "items": items,
    }


def read_sums(args) -> dict:
    from bench.measurement.counting import sums  # noqa: PLC0415

    return sums()
