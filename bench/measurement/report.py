"""The measurement benchmark's tables and its entry in docs/benchmarks.md, under "Measurement and
diversity (issue 20)". Targets from the issue: a block with its cards kept costs one query
under every scoring; the counting loses nothing and fails nothing (0 errors, the sums exactly
what was sent). The times are read as ratios within one run (the machine is shared)."""

from pathlib import Path

from bench.measurement.blocks import EXPERIMENT, SCORINGS
from bench.shared.entries import DATABASE_NAMES, append_to_section, bullet, machine_entry, table
from bench.shared.gunicorn import SITE_PACKAGES
from bench.shared.paths import DOC

NAMES = DATABASE_NAMES
SECTION = "## Measurement and diversity (issue 20)"
SECTION_INTRO = f"""{SECTION}

`bench/measurement/` measures what "You may also like" costs now that it is ranked for
diversity, explained and counted, on a throwaway database per engine (SQLite as a file, the
embedded default; PostgreSQL) holding the corpus with suggestions computed. 1. The block:
`related_block(article)` with its cards kept (the page cache's fragments warm) over 200
articles under the `score-only` scoring, the `standard` one (maximal marginal relevance) and
during an experiment (team draft of {EXPERIMENT[0]} and {EXPERIMENT[1]}), in interleaved
rounds: median, p90, the ratio to score-only and the queries (target: one per block); and what
the diversity buys: the mean likeness of two cards of a block (the ranking's own measure),
the blocks that show other links than score-only's, those with two cards on one artist, and
the sections per block. Then the cold article page (the page cache off) with the standard
block against score-only. 2. The counting: the click redirect `/r/<token>/<position>/` and the
beacon `/r/seen/` against a warm article page (Django's test client, DEBUG off, every request
checked as counted); then through gunicorn (2 workers) 16 clients sending 100 clicks and 100
beacons each, after the bare view as many times (its req/s the ceiling): requests/s, errors
(target 0), and the sums in `SlotDay` and `ExperimentDay`, which must have grown by exactly what
was sent. Times are read as ratios within one run: the machine is shared. Run it with
`.venv/bin/python -m bench.measurement` (100,000 articles, both databases, about 20 minutes, the
corpus most of it); `--articles 2000 --database sqlite --no-record` for a quick look;
`--sample`, `--rounds`, `--clients`, `--requests`, `--workers`, `--no-gunicorn` (no Redis
needed), `--label`.
"""


def verdict(ok: bool) -> str:
    return "PASS" if ok else "**FAIL**"


def _ms(found: dict, digits: int = 2) -> str:
    return f"{found['median_ms']:.{digits}f} / {found['p90_ms']:.{digits}f}"


def _queries(found: dict) -> str:
    return f"{found['median_queries']:g} / {found['max_queries']}"


def blocks_table(blocks: dict) -> str:
    labels = {
        "score-only": "score-only",
        "standard": "standard (diversity)",
        "experiment": f"experiment ({EXPERIMENT[0]} vs {EXPERIMENT[1]}, team draft)",
    }
    rows = [
        ["block, cards kept", "median / p90 ms", "ratio to score-only",
         "queries: median / max (target 1)", "likeness of two cards (mean)",
         "blocks with other links than score-only", "blocks with two cards on one artist",
         "sections / cards per block"],
        ["---"] * 8,
    ]  # fmt: skip
    for name in SCORINGS:
        found = blocks[name]
        rows.append(
            [
                f"{labels[name]} ({found['count']:,} blocks)",
                _ms(found, 3),
                f"{found['ratio']:.2f}",
                f"{_queries(found)} {verdict(found['max_queries'] == 1)}",
                f"{found['likeness']:.3f}",
                f"{found['other_links']} of {found['blocks']}",
                f"{found['artist_twice']} of {found['blocks']}",
                f"{found['sections_per_block']:.2f} / {found['cards_per_block']:.2f}",
            ]
        )
    return table(rows)


def requests_table(pages: dict, counting: dict) -> str:
    cold, asked = pages["pages"], counting["requests"]
    c, e = counting["counted"], counting["expected"]
    rows = [
        ["request (test client)", "median / p90 ms", "ratio", "queries: median / max"],
        ["---"] * 4,
        [f"article page, cold, score-only block ({cold['score-only']['count']:,})",
         _ms(cold["score-only"]), "1.00", _queries(cold["score-only"])],
        [f"article page, cold, standard block ({cold['standard']['count']:,})",
         _ms(cold["standard"]), f"{cold['standard']['ratio']:.2f} to score-only",
         _queries(cold["standard"])],
        [f"article page, warm ({counting['page_hits']} of {asked['page']['count']} hits)",
         _ms(asked["page"]), "1.00", _queries(asked["page"])],
        [f"click redirect ({asked['click']['count']:,})", _ms(asked["click"]),
         f"{asked['click']['ratio']:.2f} to the warm page", _queries(asked["click"])],
        [f"beacon ({asked['beacon']['count']:,})", _ms(asked["beacon"]),
         f"{asked['beacon']['ratio']:.2f} to the warm page", _queries(asked["beacon"])],
        ["counted (SlotDay grew by / requests sent)",
         f"clicks {c['clicks']:,} / {e['clicks']:,}, impressions {c['impressions']:,} / "
         f"{e['impressions']:,}", verdict(counting["exact"]),
         f"not answered as expected: {sum(counting['errors'].values())}"
         f"{'' if not pages['errors'] else f', pages not 200: {pages['errors']}'}"],
    ]  # fmt: skip
    return table(rows)


