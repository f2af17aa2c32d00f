"""Whole sites for the round trip: each its own database (a new SQLite file, or a new database
on the PostgreSQL server the tests run against) and its own media folder, driven through
manage.py in a subprocess, the way an operator runs backup and restore.

The engine follows the test run: PostgreSQL when DATABASE_URL names one, SQLite otherwise.
"""

import json
import os
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import dj_database_url
import psycopg2
from psycopg2 import sql

ROOT = Path(__file__).resolve().parents[2]
SERVER_URL = os.environ.get("DATABASE_URL", "")
ENGINE = "postgresql" if SERVER_URL.startswith(("postgres://", "postgresql://")) else "sqlite"
# Databases these tests must never touch, whatever a bug in them would name.
PROTECTED = {"postgres", "root", "test", "newsroom", "template0", "template1"}
SITE_VARIABLES = ("DATABASE_URL", "NEWSROOM_VAR_DIR", "MEDIA_ROOT", "BACKUP_DIR")


@dataclass
class Site:
    folder: Path
    env: dict[str, str]
    database: str  # the SQLite file, or the PostgreSQL database's name

    @property
    def media(self) -> Path:
        return Path(self.env["MEDIA_ROOT"])

    def manage(self, *arguments: str, check: bool = True) -> subprocess.CompletedProcess:
        result = subprocess.run(  # noqa: S603 (our own interpreter and manage.py, no shell)
            [sys.executable, "manage.py", *arguments],
            cwd=ROOT,
            env=self.env,
            stdin=subprocess.DEVNULL,  # not a terminal: restore may not ask
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"manage.py {' '.join(arguments)} failed:\n{result.stderr}")
        return result

    def shell(self, code: str) -> None:
        self.manage("shell", "--no-imports", "-c", code)

    def snapshot(self) -> dict:
        path = self.folder / f"snapshot-{uuid.uuid4().hex}.json"
        self.shell(f"from tests.backups.content import snapshot; snapshot({str(path)!r})")
        return json.loads(path.read_text())


def site_create(folder: Path) -> Site:
    """A site with an empty database (no tables) and no media."""
    folder.mkdir(parents=True)
    env = {key: value for key, value in os.environ.items() if key not in SITE_VARIABLES}
    env |= {
        "NEWSROOM_VAR_DIR": str(folder / "var"),
        "MEDIA_ROOT": str(folder / "media"),
        "BACKUP_DIR": str(folder / "backups"),
    }
    if ENGINE == "sqlite":
        return Site(folder=folder, env=env, database=str(folder / "var" / "newsroom.sqlite3"))
    name = f"newsroom_backup_test_{uuid.uuid4().hex[:12]}"  # ours; quoted as an identifier
    _server_execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    env["DATABASE_URL"] = urlunsplit(urlsplit(SERVER_URL)._replace(path=f"/{name}"))
    return Site(folder=folder, env=env, database=name)


def site_drop(site: Site) -> None:
    if ENGINE == "postgresql":
        assert site.database.startswith("newsroom_backup_test_")
        assert site.database not in PROTECTED
        _server_execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(site.database))
        )


def _server_execute(statement: sql.Composed) -> None:
    """CREATE or DROP DATABASE on the test server (they cannot run in a transaction)."""
    config = dj_database_url.parse(SERVER_URL)
    connection = psycopg2.connect(
        dbname="postgres",
        user=config["USER"],
        password=config["PASSWORD"],
        host=config["HOST"],
        port=config["PORT"] or 5432,
    )
    try:
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(statement)
    finally:
        connection.close()
