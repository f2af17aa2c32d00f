"""The benchmarks' children: run as a Python of their own, their JSON read back, an overrun or a
failure a BenchFailed that names the step (bench/shared/steps.py)."""

import os
import sys

import pytest

from bench.shared.postgres import BenchFailed
from bench.shared.steps import run_child


def child(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def test_a_step_s_result_is_read_back(tmp_path):
    result = tmp_path / "build.json"
    code = f"import json, pathlib; pathlib.Path({str(result)!r}).write_text(json.dumps({{'n': 3}}))"

    assert run_child(
        child(code), step="build", env=dict(os.environ), result=result, timeout=30
    ) == {"n": 3}


def test_a_failed_step_is_named(tmp_path):
    with pytest.raises(BenchFailed, match=r"^SQLite: the measure step failed \(exit 4\)\.$"):
        run_child(
            child("raise SystemExit(4)"),
            step="measure",
            env=dict(os.environ),
            result=tmp_path / "measure.json",
            timeout=30,
            label="SQLite",
        )


def test_a_step_that_overruns_is_stopped(tmp_path):
    with pytest.raises(BenchFailed, match=r"^The sums step took more than 0.5 s; stopped it\.$"):
        run_child(
            child("import time; time.sleep(30)"),
            step="sums",
            env=dict(os.environ),
            result=tmp_path / "sums.json",
            timeout=0.5,
        )


def test_a_hostile_argument_is_one_argument_not_a_shell_command(tmp_path):
    """No shell: `; touch ...` reaches the child as text in its argv and runs nothing."""
    result = tmp_path / "r.json"
    planted = tmp_path / "planted"
    hostile = f"x; touch {planted} && echo $(id)"
    code = (
        "import json, pathlib, sys; "
        f"pathlib.Path({str(result)!r}).write_text(json.dumps(sys.argv[1:]))"
    )

    argv = run_child(
        [*child(code), hostile], step="build", env=dict(os.environ), result=result, timeout=30
    )

    assert argv == [hostile]
    assert not planted.exists()
