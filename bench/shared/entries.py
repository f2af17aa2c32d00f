"""Writing a benchmark's entry into docs/benchmarks.md: bullets, tables, and the entry appended
at the end of the benchmark's own section."""

import re
import shlex
import textwrap
from pathlib import Path

from bench.shared.machine import machine_info
from bench.shared.paths import DOC

# The top of docs/benchmarks.md, when a benchmark writes the first entry of a new file.
DOC_INTRO = """# Benchmarks

Each package under `bench/` times a part of Newsroom whose cost grows with the size of the site,
most on a synthetic corpus made by `bench/corpus/`. Each benchmark creates its own throwaway
databases and removes them when it ends: it never touches `var/newsroom.sqlite3` or another
PostgreSQL database. Results are appended below by the benchmarks themselves, newest last; each
entry says what ran, where and when.
"""

# How an entry names the databases a benchmark ran on.
DATABASE_NAMES = {"sqlite": "SQLite", "postgres": "PostgreSQL"}


def bullet(item: str) -> str:
    """A Markdown bullet wrapped at 100 columns, never inside a `code span`."""
    parts = re.split(r"(`[^`]*`)", item)
    kept = "".join(p.replace(" ", "\0") if p.startswith("`") else p for p in parts)
    wrapped = textwrap.fill(
        kept,
        width=100,
        initial_indent="- ",
        subsequent_indent="  ",
        break_long_words=False,
        break_on_hyphens=False,
    )
    return wrapped.replace("\0", " ")


def table(rows: list[list[str]] | list[tuple[str, ...]]) -> str:
    """Rows of cells as a Markdown table (the second row is the `---` one)."""
    return "\n".join("| " + " | ".join(cells) + " |" for cells in rows)


def machine_entry(
    *,
    heading: str,
    module: str,
    argv: list[str],
    label: str,
    packages: dict[str, str],
    load: tuple[float, float],
    body: str,
) -> str:
    """An entry dated today: "### <date>: <heading>, <label>", the command that ran
    (`python -m <module> <argv>`), the machine (CPUs, memory, Python, Django and `packages`'
    versions, the commit, the load average before and after) and `body` (its table)."""
    info = machine_info({"Django": "django", **packages})
    versions = ", ".join(f"{name} {version}" for name, version in info["versions"].items())
    command = shlex.join([".venv/bin/python", "-m", module, *argv])
    lines = [
        f"### {info['date']}: {heading}" + (f", {label}" if label else ""),
        "",
        f"`{command}`",
        "",
        bullet(
            f"Machine: {info['nproc']} CPUs (`nproc`), {info['cpu']}, "
            f"{info['memory_gib']:.0f} GiB RAM; Python {info['python']}, {versions}; "
            f"commit {info['commit']}. Load average (1 min): {load[0]:.2f} "
            f"before, {load[1]:.2f} after."
        ),
        "",
        body,
        "",
    ]
    return "\n".join(lines)


def append_to_section(text: str, *, section: str, intro: str, doc: Path = DOC) -> None:
    """Append an entry at the end of `section` (a "## ..." heading), which is made at the end
    of the file with `intro` when absent; the rest of the file is left as it is."""
    content = doc.read_text() if doc.exists() else DOC_INTRO
    heading = f"\n{section}\n"
    if heading not in content:
        content = content.rstrip("\n") + "\n\n" + intro
    start = content.index(heading)
    end = content.find("\n## ", start + len(heading))
    if end == -1:
        content = content.rstrip("\n") + "\n\n" + text
    else:
        content = content[:end].rstrip("\n") + "\n\n" + text + content[end:]
    doc.write_text(content)
