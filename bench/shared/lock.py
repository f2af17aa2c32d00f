"""One benchmark at a time: two would share newsroom_bench and each other's CPU."""

import fcntl
import tempfile
from pathlib import Path

LOCK_FILE = Path(tempfile.gettempdir()) / "newsroom-bench.lock"


def single_run_lock():
    """An exclusive lock held for the life of this process (the system drops it when the
    process ends, however it ends), or None when another run holds it."""
    handle = LOCK_FILE.open("a")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return None
    return handle
