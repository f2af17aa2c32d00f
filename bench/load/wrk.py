"""wrk for the load test: the Lua script, the command, reading its output, and one run of wrk
with faults injected at fixed times while it runs.

The script spreads requests over a mix of URLs (round-robin, each of wrk's threads from its own
offset) and counts, in each thread, the responses of every second (`os.time()`, the wall clock)
by status class: 2xx, 3xx, 4xx, 503 with the site's friendly page, and anything else. When wrk
is done, `done()` gathers every thread's counts (`thread:get("counts")`: wrk copies numbers,
strings, booleans and tables of those between its Lua states) and prints one line a second:

    TIMELINE <epoch second> <2xx> <3xx> <4xx> <503> <other>

A request that got no response (a socket error or wrk's timeout) is in wrk's summary only.
"""

import re
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from random import Random

from bench.shared import wrk as shared_wrk
from bench.shared.wrk import WrkFailed, check_script_input, parse_wrk

# What the 503 marker may contain (as the paths and headers: nothing that could reach Lua).
SAFE_MARKER = re.compile(r"[A-Za-z0-9 ,.!-]+")
# In the title of templates/503.html and of health/unavailable.py's fallback page.
FRIENDLY_503 = "Back in a moment"
TIMELINE = re.compile(r"^TIMELINE (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)\s*$", re.M)
# wrk's own time limit for a response: past it the request is a timeout error.
WRK_TIMEOUT_S = 10
# How long wrk may run past --duration (it waits for responses in flight) before it is killed.
OVERRUN_S = 30


@dataclass(frozen=True)
class Second:
    """The responses that arrived within one wall-clock second, summed over wrk's threads."""

    at: int  # the epoch second
    ok_2xx: int = 0
    ok_3xx: int = 0
    client_4xx: int = 0
    unavailable: int = 0  # 503 with the friendly page
    other: int = 0  # any other status: a 500, a 502, a 503 without the friendly page

    @property
    def ok(self) -> int:
        return self.ok_2xx + self.ok_3xx

    @property
    def failed(self) -> int:
        return self.client_4xx + self.unavailable + self.other

    @property
    def total(self) -> int:
        return self.ok + self.failed


@dataclass(frozen=True)
class Fault:
    """Something done to the system at `at_s` seconds after wrk started."""

    name: str
    at_s: float
    action: Callable[[], None]


@dataclass
class Event:
    """A fault as it happened: epoch times before and after its action, and its error."""

    name: str
    planned: float
    began: float | None = None
    ended: float | None = None
    error: str | None = None

    @property
    def done(self) -> bool:
        return self.ended is not None and self.error is None


def mix_paths(urls: dict[str, list[str]], *, seed: int, home_share: float = 0.05) -> list[str]:
    """The articles, artists and searches of `urls`, each once, with the home page as
    `home_share` of the list, in an order shuffled with `seed` (the same seed, the same list)."""
    paths = [path for key in ("articles", "artists", "search") for path in urls.get(key, [])]
    home = urls.get("home") or []
    if home and home_share > 0:
        copies = max(1, round(len(paths) * home_share / (1 - home_share)))
        paths += [home[index % len(home)] for index in range(copies)]
    if not paths:
        raise ValueError("No URLs to request")
    Random(seed).shuffle(paths)  # noqa: S311 (an order of requests, not a secret)
    return paths


