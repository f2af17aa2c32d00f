"""Benchmark of archived copies of outbound links (links/archive.py, links/readers.py).

    .venv/bin/python -m bench.link_archive            # appends its figures to docs/benchmarks.md
    .venv/bin/python -m bench.link_archive --links 20 --runs 5 --no-record

1. Publishing an article with --links outbound links (`articles.services.article_publish`), with
   the archive's listener connected and disconnected, alternately, in the same run: the median
   of each and their ratio, and the queries the recording adds. No request leaves the machine
   (`LINK_ARCHIVE_SAVE` off, the default).
2. The article page with --links links in its body, none dead and all dead (each followed by
   its archived copy): median render time of each, their ratio, and the queries of each (the
   target: the same). SQLite in a temporary directory, removed at the end; page cache off, so
   every render builds the page.
"""

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from importlib import metadata
from pathlib import Path

from bench.shared.entries import append_to_section, bullet
from bench.shared.entries import table as markdown_table
from bench.shared.machine import cpu_and_memory
from bench.shared.paths import DOC, ROOT

SECTION = "## Archived copies of outbound links"
SECTION_INTRO = f"""{SECTION}

`bench/link_archive/` times a publish with and without recording its links' archived copies,
and the article page with none and all of its links dead, as ratios measured in one run.
"""


def setup_django(workdir: Path):
    os.environ.pop("DATABASE_URL", None)
    os.environ.update(DJANGO_SETTINGS_MODULE="newsroom.settings", DEBUG="false")
    os.environ.update(SECRET_KEY="bench-only-" + "k" * 50, ALLOWED_HOSTS="testserver")
    os.environ.update(NEWSROOM_VAR_DIR=str(workdir), STATIC_ROOT=str(workdir / "static"))
    os.environ.update(TASKS_BACKEND="immediate", LOG_LEVEL="WARNING", LINK_ARCHIVE_SAVE="false")
    os.environ.update(SECURE_SSL_REDIRECT="false", PAGE_CACHE="false")
    (workdir / "static").mkdir(parents=True, exist_ok=True)
    import django  # noqa: PLC0415

    django.setup()


def _article(number: int, links: int):
    """A draft article whose body links to `links` URLs (the inventory records their uses)."""

    from articles import services  # noqa: PLC0415
    from articles.models import Article, Section  # noqa: PLC0415
    from links.models import LinkUse  # noqa: PLC0415

    section, _ = Section.objects.get_or_create(slug="bench", defaults={"name": "Bench"})
    urls = [f"https://site{i}.example/a/{number}?page={i}" for i in range(links)]
    body = "".join(f'<p>See <a href="{url}">source {i}</a>.</p>' for i, url in enumerate(urls))
    article = Article(
        title=f"Article {number}",
        slug=f"article-{number}",
        section=section,
        body=body,
        published_at=None,
    )
    services.article_save(article=article, user=None)  # the inventory records its uses
    assert LinkUse.objects.filter(article=article).count() == links
    return article


def measure_publish(*, links=20, runs=11) -> dict:
    """Median seconds of a publish with and without the recording, alternately."""
    from django.db import connection  # noqa: PLC0415
    from django.test.utils import CaptureQueriesContext  # noqa: PLC0415

    from articles import services  # noqa: PLC0415
    from articles.signals import article_public_state_changed  # noqa: PLC0415
    from links import archive  # noqa: PLC0415

    timed = {True: [], False: []}
    queries = {True: [], False: []}
    for run in range(2 * runs + 2):  # two warm-ups
        recording = run % 2 == 0
        article = _article(run, links)
        if not recording:
            article_public_state_changed.disconnect(dispatch_uid="links-archive")
        try:
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                services.article_publish(article=article, user=None)
                seconds = time.perf_counter() - started
        finally:
            article_public_state_changed.connect(
                archive.on_public_state_changed, dispatch_uid="links-archive"
            )
        if run >= 2:
            timed[recording].append(seconds)
            queries[recording].append(len(captured))
    with_ms = statistics.median(timed[True]) * 1000
    without_ms = statistics.median(timed[False]) * 1000
    return {
        "links": links,
        "runs": runs,
        "with_ms": with_ms,
        "without_ms": without_ms,
        "ratio": with_ms / without_ms,
        "added_queries": statistics.median(queries[True]) - statistics.median(queries[False]),
    }


