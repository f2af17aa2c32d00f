"""Benchmark of the link checker (links/checking/, issue 19): how many links a pass checks a
minute against local sites, its memory, what the per-host rate limit does, and what the links
app adds to a publish.

    .venv/bin/python -m bench.links                     # 2,000 links on 4 local hosts
    .venv/bin/python -m bench.links --links 300 --no-record   # a quick look

A fresh SQLite database in a temporary folder (migrated), local sites on 127.0.0.1-127.0.0.N
(bench/links/web.py; no outside network). 1. Throughput: one pass over --links links with the
rate limit set out of the way (a million a minute), so the sites and the checker are measured,
at the default LINK_CHECK_CONNECTIONS; links a minute, requests sent, the process's resident
memory before and after and tracemalloc's peak during the pass. 2. The limit: the same links
again with --per-host requests a minute per host for --limit-seconds: how many were checked and
the most any one site was sent (never more than --per-host). 3. Publish: `article_publish` of
articles with 20 outbound links each, the median with the links app's receivers and without
them (bench/links/publish.py), and the requests the sites saw during the publishes (must be 0).
It prints a table and appends it to docs/benchmarks.md (unless --no-record).
"""

import argparse
import os
import sys
import tempfile
import time
import tracemalloc

from bench.shared.lock import single_run_lock


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    lock = single_run_lock()
    if lock is None:
        return 3
    workdir = tempfile.TemporaryDirectory(prefix="bench-links-")
    os.environ["NEWSROOM_VAR_DIR"] = workdir.name
    os.environ.pop("DATABASE_URL", None)
    os.environ["DEBUG"] = "true"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django  # noqa: PLC0415 (after the environment above)

    django.setup()
    from bench.links.report import record, table  # noqa: PLC0415 (Django set up first)

    try:
        results = measure(args)
    finally:
        workdir.cleanup()
    print(table(results))
    if not args.no_record:
        record(results, argv=sys.argv[1:] if argv is None else argv, label=args.label)
    return 0


def measure(args) -> dict:
    # Here: these modules read Django's settings, set up by main().
    import logging  # noqa: PLC0415

    from django.conf import settings  # noqa: PLC0415
    from django.core.cache import cache  # noqa: PLC0415
    from django.core.management import call_command  # noqa: PLC0415

    from bench.links import publish  # noqa: PLC0415
    from bench.links.web import Sites  # noqa: PLC0415
    from links.checking.passes import run_pass  # noqa: PLC0415
    from links.models import Link  # noqa: PLC0415

    logging.getLogger("httpx").setLevel(logging.WARNING)
    call_command("migrate", verbosity=0)
    sites = Sites(args.hosts)
    try:
        origins = sites.origins()
        Link.objects.bulk_create(
            Link(
                url=f"{origins[n % len(origins)]}/page/{n}", host=f"127.0.0.{n % len(origins) + 1}"
            )
            for n in range(args.links)
        )
        settings.LINK_CHECK_PER_HOST_PER_MINUTE = 1_000_000
        settings.LINK_CHECK_RUN_LINKS = args.links
        load_before = os.getloadavg()[0]
        rss_before = _rss_mib()
        tracemalloc.start()
        started = time.perf_counter()
        summary = run_pass(seconds=3600)
        elapsed = time.perf_counter() - started
        _, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rss_after = _rss_mib()
        requests = sum(sites.requests())

        Link.objects.update(next_check_at=None, checked_at=None, status=Link.Status.UNCHECKED)
        cache.clear()
        settings.LINK_CHECK_PER_HOST_PER_MINUTE = args.per_host
        before = sites.requests()
        started = time.perf_counter()
        limited = run_pass(seconds=args.limit_seconds)
        limited_elapsed = time.perf_counter() - started
        per_site = [after - was for after, was in zip(sites.requests(), before, strict=True)]

        before_publish = sum(sites.requests())
        published = publish.measure(args.publishes, origins[0])
        published["requests"] = sum(sites.requests()) - before_publish
    finally:
        sites.stop()
    return {
        "links": args.links,
        "hosts": args.hosts,
        "connections": settings.LINK_CHECK_CONNECTIONS,
        "checked": summary.checked,
        "statuses": dict(summary.by_status),
        "seconds": elapsed,
        "per_minute": summary.checked / elapsed * 60,
        "requests": requests,
        "rss_before_mib": rss_before,
        "rss_after_mib": rss_after,
        "traced_peak_mib": traced_peak / 2**20,
        "per_host": args.per_host,
        "limit_seconds": args.limit_seconds,
        "limited_checked": limited.checked,
        "limited_deferred": limited.deferred,
        "limited_elapsed": limited_elapsed,
        "limited_most_per_site": max(per_site),
        "publish": published,
        "load_before": load_before,
        "load_after": os.getloadavg()[0],
    }


def _rss_mib() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench.links", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--links", type=int, default=2000, help="links to check (default 2000)")
    parser.add_argument("--hosts", type=int, default=4, help="local sites (default 4)")
    parser.add_argument("--per-host", type=int, default=30, help="the limit's run (default 30)")
    parser.add_argument("--limit-seconds", type=float, default=10, help="its length (10)")
    parser.add_argument("--publishes", type=int, default=30, help="timed publishes (30)")
    parser.add_argument("--no-record", action="store_true", help="print only")
    parser.add_argument("--label", default="", help="a note for the entry's heading")
    return parser
