"""The page benchmark's report: a table per corpus size and database with each kind's cold and
warm figures against issue 17's targets (PASS/FAIL), gunicorn's figures, and the entry appended
to docs/benchmarks.md under "Pages, cold and warm (issue 17)"."""

import shlex
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from bench.pages.kinds import BY_KEY, passed, target
from bench.pages.serving import WARM_SHARE_OF_BARE, failures, warm_share
from bench.shared.entries import DATABASE_NAMES, append_to_section, bullet, table
from bench.shared.gunicorn import SITE_PACKAGES
from bench.shared.machine import machine_info
from bench.shared.paths import DOC

NAMES = DATABASE_NAMES
SECTION = "## Pages, cold and warm (issue 17)"

SECTION_INTRO = f"""{SECTION}

`bench/pages/` times every kind of page in one process with Django's test client, DEBUG off, on
a fresh database per corpus size (the issue's 2,000 articles with 200 tags, 400 artists and one
figure per article; the default corpus of 100,000) and per database. Requests go round-robin
over the kinds, each kind over its own distinct URLs (sampled with the seed), after one untimed
round. Cold: the page cache off. Warm: on, after one untimed pass over the URLs (the cache is
the process's memory). Time is the median and p90 of the requests; queries the median and the
most any request took, counted with `connection.execute_wrapper`. Each kind is held to its
target in issue 17 (PASS/FAIL; "-" where the issue sets none). Then article pages and the bare
view (`bench/shared/site_urls.py`) through gunicorn (2 workers, Redis) and wrk, cold and warm,
the two loaded in turn a few times (medians): warm article pages must reach
{WARM_SHARE_OF_BARE:.0%} of the bare view's req/s.
"""


def verdict_text(result: bool | None) -> str:
    return {None: "-", True: "PASS", False: "**FAIL**"}[result]


def _pair(figures: dict | None, first: str, second: str, fmt: str) -> str:
    if figures is None:
        return ""
    return f"{figures[first]:{fmt}} / {figures[second]:{fmt}}"


def pages_table(run: dict) -> str:
    cold, warm = run["measure"]["cold"], run["measure"]["warm"]
    rows = [
        [
            "page", "URLs", "cold: median / p90 ms", "queries: median / max",
            "warm: median / p90 ms", "warm: hits", "target (cold)", "verdict",
        ],
        ["---"] * 8,
    ]  # fmt: skip
    for key, figures in cold.items():
        goal = target(key, database=run["database"], articles=run["articles"])
        hot = warm.get(key)
        result = passed(figures, goal)
        label = BY_KEY[key].label
        if figures["errors"]:
            label += f" ({figures['errors']} not 200: {', '.join(figures['failed'])})"
        rows.append(
            [
                label,
                str(figures["urls"]),
                _pair(figures, "median_ms", "p90_ms", ".1f"),
                f"{figures['median_queries']:g} / {figures['max_queries']}",
                _pair(hot, "median_ms", "p90_ms", ".2f"),
                f"{hot['hits']}/{hot['requests']}" if hot else "",
                str(goal) if goal else "-",
                verdict_text(result),
            ]
        )
    return table(rows)


def serve_table(served: dict) -> str:
    rows = [
        ["through gunicorn", "URLs", "cold: req/s (each run)",
         "cold: p50 / p99 ms (1 conn./worker)", "warm: req/s (each run)",
         "warm: p50 / p99 ms (1 conn./worker)"],
        ["---"] * 6,
    ]  # fmt: skip
    labels = {"bare": "bare view", "article": "article pages"}
    for key, label in labels.items():
        cold, warm = served["cold"][key], served["warm"][key]
        rows.append(
            [
                label,
                f"{served['urls'][key]:,}",
                _rps(cold),
                _pair(cold["latency"], "p50_ms", "p99_ms", ".1f"),
                _rps(warm),
                _pair(warm["latency"], "p50_ms", "p99_ms", ".1f"),
            ]
        )
    return table(rows)


def _rps(figures: dict) -> str:
    """The median req/s, and each run's when there were several."""
    runs = figures.get("rounds", [])
    each = f" ({', '.join(f'{rps:,}' for rps in runs)})" if len(runs) > 1 else ""
    return f"{figures['load']['rps']:,.0f}{each}"


def serve_verdict(served: dict) -> tuple[str, str, bool]:
    share = warm_share(served)
    failed = failures(served)
    bare = served["warm"]["bare"]["load"]["rps"]
    article = served["warm"]["article"]["load"]["rps"]
    note = f" ({failed} failed responses)" if failed else ""
    return (
        f"warm article pages: req/s >= {WARM_SHARE_OF_BARE:.0%} of the bare view's",
        f"{article:,.0f} / {bare:,.0f} = {share:.0%}{note}",
        share >= WARM_SHARE_OF_BARE and not failed,
    )


