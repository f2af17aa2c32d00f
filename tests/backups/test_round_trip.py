"""Back up a site with content, restore it into a fresh, empty database and media folder, and
find every row and file as it was; archives that are damaged, or a target with content, are
refused and change nothing. Each site runs manage.py in its own process and database."""

import io
import json
import re
import tarfile
import time

import pytest
from django.db.migrations.loader import MigrationLoader

from tests.backups.sites import ENGINE, site_create, site_drop


def test_round_trip_brings_back_every_row_and_file(backed_up, fresh_site):
    """Articles, figures with their pictures' bytes, revisions, related links: all the same."""
    started = time.monotonic()
    result = fresh_site.manage("restore", str(backed_up.archive))
    restore_seconds = time.monotonic() - started

    restored = fresh_site.snapshot()
    source = backed_up.snapshot
    assert len(source["rows"]["articles.Article"]) == 3
    assert len(source["rows"]["articles.ArticleFigure"]) == 6
    assert len(source["rows"]["reversion.Revision"]) == 6
    assert len(source["rows"]["recommendations.RelatedLink"]) >= 2
    for label, rows in source["rows"].items():
        assert restored["rows"][label] == rows, label
    assert restored["media"] == source["media"]
    assert len(source["pictures"]) == 3
    assert set(source["pictures"]) <= set(restored["media"])
    assert "articles: 3 (backup: 3)" in result.stdout
    print(
        f"\n[{ENGINE}] backup {backed_up.backup_seconds:.2f}s, restore {restore_seconds:.2f}s "
        f"(wall clock, with Django's start-up)\n{backed_up.backup_output}{result.stdout}"
    )


def test_backup_lists_each_part_with_its_checksum_and_the_counts(backed_up):
    """The manifest says what is inside: counts, migrations, database vendor, media, parts."""
    with tarfile.open(backed_up.archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        names = tar.getnames()
    assert manifest["database"]["vendor"] == ENGINE
    assert manifest["counts"]["articles"] == 3
    assert manifest["counts"]["related_links"] >= 2
    assert "articles.0001_initial" in manifest["migrations"]
    assert manifest["media"]["included"] is True
    assert manifest["media"]["files"] == len(backed_up.snapshot["media"])
    assert {part["name"] for part in manifest["parts"]} | {"manifest.json"} == set(names)
    assert all(re.fullmatch(r"[0-9a-f]{64}", part["sha256"]) for part in manifest["parts"])
    assert oct(backed_up.archive.stat().st_mode & 0o777) == "0o600"


def test_restore_onto_a_database_with_content_refuses_without_yes(backed_up):
    """Not a terminal and no --yes: the restore stops, naming --yes, and nothing changes."""
    result = backed_up.site.manage("restore", str(backed_up.archive), check=False)

    assert result.returncode != 0
    assert "has content (3 articles" in result.stderr
    assert "--yes" in result.stderr
    assert backed_up.site.snapshot() == backed_up.snapshot


@pytest.fixture
def tampered(backed_up, tmp_path):
    """The same archive with one byte of the database dump flipped, re-packed (so that gzip
    and tar are sound and only the checksum can tell)."""
    path = tmp_path / "tampered.tar.gz"
    with tarfile.open(backed_up.archive) as source, tarfile.open(path, "w:gz") as target:
        for member in source:
            data = bytearray(source.extractfile(member).read())
            if member.name.startswith("database."):
                data[len(data) // 2] ^= 0xFF
            target.addfile(member, io.BytesIO(bytes(data)))
    return path


def test_a_tampered_dump_is_refused_even_with_yes_and_changes_nothing(backed_up, tampered):
    """The checksum catches the flipped byte before the database or media are touched."""
    media_before = sorted(backed_up.site.media.rglob("*"))

    result = backed_up.site.manage("restore", "--yes", str(tampered), check=False)

    assert result.returncode != 0
    assert "database." in result.stderr and "does not match its checksum" in result.stderr
    assert backed_up.site.snapshot() == backed_up.snapshot
    assert sorted(backed_up.site.media.rglob("*")) == media_before


def test_a_tampered_archive_leaves_a_fresh_database_empty(tampered, fresh_site):
    """Refused into an empty site: still no tables and no media afterwards."""
    result = fresh_site.manage("restore", str(tampered), check=False)

    assert result.returncode != 0
    assert "does not match its checksum" in result.stderr
    assert not fresh_site.media.exists()
    tables = fresh_site.manage(
        "shell", "--no-imports", "-c",
        "from django.db import connection; print(connection.introspection.table_names())",
    )  # fmt: skip
    assert tables.stdout.strip().splitlines()[-1] == "[]"


def test_a_backup_from_an_older_schema_is_migrated_after_restore(tmp_path, fresh_site):
    """A backup taken before the newest migration: restore brings the schema up to date."""
    older = site_create(tmp_path / "older")
    try:
        older.manage("migrate", "--verbosity=0")
        older.manage("migrate", "sitesettings", "0001_initial", "--verbosity=0")
        older.manage("backup", "--output", str(tmp_path / "older.tar.gz"))
    finally:
        site_drop(older)

    result = fresh_site.manage("restore", str(tmp_path / "older.tar.gz"))

    later = [node for node in MigrationLoader(None).graph.nodes if node[0] == "sitesettings"]
    migrating = f"Migrating: the backup is from an older version ({len(later) - 1} migrations)"
    assert migrating in result.stdout
    assert fresh_site.manage("migrate", "--check", check=False).returncode == 0


def test_a_database_with_tables_the_backup_lacks(backed_up, fresh_site):
    """The target runs the database task queue, the backed-up site did not. PostgreSQL: those
    tables would survive pg_restore --clean, so the restore is refused and nothing changes.
    SQLite: the whole file is replaced, and migrate creates the queue's tables again."""
    fresh_site.env["TASKS_BACKEND"] = "database"
    fresh_site.manage("migrate", "--verbosity=0")

    result = fresh_site.manage("restore", "--yes", str(backed_up.archive), check=False)

    if ENGINE == "postgresql":
        assert result.returncode != 0
        assert "tables the backup does not (django_tasks_database_" in result.stderr
        assert fresh_site.snapshot()["rows"]["articles.Article"] == []
    else:
        assert result.returncode == 0, result.stderr
        assert "Migrating: the backup is from an older version" in result.stdout
        restored = fresh_site.snapshot()
        assert restored["rows"] == backed_up.snapshot["rows"]
        assert fresh_site.manage("migrate", "--check", check=False).returncode == 0
