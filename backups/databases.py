"""Dumping and restoring the configured database, one way per vendor.

PostgreSQL: pg_dump's custom format (--no-owner --no-privileges, so it restores into a database
owned by anyone), restored by pg_restore --clean --if-exists --single-transaction: every object
of the dump is dropped and recreated in one transaction, so a failure leaves the database as it
was. The connection comes from settings.DATABASES through libpq's PG* variables; the password
never appears on a command line.

SQLite: sqlite3's online backup API, both ways. A backup is a consistent copy of a live
database (never a file copy that could catch a write half done); a restore copies the staged
database into the configured one in a single write transaction, so it is all or nothing.
"""

import glob
import os
import re
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from django.db import connection, transaction

from backups.errors import BackupError, RestoreRefused

# libpq's variables for the OPTIONS a DATABASE_URL can carry (?sslmode=require ...).
PG_OPTION_VARIABLES = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "options": "PGOPTIONS",
}
PG_DUMP_OPTIONS = ("--format=custom", "--no-owner", "--no-privileges")
# Every object of the dump dropped (if there) and recreated in one transaction: all or nothing.
PG_RESTORE_OPTIONS = (
    "--clean",
    "--if-exists",
    "--no-owner",
    "--no-privileges",
    "--single-transaction",
    "--exit-on-error",
)
# How long a backup waits for a write that holds the SQLite database.
LOCKED_SECONDS = 30


def database_dump(*, target: Path, counts: Callable[[], dict]) -> dict:
    """Write the database to `target`; returns the counts taken from the state that was dumped
    (SQLite: the same read transaction; PostgreSQL: just before pg_dump's own snapshot)."""
    if connection.vendor == "sqlite":
        return _sqlite_dump(target=target, counts=counts)
    if connection.vendor == "postgresql":
        with transaction.atomic():
            taken = counts()
        _run(_pg_tool("pg_dump"), *PG_DUMP_OPTIONS, f"--file={target}")
        return taken
    raise BackupError(f"Backups support PostgreSQL and SQLite, not {connection.vendor}.")


def database_restore(*, source: Path, vendor: str) -> None:
    """Replace the configured database's content with the staged dump, all or nothing."""
    connection.close()  # hold no lock or open transaction while the tables are replaced
    if vendor == "sqlite":
        _sqlite_restore(source=source)
    else:
        name = connection.settings_dict["NAME"]
        _run(_pg_tool("pg_restore"), *PG_RESTORE_OPTIONS, f"--dbname={name}", str(source))
    connection.close()


def tables_missing_from_dump(*, source: Path, vendor: str) -> list[str]:
    """Tables of the configured database that the dump does not have. pg_restore --clean drops
    only what the dump holds: such tables (from a newer schema) would survive the restore and
    break the migrations that follow, so the restore is refused instead. SQLite's restore
    replaces the whole file: nothing survives."""
    if vendor != "postgresql":
        return []
    listing = _run(_pg_tool("pg_restore"), "--list", str(source))
    in_dump = set(re.findall(r"^\d+; \d+ \d+ TABLE \S+ (\S+) ", listing, re.MULTILINE))
    return sorted(set(connection.introspection.table_names()) - in_dump)


def _sqlite_dump(*, target: Path, counts: Callable[[], dict]) -> dict:
    with transaction.atomic():
        taken = counts()  # starts the read transaction the copy is made in
        copy = sqlite3.connect(target)
        try:
            connection.connection.backup(
                copy,
                progress=_give_up_after(
                    "a long write, or a backup run inside a transaction that wrote"
                ),
            )
        finally:
            copy.close()
    return taken


def _give_up_after(hint: str) -> Callable:
    """sqlite3's backup retries a locked database for ever; this stops it after LOCKED_SECONDS
    (the copy is then abandoned: the destination is left as it was)."""
    deadline = time.monotonic() + LOCKED_SECONDS

    def progress(status, remaining, total):
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > deadline:
            raise BackupError(
                f"The database stayed locked for {LOCKED_SECONDS}s ({hint}). Nothing was "
                "changed; try again."
            )

    return progress


def _sqlite_restore(*, source: Path) -> None:
    name = connection.settings_dict["NAME"]
    staged, live = sqlite3.connect(source), sqlite3.connect(name, timeout=30)
    try:
        # One step (pages=-1): the destination is rewritten in one write transaction, which
        # either commits whole or leaves the database as it was.
        staged.backup(live, progress=_give_up_after("stop the web and worker processes first"))
    except sqlite3.Error as error:
        raise BackupError(f"The SQLite database {name} could not be replaced: {error}") from error
    finally:
        staged.close()
        live.close()


def _run(tool: str, *arguments: str) -> str:
    result = subprocess.run(  # noqa: S603 (a PostgreSQL client, fixed arguments, no shell)
        [tool, *arguments], env=_pg_environment(), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        name = Path(tool).name
        raise BackupError(f"{name} failed (exit {result.returncode}): {result.stderr.strip()}")
    return result.stdout


def _pg_environment() -> dict[str, str]:
    """libpq's variables for the configured database, over the process's own environment."""
    settings = connection.settings_dict
    variables = {
        "PGDATABASE": settings["NAME"],
        "PGUSER": settings.get("USER") or "",
        "PGPASSWORD": settings.get("PASSWORD") or "",
        "PGHOST": settings.get("HOST") or "",
        "PGPORT": str(settings.get("PORT") or ""),
    }
    for option, variable in PG_OPTION_VARIABLES.items():
        if option in settings.get("OPTIONS", {}):
            variables[variable] = str(settings["OPTIONS"][option])
    return {**os.environ, **{key: value for key, value in variables.items() if value}}


def _pg_tool(name: str) -> str:
    """The first pg_dump or pg_restore found that is at least as new as the server: in
    `pg_config --bindir`, then /usr/lib/postgresql/<version>/bin (newest first), then PATH."""
    server = connection.pg_version // 10000
    found = []
    for candidate in _pg_tool_candidates(name):
        version = _major_version(candidate)
        if version is not None and version >= server:
            return candidate
        found.append(f"{candidate} ({version})")
    raise RestoreRefused(
        f"No {name} of PostgreSQL {server} or newer found "
        f"(tried: {', '.join(found) or 'none on this machine'}). "
        "Install the PostgreSQL client of the server's version."
    )


def _pg_tool_candidates(name: str):
    seen = set()
    pg_config = shutil.which("pg_config")
    if pg_config:
        bindir = _output(pg_config, "--bindir")
        if bindir:
            yield from _if_new(Path(bindir.strip()) / name, seen)
    by_version = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda path: int(re.search(r"/(\d+)/bin/", path).group(1)),
        reverse=True,
    )
    for path in by_version:
        yield from _if_new(Path(path), seen)
    if shutil.which(name):
        yield from _if_new(Path(shutil.which(name)), seen)


def _if_new(path: Path, seen: set):
    if path.is_file() and path.resolve() not in seen:
        seen.add(path.resolve())
        yield str(path)


def _major_version(tool: str) -> int | None:
    match = re.search(r"\)\s+(\d+)", _output(tool, "--version") or "")
    return int(match.group(1)) if match else None


def _output(tool: str, *arguments: str) -> str | None:
    try:
        result = subprocess.run(  # noqa: S603 (a PostgreSQL client, fixed arguments, no shell)
            [tool, *arguments], capture_output=True, text=True, timeout=30, check=False
        )
    except OSError:
        return None
    return result.stdout if result.returncode == 0 else None