def measure_page(*, links=20, renders=21) -> dict:
    """The article page with its links alive, then all dead: median render, queries."""
    from django.conf import settings  # noqa: PLC0415
    from django.test import Client, override_settings  # noqa: PLC0415
    from django.utils import timezone  # noqa: PLC0415

    from articles import services  # noqa: PLC0415
    from sitesettings.models import SiteSettings  # noqa: PLC0415

    SiteSettings.current()  # as on a site that has served a page (its creation is a change)
    article = _article(10_000, links)
    services.article_publish(article=article, user=None, at=timezone.now() - timedelta(days=1))
    client, url = Client(), article.get_absolute_url()
    result = {"links": links, "renders": renders}
    # DEBUG is off, but nothing was collected: static files by their plain names.
    plain = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    with override_settings(STORAGES={**settings.STORAGES, "staticfiles": plain}):
        for state, dead in (("alive", False), ("dead", True)):
            _render(client, url, result, state=state, dead=dead, renders=renders)
    result["ratio"] = result["dead_ms"] / result["alive_ms"]
    return result


def _render(client, url, result, *, state, dead, renders):
    from django.db import connection  # noqa: PLC0415
    from django.test.utils import CaptureQueriesContext  # noqa: PLC0415

    from links.models import Link  # noqa: PLC0415

    """One page of `state` (its links alive or all dead) rendered `renders` times."""
    Link.objects.update(dead=dead)
    client.get(url), client.get(url)  # warm-ups: the fragments kept, statements compiled
    seconds, queries = [], []
    for _ in range(renders):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            seconds.append(time.perf_counter() - started)
        queries.append(len(captured))
        assert response.status_code == 200, response.status_code
    result[f"{state}_ms"] = statistics.median(seconds) * 1000
    result[f"{state}_queries"] = statistics.median(queries)
    result[f"{state}_notes"] = response.content.count(b'class="archived-copy"')


def machine() -> str:
    cpu, _ = cpu_and_memory()
    return (
        f"Machine: {os.cpu_count()} CPUs, {cpu}; the process pinned to one core. Python "
        f"{platform.python_version()}, Django {metadata.version('django')}, SQLite. Load "
        f"average (1 min) at the end: {os.getloadavg()[0]:.2f}."
    )


def table(p: dict, page: dict) -> str:
    rows = [
        ("", "without", "with", "ratio"),
        ("---", "---", "---", "---"),
        (f"publish, {p['links']} links, median of {p['runs']}: archived copies recorded",
         f"{p['without_ms']:.1f} ms", f"{p['with_ms']:.1f} ms", f"{p['ratio']:.2f}"),
        ("queries the recording adds to the publish", "", f"{p['added_queries']:.0f}", ""),
        (f"article page, {page['links']} links in the body, median of {page['renders']}: "
         f"alive / dead ({page['dead_notes']} archived copies shown)",
         f"{page['alive_ms']:.1f} ms", f"{page['dead_ms']:.1f} ms", f"{page['ratio']:.2f}"),
        ("queries per page: alive / dead (target: the same)",
         f"{page['alive_queries']:.0f}", f"{page['dead_queries']:.0f}", ""),
    ]  # fmt: skip
    return markdown_table(rows)


def record(text: str) -> None:
    """Append the entry at the end of this benchmark's section of docs/benchmarks.md."""
    append_to_section(text, section=SECTION, intro=SECTION_INTRO, doc=DOC)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.link_archive", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--links", type=int, default=20, help="links per article (20)")
    parser.add_argument("--runs", type=int, default=11, help="timed publishes of each kind (11)")
    parser.add_argument("--renders", type=int, default=21, help="timed renders of each page (21)")
    parser.add_argument("--no-record", dest="record", action="store_false")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    workdir = Path(tempfile.mkdtemp(prefix="newsroom-bench-link-archive-"))
    try:
        setup_django(workdir)
        from django.core.management import call_command  # noqa: PLC0415

        call_command("migrate", verbosity=0, interactive=False)
        print("Timing publishes...", flush=True)
        publish = measure_publish(links=args.links, runs=args.runs)
        print("Timing the article page...", flush=True)
        page = measure_page(links=args.links, renders=args.renders)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    result = table(publish, page)
    print("\n" + result)
    if args.record:
        command = " ".join([".venv/bin/python -m bench.link_archive", *(argv or sys.argv[1:])])
        record(
            f"### {date.today().isoformat()}: archived copies\n\n`{command}`\n\n"
            f"{bullet(machine())}\n\n{result}\n"
        )
        print(f"\nRecorded in {DOC.relative_to(ROOT)}.")
    return 0
