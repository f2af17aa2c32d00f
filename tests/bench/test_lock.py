"""One benchmark at a time (bench/shared/lock.py): a second run is refused with the reason."""

import subprocess
import sys

from bench.shared.lock import LOCK_FILE, single_run_lock

SECOND_RUN = "from bench.shared.lock import single_run_lock; print(single_run_lock() is None)"


def test_a_second_run_is_told_why_and_the_first_keeps_the_lock(capsys):
    held = single_run_lock()
    assert held is not None
    try:
        second = subprocess.run(  # noqa: S603 (our own interpreter, a fixed script)
            [sys.executable, "-c", SECOND_RUN], capture_output=True, text=True, timeout=60
        )
        assert second.stdout.strip() == "True"
        assert f"Another benchmark is running on this machine (it holds {LOCK_FILE})" in (
            second.stderr
        )
    finally:
        held.close()
    again = single_run_lock()
    assert again is not None
    again.close()
