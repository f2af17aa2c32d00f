"""The dashboard benchmark's table and its entry in docs/benchmarks.md, under "Moderators'
dashboard (issue 20)"."""

from bench.shared.entries import append_to_section, bullet, machine_entry
from bench.shared.entries import table as markdown_table

TARGET_MS = 1000
NAMES = {"sqlite": "SQLite", "postgres": "PostgreSQL"}

SECTION = "## Moderators' dashboard (issue 20)"
SECTION_INTRO = f"""{SECTION}

`bench/dashboard/` times the moderators' dashboard (`recommendations/dashboard_figures.py` and
its page) and the moderation queue's 28-day counts (`recommendations/admin_counts.py`) over a
year of SlotDay rows (a million by default) for 2,000 articles with ten related links each, on
SQLite and on PostgreSQL: median and max of the timed runs after a warm-up, and the queries each
took. Target: every page under {TARGET_MS} ms.
"""


def table(results: dict) -> str:
    databases = list(results)
    steps = [step for step in next(iter(results.values()))["timings"] if step != "plans"]
    rows = [
        ["", *(f"{NAMES[db]} {results[db]['version']}" for db in databases)],
        ["---", *("---" for _ in databases)],
        ["rows", *(_rows(results[db]["rows"]) for db in databases)],
    ]
    for step in steps:
        cells = []
        for db in databases:
            timing = results[db]["timings"][step]
            mark = "" if "page" not in step or timing["median_ms"] < TARGET_MS else " **(missed)**"
            cells.append(
                f"{timing['median_ms']:.0f} ms (max {timing['max_ms']:.0f}), "
                f"{timing['queries']} queries{mark}"
            )
        rows.append([step, *cells])
    plans = [
        f"{NAMES[db]} plan of the 28-day sums by day, kind and position: "
        + " / ".join(
            line.strip()
            for line in results[db]["timings"]["plans"]["by day, kind and position, 28 days"]
        )
        for db in databases
    ]
    return markdown_table(rows) + "\n\n" + "\n".join(bullet(plan) for plan in plans)


def _rows(rows: dict) -> str:
    return f"{rows['slot_days']:,} SlotDay over {rows['days']} days, {rows['links']:,} links"


def record(results: dict, *, argv: list[str], label: str, load: tuple[float, float]) -> None:
    first = next(iter(results.values()))["rows"]
    entry = machine_entry(
        heading=f"{first['slot_days']:,} SlotDay rows",
        module="bench.dashboard",
        argv=argv,
        label=label,
        packages={"psycopg2": "psycopg2-binary"},
        load=load,
        body=table(results),
    )
    append_to_section(entry, section=SECTION, intro=SECTION_INTRO)