def lua_script(
    paths: Sequence[str],
    *,
    threads: int,
    headers: dict[str, str] | None = None,
    marker: str = FRIENDLY_503,
) -> str:
    """The wrk script requesting `paths` round-robin with `headers`, counting responses per
    second and status class, a 503 counted as such only when its body holds `marker`."""
    check_script_input(paths, threads=threads, headers=headers)
    if not SAFE_MARKER.fullmatch(marker):
        raise ValueError(f"Not a plain marker: {marker!r}")
    listed = "\n".join(f'  "{path}",' for path in paths)
    header_lines = "".join(
        f'wrk.headers["{name}"] = "{value}"\n' for name, value in (headers or {}).items()
    )
    distinct = len(set(paths))
    return f"""-- bench.load: {len(paths):,} paths ({distinct:,} distinct), round-robin;
-- responses counted per second (os.time()) and status class, printed by done().
{header_lines}local paths = {{
{listed}
}}
local count = #paths
local thread_count = {threads}
local marker = "{marker}"
local threads = {{}}
local counter = 0
-- A global, so that done() can read each thread's through thread:get("counts").
-- Keys: epoch second * 8 + class (1 2xx, 2 3xx, 3 4xx, 4 friendly 503, 5 other).
counts = {{}}

function setup(thread)
  thread:set("offset", #threads)
  table.insert(threads, thread)
end

function init(args)
  counts = {{}}
  counter = ((offset or 0) * math.floor(count / thread_count)) % count
end

function request()
  counter = counter % count + 1
  return wrk.format("GET", paths[counter])
end

local function class_of(status, body)
  if status >= 200 and status < 300 then return 1 end
  if status >= 300 and status < 400 then return 2 end
  if status >= 400 and status < 500 then return 3 end
  if status == 503 and body and string.find(body, marker, 1, true) then return 4 end
  return 5
end

function response(status, headers, body)
  local key = os.time() * 8 + class_of(status, body)
  counts[key] = (counts[key] or 0) + 1
end

function done(summary, latency, requests)
  local totals, seen, seconds = {{}}, {{}}, {{}}
  for _, thread in ipairs(threads) do
    for key, n in pairs(thread:get("counts") or {{}}) do
      totals[key] = (totals[key] or 0) + n
      local second = math.floor(key / 8)
      if not seen[second] then
        seen[second] = true
        table.insert(seconds, second)
      end
    end
  end
  table.sort(seconds)
  for _, second in ipairs(seconds) do
    local base = second * 8
    io.write(string.format("TIMELINE %.0f %.0f %.0f %.0f %.0f %.0f\\n", second,
      totals[base + 1] or 0, totals[base + 2] or 0, totals[base + 3] or 0,
      totals[base + 4] or 0, totals[base + 5] or 0))
  end
end
"""


def wrk_command(
    wrk: str, url: str, script: Path, *, duration: int, connections: int, threads: int
) -> list[str]:
    """The serving benchmark's wrk command, with this test's shorter timeout."""
    return shared_wrk.wrk_command(
        wrk,
        url,
        script,
        duration=duration,
        connections=connections,
        threads=threads,
        timeout=WRK_TIMEOUT_S,
    )


def parse_timeline(output: str) -> list[Second]:
    """The TIMELINE lines of the script's done(), in order of time, one Second each."""
    seconds = [Second(*(int(value) for value in match)) for match in TIMELINE.findall(output)]
    return sorted(seconds, key=lambda second: second.at)


def parse_output(output: str) -> tuple[dict, list[Second]]:
    """wrk's summary (bench/shared/wrk.py's parse_wrk: requests/s, latency percentiles, socket
    errors, non-2xx/3xx) and the timeline, which must account for every response."""
    figures = parse_wrk(output)
    timeline = parse_timeline(output)
    counted = sum(second.total for second in timeline)
    if figures["requests"] and not timeline:
        raise WrkFailed(f"wrk's output has no TIMELINE lines (the script's done()):\n{output}")
    figures["responses_counted"] = counted
    return figures, timeline


def run_wrk(
    command: list[str], *, duration: int, output: Path, faults: Sequence[Fault] = ()
) -> tuple[dict, list[Second], list[Event], float]:
    """Run wrk, doing each fault's action at its time meanwhile (in this thread; a fault that
    raises is recorded, not raised). Returns the summary, the timeline, the events and the
    epoch time wrk started. wrk is killed should it run OVERRUN_S past its duration, or on
    any exception (Ctrl-C included)."""
    events = [Event(fault.name, fault.at_s) for fault in faults]
    errors = output.with_suffix(".stderr")
    with output.open("w") as out, errors.open("w") as err:
        started = time.time()
        process = subprocess.Popen(  # noqa: S603 (our own arguments)
            command, stdout=out, stderr=err, start_new_session=True
        )
        try:
            for fault, event in sorted(
                zip(faults, events, strict=True), key=lambda pair: pair[0].at_s
            ):
                if not _wait_until(process, started + fault.at_s):
                    event.error = "wrk had already ended"
                    continue
                event.began = time.time()
                try:
                    fault.action()
                except Exception as error:
                    event.error = f"{type(error).__name__}: {str(error).strip()[:500]}"
                event.ended = time.time()
            try:
                process.wait(timeout=max(1.0, started + duration + OVERRUN_S - time.time()))
            except subprocess.TimeoutExpired:
                raise WrkFailed(f"wrk did not finish within {duration + OVERRUN_S} s") from None
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=10)
    text = output.read_text(errors="replace")
    if process.returncode != 0:
        problem = errors.read_text(errors="replace").strip()[:500]
        raise WrkFailed(f"wrk failed (exit {process.returncode}): {problem}")
    figures, timeline = parse_output(text)
    return figures, timeline, events, started


def _wait_until(process: subprocess.Popen, moment: float) -> bool:
    """Sleep until the epoch time `moment`; False when wrk ended before it."""
    delay = moment - time.time()
    if delay > 0:
        try:
            process.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            return True
        return False
    return process.poll() is None
