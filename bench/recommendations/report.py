"""The recommendations benchmark's report: the machine, a table of figures against the targets,
and the entry appended to docs/benchmarks.md."""

import shlex
import subprocess

from bench.recommendations.memory import processes
from bench.shared.entries import DATABASE_NAMES as NAMES
from bench.shared.entries import append_to_section, bullet, table
from bench.shared.machine import machine_info
from bench.shared.paths import ROOT

# Issue 3, item 6.
REBUILD_TARGET_S = 60


REFRESH_TARGET_MS = 50


MEMORY_TARGET_MIB = 1024


SECTION = "## Recommendations"
SECTION_INTRO = f"""{SECTION}

`bench/recommendations/` times the full rebuild of the "You may also like" suggestions and the
incremental update after one publish, on SQLite and on PostgreSQL.
"""


def machine() -> dict:
    """The machine, Django's and psycopg2's versions, and the engine's code."""
    about = machine_info({"Django": "django", "psycopg2": "psycopg2-binary"})
    return {**about, "code": _code_version()}


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
        f"{tree['rss_mib']:,.0f} MiB ({processes(tree['processes'])})",
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
    return table(lines)


def entry(args, argv: list[str], machine: dict, results: dict, table: str) -> str:
    first = next(iter(results.values()))
    corpus, rebuild = first["build"]["corpus"], first["rebuild"]
    articles = corpus["articles"]
    versions = [f"Python {machine['python']}", f"Django {machine['versions']['Django']}"]
    loads = []
    for database, result in results.items():
        versions.append(f"{NAMES[database]} {result['build']['database_version']}")
        loads.append(
            f"{result['load_average']:.2f} before {NAMES[database]}, "
            f"{result['rebuild']['load_average']:.2f} before its rebuild"
        )
    if "postgres" in results:
        versions.append(f"psycopg2 {machine['versions']['psycopg2']}")
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
    bullets = "\n".join(bullet(item) for item in items)
    label = f", {args.label}" if args.label else ""
    command = " ".join([".venv/bin/python -m bench.recommendations", *map(shlex.quote, argv)])
    heading = f"### {machine['date']}: {articles:,} articles{label}"
    return f"{heading}\n\n`{command}`\n\n{bullets}\n\n{table}\n"


def record(text: str):
    """Append the entry at the end of this benchmark's section of docs/benchmarks.md."""
    append_to_section(text, section=SECTION, intro=SECTION_INTRO)
