"""wrk, the load generator of the serving and load benchmarks: installing it, the Lua script that
spreads requests over a set of URLs, the command, and reading its report (requests/s, latency
percentiles, failures)."""

import re
import subprocess
from collections.abc import Sequence
from pathlib import Path

from bench.shared.paths import ROOT
from bench.shared.postgres import BenchFailed

# What a path in the script may contain: no quote, backslash, space or newline can reach Lua.
SAFE_PATH = re.compile(r"/[A-Za-z0-9._~%/?=&+,;:@!$-]*")
HEADER_NAME = re.compile(r"[A-Za-z0-9-]+")
HEADER_VALUE = re.compile(r"[A-Za-z0-9 ._/:;=,+-]*")
_TIME_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


# A response slower than this counts as a timeout error (gunicorn's own timeout: 30 s).
WRK_TIMEOUT_S = 30


class WrkFailed(Exception):
    pass


def ensure_wrk() -> str:
    """The path of wrk, installed from Debian's package when missing (scripts/ensure-wrk.sh)."""
    done = subprocess.run(  # noqa: S603
        ["sh", str(ROOT / "scripts" / "ensure-wrk.sh")],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if done.returncode != 0:
        raise BenchFailed(done.stderr.strip() or "wrk is missing (scripts/ensure-wrk.sh)")
    return done.stdout.strip().splitlines()[-1]


def check_script_input(
    paths: Sequence[str], *, threads: int, headers: dict[str, str] | None
) -> None:
    """Raise ValueError unless every path and header is plain enough to be written into a Lua
    string as it is, and there is at least one path and one thread."""
    if not paths:
        raise ValueError("wrk needs at least one path")
    for path in paths:
        if not SAFE_PATH.fullmatch(path):
            raise ValueError(f"Not a plain URL path: {path!r}")
    if threads < 1:
        raise ValueError("threads must be at least 1")
    for name, value in (headers or {}).items():
        if not (HEADER_NAME.fullmatch(name) and HEADER_VALUE.fullmatch(value)):
            raise ValueError(f"Not a plain header: {name!r}: {value!r}")


def lua_script(paths: list[str], *, threads: int, headers: dict[str, str] | None = None) -> str:
    """A wrk script requesting `paths` in turn, round-robin, with `headers`; each of wrk's
    `threads` threads starts at its own offset, so that together they cover the set evenly
    rather than all asking for the same URL at the same moment."""
    check_script_input(paths, threads=threads, headers=headers)
    listed = "\n".join(f'  "{path}",' for path in paths)
    header_lines = "".join(
        f'wrk.headers["{name}"] = "{value}"\n' for name, value in (headers or {}).items()
    )
    return f"""-- Written by bench.serve: {len(paths):,} distinct paths, round-robin.
{header_lines}local paths = {{
{listed}
}}
local count = #paths
local threads = {threads}
local next_offset = 0
local counter = 0

function setup(thread)
  thread:set("offset", next_offset)
  next_offset = next_offset + 1
end

function init(args)
  counter = ((offset or 0) * math.floor(count / threads)) % count
end

function request()
  counter = counter % count + 1
  return wrk.format("GET", paths[counter])
end
"""


def wrk_command(
    wrk: str,
    url: str,
    script: Path,
    *,
    duration: int,
    connections: int,
    threads: int,
    timeout: int = WRK_TIMEOUT_S,
) -> list[str]:
    """wrk bounded in time, counting a response slower than `timeout` s as an error."""
    return [
        wrk,
        f"--threads={threads}",
        f"--connections={connections}",
        f"--duration={duration}s",
        f"--timeout={timeout}s",
        "--latency",
        f"--script={script}",
        url,
    ]


def run_wrk(command: list[str], *, duration: int) -> dict:
    try:
        done = subprocess.run(  # noqa: S603 (our own arguments)
            command, capture_output=True, text=True, timeout=duration + 60, check=False
        )
    except subprocess.TimeoutExpired as error:
        raise WrkFailed(f"wrk did not finish within {duration + 60} s") from error
    if done.returncode != 0:
        raise WrkFailed(f"wrk failed (exit {done.returncode}): {done.stderr.strip()[:500]}")
    return parse_wrk(done.stdout)


def to_ms(text: str) -> float:
    """'812.00us', '1.50ms', '2.01s', '1.00m' in milliseconds."""
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text.strip())
    if not match:
        raise ValueError(f"Not a wrk duration: {text!r}")
    return float(match[1]) * _TIME_UNITS_MS[match[2]]


def parse_wrk(output: str) -> dict:
    """The figures of one `wrk --latency` report. Raises WrkFailed when one is missing."""

    def find(pattern: str) -> re.Match:
        match = re.search(pattern, output, re.M)
        if match is None:
            raise WrkFailed(f"wrk's report has no {pattern!r}:\n{output}")
        return match

    percentiles = {
        int(share): to_ms(value)
        for share, value in re.findall(r"^\s+(50|75|90|99)%\s+(\S+)\s*$", output, re.M)
    }
    if set(percentiles) != {50, 75, 90, 99}:
        raise WrkFailed(f"wrk's report has no latency distribution (run with --latency):\n{output}")
    total = find(r"^\s*(\d+) requests in ([\d.]+\w+), ")
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    errors = dict(zip(("connect", "read", "write", "timeout"), (0, 0, 0, 0), strict=True))
    if socket:
        errors = {name: int(socket[i]) for i, name in enumerate(errors, start=1)}
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "requests": int(total[1]),
        "seconds": to_ms(total[2]) / 1000,
        "rps": float(find(r"^Requests/sec:\s+([\d.]+)")[1]),
        "p50_ms": percentiles[50],
        "p75_ms": percentiles[75],
        "p90_ms": percentiles[90],
        "p99_ms": percentiles[99],
        "max_ms": to_ms(find(r"^\s+Latency\s+\S+\s+\S+\s+(\S+)")[1]),
        "non_2xx": int(non_2xx[1]) if non_2xx else 0,
        "socket_errors": errors,
        "errors": sum(errors.values()),
    }


def wrk_version(wrk: str) -> str:
    done = subprocess.run([wrk, "--version"], capture_output=True, text=True, check=False)  # noqa: S603
    match = re.search(r"wrk (\S+)", done.stdout + done.stderr)
    return match[1] if match else "unknown"
