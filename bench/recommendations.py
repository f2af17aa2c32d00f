"""Benchmark of "You may also like": the full rebuild, and the update after one publish.

    .venv/bin/python bench/recommendations.py            # 100,000 articles, both databases
    .venv/bin/python bench/recommendations.py --articles 10000 --database sqlite --no-record

For each database it creates a fresh one (SQLite: a file in a temporary directory; PostgreSQL:
newsroom_bench, dropped and created again), then runs three steps, each in a process of its own
that finds the database through the environment as a deployment does (DATABASE_URL,
NEWSROOM_VAR_DIR), with DEBUG off:

1. build: migrate, then bench.corpus.build_corpus() (see bench/corpus.py for the corpus);
2. rebuild: recommendations.engine.rebuild() on the empty table, then again over the stored
   suggestions; wall time of each, the peak RSS of this process, which did nothing else, and
   the peak memory of it and the worker processes the rebuild may fork (sampled PSS and RSS);
3. publish: N times (25), publish one new article drawn like the corpus's (bulk writes, no
   signal), then time recommendations.engine.refresh_article() on it alone, counting queries.

It prints a table, appends it to docs/benchmarks.md (unless --no-record) and drops the
databases (unless --keep). It exits with 2 at once when PostgreSQL is unreachable.
"""

import argparse
import json
import math
import os
import platform
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from datetime import date
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"
BENCH_DATABASE = "newsroom_bench"
CONNECT_TIMEOUT = 5
DEFAULT_POSTGRES = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")

# Issue 3, item 6.
REBUILD_TARGET_S = 60
REFRESH_TARGET_MS = 50
MEMORY_TARGET_MIB = 1024

NAMES = {"sqlite": "SQLite", "postgres": "PostgreSQL"}

DOC_INTRO = """# Benchmarks

Scripts under `bench/` time the parts of Newsroom whose cost grows with the size of the site, on
a synthetic corpus made by `bench/corpus.py`. Each benchmark creates its own throwaway databases
and removes them when it ends: it never touches `var/newsroom.sqlite3` or another PostgreSQL
database. Results are appended below by the scripts themselves, newest last; each entry says
what ran, where and when.
"""

SECTION_INTRO = """## Recommendations

`bench/recommendations.py` times the full rebuild of the "You may also like" suggestions and the
incremental update after one publish, on SQLite and on PostgreSQL.
"""


class BenchFailed(Exception):
    pass


# --- The parent: one fresh database after another ------------------------------------------


def main(argv: list[str] | None = None) -> int:
    # Run as a script, bench/ comes first on the path, where this file would stand in for the
    # recommendations app.
    sys.path[0] = str(ROOT)
    argv = sys.argv[1:] if argv is None else argv
    args = _parser().parse_args(argv)
    if args.step:
        return run_step(args)
    lock = _single_run_lock()
    if lock is None:
        print(
            f"Another benchmark is running on this machine (it holds {LOCK_FILE}): two at once "
            f"would share {BENCH_DATABASE} and each other's CPU. Wait for it to finish.",
            file=sys.stderr,
        )
        return 3
    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    if "postgres" in databases:
        try:
            _postgres_version(args.postgres_url)  # reachable, before anything starts
        except BenchFailed as error:
            print(error, file=sys.stderr)
            return 2
    machine = _machine()
    started = time.time()
    results = {}
    try:
        for database in databases:
            print(f"\n=== {NAMES[database]}: {args.articles:,} articles ===", flush=True)
            results[database] = run_database(database, args)
    except BenchFailed as error:
        print(f"\n{error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nInterrupted: its databases are dropped, nothing recorded.", file=sys.stderr)
        return 130
    machine["changed"] = _changed_since(started)
    if machine["changed"]:
        print(f"\nThese files changed while it ran: {', '.join(machine['changed'])}")
    table = format_table(results)
    print("\n" + table)
    if args.record:
        record(_entry(args, argv, machine, results, table))
        print(f"\nRecorded in {DOC.relative_to(ROOT)}.")
    return 0


