"""The verdicts and the report of the load test: each run's timeline cut into phases around the
PostgreSQL outage, the issue's conditions with PASS or FAIL, the Markdown tables, and the entry
appended to docs/benchmarks.md under "Load and faults (issue 9)"."""

import math
import shlex
from collections.abc import Sequence
from pathlib import Path

from bench.load.wrk import Event, Second
from bench.shared.entries import append_to_section, bullet, table
from bench.shared.paths import DOC

SECTION = "## Load and faults (issue 9)"
# Errors may go on this long after PostgreSQL accepts connections again.
GRACE_S = 5.0

SECTION_INTRO = f"""{SECTION}

`bench/load/` starts a PostgreSQL server of its own (`bench/shared/pg_cluster.py`: a temporary
data folder, its own port on 127.0.0.1), fills it with the corpus, serves it with gunicorn
(`deploy/gunicorn.conf.py`, DEBUG off, Redis as the cache) and loads it with `wrk` on 127.0.0.1 for
a fixed time over a shuffled mix of article, artist, search and home URLs, round-robin. A Lua
script counts the responses of every second by status class. Three runs: **steady** with the page
cache off (`PAGE_CACHE=false`: every request needs PostgreSQL); **restart**, the same server;
**restart** with the page cache on (the production default), a new server whose cache one untimed
pass over every URL has filled first, so that the share served during the outage is that of a fully
warm cache (a page not in the cache gets the 503). In a restart run the benchmark stops PostgreSQL
(`pg_ctl stop -m fast`) and starts it again (same data, same port) at fixed times while wrk runs. A
steady run passes when every response is 2xx/3xx and wrk counts no socket error (connect, read,
write, timeout); a restart run when there are no errors before the stop, only the friendly 503 page
while PostgreSQL is down and until {GRACE_S:g} s after it accepts connections again, only 2xx/3xx
from then on, and no socket error at all. Recovery is the start of the first second without a 503

after PostgreSQL is back, measured from when it accepted connections (1 s resolution).
"""


def totals(timeline: Sequence[Second]) -> dict:
    return {
        "ok_2xx": sum(s.ok_2xx for s in timeline),
        "ok_3xx": sum(s.ok_3xx for s in timeline),
        "client_4xx": sum(s.client_4xx for s in timeline),
        "unavailable": sum(s.unavailable for s in timeline),
        "other": sum(s.other for s in timeline),
    }


def _rate(seconds: Sequence[Second], timeline: Sequence[Second]) -> float:
    """Mean 2xx/3xx a second over `seconds`, leaving out the run's first and last seconds
    (partial: wrk starts and stops within them)."""
    ends = {timeline[0].at, timeline[-1].at} if timeline else set()
    whole = [s for s in seconds if s.at not in ends]
    return sum(s.ok for s in whole) / len(whole) if whole else 0.0


def _socket_reasons(figures: dict) -> list[str]:
    errors = figures["socket_errors"]
    if not any(errors.values()):
        return []
    shown = ", ".join(f"{name} {count}" for name, count in errors.items() if count)
    return [f"socket errors: {shown}"]


def steady_verdict(figures: dict, timeline: Sequence[Second]) -> dict:
    """Every response 2xx/3xx, no socket error."""
    counted = totals(timeline)
    reasons = _socket_reasons(figures)
    failed = counted["client_4xx"] + counted["unavailable"] + counted["other"]
    if failed or figures["non_2xx"]:
        reasons.append(
            f"{max(failed, figures['non_2xx']):,} responses not 2xx/3xx "
            f"(4xx {counted['client_4xx']}, 503 {counted['unavailable']}, "
            f"other {counted['other']})"
        )
    if not figures["requests"]:
        reasons.append("no response at all")
    return {"passed": not reasons, "reasons": reasons, "totals": counted}


def phases(timeline: Sequence[Second], stop: Event, start: Event, grace: float = GRACE_S):
    """The seconds before the stop; from the stop until PostgreSQL accepted connections again
    (the outage: every second that overlaps it); the grace period after it; and the rest."""
    after_from = math.ceil(start.ended + grace)
    before = [s for s in timeline if s.at + 1 <= stop.began]
    outage = [s for s in timeline if s.at + 1 > stop.began and s.at < start.ended]
    recovering = [s for s in timeline if start.ended <= s.at < after_from]
    after = [s for s in timeline if s.at >= after_from]
    return before, outage, recovering, after


