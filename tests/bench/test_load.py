"""The pure parts of the load test (bench/load/): the verdicts of the steady and restart runs,
the times of the faults, and the entry in docs/benchmarks.md (its wrk side: test_load_wrk.py)."""

import pytest

from bench.load.report import (
    SECTION,
    entry,
    phases,
    record,
    restart_table,
    restart_verdict,
    runs_table,
    steady_verdict,
    verdict_lines,
)
from bench.load.run import _check_times, _parser
from bench.load.wrk import (
    Event,
    Second,
)

# The Lua script ----------------------------------------------------------------------------


def figures(*, timeout: int = 0, read: int = 0, non_2xx: int = 0, requests: int = 100) -> dict:
    errors = {"connect": 0, "read": read, "write": 0, "timeout": timeout}
    return {
        "requests": requests,
        "rps": requests / 60,
        "p50_ms": 10.0,
        "p99_ms": 90.0,
        "non_2xx": non_2xx,
        "socket_errors": errors,
        "errors": sum(errors.values()),
    }


def test_steady_passes_with_only_2xx_and_3xx():
    verdict = steady_verdict(figures(), [Second(1000, 90, 5), Second(1001, 5)])
    assert verdict["passed"] and verdict["totals"]["ok_2xx"] == 95


@pytest.mark.parametrize(
    ("run", "timeline", "reason"),
    [
        (figures(non_2xx=1), [Second(1000, 99, 0, 0, 1)], "not 2xx/3xx"),
        (figures(non_2xx=1), [Second(1000, 99, 0, 1)], "not 2xx/3xx"),
        (figures(non_2xx=1), [Second(1000, 99, 0, 0, 0, 1)], "not 2xx/3xx"),
        (figures(timeout=1), [Second(1000, 100)], "timeout 1"),
        (figures(read=2), [Second(1000, 100)], "read 2"),
        (figures(requests=0), [], "no response"),
    ],
)
def test_steady_fails_on_any_error(run, timeline, reason):
    verdict = steady_verdict(run, timeline)
    assert not verdict["passed"] and reason in "; ".join(verdict["reasons"])


# Wrk started at 1000.2; PostgreSQL stopped at 1020.3-1020.5, started at 1030.1, ready 1030.6:
# the outage covers the seconds 1020 to 1030, the grace 1031 to 1035, "after" starts at 1036.
STOP = Event("stop", 20, began=1020.3, ended=1020.5)
START = Event("start", 30, began=1030.1, ended=1030.6)


def restart_timeline(changes: dict | None = None, *, cached: bool = False) -> list[Second]:
    seconds = {}
    for at in range(1000, 1061):
        if 1020 <= at <= 1030:
            seconds[at] = Second(at, 40, 0, 0, 60) if cached else Second(at, 0, 0, 0, 500)
        elif at == 1031:
            seconds[at] = Second(at, 80, 0, 0, 30)  # some 503s just after the restart
        else:
            seconds[at] = Second(at, 100, 1)
    seconds.update(changes or {})
    return list(seconds.values())


def test_phases_cut_around_the_outage():
    before, outage, recovering, after = phases(restart_timeline(), STOP, START)
    assert (before[0].at, before[-1].at) == (1000, 1019)
    assert (outage[0].at, outage[-1].at) == (1020, 1030)
    assert (recovering[0].at, recovering[-1].at) == (1031, 1035)
    assert (after[0].at, after[-1].at) == (1036, 1060)


def test_restart_passes_with_503s_only_in_the_outage_and_its_grace():
    verdict = restart_verdict(figures(), restart_timeline(), STOP, START)

    assert verdict["passed"], verdict["reasons"]
    assert verdict["recovery_s"] == pytest.approx(1032 - 1030.6)
    assert verdict["down_seconds"] == 9  # 1021 to 1029, wholly within the outage
    assert (verdict["down_ok"], verdict["down_503"]) == (0, 9 * 500)
    assert verdict["rate_before"] == pytest.approx(101) and verdict["rate_after"] == 101
    assert verdict["outage_s"] == pytest.approx(10.3)


def test_with_the_page_cache_the_outage_serves_some_pages():
    verdict = restart_verdict(figures(), restart_timeline(cached=True), STOP, START)
    assert verdict["passed"] and verdict["down_ok"] == 9 * 40 and verdict["down_total"] == 900


def test_a_503_late_in_the_grace_is_allowed_one_after_it_is_not():
    late_in_grace = restart_timeline({1035: Second(1035, 90, 0, 0, 1)})
    assert restart_verdict(figures(), late_in_grace, STOP, START)["passed"]

    after_grace = restart_timeline({1036: Second(1036, 90, 0, 0, 1)})
    verdict = restart_verdict(figures(), after_grace, STOP, START)
    assert not verdict["passed"] and "from 5 s after the restart" in verdict["reasons"][0]


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({1019: Second(1019, 99, 0, 0, 1)}, "before the stop"),
        ({1010: Second(1010, 99, 0, 1)}, "before the stop"),
        ({1025: Second(1025, 0, 0, 0, 400, 1)}, "other than the friendly 503"),
        ({1033: Second(1033, 50, 0, 2)}, "other than the friendly 503"),
        ({at: Second(at, 0, 0, 0, 50) for at in range(1036, 1061)}, "no 2xx/3xx"),
    ],
)
def test_restart_fails_on_errors_outside_the_rules(changes, reason):
    verdict = restart_verdict(figures(), restart_timeline(changes), STOP, START)
    assert not verdict["passed"] and reason in "; ".join(verdict["reasons"])