LOCK_FILE = Path(tempfile.gettempdir()) / "newsroom-bench.lock"


def _single_run_lock():
    """An exclusive lock held for the life of this process (the system drops it when the
    process ends, however it ends), or None when another run holds it."""
    import fcntl  # noqa: PLC0415

    handle = LOCK_FILE.open("a")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return None
    return handle


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description="Time the recommendations rebuild and one publish's update."
    )
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--artists", type=int, default=20_000)
    parser.add_argument("--tags", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--database", choices=["sqlite", "postgres", "both"], default="both", help="default: both"
    )
    parser.add_argument("--publishes", type=int, default=25, help="timed publishes (25)")
    parser.add_argument(
        "--postgres-url",
        default=DEFAULT_POSTGRES,
        help="the PostgreSQL server (its database part is ignored: the benchmark uses "
        f"{BENCH_DATABASE}); default $BENCH_POSTGRES_URL or {DEFAULT_POSTGRES}",
    )
    parser.add_argument("--label", default="", help='added to the entry, e.g. "after caching"')
    parser.add_argument(
        "--no-record", dest="record", action="store_false", help="do not write docs/benchmarks.md"
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the databases (prints how to reach them)"
    )
    parser.add_argument(
        "--profile",
        metavar="DIR",
        help="after the timed runs (so without touching their figures), profile one more "
        "rebuild and 10 more publishes; reports go to DIR/<database>/",
    )
    parser.add_argument(
        "--profiler",
        choices=["cprofile", "pyinstrument"],
        default="cprofile",
        help="for --profile: cProfile (.prof files, default) or pyinstrument (.html; sampling, "
        "so closer to real time; pip install pyinstrument)",
    )
    parser.add_argument(
        "--timeout", type=int, default=3600, help="seconds one step may take (3600)"
    )
    # Internal: run one step in this process, in the database the environment names.
    parser.add_argument("--step", choices=["build", "rebuild", "publish"], help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    return parser


def run_database(database: str, args) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix=f"newsroom-bench-{database}-"))
    env = _step_env(workdir)
    if database == "postgres":
        env["DATABASE_URL"] = _postgres_url(args.postgres_url, BENCH_DATABASE)
        _recreate_postgres_database(args.postgres_url)
    result = {"load_average": os.getloadavg()[0]}
    try:
        for step in ("build", "rebuild", "publish"):
            result[step] = _run_step(step, database, env, workdir, args)
        return result
    finally:
        if args.keep:
            where = env.get("DATABASE_URL") or workdir / "newsroom.sqlite3"
            print(f"Kept {where}; NEWSROOM_VAR_DIR={workdir}")
        else:
            if database == "postgres":
                _drop_postgres_database(args.postgres_url)
            shutil.rmtree(workdir, ignore_errors=True)


def _step_env(workdir: Path) -> dict:
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        DEBUG="false",
        SECRET_KEY="bench-only-" + "k" * 50,
        ALLOWED_HOSTS="localhost",
        NEWSROOM_VAR_DIR=str(workdir),
        TASKS_BACKEND="immediate",
        LOG_LEVEL="WARNING",
    )
    return env


def _run_step(step: str, database: str, env: dict, workdir: Path, args) -> dict:
    result_file = workdir / f"{step}.json"
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--step",
        step,
        "--result",
        str(result_file),
        "--articles",
        str(args.articles),
        "--artists",
        str(args.artists),
        "--tags",
        str(args.tags),
        "--seed",
        str(args.seed),
        "--publishes",
        str(args.publishes),
    ]
    if args.profile:
        profile_dir = Path(args.profile).resolve() / database
        command += ["--profile", str(profile_dir), "--profiler", args.profiler]
    print(f"--- {step}", flush=True)
    try:
        done = subprocess.run(command, env=env, cwd=ROOT, timeout=args.timeout, check=False)  # noqa: S603
    except subprocess.TimeoutExpired as error:
        raise BenchFailed(
            f"{NAMES[database]}: the {step} step took more than {args.timeout} s; stopped it."
        ) from error
    if done.returncode != 0:
        raise BenchFailed(f"{NAMES[database]}: the {step} step failed (exit {done.returncode}).")
    return json.loads(result_file.read_text())