def restart_verdict(
    figures: dict, timeline: Sequence[Second], stop: Event, start: Event, grace: float = GRACE_S
) -> dict:
    """The issue's conditions for a run with PostgreSQL stopped and started again, and what
    was measured: throughput before and after, what the outage served, the recovery time."""
    reasons = [f"{e.name}: {e.error or 'not done'}" for e in (stop, start) if not e.done]
    if reasons:
        return {"passed": False, "reasons": reasons, "totals": totals(timeline)}
    before, outage, recovering, after = phases(timeline, stop, start, grace)
    reasons = _socket_reasons(figures)
    clean_before = totals(before)
    if bad := clean_before["client_4xx"] + clean_before["unavailable"] + clean_before["other"]:
        reasons.append(f"{bad:,} errors before the stop")
    during = totals(outage + recovering)
    if bad := during["client_4xx"] + during["other"]:
        reasons.append(
            f"{bad:,} errors other than the friendly 503 during the outage and recovery "
            f"(4xx {during['client_4xx']}, other {during['other']})"
        )
    late = totals(after)
    if bad := late["client_4xx"] + late["unavailable"] + late["other"]:
        reasons.append(f"{bad:,} errors from {grace:g} s after the restart on")
    if not any(s.ok for s in after):
        reasons.append(f"no 2xx/3xx from {grace:g} s after the restart on")
    # The outage's whole seconds: what the site served while PostgreSQL was down.
    down = [s for s in outage if s.at >= stop.ended and s.at + 1 <= start.began]
    recovered = next(
        (s for s in timeline if s.at >= math.floor(start.ended) and s.total and not s.unavailable),
        None,
    )
    return {
        "passed": not reasons,
        "reasons": reasons,
        "totals": totals(timeline),
        "stop_s": stop.ended - stop.began,
        "start_s": start.ended - start.began,
        "outage_s": start.ended - stop.began,
        "rate_before": _rate(before, timeline),
        "rate_after": _rate(after, timeline),
        "down_seconds": len(down),
        "down_ok": sum(s.ok for s in down),
        "down_total": sum(s.total for s in down),
        "down_503": sum(s.unavailable for s in down),
        "recovery_s": None if recovered is None else max(0.0, recovered.at - start.ended),
        "seconds": {"before": len(before), "outage": len(outage), "after": len(after)},
    }


# Tables ------------------------------------------------------------------------------------


RUNS = {
    "steady": "steady, page cache off",
    "restart_uncached": "restart, page cache off",
    "restart_cached": "restart, page cache on",
}


def _socket(figures: dict) -> str:
    errors = figures["socket_errors"]
    return str(sum(errors.values())) + (
        f" (timeout {errors['timeout']})" if errors.get("timeout") else ""
    )


def runs_table(runs: dict, *, connections: int) -> str:
    rows = [
        ["run", "requests", "req/s", "p50 / p99", "2xx/3xx", "4xx", "503", "other",
         "socket errors", "verdict"],
        ["---"] * 10,
    ]  # fmt: skip
    for key, label in RUNS.items():
        run = runs.get(key)
        if run is None:
            continue
        figures, counted = run["figures"], run["verdict"]["totals"]
        rows.append(
            [
                f"{label} ({connections} conn.)",
                f"{figures['requests']:,}",
                f"{figures['rps']:,.0f}",
                f"{figures['p50_ms']:.1f} / {figures['p99_ms']:.1f} ms",
                f"{counted['ok_2xx'] + counted['ok_3xx']:,}",
                f"{counted['client_4xx']:,}",
                f"{counted['unavailable']:,}",
                f"{counted['other']:,}",
                _socket(figures),
                "PASS" if run["verdict"]["passed"] else "**FAIL**",
            ]
        )
    return table(rows)


def restart_table(runs: dict) -> str:
    rows = [
        ["restart run", "stop / start took", "before: 2xx/3xx a second", "outage: served",
         "recovery", "after: 2xx/3xx a second"],
        ["---"] * 6,
    ]  # fmt: skip
    for key in RUNS:
        run = runs.get(key)
        if run is None or "rate_before" not in run["verdict"]:
            continue
        v = run["verdict"]
        share = v["down_ok"] / v["down_total"] if v["down_total"] else 0.0
        recovery = "none" if v["recovery_s"] is None else f"{v['recovery_s']:.1f} s"
        rows.append(
            [
                RUNS[key],
                f"{v['stop_s']:.2f} / {v['start_s']:.2f} s",
                f"{v['rate_before']:,.0f}",
                f"{v['down_ok']:,} of {v['down_total']:,} 2xx/3xx ({share:.0%}), "
                f"{v['down_503']:,} 503 in {v['down_seconds']} s",
                recovery,
                f"{v['rate_after']:,.0f}",
            ]
        )
    return table(rows)


