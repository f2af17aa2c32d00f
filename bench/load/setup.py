"""The parent side of the load test's setting up: the site's environment, the build step and
collectstatic in processes of their own, the check before each run and the pass that fills the
page cache. Every wait is bounded."""

import json
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.shared.gunicorn import Server, get
from bench.shared.gunicorn import server_env as shared_server_env
from bench.shared.gunicorn import site_env as shared_site_env
from bench.shared.paths import ROOT
from bench.shared.pg_cluster import PostgresCluster
from bench.shared.postgres import BenchFailed

# Before each run, URLs of each kind that must answer 200, and how long they may take to.
READY_SAMPLE = 5
READY_TIMEOUT_S = 60
COLLECTSTATIC_TIMEOUT_S = 600
# The untimed pass that fills the page cache: requests at a time, and how long it may take.
WARM_CONCURRENCY = 4
WARM_TIMEOUT_S = 900


def site_env(args, workdir: Path, prefix: str, database_url: str) -> dict:
    """The served site's environment, as the serving benchmark's, without HTTPS redirects and
    HSTS (every request says it came over HTTPS anyway)."""
    env = shared_site_env(
        workdir, prefix=prefix, database_url=database_url, redis_url=args.redis_url
    )
    return dict(env, SECURE_SSL_REDIRECT="false", SECURE_HSTS_SECONDS="0")


def server_env(env: dict, args, server: Server, workdir: Path, *, page_cache: bool) -> dict:
    return shared_server_env(env, server, workdir, page_cache=page_cache, workers=args.workers)


def prepare(env: dict, workdir: Path, args) -> dict:
    """The build step (migrate, corpus, URLs) and collectstatic, side by side; each bounded."""
    result = workdir / "build.json"
    build = [sys.executable, "-m", "bench.load", "--step", "build"]
    build += ["--result", str(result), "--articles", str(args.articles), "--seed", str(args.seed)]
    build += ["--urls", str(args.urls), "--artist-urls", str(args.artist_urls)]
    build += ["--search-urls", str(args.search_urls)]
    static = [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity=0"]
    # No statement timeout while loading (as bench/corpus/): ANALYZE, the bulk writes.
    build_env = dict(env, DATABASE_STATEMENT_TIMEOUT_MS="0")
    steps = {
        "build": (subprocess.Popen(build, env=build_env, cwd=ROOT), args.timeout),  # noqa: S603
        "collectstatic": (
            subprocess.Popen(static, env=env, cwd=ROOT),  # noqa: S603 (our interpreter, manage.py)
            COLLECTSTATIC_TIMEOUT_S,
        ),
    }
    started = time.monotonic()
    try:
        for name, (process, timeout) in steps.items():
            try:
                code = process.wait(timeout=max(1.0, started + timeout - time.monotonic()))
            except subprocess.TimeoutExpired:
                raise BenchFailed(f"The {name} step took more than {timeout} s.") from None
            if code != 0:
                raise BenchFailed(f"The {name} step failed (exit {code}).")
    finally:
        for process, _ in steps.values():
            if process.poll() is None:
                process.kill()
                process.wait(timeout=10)
    return json.loads(result.read_text())


def ready(server: Server, cluster: PostgresCluster, urls: dict):
    """PostgreSQL up, and a few URLs of each kind answering 200 (within READY_TIMEOUT_S)."""
    if not cluster.running():
        cluster.start()
    sample = [
        path for key in ("articles", "artists", "search") for path in urls[key][:READY_SAMPLE]
    ]
    sample += urls["home"]
    deadline = time.monotonic() + READY_TIMEOUT_S
    for path in sample:
        while True:
            try:
                status = get(server.base + path, headers={"Connection": "close"}, timeout=10).status
            except OSError:
                status = 0
            if status == 200:
                break
            if time.monotonic() > deadline:
                raise BenchFailed(f"{path} answered {status}, not 200:\n{server.log_tail()}")
            time.sleep(0.5)


def warm(server: Server, paths: list[str]) -> dict:
    """Ask for every distinct path once (WARM_CONCURRENCY at a time), as the page cache would
    be filled by readers: every one must answer 200. Paths left when WARM_TIMEOUT_S is up are
    not asked (counted in "skipped")."""
    distinct = list(dict.fromkeys(paths))
    started = time.monotonic()
    deadline = started + WARM_TIMEOUT_S

    def status(path: str) -> int | None:
        if time.monotonic() > deadline:
            return None
        try:
            return get(server.base + path, headers={"Connection": "close"}, timeout=30).status
        except OSError:
            return 0

    with ThreadPoolExecutor(max_workers=WARM_CONCURRENCY) as pool:
        statuses = list(pool.map(status, distinct))
    failed = [(path, code) for path, code in zip(distinct, statuses, strict=True) if code != 200]
    answered = [pair for pair in failed if pair[1] is not None]
    if answered:
        shown = ", ".join(f"{path} ({code})" for path, code in answered[:5])
        raise BenchFailed(f"{len(answered)} URLs did not answer 200: {shown}")
    seconds = time.monotonic() - started
    print(f"    {len(distinct):,} URLs asked once in {seconds:.0f} s", flush=True)
    return {"urls": len(distinct), "seconds": seconds, "skipped": len(failed)}
