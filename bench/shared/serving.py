"""Asking a running gunicorn for sets of URLs: once each, untimed (which fills the page cache of
a warm server), and under load with wrk (the serving benchmark's and the page benchmark's)."""

import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.shared.gunicorn import PROXY_HEADERS, Server, get
from bench.shared.postgres import BenchFailed
from bench.shared.wrk import lua_script, run_wrk, wrk_command


def check_urls(server: Server, sets: dict[str, list[str]]) -> dict:
    """Ask for each URL once (untimed, four at a time). On the warm server this fills the page
    cache. A URL not answering 200 is reported (its scenario would time error pages), and
    the run goes on; when none answers, it stops."""
    paths = [(key, path) for key, listed in sets.items() for path in listed]
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=4) as pool:
        statuses = list(pool.map(lambda item: _status(server.base + item[1]), paths))
    failed = [(key, path, status) for (key, path), status in zip(paths, statuses, strict=True)]
    failed = [item for item in failed if item[2] != 200]
    seconds = time.perf_counter() - started
    print(
        f"    {len(paths) - len(failed):,} of {len(paths):,} URLs answered 200 in {seconds:.1f} s"
    )
    if failed:
        shown = ", ".join(f"{path} ({status})" for _, path, status in failed[:5])
        print(f"    not 200: {shown}\n{server.log_tail(10)}", file=sys.stderr, flush=True)
    if len(failed) == len(paths):
        raise BenchFailed("No URL answered 200: nothing worth timing.")
    by_set = {key: sum(1 for k, _, _ in failed if k == key) for key in sets}
    return {"urls": len(paths), "seconds": seconds, "not_200": len(failed), **by_set}


def _status(url: str) -> int:
    try:
        return get(url).status
    except OSError:  # refused, reset, timed out: not an answer
        return 0


def load_urls(
    wrk: str,
    server: Server,
    key: str,
    paths: list[str],
    workdir: Path,
    *,
    duration: int,
    connections: int,
    latency_connections: int,
    threads: int,
    keepalive: bool,
) -> dict:
    """Two wrk runs over the set: throughput with `connections` (more than the workers, so a
    queue forms and req/s is the server's most), then latency with `latency_connections` (one
    per worker), where the percentiles are the time to serve, not time queued."""
    script = workdir / f"{server.name}-{key}.lua"
    # As deploy/nginx.conf passes requests on: HTTPS said, one request per connection (nginx's
    # default HTTP/1.0 to the upstream) unless keepalive.
    headers = PROXY_HEADERS if keepalive else {**PROXY_HEADERS, "Connection": "close"}
    script.write_text(lua_script(paths, threads=threads, headers=headers))
    figures = {}
    for run, count in (("load", connections), ("latency", latency_connections)):
        command = wrk_command(
            wrk, server.base, script, duration=duration, connections=count,
            threads=min(threads, count),
        )  # fmt: skip
        figures[run] = result = run_wrk(command, duration=duration)
        print(
            f"    {key:<8} {count:>2} connections {result['rps']:8,.0f} req/s  "
            f"p50 {result['p50_ms']:6.1f} ms  p99 {result['p99_ms']:6.1f} ms  "
            f"failed {result['non_2xx'] + result['errors']}",
            flush=True,
        )
    return figures
