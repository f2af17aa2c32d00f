"""The pure parts of the serving benchmark (bench/serve/): reading wrk's report, the Lua
script that spreads requests, the targets' verdict and the entry in docs/benchmarks.md."""

import shutil
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace

import pytest

from bench.serve.report import SECTION, entry, record, scenario_table, verdict
from bench.serve.steps import corpus_arguments
from bench.shared.gunicorn import delete_prefix
from bench.shared.wrk import WrkFailed, lua_script, parse_wrk, to_ms, wrk_command

WRK_REPORT = """\
Running 15s test @ http://127.0.0.1:40123
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    10.52ms    4.01ms   1.02s    91.20%
    Req/Sec   382.11     40.90   470.00     72.33%
  Latency Distribution
     50%  812.00us
     75%   11.20ms
     90%   14.75ms
     99%    1.50s
  11463 requests in 15.02s, 212.41MB read
  Socket errors: connect 0, read 3, write 0, timeout 2
  Non-2xx or 3xx responses: 7
Requests/sec:    763.18
Transfer/sec:     14.14MB
"""


def test_wrk_report_is_read_in_milliseconds():
    figures = parse_wrk(WRK_REPORT)

    assert figures["rps"] == pytest.approx(763.18)
    assert figures["requests"] == 11463 and figures["seconds"] == pytest.approx(15.02)
    assert figures["p50_ms"] == pytest.approx(0.812)
    assert figures["p75_ms"] == pytest.approx(11.2)
    assert figures["p99_ms"] == pytest.approx(1500.0)
    assert figures["max_ms"] == pytest.approx(1020.0)
    assert figures["non_2xx"] == 7
    assert figures["socket_errors"] == {"connect": 0, "read": 3, "write": 0, "timeout": 2}
    assert figures["errors"] == 5


def test_a_clean_wrk_report_has_no_failures():
    """Without the Socket errors and Non-2xx lines (wrk omits them when zero)."""
    lines = [
        line for line in WRK_REPORT.splitlines() if "errors" not in line and "Non-2xx" not in line
    ]
    figures = parse_wrk("\n".join(lines))
    assert figures["non_2xx"] == 0 and figures["errors"] == 0


def test_a_report_without_the_latency_distribution_is_refused():
    without = "\n".join(line for line in WRK_REPORT.splitlines() if "%  " not in line)
    with pytest.raises(WrkFailed, match="latency distribution"):
        parse_wrk(without)


@pytest.mark.parametrize(
    ("text", "ms"),
    [("812.00us", 0.812), ("3.40ms", 3.4), ("2.00s", 2000.0), ("1.50m", 90_000.0)],
)
def test_wrk_durations(text, ms):
    assert to_ms(text) == pytest.approx(ms)


def test_an_unknown_duration_unit_is_refused():
    with pytest.raises(ValueError, match="wrk duration"):
        to_ms("3.00fortnights")


def test_lua_script_lists_every_path_once_for_round_robin():
    paths = [f"/articles/a-{number}/" for number in range(50)] + ["/search/?q=Dutch+still+life"]
    script = lua_script(paths, threads=2)

    for path in paths:
        assert script.count(f'"{path}",') == 1
    assert "local threads = 2" in script
    assert "counter % count + 1" in script
    assert 'wrk.format("GET", paths[counter])' in script


@pytest.mark.parametrize(
    "path", ['/a"b/', "/a b/", "/a\nb/", "/a\\b/", "relative/", "/it's/", "/x]]..os.exit()--"]
)
def test_lua_script_refuses_what_could_break_out_of_a_lua_string(path):
    with pytest.raises(ValueError, match="Not a plain URL path"):
        lua_script(["/fine/", path], threads=2)


def test_lua_script_sets_the_headers():
    script = lua_script(["/a/"], threads=1, headers={"X-Forwarded-Proto": "https"})
    assert 'wrk.headers["X-Forwarded-Proto"] = "https"' in script


@pytest.mark.parametrize(
    "header", [{"X-A": 'say "hi"'}, {"X A": "b"}, {"X-A": "b\nX-B: c"}, {'X-A"]': "b"}]
)
def test_lua_script_refuses_headers_that_could_break_out(header):
    with pytest.raises(ValueError, match="Not a plain header"):
        lua_script(["/a/"], threads=1, headers=header)


