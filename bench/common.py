"""What every benchmark script shares: one run at a time, wrk, and writing its entry into
docs/benchmarks.md."""

import re
import subprocess
import tempfile
import textwrap
from pathlib import Path

from bench.postgres import BenchFailed

ROOT = Path(__file__).resolve().parent.parent
LOCK_FILE = Path(tempfile.gettempdir()) / "newsroom-bench.lock"
DOC = ROOT / "docs" / "benchmarks.md"


def single_run_lock():
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


def ensure_wrk() -> str:
    """The path of wrk, installed from Debian's package when missing (scripts/ensure-wrk.sh)."""
    done = subprocess.run(  # noqa: S603
        ["sh", str(ROOT / "scripts" / "ensure-wrk.sh")],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if done.returncode != 0:
        raise BenchFailed(done.stderr.strip() or "wrk is missing (scripts/ensure-wrk.sh)")
    return done.stdout.strip().splitlines()[-1]


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


def append_to_section(text: str, *, section: str, intro: str, doc: Path = DOC) -> None:
    """Append an entry at the end of `section` (a "## ..." heading), which is made at the end
    of the file with `intro` when absent; the rest of the file is left as it is."""
    content = doc.read_text()
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
