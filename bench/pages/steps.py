"""The page benchmark's steps that use Django, each in a process of its own that finds the
database through the environment (DATABASE_URL, NEWSROOM_VAR_DIR), DEBUG off:

- build: migrate, write the corpus (bench/corpus/), make the staff user, give articles four
  figures where the corpus has too few, and choose the URLs of each kind;
- measure: time them (timing.py), cold then warm.
"""

import json
import time
from pathlib import Path
from random import Random

from bench.pages.kinds import BY_KEY
from bench.pages.sampling import articles_with_figures, sample_urls, staff_user
from bench.shared.database import database_version


def run_step(args) -> int:
    from bench.corpus.build import setup_django  # noqa: PLC0415

    setup_django()
    result = build(args) if args.step == "build" else measure(args)
    Path(args.result).write_text(json.dumps(result))
    return 0


def corpus_arguments(args) -> dict:
    """build_corpus()'s arguments: the issue's small corpus (--tags 200 --artists 400
    --figures-per-article 1) at 2,000 articles or fewer, the default corpus above; always with
    "You may also like" computed, as on a real site."""
    articles = args.articles[0]  # the step builds one size (run.py passes it alone)
    if articles <= 2_000:
        shape = {"tags": 200, "artists": 400, "figures_per_article": 1}
    else:
        shape = {}
    return {"articles": articles, "seed": args.seed, "recommendations": True, **shape}


def build(args) -> dict:
    from django.core.management import call_command  # noqa: PLC0415
    from django.db import connection  # noqa: PLC0415

    from bench.corpus.build import build_corpus, settle  # noqa: PLC0415

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    migrated = time.perf_counter()
    arguments = corpus_arguments(args)
    corpus = build_corpus(progress=lambda message: print(message, flush=True), **arguments)
    built = time.perf_counter()
    print(corpus, flush=True)
    rng = Random(args.seed)  # noqa: S311 (which pages to ask for, not secrets)
    kinds = args.pages
    admin_articles, given = [], 0
    if "admin_article" in kinds:
        admin_articles, given = articles_with_figures(rng, args.urls)
    settle()  # the database as autovacuum leaves it after a bulk load (bench/corpus/build.py)
    settled = time.perf_counter()
    urls = sample_urls(rng, count=args.urls, kinds=kinds, admin_articles=admin_articles)
    return {
        "migrate_s": migrated - started,
        "corpus_s": built - migrated,
        "settle_s": settled - built,
        "corpus": corpus.as_dict(),
        "corpus_arguments": {k: v for k, v in arguments.items() if k not in {"articles"}},
        "figures_given": given,
        "urls": urls,
        "user": staff_user(),
        "database_version": database_version(connection),
    }


def measure(args) -> dict:
    import os  # noqa: PLC0415

    from django.contrib.auth import get_user_model  # noqa: PLC0415
    from django.test import Client  # noqa: PLC0415

    from bench.pages.timing import measure as timed  # noqa: PLC0415

    built = json.loads(Path(args.built).read_text())
    urls = {kind: built["urls"][kind] for kind in args.pages if built["urls"].get(kind)}
    reader, staff = Client(), Client()
    staff.force_login(get_user_model().objects.get(pk=built["user"]))
    clients = {kind: reader if BY_KEY[kind].public else staff for kind in urls}
    public = {kind for kind in urls if BY_KEY[kind].public}
    load = os.getloadavg()[0]
    result = timed(urls, clients, repeat=args.repeat, public=public)
    return {**result, "load_average": load}