def test_lua_script_needs_paths():
    with pytest.raises(ValueError, match="at least one path"):
        lua_script([], threads=2)


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed")
def test_wrk_with_the_script_requests_every_path(tmp_path):
    """Run by wrk itself against a small local server: every path of the set is requested,
    nothing else, each request with the proxy's header."""
    seen: list[tuple[str, str | None]] = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # else each answer waits for a delayed ACK

        def do_GET(self):
            seen.append((self.path, self.headers.get("X-Forwarded-Proto")))
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    paths = [f"/articles/slug-{number}/" for number in range(40)]
    script = tmp_path / "paths.lua"
    script.write_text(lua_script(paths, threads=2, headers={"X-Forwarded-Proto": "https"}))
    command = wrk_command(
        "wrk",
        f"http://127.0.0.1:{server.server_address[1]}",
        script,
        duration=1,
        connections=2,
        threads=2,
    )
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=30, check=True)  # noqa: S603
    finally:
        server.shutdown()

    figures = parse_wrk(done.stdout)
    assert figures["requests"] > 80 and figures["non_2xx"] == 0
    assert {path for path, _ in seen} == set(paths)
    assert {proto for _, proto in seen} == {"https"}


def figures(rps: float, p99: float, *, failed: int = 0) -> dict:
    run = {"rps": rps, "p50_ms": p99 / 3, "p99_ms": p99, "non_2xx": failed, "errors": 0}
    return {"load": run, "latency": dict(run, rps=rps / 2)}


def results(*, bare=1000.0, warm=850.0, cold_p99=40.0, title=True, artist=True, failed=0) -> dict:
    def fresh(ok: bool) -> dict:
        return {"next_response": ok, "after_s": None if not ok else 0.0}

    return {
        "cold": {"bare": figures(bare, 5), "articles": figures(60, cold_p99)},
        "warm": {"bare": figures(bare, 5), "articles": figures(warm, 9, failed=failed)},
        "fresh": {"title": fresh(title), "artist": fresh(artist)},
        "urls": {"bare": ["/bench/bare/"], "articles": ["/articles/a/", "/articles/b/"]},
    }


def test_every_target_passes():
    assert [passed for _, _, passed in verdict(results())] == [True, True, True, True]


@pytest.mark.parametrize(
    ("changes", "failing"),
    [
        ({"warm": 790.0}, 0),  # 79% of the bare view's
        ({"cold_p99": 50.0}, 1),  # not under 50 ms
        ({"title": False}, 2),
        ({"artist": False}, 3),
        ({"failed": 3}, 0),  # error pages are fast: their req/s proves nothing
    ],
)
def test_each_target_fails_on_its_own(changes, failing):
    verdicts = [passed for _, _, passed in verdict(results(**changes))]
    assert verdicts == [index != failing for index in range(4)]


def test_throughput_target_reports_the_share():
    target, measured, passed = verdict(results(warm=400.0))[0]
    assert "80%" in target and measured == "400 / 1,000 = 40%" and not passed


def test_scenario_table_has_a_row_per_measured_scenario():
    table = scenario_table(results(), connections=8, latency_connections=2)
    lines = table.splitlines()
    assert lines[0].startswith("| scenario | URLs | cold: req/s | cold: p50 / p99 (8 conn.)")
    assert "warm: p50 / p99 (2 conn.)" in lines[0]
    assert len(lines) == 4  # header, rule, bare view, article pages (others not measured)
    assert lines[3].startswith("| article pages | 2 | 60 | 13.3 / 40.0 ms")


DOC = """# Benchmarks

## Running them

- one

## Images

### an entry

text
"""


def test_record_adds_the_section_at_the_end_then_appends_to_it(tmp_path):
    doc = tmp_path / "benchmarks.md"
    doc.write_text(DOC)

    record("### first\n\nfigures\n", doc)
    record("### second\n\nmore\n", doc)

    content = doc.read_text()
    assert content.startswith(DOC.rstrip("\n"))  # the rest of the file untouched
    section = content[content.index(SECTION) :]
    assert section.index("### first") < section.index("### second")
    assert content.count(SECTION) == 1


