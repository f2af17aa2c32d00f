"""The report of the serving benchmark: the table of scenarios, the issue's targets with PASS
or FAIL, and the entry appended to docs/benchmarks.md under "Serving (issue 8)"."""

import shlex
from pathlib import Path

from bench.shared.entries import append_to_section, bullet, table
from bench.shared.gunicorn import SITE_PACKAGES
from bench.shared.machine import machine_info
from bench.shared.paths import DOC, ROOT

SECTION = "## Serving (issue 8)"

# Issue 8's targets.
WARM_SHARE_OF_BARE = 0.8
COLD_ARTICLE_P99_MS = 50.0

SCENARIOS = {
    "bare": "bare view (no database, no template)",
    "articles": "article pages",
    "home": "home page",
    "artists": "artist pages",
    "search": "search pages",
}

SECTION_INTRO = f"""{SECTION}

`bench/serve/` serves a corpus from PostgreSQL through gunicorn (`deploy/gunicorn.conf.py`,
DEBUG off, Redis as the cache) and loads it with `wrk` from another process on the same machine,
each scenario for a fixed time over a set of distinct URLs requested round-robin: cold (the page
cache off, `PAGE_CACHE=false`) and warm (on, after one untimed pass over every URL). The bare view
is a view that goes through the same middleware but reads no database and renders no template:
the ceiling. A freshness check then changes an article's title, and renames an artist it
features, through the ORM while the warm server runs, and asks whether the very next response
shows the change. Requests/s and wrk's latency percentiles (p50, p99) per scenario; "failed"
counts responses other than 2xx/3xx and socket errors (every URL answered 200 before timing).
"""


def clean(figures: dict) -> bool:
    return figures["non_2xx"] == 0 and figures["errors"] == 0


def _fresh_value(check: dict) -> str:
    if check["next_response"]:
        return "yes, the next response"
    if check["after_s"] is not None:
        return f"no: after {check['after_s']:.1f} s"
    return "no: not within 5 s"


def verdict(results: dict) -> list[tuple[str, str, bool]]:
    """The issue's targets: (target, measured, passed). Throughput from the runs with more
    connections than workers; the p99 from the run with one connection per worker."""
    cold, warm, fresh = results["cold"], results["warm"], results["fresh"]
    bare, article = warm["bare"]["load"], warm["articles"]["load"]
    share = article["rps"] / bare["rps"] if bare["rps"] else 0.0
    notes = "" if clean(article) and clean(bare) else " (with failed responses)"
    latency = cold["articles"]["latency"]
    cold_note = "" if clean(latency) else " (with failed responses)"
    return [
        (
            f"warm article pages: req/s >= {WARM_SHARE_OF_BARE:.0%} of the bare view's",
            f"{article['rps']:,.0f} / {bare['rps']:,.0f} = {share:.0%}{notes}",
            share >= WARM_SHARE_OF_BARE and not notes,
        ),
        (
            f"cold article pages: p99 < {COLD_ARTICLE_P99_MS:g} ms",
            f"{latency['p99_ms']:.1f} ms{cold_note}",
            latency["p99_ms"] < COLD_ARTICLE_P99_MS and not cold_note,
        ),
        (
            "an article's new title is in the next response",
            _fresh_value(fresh["title"]),
            fresh["title"]["next_response"],
        ),
        (
            "a featured artist's new name is in the article's next response",
            _fresh_value(fresh["artist"]),
            fresh["artist"]["next_response"],
        ),
    ]


def _percentiles(figures: dict) -> str:
    return f"{figures['p50_ms']:.1f} / {figures['p99_ms']:.1f} ms"


def scenario_table(results: dict, *, connections: int, latency_connections: int) -> str:
    """One row per scenario: for cold then warm, req/s and p50 / p99 at `connections`, and
    p50 / p99 at `latency_connections`."""
    rows = [["scenario", "URLs"], ["---", "---"]]
    for mode in ("cold", "warm"):
        rows[0] += [
            f"{mode}: req/s",
            f"{mode}: p50 / p99 ({connections} conn.)",
            f"{mode}: p50 / p99 ({latency_connections} conn.)",
        ]
        rows[1] += ["---"] * 3
    rows[0].append("failed (cold / warm)")
    rows[1].append("---")
    for key, label in SCENARIOS.items():
        cold, warm = results["cold"].get(key), results["warm"].get(key)
        if cold is None or warm is None:
            continue
        row = [label, f"{len(results['urls'][key]):,}"]
        for figures in (cold, warm):
            row += [
                f"{figures['load']['rps']:,.0f}",
                _percentiles(figures["load"]),
                _percentiles(figures["latency"]),
            ]
        failed = [sum(_count(run) for run in figures.values()) for figures in (cold, warm)]
        rows.append([*row, f"{failed[0]} / {failed[1]}"])
    return table(rows)


