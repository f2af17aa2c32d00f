"""Each benchmark is a package run as `python -m bench.<name>` from the project root."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
BENCHMARKS = [
    "corpus",
    "recommendations",
    "serve",
    "load",
    "images",
    "import_tate",
    "pages",
    "featuring",
    "links",
    "link_archive",
    "dashboard",
    "measurement",
]


def test_every_benchmark_package_is_listed_here():
    """A new package under bench/ is a benchmark with a __main__.py, or the shared parts."""
    packages = {path.parent.name for path in BENCH.glob("*/__init__.py")}
    assert packages == {*BENCHMARKS, "shared"}
    assert not (BENCH / "shared" / "__main__.py").exists()


@pytest.mark.parametrize("name", BENCHMARKS)
def test_benchmark_runs_as_a_module(name):
    """`python -m bench.<name> --help` starts from the project root and shows its options."""
    done = subprocess.run(  # noqa: S603 (our interpreter, our module)
        [sys.executable, "-m", f"bench.{name}", "--help"],
        cwd=BENCH.parent,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: python -m bench.")


def test_no_benchmark_edits_the_import_path():
    """Run as modules, the benchmarks import the project as installed: no sys.path surgery."""
    edits = [
        str(path.relative_to(BENCH))
        for path in BENCH.rglob("*.py")
        if re.search(r"sys\.path\s*(\[|\.(insert|append)|=)", path.read_text())
    ]
    assert edits == []