# --- PostgreSQL administration (no Django here: the parent never opens the bench database) ---


def _postgres_url(server_url: str, database: str) -> str:
    parts = urlsplit(server_url)
    return urlunsplit(
        parts._replace(path=f"/{database}", query=f"connect_timeout={CONNECT_TIMEOUT}")
    )


def _admin_connection(server_url: str):
    import psycopg2  # noqa: PLC0415

    try:
        connection = psycopg2.connect(
            _postgres_url(server_url, "postgres"), connect_timeout=CONNECT_TIMEOUT
        )
    except psycopg2.OperationalError as error:
        message = str(error).strip().splitlines()[0]
        raise BenchFailed(
            f"PostgreSQL is unreachable at {server_url} ({message}). Start it, pass "
            "--postgres-url, or run with --database sqlite."
        ) from error
    connection.autocommit = True
    return connection


def _postgres_version(server_url: str) -> str:
    connection = _admin_connection(server_url)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            return cursor.fetchone()[0].split()[0]
    finally:
        connection.close()


def _recreate_postgres_database(server_url: str):
    from psycopg2 import sql  # noqa: PLC0415

    connection = _admin_connection(server_url)
    name = sql.Identifier(BENCH_DATABASE)
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(name))
    finally:
        connection.close()


def _drop_postgres_database(server_url: str):
    from psycopg2 import sql  # noqa: PLC0415

    try:
        connection = _admin_connection(server_url)
    except BenchFailed as error:
        print(f"Could not drop {BENCH_DATABASE}: {error}", file=sys.stderr)
        return
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(BENCH_DATABASE)
                )
            )
    finally:
        connection.close()


# --- The steps, each in its own process -------------------------------------------------------


def run_step(args) -> int:
    from bench.corpus import setup_django  # noqa: PLC0415

    setup_django()
    from django.db import connection  # noqa: PLC0415

    step = {"build": step_build, "rebuild": step_rebuild, "publish": step_publish}[args.step]
    result = step(args)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT sqlite_version()")
        else:
            cursor.execute("SHOW server_version")
        result["database_version"] = cursor.fetchone()[0].split()[0]
    Path(args.result).write_text(json.dumps(result))
    return 0


def step_build(args) -> dict:
    from django.core.management import call_command  # noqa: PLC0415

    from bench.corpus import build_corpus  # noqa: PLC0415

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    migrated = time.perf_counter()
    print(f"migrated in {migrated - started:.1f} s", flush=True)
    summary = build_corpus(
        articles=args.articles,
        artists=args.artists,
        tags=args.tags,
        seed=args.seed,
        progress=lambda message: print(message, flush=True),
    )
    print(summary, flush=True)
    return {"migrate_s": migrated - started, "corpus": summary.as_dict()}