def test_restart_fails_on_a_timeout_or_a_fault_that_did_not_happen():
    verdict = restart_verdict(figures(timeout=1), restart_timeline(), STOP, START)
    assert not verdict["passed"] and "timeout 1" in verdict["reasons"][0]

    failed = Event("start", 30, began=1030.1, ended=1040.1, error="ClusterFailed: no")
    verdict = restart_verdict(figures(), restart_timeline(), STOP, failed)
    assert not verdict["passed"] and verdict["reasons"] == ["start: ClusterFailed: no"]


def test_no_recovery_is_reported_as_none():
    never = {at: Second(at, 0, 0, 0, 50) for at in range(1031, 1061)}
    verdict = restart_verdict(figures(), restart_timeline(never), STOP, START)
    assert verdict["recovery_s"] is None and not verdict["passed"]


# Options, tables and the entry -------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "problem"),
    [
        ([], None),
        (["--stop-at", "30", "--start-at", "20"], "--stop-at < --start-at"),
        (["--stop-at", "0"], "--stop-at < --start-at"),
        (["--duration", "35"], "10 s before the end"),
        (["--connections", "1", "--threads", "2"], "threads"),
    ],
)
def test_times_must_leave_every_phase(argv, problem):
    found = _check_times(_parser().parse_args(argv))
    assert found == problem if problem is None else problem in found


def results() -> dict:
    def run(verdict: dict, page_cache: bool) -> dict:
        return {"figures": figures(), "verdict": verdict, "page_cache": page_cache, "load": 1.5}

    cached = restart_verdict(figures(), restart_timeline(cached=True), STOP, START)
    uncached = restart_verdict(figures(), restart_timeline(), STOP, START)
    return {
        "build": {
            "corpus": {"seed": 1, "articles": 10_000, "tags": 2000},
            "counts": {"articles": 10_000, "artists": 20_000},
            "migrate_s": 10.0,
            "corpus_s": 30.0,
            "database_version": "15.20",
        },
        "runs": {
            "steady": run(steady_verdict(figures(), [Second(1000, 100)]), True),
            "restart_cached": run(cached, True),
            "restart_uncached": run(uncached, False),
        },
        "urls": {"articles": ["/a/"] * 3, "artists": ["/b/"], "search": ["/s/"], "home": ["/"]},
        "paths": ["/a/"] * 6,
        "redis_version": "7.0.15",
        "wrk_version": "4.1.0",
        "wrk_timeout": 10,
        "changed": [],
        "worker_errors": {"cache-on": 0, "cache-off": 0},
    }


def test_tables_show_every_run_and_the_outage():
    runs = results()["runs"]
    table = runs_table(runs, connections=50)
    assert table.count("\n") == 4 and "restart, page cache off (50 conn.)" in table
    assert table.count("| PASS |") == 3

    outage = restart_table(runs)
    assert "360 of 900 2xx/3xx (40%), 540 503 in 9 s" in outage
    assert "0 of 4,500 2xx/3xx (0%), 4,500 503 in 9 s" in outage
    assert "| 1.4 s |" in outage
    assert verdict_lines(runs) == [
        "PASS  steady, page cache off",
        "PASS  restart, page cache off",
        "PASS  restart, page cache on",
    ]


def test_entry_is_recorded_at_the_end_in_its_section(tmp_path):
    doc = tmp_path / "benchmarks.md"
    doc.write_text("# Benchmarks\n\n## Running them\n\ntext\n\n## Serving (issue 8)\n\nold\n")
    args = _parser().parse_args(["--label", "first"])
    machine = {
        "date": "2026-11-25",
        "nproc": 2,
        "cpu": "Intel(R) Xeon(R) Processor",
        "memory_gib": 24.0,
        "python": "3.13.0",
        "versions": {"Django": "6.1.3", "gunicorn": "23.0.0"},
        "commit": "abc1234",
    }
    text = entry(args, ["--label", "first"], machine, results())
    assert text.startswith("### 2026-11-25: 10,000 articles, first\n\n")
    assert "`.venv/bin/python -m bench.load --label first`" in text
    words = " ".join(text.split())
    assert "worker timeouts in gunicorn's log: 0 (cache-on), 0 (cache-off)." in words
    assert all(len(line) <= 100 for line in text.splitlines() if line.startswith(("-", " ")))

    record(text, doc)
    record(text.replace("first", "second"), doc)
    content = doc.read_text()
    assert content.startswith("# Benchmarks\n\n## Running them\n\ntext\n\n## Serving (issue 8)\n")
    assert content.count(SECTION) == 1 and content.index(SECTION) > content.index("old")
    assert content.index(", first") < content.index(", second")


# wrk itself --------------------------------------------------------------------------------


def test_defaults_are_the_issues():
    args = _parser().parse_args([])
    assert (args.duration, args.connections, args.threads, args.articles) == (60, 50, 2, 10_000)
    assert (args.stop_at, args.start_at, args.workers, args.record) == (20.0, 30.0, 2, True)