def _teams(counted: dict) -> str:
    return ", ".join(
        f"{team}: {clicks:,} clicks, {shown:,} impressions"
        for team, (clicks, shown) in counted["teams"].items()
    )


def serve_table(served: dict) -> str:
    bare, sent = served["bare"], served["counting"]
    counted, wanted = served["counted"], sent["expected"]
    statuses = ", ".join(f"{status}: {n:,}" for status, n in sorted(sent["statuses"].items()))
    rows = [
        [f"through gunicorn ({served['workers']} workers), {sent['clients']} clients", "figure"],
        ["---", "---"],
        ["bare view", f"{bare['requests']:,} requests in {bare['seconds']:.1f} s: "
         f"{bare['rps']:,.0f} req/s, p50 {bare['p50_ms']:.1f} ms, p99 {bare['p99_ms']:.1f} ms, "
         f"errors {bare['errors']}"],
        ["clicks and beacons", f"{sent['requests']:,} requests in {sent['seconds']:.1f} s: "
         f"**{sent['rps']:,.0f} req/s** ({sent['rps'] / bare['rps']:.2f} of the bare view's), "
         f"p50 {sent['p50_ms']:.1f} ms, p99 {sent['p99_ms']:.1f} ms; statuses {statuses}"],
        ["errors (target 0)", f"{sent['errors']} {verdict(sent['errors'] == 0)}; tracebacks "
         f"or worker timeouts in gunicorn's log: {served['worker_errors']}"],
        ["SlotDay grew by / sent", f"clicks {counted['clicks']:,} / {wanted['clicks']:,}, "
         f"impressions {counted['impressions']:,} / {wanted['impressions']:,}"],
        ["ExperimentDay grew by", _teams(counted)],
        ["ExperimentDay expected", _teams(wanted)],
        ["counted exactly", verdict(served["exact"])],
    ]  # fmt: skip
    return table(rows)


def database_section(run: dict) -> str:
    build, measured = run["build"], run["measure"]
    name = NAMES[run["database"]]
    corpus = build["corpus"]
    parts = [
        f"#### {name} {build['database_version']}, {run['articles']:,} articles",
        "",
        bullet(
            f"Corpus (seed {corpus['seed']}): {corpus['articles']:,} articles, "
            f"{corpus['tags']:,} tags, {corpus['artists']:,} artists, suggestions computed; "
            f"built in {build['seconds']:.0f} s. {len(build['articles'])} articles sampled; "
            f"load average (1 min) {run['load_average']:.2f} before the build, "
            f"{measured['load_average']:.2f} before the timing; the whole database "
            f"{run.get('seconds', 0):.0f} s."
        ),
        "",
        blocks_table(measured["blocks"]),
        "",
        requests_table(measured["pages"], measured["counting"]),
    ]
    if "serve" in run:
        parts += ["", serve_table(run["serve"])]
    return "\n".join(parts)


def print_run(run: dict) -> None:
    print("\n" + database_section(run) + "\n", flush=True)


def entry(runs: list[dict], *, argv: list[str], args, load: tuple, redis: str | None) -> str:
    shown = runs[0]["measure"] if runs else {"block_size": "?", "moderation": "?"}
    settings = bullet(
        f"Settings: DEBUG off, block size {shown['block_size']}, moderation "
        f"{shown['moderation']}; {args.sample} sampled articles x "
        f"{args.rounds} rounds, the scorings in rotated order each round; the experiment drafts "
        f"{EXPERIMENT[0]} against {EXPERIMENT[1]}; the steps' cache the process's memory. "
        f"gunicorn: {args.workers} sync workers, `deploy/gunicorn.conf.py`"
        + (f", Redis {redis}" if redis else "")
        + f"; {args.clients} clients (threads, one connection per request) x {args.requests} "
        "clicks and as many beacons, after the bare view as many times."
    )
    body = "\n\n".join([settings, *(database_section(run) for run in runs)])
    return machine_entry(
        heading=f"{args.articles:,} articles, the block and its counting",
        module="bench.measurement",
        argv=argv,
        label=args.label,
        packages={k: v for k, v in SITE_PACKAGES.items() if k != "Django"},
        load=load,
        body=body,
    )


def record(
    runs: list[dict], *, argv: list[str], args, load: tuple, redis: str | None, doc: Path = DOC
) -> None:
    text = entry(runs, argv=argv, args=args, load=load, redis=redis)
    append_to_section(text, section=SECTION, intro=SECTION_INTRO, doc=doc)