def _count(figures: dict) -> int:
    return figures["non_2xx"] + figures["errors"]


def targets_table(results: dict) -> str:
    rows = [["target", "measured", "verdict"], ["---"] * 3]
    rows += [
        [target, value, "PASS" if passed else "**FAIL**"]
        for target, value, passed in verdict(results)
    ]
    return table(rows)


def machine() -> dict:
    """The machine, the serving packages' versions, the commit, and whether the page cache
    existed (entries from before it are cold twice)."""
    return {**machine_info(SITE_PACKAGES), "pagecache_app": (ROOT / "pagecache").is_dir()}


def entry(args, argv: list[str], machine: dict, results: dict) -> str:
    build, static, fresh = results["build"], results["static"], results["fresh"]
    corpus, counts, warmup = build["corpus"], build["counts"], results["warmup"]
    versions = [f"Python {machine['python']}", f"PostgreSQL {build['database_version']}"]
    versions += [f"Redis {results['redis_version']}", f"wrk {results['wrk_version']}"]
    versions += [f"{name} {version}" for name, version in machine["versions"].items()]
    made = ", ".join(f"{number:,} {name}" for name, number in counts.items())
    extra = ", ".join(f"{k}={v}" for k, v in build["corpus_arguments"].items())
    pagecache = "present" if machine["pagecache_app"] else "absent, so warm is cold again"
    built = build["migrate_s"] + build["corpus_s"]
    loads = ", ".join(f"{load:.2f} before {mode}" for mode, load in results["loads"].items())
    items = [
        f"Machine: {machine['nproc']} CPUs (`nproc`), {machine['cpu']}, "
        f"{machine['memory_gib']:.0f} GiB RAM, shared by gunicorn, PostgreSQL, Redis and wrk; "
        f"{', '.join(versions)}. Load average (1 min): {loads}.",
        f"Code: commit {machine['commit']} (the working tree as it was; the `pagecache/` app "
        f"{pagecache}).",
        *(
            [f"**Warning**: these files changed while it ran: {', '.join(results['changed'])}."]
            if results["changed"]
            else []
        ),
        f"Server: `gunicorn -c deploy/gunicorn.conf.py`, {args.workers} {args.worker_class} "
        f"workers{f' x {args.threads} threads' if args.worker_class == 'gthread' else ''}, "
        "DEBUG off, `bench.shared.site_settings` (the application's settings and URLs plus the "
        "bare view), JSON access log to a file, Redis cache under a key prefix of its own.",
        f"Load: wrk, {args.duration} s per scenario and run, no think time, "
        f"{'connections kept open' if args.keepalive else 'one request per connection'} and "
        "`X-Forwarded-Proto: https`, as nginx passes requests on; req/s with "
        f"{args.connections} connections ({args.threads_wrk} threads), so that a queue forms; "
        f"latency again with {args.latency_connections} (one request in flight per worker), "
        "whose percentiles are the time to serve rather than the time queued.",
        f"Corpus (seed {corpus['seed']}, migrate + build {built:.0f} s"
        f"{f'; {extra}' if extra else ''}): {made}; {corpus['tags']:,} tags.",
        f"Warm-up: one pass over the {warmup['urls']:,} URLs in {warmup['seconds']:.0f} s, "
        f"{warmup['not_200']} not answering 200.",
        f"Static files after collectstatic: {static['hashed_present']:,} of {static['files']:,} "
        f"hashed names present; {static['gz']} .gz and {static['br']} .br beside the "
        f"{static['compressible']} CSS/JS/SVG files; `{static.get('sample')}` through gunicorn: "
        f"{static.get('status')}, `Cache-Control: {static.get('cache_control')}`, "
        f"`Content-Encoding: {static.get('content_encoding') or 'none'}`.",
        f"Freshness: `{fresh['url'].split('/', 3)[-1]}`; the artist's own page after the "
        f"rename: {_fresh_value(fresh['artist_page'])}.",
    ]
    bullets = "\n".join(bullet(item) for item in items)
    label = f", {args.label}" if args.label else ""
    command = " ".join([".venv/bin/python -m bench.serve", *map(shlex.quote, argv)])
    heading = f"### {machine['date']}: {corpus['articles']:,} articles{label}"
    scenarios = scenario_table(
        results, connections=args.connections, latency_connections=args.latency_connections
    )
    tables = f"{scenarios}\n\n{targets_table(results)}"
    return f"{heading}\n\n`{command}`\n\n{bullets}\n\n{tables}\n"


def record(text: str, doc: Path = DOC):
    """Append the entry at the end of this benchmark's section of docs/benchmarks.md."""
    append_to_section(text, section=SECTION, intro=SECTION_INTRO, doc=doc)
