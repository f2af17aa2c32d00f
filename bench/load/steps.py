"""The step of the load test that uses Django, in a process of its own with the environment of
the gunicorn it loads (DATABASE_URL to the benchmark's own PostgreSQL): migrate, write the corpus
(bench/corpus/, with its "You may also like" suggestions when it can make them, as article
pages show them), then sample the URLs to request (bench/serve/steps.py's sets)."""

import inspect
import json
import time
from pathlib import Path
from random import Random

from bench.corpus.build import build_corpus
from bench.serve.steps import sample_urls


def run_step(args) -> int:
    import django  # noqa: PLC0415

    django.setup()
    Path(args.result).write_text(json.dumps(build(args)))
    return 0


def build(args) -> dict:
    from django.core.management import call_command  # noqa: PLC0415
    from django.db import connection  # noqa: PLC0415

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    migrated = time.perf_counter()
    extra = {}
    if "recommendations" in inspect.signature(build_corpus).parameters:
        extra["recommendations"] = True
    summary = build_corpus(articles=args.articles, seed=args.seed, progress=print, **extra)
    built = time.perf_counter()
    print(summary, flush=True)
    rng = Random(args.seed)  # noqa: S311 (which URLs to ask for, not secrets)
    urls = sample_urls(rng, articles=args.urls, artists=args.artist_urls, searches=args.search_urls)
    number = connection.cursor().connection.server_version
    return {
        "migrate_s": migrated - started,
        "corpus_s": built - migrated,
        "corpus": summary.as_dict(),
        "counts": _counts(),
        "urls": {key: urls[key] for key in ("articles", "home", "artists", "search")},
        "database_version": f"{number // 10000}.{number % 10000}",
    }


def _counts() -> dict:
    from django.apps import apps  # noqa: PLC0415

    counted = {}
    for label in ("articles.Article", "artists.Artist", "artworks.Artwork"):
        try:
            counted[label.split(".")[1].lower() + "s"] = apps.get_model(label).objects.count()
        except LookupError:
            pass
    return counted