def test_record_inserts_before_a_later_section(tmp_path):
    doc = tmp_path / "benchmarks.md"
    doc.write_text(f"# B\n\n{SECTION}\n\nintro\n\n### old\n\n## Later\n\nkept\n")

    record("### new\n", doc)

    content = doc.read_text()
    assert content.index("### old") < content.index("### new") < content.index("## Later")
    assert content.endswith("## Later\n\nkept\n")


def build_corpus(*, articles=10, artists=20, artworks=None, images=True, seed=1, progress=None):
    """Stands in for bench.corpus.build_corpus: only its signature is read."""


def test_corpus_arguments_take_the_type_of_each_default():
    arguments = corpus_arguments(["artists=5_000", "artworks=300", "images=false"], build_corpus)
    assert arguments == {"artists": 5000, "artworks": 300, "images": False}


@pytest.mark.parametrize("pair", ["colours=3", "artists", "artists=many", "images=maybe", "seed=2"])
def test_corpus_arguments_refuse_unknown_names_and_bad_values(pair):
    with pytest.raises(SystemExit):
        corpus_arguments([pair], build_corpus)


@pytest.mark.parametrize("prefix", ["", "bench*", "a?b", "x[1]"])
def test_redis_cleanup_refuses_a_pattern_as_prefix(prefix):
    """Only this run's own keys may go: never a pattern that could match another's."""
    with pytest.raises(ValueError, match="plain key prefix"):
        delete_prefix("redis://127.0.0.1:1/0", prefix)


def test_entry_names_the_run_the_machine_and_the_verdicts():
    """The entry written to docs/benchmarks.md, from a run's results."""
    run = results(warm=400.0)
    run["urls"].update(fresh_article=1, fresh_artist=2)
    run.update(
        build={
            "corpus": {"seed": 1, "articles": 2000, "tags": 2000},
            "counts": {"articles": 2000, "artworks": 4000},
            "corpus_arguments": {"recommendations": True},
            "migrate_s": 3.0,
            "corpus_s": 20.0,
            "database_version": "15.20",
        },
        static={
            "files": 150,
            "hashed_present": 150,
            "gz": 60,
            "br": 0,
            "compressible": 60,
            "sample": "css/site.0123456789ab.css",
            "status": 200,
            "cache_control": "max-age=315360000, public, immutable",
            "content_encoding": "gzip",
        },
        warmup={"urls": 3000, "seconds": 120.0, "not_200": 0},
        loads={"cold": 1.5, "warm": 2.0},
        redis_version="7.0.15",
        wrk_version="debian/4.1.0",
        changed=[],
    )
    run["fresh"]["url"] = "http://127.0.0.1:1234/articles/a/"
    run["fresh"]["artist_page"] = {"next_response": True, "after_s": 0.0}
    args = SimpleNamespace(
        workers=2,
        worker_class="sync",
        threads=4,
        threads_wrk=2,
        connections=8,
        latency_connections=2,
        duration=15,
        keepalive=False,
        label="",
    )
    machine = {
        "date": "2026-11-25",
        "nproc": 2,
        "cpu": "Xeon",
        "memory_gib": 24.0,
        "python": "3.13.0",
        "versions": {"Django": "6.1.3", "gunicorn": "27.0.1"},
        "commit": "abc1234",
        "pagecache_app": True,
    }

    text = entry(args, ["--articles", "2000"], machine, run)

    assert text.startswith("### 2026-11-25: 2,000 articles\n\n`.venv/bin/python -m bench.serve")
    assert "--articles 2000`" in text
    assert "one request per connection" in text
    assert "2 sync workers" in text and "PostgreSQL 15.20" in text and "Redis 7.0.15" in text
    assert "| warm article pages: req/s >= 80% of the bare view's | 400 / 1,000 = 40% |" in text
    assert "**FAIL**" in text and "PASS" in text
    assert "`Cache-Control: max-age=315360000, public, immutable`" in text
