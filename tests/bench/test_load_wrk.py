"""The load test's wrk (bench/load/wrk.py): the Lua script, the URL mix, reading its output,
and a real wrk run."""

import shutil
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench.load.wrk import (
    FRIENDLY_503,
    Fault,
    Second,
    lua_script,
    mix_paths,
    parse_output,
    parse_timeline,
    run_wrk,
    wrk_command,
)
from bench.shared.wrk import WrkFailed

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
