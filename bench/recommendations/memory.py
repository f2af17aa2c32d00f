"""Peak memory of a process together with the worker processes it forks."""

import os
import threading
from pathlib import Path


class TreeMemory:
    """Peak memory of this process and its children, sampled every `interval` seconds while in
    the block: the rebuild may fork worker processes, which ru_maxrss does not see. The sum of
    RSS counts a page shared after fork once per process; the sum of PSS shares it out, so it
    is what the processes together really hold."""

    def __init__(self, interval: float = 0.2):
        self.interval = interval
        self.rss_mib = self.pss_mib = 0.0
        self.processes = 1
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._sample()
        self._thread.start()
        return self

    def __exit__(self, *exc_info):
        self._stop.set()
        self._thread.join()

    def __str__(self):
        return (
            f"with its children: {self.rss_mib:,.0f} MiB RSS, {self.pss_mib:,.0f} MiB PSS "
            f"({processes(self.processes)} at most)"
        )

    def as_dict(self) -> dict:
        return {"rss_mib": self.rss_mib, "pss_mib": self.pss_mib, "processes": self.processes}

    def _run(self):
        while not self._stop.wait(self.interval):
            self._sample()

    def _sample(self):
        pids = [os.getpid(), *_children(os.getpid())]
        rss = pss = 0
        for pid in pids:
            try:
                rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
            except OSError:  # the process ended meanwhile
                continue
            for line in rollup.splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
        self.rss_mib = max(self.rss_mib, rss / 1024)
        self.pss_mib = max(self.pss_mib, pss / 1024)
        self.processes = max(self.processes, len(pids))


def processes(count: int) -> str:
    return f"{count} process" if count == 1 else f"{count} processes"


def _children(parent: int) -> list[int]:
    """Ids of the processes whose parent is `parent` (from /proc/<pid>/stat)."""
    children = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The name in parentheses may hold spaces: the parent id is the 2nd field after it.
        if int(stat.rsplit(")", 1)[1].split()[1]) == parent:
            children.append(int(entry.name))
    return children