def verdict_lines(runs: dict) -> list[str]:
    lines = []
    for key, label in RUNS.items():
        if key in runs:
            verdict = runs[key]["verdict"]
            why = "" if verdict["passed"] else ": " + "; ".join(verdict["reasons"])
            lines.append(f"{'PASS' if verdict['passed'] else 'FAIL'}  {label}{why}")
    return lines


def timeline_text(timeline: Sequence[Second], started: float, events: Sequence[Event]) -> str:
    """The per-second counts, for the console: t (the second since wrk started), 2xx, 3xx, 4xx,
    503, other; the faults marked in the second they began."""
    marks = {}
    for event in events:
        if event.began is not None:
            marks.setdefault(int(event.began), []).append(event.name)
    lines = ["   t    2xx    3xx    4xx    503  other"]
    for s in timeline:
        note = "  <- " + ", ".join(marks[s.at]) if s.at in marks else ""
        lines.append(
            f"{s.at - math.floor(started):4} {s.ok_2xx:6} {s.ok_3xx:6} {s.client_4xx:6} "
            f"{s.unavailable:6} {s.other:6}{note}"
        )
    return "\n".join(lines)


# The entry ---------------------------------------------------------------------------------


def entry(args, argv: list[str], machine: dict, results: dict) -> str:
    build, runs = results["build"], results["runs"]
    corpus, counts, urls = build["corpus"], build["counts"], results["urls"]
    versions = [f"Python {machine['python']}", f"PostgreSQL {build['database_version']}"]
    versions += [f"Redis {results['redis_version']}", f"wrk {results['wrk_version']}"]
    versions += [f"{name} {version}" for name, version in machine["versions"].items()]
    loads = "; ".join(f"{runs[key]['load']:.2f} before {RUNS[key]}" for key in runs)
    built = build["migrate_s"] + build["corpus_s"]
    made = ", ".join(f"{number:,} {name}" for name, number in counts.items())
    items = [
        f"Machine: {machine['nproc']} CPUs (`nproc`), {machine['cpu']}, "
        f"{machine['memory_gib']:.0f} GiB RAM, shared by gunicorn, PostgreSQL, Redis and wrk; "
        f"{', '.join(versions)}. Load average (1 min): {loads}.",
        f"Code: commit {machine['commit']} (the working tree as it was).",
        *(
            [f"**Warning**: these files changed while it ran: {', '.join(results['changed'])}."]
            if results["changed"]
            else []
        ),
        f"Server: `gunicorn -c deploy/gunicorn.conf.py`, {args.workers} sync workers, DEBUG off, "
        "`bench.shared.site_settings`, Redis cache under a key prefix of its own; PostgreSQL "
        "`bench/shared/pg_cluster.py` (fsync off, `max_connections` 40), the application's "
        "`DATABASE_CONNECT_TIMEOUT` (3 s) and statement timeout (15 s).",
        f"Load: wrk, {args.duration} s a run, {args.connections} connections ({args.threads} "
        f"threads), `--timeout {results['wrk_timeout']}s`, no think time, one request per "
        "connection and `X-Forwarded-Proto: https`, as nginx passes requests on; "
        f"a list of {len(results['paths']):,} paths requested round-robin: "
        f"{len(urls['articles']):,} article, {len(urls['artists']):,} artist and "
        f"{len(urls['search']):,} search pages once each, and the home page as 5% of the list.",
        f"Faults: PostgreSQL stopped at {args.stop_at:g} s (`pg_ctl stop -m fast`) and started "
        f"at {args.start_at:g} s; errors allowed until {GRACE_S:g} s after it accepted "
        "connections again.",
        *(
            [
                f"Page cache filled before its run: {w['urls']:,} URLs asked once, 4 at a time, "
                f"in {w['seconds']:.0f} s."
            ]
            if (w := results.get("warmup"))
            else []
        ),
        "Tracebacks or worker timeouts in gunicorn's log: "
        + ", ".join(f"{n} ({name})" for name, n in results.get("worker_errors", {}).items())
        + ".",
        f"Corpus (seed {corpus['seed']}, migrate + build {built:.0f} s): {made}; "
        f"{corpus['tags']:,} tags.",
    ]
    bullets = "\n".join(bullet(item) for item in items)
    label = f", {args.label}" if args.label else ""
    command = " ".join([".venv/bin/python -m bench.load", *map(shlex.quote, argv)])
    heading = f"### {machine['date']}: {corpus['articles']:,} articles{label}"
    tables = f"{runs_table(runs, connections=args.connections)}\n\n{restart_table(runs)}"
    return f"{heading}\n\n`{command}`\n\n{bullets}\n\n{tables}\n"


def record(text: str, doc: Path = DOC):
    """Append the entry at the end of this benchmark's section of docs/benchmarks.md."""
    append_to_section(text, section=SECTION, intro=SECTION_INTRO, doc=doc)
