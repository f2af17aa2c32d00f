"""One benchmark at a time: two would share newsroom_bench and each other's CPU."""

import fcntl
import sys
import tempfile
from pathlib import Path

LOCK_FILE = Path(tempfile.gettempdir()) / "newsroom-bench.lock"


def single_run_lock():
    """An exclusive lock held for the life of this process (the system drops it when the
    process ends, however it ends), or None when another run holds it, which is said on
    stderr (the benchmark then exits with 3)."""
    handle = LOCK_FILE.open("a")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        print(
            f"Another benchmark is running on this machine (it holds {LOCK_FILE}): two at once "
            "would share the benchmark database and each other's CPU. Wait for it to finish.",
            file=sys.stderr,
        )
        return None
    return handle
