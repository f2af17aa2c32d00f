"""Progress for long commands: a bar with rate and time left on a terminal, plain log lines
(every 10%) when the output is a file or a pipe."""

import time
from typing import TextIO


class Progress:
    def __init__(self, *, total: int, label: str, stream: TextIO, interactive: bool | None = None):
        self.total = max(total, 0)
        self.label = label
        self.stream = stream
        self.interactive = stream.isatty() if interactive is None else interactive
        self.done = 0
        self.started = time.monotonic()
        self._last_draw = 0.0
        self._next_log_share = 0.1

    def advance(self, count: int = 1):
        self.done += count
        now = time.monotonic()
        if self.interactive:
            if now - self._last_draw >= 0.1 or self.done >= self.total:
                self._last_draw = now
                self.stream.write("\r" + self.line(now))
                self.stream.flush()
        elif self.total and self.done / self.total >= self._next_log_share:
            self.stream.write(self.line(now) + "\n")
            self._next_log_share += 0.1

    def finish(self):
        if self.interactive:
            self.stream.write("\r" + self.line(time.monotonic()) + "\n")
            self.stream.flush()

    def line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        share = self.done / self.total if self.total else 1.0
        left = (self.total - self.done) / rate if rate > 0 else 0.0
        bar = ("#" * int(share * 30)).ljust(30, ".")
        return (
            f"{self.label} [{bar}] {self.done:,}/{self.total:,} ({share:.0%}) "
            f"{rate:,.0f}/s, {_duration(left)} left"
        )


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    if seconds >= 60:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds}s"
