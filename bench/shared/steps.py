"""What a benchmark's parent does with its child processes: each step runs in a Python of its
own (no cache, connection or import of one step reaches the next) and writes its result as JSON
to a file the parent reads; and collectstatic, for the pages served as in production."""

import json
import subprocess
import sys
from pathlib import Path

from bench.shared.paths import ROOT
from bench.shared.postgres import BenchFailed

COLLECTSTATIC_SECONDS = 600


def run_child(command: list[str], *, step: str, env: dict, result: Path, timeout: float, label=""):
    """Run `command` (this interpreter and the benchmark's own arguments) and return the JSON it
    wrote to `result`; a step that overran `timeout` or failed is a BenchFailed naming it
    (after `label`, a database's name, when given)."""
    which = f"{label}: the {step} step" if label else f"The {step} step"
    try:
        # Our own interpreter and arguments, no shell: nothing from outside is run.
        done = subprocess.run(command, env=env, cwd=ROOT, timeout=timeout, check=False)  # noqa: S603
    except subprocess.TimeoutExpired as error:
        raise BenchFailed(f"{which} took more than {timeout} s; stopped it.") from error
    if done.returncode != 0:
        raise BenchFailed(f"{which} failed (exit {done.returncode}).")
    return json.loads(result.read_text())


def collectstatic(env: dict) -> None:
    """The hashed static files' manifest, which pages served with DEBUG off need."""
    command = [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity=0"]
    # Our own interpreter and a fixed command, no shell.
    done = subprocess.run(  # noqa: S603
        command, env=env, cwd=ROOT, check=False, timeout=COLLECTSTATIC_SECONDS
    )
    if done.returncode != 0:
        raise BenchFailed(f"collectstatic failed (exit {done.returncode}).")
