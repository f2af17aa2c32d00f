"""The pure parts of the load test (bench/load.py): the Lua script that counts responses per
second, reading its TIMELINE lines and wrk's summary, the URL mix, the verdicts of the steady and
restart runs, and the entry in docs/benchmarks.md."""

import shutil
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench.load import _check_times, _parser
from bench.load_report import (
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
from bench.load_wrk import (
    FRIENDLY_503,
    Event,
    Fault,
    Second,
    lua_script,
    mix_paths,
    parse_output,
    parse_timeline,
    run_wrk,
    wrk_command,
)
from bench.serve_wrk import WrkFailed

WRK_SUMMARY = """\
Running 1m test @ http://127.0.0.1:40123
  2 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   120.52ms   40.01ms   1.02s    91.20%
    Req/Sec   210.11     40.90   300.00     72.33%
  Latency Distribution
     50%  100.00ms
     75%  130.20ms
     90%  160.75ms
     99%  400.00ms
  {requests} requests in 1.00m, 212.41MB read
{extra}Requests/sec:    {rps}
Transfer/sec:     14.14MB
"""


def summary(requests: int = 30, *, extra: str = "") -> str:
    return WRK_SUMMARY.format(requests=requests, extra=extra, rps=requests / 60)


# The Lua script ----------------------------------------------------------------------------


def test_lua_script_lists_paths_and_counts_per_second_and_class():
    paths = [f"/articles/a-{number}/" for number in range(30)] + ["/search/?q=Dutch+etching"]
    script = lua_script(paths, threads=2, headers={"X-Forwarded-Proto": "https"})

    for path in paths:
        assert script.count(f'"{path}",') == 1
    assert 'wrk.headers["X-Forwarded-Proto"] = "https"' in script
    assert "local thread_count = 2" in script
    assert 'wrk.format("GET", paths[counter])' in script
    assert "os.time() * 8 + class_of(status, body)" in script
    assert "table.insert(threads, thread)" in script
    assert 'thread:get("counts")' in script
    assert '"TIMELINE %.0f %.0f %.0f %.0f %.0f %.0f\\n"' in script
    assert f'local marker = "{FRIENDLY_503}"' in script
    assert "\ncounts = {}" in script  # a global: thread:get reads globals


@pytest.mark.parametrize(
    "path", ['/a"b/', "/a b/", "/a\nb/", "/a\\b/", "relative/", "/it's/", "/x]]..os.exit()--"]
)
def test_lua_script_refuses_paths_that_could_break_out_of_a_lua_string(path):
    with pytest.raises(ValueError, match="Not a plain URL path"):
        lua_script(["/fine/", path], threads=2)


@pytest.mark.parametrize("header", [{"X-A": 'say "hi"'}, {"X A": "b"}, {"X-A": "b\nX-B: c"}])
def test_lua_script_refuses_headers_that_could_break_out(header):
    with pytest.raises(ValueError, match="Not a plain header"):
        lua_script(["/a/"], threads=1, headers=header)


def test_lua_script_refuses_a_marker_that_could_break_out_and_needs_paths():
    with pytest.raises(ValueError, match="Not a plain marker"):
        lua_script(["/a/"], threads=1, marker='x" .. os.exit() .. "')
    with pytest.raises(ValueError, match="at least one path"):
        lua_script([], threads=1)
    with pytest.raises(ValueError, match="threads"):
        lua_script(["/a/"], threads=0)


def test_wrk_command_is_bounded_and_asks_for_percentiles(tmp_path):
    command = wrk_command(
        "wrk", "http://127.0.0.1:1", tmp_path / "s.lua", duration=60, connections=50, threads=2
    )
    assert command[1:6] == [
        "--threads=2",
        "--connections=50",
        "--duration=60s",
        "--timeout=10s",
        "--latency",
    ]


# The URL mix -------------------------------------------------------------------------------


def test_mix_has_every_url_once_and_the_home_page_as_a_twentieth():
    urls = {
        "articles": [f"/articles/a-{n}/" for n in range(70)],
        "artists": [f"/artists/b-{n}/" for n in range(20)],
        "search": ["/search/?q=x", "/search/?q=y", "/search/?q=z", "/search/?q=w", "/search/?q=v"],
        "home": ["/"],
    }
    mixed = mix_paths(urls, seed=1)

    assert mixed == mix_paths(urls, seed=1) and mixed != mix_paths(urls, seed=2)
    assert mixed.count("/") == 5 and len(mixed) == 100
    assert sorted(path for path in mixed if path != "/") == sorted(
        urls["articles"] + urls["artists"] + urls["search"]
    )


def test_mix_needs_urls():
    with pytest.raises(ValueError, match="No URLs"):
        mix_paths({"articles": [], "home": []}, seed=1)


# Reading the output ------------------------------------------------------------------------


def test_timeline_lines_are_read_in_order_of_time():
    output = "noise\nTIMELINE 1002 5 1 0 2 0\nTIMELINE 1001 10 0 1 0 3\nTIMELINE bad\n"
    timeline = parse_timeline(output)

    assert [s.at for s in timeline] == [1001, 1002]
    first, second = timeline
    assert (first.ok, first.failed, first.total) == (10, 4, 14)
    assert (second.ok_3xx, second.unavailable, second.other) == (1, 2, 0)


def test_output_gives_summary_and_timeline():
    output = summary(30) + "TIMELINE 1000 20 0 0 0 0\nTIMELINE 1001 8 0 0 2 0\n"
    figures, timeline = parse_output(output)

    assert figures["requests"] == 30 and figures["responses_counted"] == 30
    assert figures["p50_ms"] == pytest.approx(100.0) and figures["p99_ms"] == pytest.approx(400.0)
    assert figures["errors"] == 0 and len(timeline) == 2


def test_output_with_socket_errors_and_non_2xx():
    extra = (
        "  Socket errors: connect 0, read 2, write 0, timeout 3\n  Non-2xx or 3xx responses: 4\n"
    )
    figures, _ = parse_output(summary(30, extra=extra) + "TIMELINE 1000 26 0 0 4 0\n")
    assert figures["socket_errors"] == {"connect": 0, "read": 2, "write": 0, "timeout": 3}
    assert figures["non_2xx"] == 4


def test_output_without_a_timeline_is_refused():
    with pytest.raises(WrkFailed, match="TIMELINE"):
        parse_output(summary(30))


# The verdicts ------------------------------------------------------------------------------


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
    assert "`.venv/bin/python bench/load.py --label first`" in text
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


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed")
def test_wrk_counts_each_class_per_second_and_runs_the_faults(tmp_path):
    """wrk with the script against a small local server answering each path with its own
    status: every response lands in a TIMELINE line, in its class; the faults run on time."""
    answers = {
        "/ok/": (200, b"ok"),
        "/moved/": (302, b""),
        "/missing/": (404, b"no"),
        "/down/": (503, f"<title>{FRIENDLY_503}</title>".encode()),
        "/bare503/": (503, b"Service Unavailable"),
        "/broken/": (500, b"oops"),
    }

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True

        def do_GET(self):
            status, body = answers[self.path]
            self.send_response(status)
            if status == 302:
                self.send_header("Location", "/ok/")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    script = tmp_path / "load.lua"
    script.write_text(lua_script(list(answers), threads=2, headers={"Connection": "close"}))
    command = wrk_command(
        "wrk", f"http://127.0.0.1:{server.server_address[1]}", script,
        duration=2, connections=2, threads=2,
    )  # fmt: skip
    called = []

    def fail():
        raise RuntimeError("pg_ctl said no")

    faults = [Fault("mark", 0.5, lambda: called.append(time.time())), Fault("fail", 1.0, fail)]
    try:
        run, timeline, events, started = run_wrk(
            command, duration=2, output=tmp_path / "wrk.txt", faults=faults
        )
    finally:
        server.shutdown()

    assert run["responses_counted"] == run["requests"] > 30
    assert all(started - 1 <= s.at <= started + 5 for s in timeline)
    counted = [sum(getattr(s, name) for s in timeline) for name in Second.__dataclass_fields__]
    _, ok, moved, missing, down, other = counted
    assert min(ok, moved, missing, down) > 0
    assert other >= down  # the 500 and the 503 without the friendly page
    assert events[0].done and events[0].began - started == pytest.approx(0.5, abs=0.3)
    assert called and events[1].error == "RuntimeError: pg_ctl said no"


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed")
def test_wrk_failing_is_reported(tmp_path):
    script = tmp_path / "load.lua"
    script.write_text(lua_script(["/a/"], threads=1))
    command = wrk_command("wrk", "not a url", script, duration=1, connections=1, threads=1)
    with pytest.raises(WrkFailed, match="wrk failed"):
        run_wrk(command, duration=1, output=tmp_path / "wrk.txt")


def test_defaults_are_the_issues():
    args = _parser().parse_args([])
    assert (args.duration, args.connections, args.threads, args.articles) == (60, 50, 2, 10_000)
    assert (args.stop_at, args.start_at, args.workers, args.record) == (20.0, 30.0, 2, True)
