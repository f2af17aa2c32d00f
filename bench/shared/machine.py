"""The machine, versions and code an entry reports, and the code that changed during a run."""

import os
import platform
from datetime import date
from importlib import metadata
from pathlib import Path

from bench.shared.paths import ROOT


def cpu_and_memory() -> tuple[str, float]:
    """The CPU's model name and the memory in GiB, from /proc (0 where it cannot be read)."""
    cpu, memory_gib = platform.processor() or platform.machine(), 0.0
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_gib = int(line.split()[1]) / 1024**2
    except OSError:
        pass
    return cpu, memory_gib


def machine_info(packages: dict[str, str]) -> dict:
    """Today, the CPUs this process may use, the CPU, memory, Python, the versions of
    `packages` (shown name: distribution name) and the commit."""
    cpu, memory_gib = cpu_and_memory()
    return {
        "date": date.today().isoformat(),
        "nproc": len(os.sched_getaffinity(0)),
        "cpu": cpu,
        "memory_gib": memory_gib,
        "python": platform.python_version(),
        "versions": {name: metadata.version(package) for name, package in packages.items()},
        "commit": commit(),
    }


def commit(root: Path = ROOT) -> str:
    """The checked-out commit, read from .git's files (no git command runs)."""
    git = root / ".git"
    try:
        if git.is_file():  # a worktree: .git names the folder that holds its HEAD
            git = (root / git.read_text().strip().removeprefix("gitdir: ")).resolve()
        head = (git / "HEAD").read_text().strip()
        if not head.startswith("ref: "):
            return head[:7]
        ref = head[5:]
        common = git / "commondir"
        refs = (git / common.read_text().strip()).resolve() if common.is_file() else git
        if (refs / ref).is_file():
            return (refs / ref).read_text().strip()[:7]
        for line in (refs / "packed-refs").read_text().splitlines():
            if line.endswith(f" {ref}"):
                return line.split()[0][:7]
    except OSError:
        pass
    return "unknown"


def changed_since(moment: float) -> list[str]:
    """Code files modified while the benchmark ran (later steps may have run other code)."""
    folders = [p for p in ROOT.iterdir() if (p / "__init__.py").exists() and p.name != "tests"]
    paths = [path for folder in folders for path in folder.rglob("*.py")]
    paths += list((ROOT / "templates").rglob("*.html")) + [ROOT / "deploy" / "gunicorn.conf.py"]
    return sorted(str(p.relative_to(ROOT)) for p in paths if p.stat().st_mtime > moment)