def step_rebuild(args) -> dict:
    from django.conf import settings  # noqa: PLC0415
    from django.db import connection  # noqa: PLC0415

    from recommendations import engine  # noqa: PLC0415

    connection.ensure_connection()
    result = {
        "load_average": os.getloadavg()[0],
        "baseline_rss_mib": _rss_mib(),
        "block_size": settings.RECOMMENDATIONS_BLOCK_SIZE,
        "floor": settings.RECOMMENDATIONS_FLOOR,
        "runs": [],
    }
    for label in ("empty table", "over stored suggestions"):
        with TreeMemory() as tree:
            started = time.perf_counter()
            summary = engine.rebuild()
            seconds = time.perf_counter() - started
        result["runs"].append(
            {
                "label": label,
                "seconds": seconds,
                "articles": summary.articles,
                "suggestions": summary.suggestions,
                "peak_rss_mib": _peak_rss_mib(),
                "tree": tree.as_dict(),
            }
        )
        print(
            f"rebuild ({label}): {seconds:.1f} s, {summary} Peak RSS {_peak_rss_mib():.0f} MiB; "
            f"{tree}",
            flush=True,
        )
    result["peak_rss_mib"] = _peak_rss_mib()
    result["children_peak_rss_mib"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    result["tree"] = {
        key: max(run["tree"][key] for run in result["runs"])
        for key in ("rss_mib", "pss_mib", "processes")
    }
    if args.profile:
        _profiled(args.profile, "rebuild", engine.rebuild, args.profiler)
    if connection.vendor == "postgresql":
        # As autovacuum would before the next publish, long after a nightly rebuild.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return result


def step_publish(args) -> dict:
    from random import Random  # noqa: PLC0415

    from django.db import connection  # noqa: PLC0415
    from django.utils import timezone  # noqa: PLC0415

    from articles.models import Article  # noqa: PLC0415
    from bench.corpus import ArticleSampler, add_article  # noqa: PLC0415
    from recommendations.engine import refresh_article  # noqa: PLC0415

    sampler = ArticleSampler.from_database(Random(args.seed + 1))  # noqa: S311 (test data)
    number = Article.objects.count()
    refreshes = []
    for _ in range(args.publishes):
        number += 1
        article_id = add_article(sampler, number=number, published_at=timezone.now())
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            started = time.perf_counter()
            refresh_article(article_id)
            elapsed = time.perf_counter() - started
        refreshes.append({"ms": elapsed * 1000, "queries": counter.count, **_about(article_id)})
    for index, refresh in enumerate(refreshes, start=1):
        print(
            f"publish {index:2}: {refresh['ms']:7.1f} ms, {refresh['queries']} queries, "
            f"{refresh['tags']} tags, {refresh['artists']} artists, "
            f"postings {refresh['postings']:,}, {refresh['own']} own suggestions, "
            f"in {refresh['inbound']} other lists",
            flush=True,
        )
    if args.profile:
        extra = 10

        def more_publishes():
            nonlocal number
            for _ in range(extra):
                number += 1
                refresh_article(add_article(sampler, number=number, published_at=timezone.now()))

        _profiled(args.profile, "publish", more_publishes, args.profiler)
    times = sorted(refresh["ms"] for refresh in refreshes)
    queries = sorted(refresh["queries"] for refresh in refreshes)
    return {
        "refreshes": refreshes,
        "median_ms": statistics.median(times),
        "p90_ms": _nearest_rank(times, 0.9),
        "max_ms": times[-1],
        "min_ms": times[0],
        "median_queries": statistics.median(queries),
        "max_queries": queries[-1],
    }


class TreeMemory:
    """Peak memory of this process and its children, sampled every `interval` seconds while in
    the block: the rebuild may fork worker processes, which ru_maxrss does not see. The sum of
    RSS counts a page shared after fork once per process; the sum of PSS shares it out, so it
    is what the processes together really hold."""

    def __init__(self, interval: float = 0.2):
        self.interval = interval
        self.rss_mib = self.pss_mib = 0.0
        self.processes = 1
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._sample()
        self._thread.start()
        return self

    def __exit__(self, *exc_info):
        self._stop.set()
        self._thread.join()

    def __str__(self):
        return (
            f"with its children: {self.rss_mib:,.0f} MiB RSS, {self.pss_mib:,.0f} MiB PSS "
            f"({_processes(self.processes)} at most)"
        )

    def as_dict(self) -> dict:
        return {"rss_mib": self.rss_mib, "pss_mib": self.pss_mib, "processes": self.processes}

    def _run(self):
        while not self._stop.wait(self.interval):
            self._sample()

    def _sample(self):
        pids = [os.getpid(), *_children(os.getpid())]
        rss = pss = 0
        for pid in pids:
            try:
                rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
            except OSError:  # the process ended meanwhile
                continue
            for line in rollup.splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
        self.rss_mib = max(self.rss_mib, rss / 1024)
        self.pss_mib = max(self.pss_mib, pss / 1024)
        self.processes = max(self.processes, len(pids))


def _processes(count: int) -> str:
    return f"{count} process" if count == 1 else f"{count} processes"


def _children(parent: int) -> list[int]:
    """Ids of the processes whose parent is `parent` (from /proc/<pid>/stat)."""
    children = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The name in parentheses may hold spaces: the parent id is the 2nd field after it.
        if int(stat.rsplit(")", 1)[1].split()[1]) == parent:
            children.append(int(entry.name))
    return children


class QueryCounter:
    """Counts queries through connection.execute_wrapper. CaptureQueriesContext would force the
    debug cursor, which on SQLite runs one more query per query to render its SQL (QUOTE()),
    and so would inflate the time it is meant to sit beside."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def _about(article_id: int) -> dict:
    """What a publish's cost depends on: its tags and artists, and how many article ids the
    lists it reads hold (rare tags' and its artists' articles). Read after the timing."""
    from django.db.models import Count  # noqa: PLC0415

    from articles.models import Article, TaggedArticle  # noqa: PLC0415
    from recommendations.models import RelatedLink  # noqa: PLC0415
    from recommendations.scoring import (  # noqa: PLC0415
        NOMINATING_TAG_MIN_ARTICLES,
        NOMINATING_TAG_SHARE,
    )

    featured_artist = Article.featured_artists.through
    tag_ids = list(
        TaggedArticle.objects.filter(content_object_id=article_id).values_list("tag_id", flat=True)
    )
    artist_ids = list(
        featured_artist.objects.filter(article_id=article_id).values_list("artist_id", flat=True)
    )
    published = Article.objects.with_status_published().count()
    nominating_max = max(NOMINATING_TAG_MIN_ARTICLES, int(published * NOMINATING_TAG_SHARE))
    tag_counts = (
        TaggedArticle.objects.filter(tag_id__in=tag_ids)
        .values("tag_id")
        .annotate(articles=Count("id"))
        .values_list("articles", flat=True)
    )
    postings = sum(count for count in tag_counts if count <= nominating_max)
    postings += featured_artist.objects.filter(artist_id__in=artist_ids).count()
    return {
        "tags": len(tag_ids),
        "artists": len(artist_ids),
        "postings": postings,
        "own": RelatedLink.objects.filter(source_id=article_id).count(),
        "inbound": RelatedLink.objects.filter(target_id=article_id).count(),
    }


def _profiled(directory: str, name: str, function, profiler: str):
    """Run function once more under a profiler, after the timed runs, and save its report."""
    Path(directory).mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    if profiler == "pyinstrument":
        from pyinstrument import Profiler  # noqa: PLC0415 (optional: pip install pyinstrument)

        sampler = Profiler(interval=0.001)
        sampler.start()
        function()
        sampler.stop()
        path = Path(directory) / f"{name}.html"
        path.write_text(sampler.output_html())
        print(sampler.output_text(show_all=False, color=False))
    else:
        import cProfile  # noqa: PLC0415
        import pstats  # noqa: PLC0415

        profile = cProfile.Profile()
        profile.runcall(function)
        path = Path(directory) / f"{name}.prof"
        profile.dump_stats(path)
        stats = pstats.Stats(profile, stream=sys.stdout).strip_dirs()
        stats.sort_stats("tottime").print_stats(25)
        stats.sort_stats("cumulative").print_stats(40)
    print(f"profiled {name}: {time.perf_counter() - started:.1f} s under {profiler} -> {path}")


def _rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _peak_rss_mib() -> float:
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _nearest_rank(values: list[float], share: float) -> float:
    """The nearest-rank percentile of sorted values."""
    rank = max(1, math.ceil(share * len(values)))
    return values[rank - 1]


# --- Reporting --------------------------------------------------------------------------------


def _machine() -> dict:
    cpu = platform.processor() or platform.machine()
    memory_gib = 0.0
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_gib = int(line.split()[1]) / 1024**2
    except OSError:
        pass
    return {
        "date": date.today().isoformat(),
        "nproc": len(os.sched_getaffinity(0)),
        "cpu": cpu,
        "memory_gib": memory_gib,
        "python": platform.python_version(),
        "django": metadata.version("django"),
        "psycopg2": metadata.version("psycopg2-binary"),
        "code": _code_version(),
    }


# Code whose change during a run would mean that steps ran different code.
WATCHED = ["recommendations", "articles", "artists", "artworks", "newsroom", "bench"]


def _changed_since(moment: float) -> list[str]:
    return sorted(
        str(path.relative_to(ROOT))
        for folder in WATCHED
        for path in (ROOT / folder).rglob("*.py")
        if path.stat().st_mtime > moment
    )


def _code_version() -> str:
    """The commit, and which files of the engine's apps differ from it (read-only git)."""

    def git(*arguments: str) -> str:
        done = subprocess.run(  # noqa: S603
            ["git", *arguments],  # noqa: S607
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        return done.stdout.rstrip()  # porcelain lines start with a space: keep it

    commit = git("rev-parse", "--short", "HEAD").strip() or "unknown"
    changed = git("status", "--porcelain", "--", "recommendations", "articles")
    if changed:
        files = ", ".join(line[3:] for line in changed.splitlines())
        return f"commit {commit} with uncommitted changes to {files}"
    return f"commit {commit}; recommendations/ and articles/ as committed"


def _mark(value: float, target: float) -> str:
    return "" if value < target else " **(missed)**"


ROWS = [
    ("corpus: migrate + build", ""),
    ("full rebuild, empty table", f"< {REBUILD_TARGET_S} s"),
    ("full rebuild over stored suggestions", f"< {REBUILD_TARGET_S} s"),
    ("peak memory of the rebuild process (ru_maxrss)", "< 1 GiB"),
    ("peak memory with its worker processes (sum of PSS; of RSS)", "< 1 GiB"),
    ("one publish: refresh_article, median", f"< {REFRESH_TARGET_MS} ms"),
    ("one publish: p90 / max / min", ""),
    ("queries per refresh: median / max", ""),
    ("suggestions stored (per article)", ""),
]


def _column(result: dict) -> list[str]:
    """One database's cells, in the order of ROWS."""
    build, rebuild, publish = result["build"], result["rebuild"], result["publish"]
    empty, again = (run["seconds"] for run in rebuild["runs"][:2])
    peak, median, tree = rebuild["peak_rss_mib"], publish["median_ms"], rebuild["tree"]
    stored, articles = rebuild["runs"][-1]["suggestions"], rebuild["runs"][-1]["articles"]
    return [
        f"{build['migrate_s'] + build['corpus']['seconds']:.0f} s",
        f"{empty:.1f} s{_mark(empty, REBUILD_TARGET_S)}",
        f"{again:.1f} s{_mark(again, REBUILD_TARGET_S)}",
        f"{peak:,.0f} MiB{_mark(peak, MEMORY_TARGET_MIB)} "
        f"(at start {rebuild['baseline_rss_mib']:.0f} MiB)",
        f"{tree['pss_mib']:,.0f} MiB{_mark(tree['pss_mib'], MEMORY_TARGET_MIB)}; "
        f"{tree['rss_mib']:,.0f} MiB ({_processes(tree['processes'])})",
        f"{median:.1f} ms{_mark(median, REFRESH_TARGET_MS)}",
        f"{publish['p90_ms']:.1f} / {publish['max_ms']:.1f} / {publish['min_ms']:.1f} ms",
        f"{publish['median_queries']:.0f} / {publish['max_queries']}",
        f"{stored:,} ({stored / max(articles, 1):.2f})",
    ]


def format_table(results: dict) -> str:
    columns = [_column(result) for result in results.values()]
    lines = [
        ["", "target", *(NAMES[database] for database in results)],
        ["---"] * (2 + len(results)),
    ]
    for index, (label, target) in enumerate(ROWS):
        lines.append([label, target, *(column[index] for column in columns)])
    return "\n".join("| " + " | ".join(cells) + " |" for cells in lines)


def _entry(args, argv: list[str], machine: dict, results: dict, table: str) -> str:
    first = next(iter(results.values()))
    corpus, rebuild = first["build"]["corpus"], first["rebuild"]
    articles = corpus["articles"]
    versions = [f"Python {machine['python']}", f"Django {machine['django']}"]
    loads = []
    for database, result in results.items():
        versions.append(f"{NAMES[database]} {result['build']['database_version']}")
        loads.append(
            f"{result['load_average']:.2f} before {NAMES[database]}, "
            f"{result['rebuild']['load_average']:.2f} before its rebuild"
        )
    if "postgres" in results:
        versions.append(f"psycopg2 {machine['psycopg2']}")
    items = [
        f"Machine: {machine['nproc']} CPUs (`nproc`), {machine['cpu']}, "
        f"{machine['memory_gib']:.0f} GiB RAM; {', '.join(versions)}. "
        f"Load average (1 min): {'; '.join(loads)}.",
        f"Code: {machine['code']}.",
        *(
            [
                "**Warning**: these files changed while the benchmark ran, so later steps may "
                f"have run other code: {', '.join(machine['changed'])}."
            ]
            if machine["changed"]
            else []
        ),
        f"Settings: DEBUG off, block size {rebuild['block_size']} (so at most "
        f"{2 * rebuild['block_size']} suggestions stored per article), floor {rebuild['floor']}.",
        f"Corpus (seed {corpus['seed']}): {articles:,} published articles over 10 years, "
        f"{corpus['artists']:,} artists, {corpus['tags']:,} tags, {corpus['sections']} sections; "
        f"{corpus['tag_links']:,} tag links ({corpus['tag_links'] / articles:.2f} per article), "
        f"{corpus['artist_links']:,} featured-artist links "
        f"({corpus['articles_without_artists'] / articles:.0%} of articles without one). "
        f"Tags drawn with weight 1/rank^{corpus['tag_exponent']:g}: the top tag is on "
        f"{corpus['top_tag_share']:.1%} of the articles, {corpus['tags_on_over_1pct']} tags on "
        f"more than 1%, the rarest on {corpus['least_used_tag_articles']}. Artists drawn with "
        f"1/rank^{corpus['artist_exponent']:g}: the top artist is on "
        f"{corpus['top_artist_articles']:,} articles; {corpus['artists_featured']:,} artists "
        "featured at least once.",
        f"One publish: {args.publishes} publishes one after another, each a new article drawn "
        "like the corpus's; the time is `refresh_article()` alone (median, nearest-rank p90).",
    ]
    bullets = "\n".join(
        textwrap.fill(item, width=100, initial_indent="- ", subsequent_indent="  ")
        for item in items
    )
    label = f", {args.label}" if args.label else ""
    command = " ".join([".venv/bin/python bench/recommendations.py", *map(shlex.quote, argv)])
    heading = f"### {machine['date']}: {articles:,} articles{label}"
    return f"{heading}\n\n`{command}`\n\n{bullets}\n\n{table}\n"


def record(entry: str):
    content = DOC.read_text() if DOC.exists() else DOC_INTRO
    heading = "\n## Recommendations\n"
    if heading not in content:
        content = content.rstrip("\n") + "\n\n" + SECTION_INTRO
    start = content.index(heading)
    end = content.find("\n## ", start + len(heading))
    if end == -1:
        content = content.rstrip("\n") + "\n\n" + entry
    else:
        content = content[:end].rstrip("\n") + "\n\n" + entry + content[end:]
    DOC.write_text(content)


if __name__ == "__main__":
    sys.exit(main())