def verdicts(run: dict) -> list[bool]:
    """Every PASS/FAIL of a run (no target: left out)."""
    found = [
        passed(figures, target(key, database=run["database"], articles=run["articles"]))
        for key, figures in run["measure"]["cold"].items()
    ]
    if run.get("serve"):
        found.append(serve_verdict(run["serve"])[2])
    return [result for result in found if result is not None]


def run_text(run: dict) -> str:
    parts = [pages_table(run)]
    if run.get("serve"):
        target_text, measured, ok = serve_verdict(run["serve"])
        parts.append(serve_table(run["serve"]))
        parts.append(f"{verdict_text(ok)}: {target_text}: {measured}.")
    results = verdicts(run)
    parts.append(f"{results.count(True)} of {len(results)} targets met.")
    return "\n\n".join(parts)


def print_run(run: dict):
    print(f"\n{NAMES[run['database']]}, {run['articles']:,} articles\n\n{run_text(run)}\n")


def machine() -> dict:
    return machine_info(SITE_PACKAGES)


def entry(args, argv: list[str], machine: dict, runs: list[dict]) -> str:
    sizes = " and ".join(f"{n:,}" for n in args.articles)
    label = f", {args.label}" if args.label else ""
    heading = f"### {machine['date']}: pages at {sizes} articles{label}"
    command = " ".join([".venv/bin/python -m bench.pages", *map(shlex.quote, argv)])
    versions = [f"Python {machine['python']}"]
    versions += [f"{name} {version}" for name, version in machine["versions"].items()]
    versions += [f"{name} {v}" for name, v in machine.get("versions_extra", {}).items()]
    loads = ", ".join(
        f"{run['load_average']:.2f} before {NAMES[run['database']]} at {run['articles']:,}"
        for run in runs
    )
    items = [
        f"Machine: {machine['nproc']} CPUs (`nproc`), {machine['cpu']}, "
        f"{machine['memory_gib']:.0f} GiB RAM; {', '.join(versions)}. Load average (1 min): "
        f"{loads}.",
        f"Code: commit {machine['commit']} (the working tree as it was).",
        *(
            [f"**Warning**: these files changed while it ran: {', '.join(machine['changed'])}."]
            if machine.get("changed")
            else []
        ),
        f"Test client: {args.repeat} timed requests per kind of page, cold then warm, DEBUG off.",
    ]
    if args.gunicorn:
        items.append(
            f"gunicorn: {args.workers} sync workers, `deploy/gunicorn.conf.py`, Redis; wrk "
            f"{args.duration} s per run, {args.connections} connections for req/s, one per "
            "worker for the percentiles, one request per connection, `X-Forwarded-Proto: https`; "
            f"the bare view and article pages in turn, {args.rounds} runs of each, medians."
        )
    blocks = []
    for run in runs:
        build = run["build"]
        extra = ", ".join(f"{k}={v}" for k, v in build["corpus_arguments"].items())
        about = [
            f"{NAMES[run['database']]} {build['database_version']}; corpus ({extra}) "
            f"built in {build['migrate_s'] + build['corpus_s']:.0f} s: {_corpus(build)}; "
            + _settled(run["database"], build)
            + f"{run.get('seconds', 0):.0f} s for this size and database in all."
        ]
        words = {key: _words(build["urls"].get(key, [])) for key in SEARCHES}
        if any(words.values()):
            about.append(
                "Search words: "
                + "; ".join(f"{SEARCHES[k]} {', '.join(w)}" for k, w in words.items() if w)
                + "."
            )
        if build["figures_given"]:
            about.append(
                f"{build['figures_given']} articles given figures up to four for the admin "
                "change page (the corpus had too few with four)."
            )
        bullets = "\n".join(bullet(item) for item in about)
        blocks.append(
            f"#### {NAMES[run['database']]}, {run['articles']:,} articles\n\n{bullets}\n\n"
            f"{run_text(run)}\n"
        )
    bullets = "\n".join(bullet(item) for item in items)
    return f"{heading}\n\n`{command}`\n\n{bullets}\n\n" + "\n".join(blocks)


SEARCHES = {"search_common": "common (the most used tags)", "search_selective": "selective"}


def _settled(database: str, build: dict) -> str:
    """What the build did after the corpus on PostgreSQL (bench/corpus/build.py settle())."""
    if database != "postgres" or "settle_s" not in build:  # entries built before it had none
        return ""
    return f"VACUUM ANALYZE in {build['settle_s']:.0f} s; "


def _words(urls: list[str]) -> list[str]:
    return [parse_qs(urlsplit(url).query).get("q", [""])[0] for url in urls]


def _corpus(build: dict) -> str:
    corpus = build["corpus"]
    shown = ("articles", "artists", "tags", "artworks", "figures", "suggestions")
    return ", ".join(f"{corpus[name]:,} {name}" for name in shown if name in corpus)


def record(text: str, doc: Path = DOC):
    """Append the entry at the end of this benchmark's section of docs/benchmarks.md."""
    append_to_section(text, section=SECTION, intro=SECTION_INTRO, doc=doc)
