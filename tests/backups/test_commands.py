"""The backup command's file handling, media kept in a bucket, and restore's question on a
terminal, run in the test process against pytest's database."""

import io
import json
import re
import tarfile

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from articles.models import Article
from backups import databases
from backups.archive import ArchiveWriter
from tests.factories import ArticleFactory, ArticleFigureFactory, ImageFactory, png_upload

pytestmark = pytest.mark.django_db


def backup(*arguments) -> str:
    out = io.StringIO()
    call_command("backup", *arguments, stdout=out)
    return out.getvalue()


def manifest_of(path) -> dict:
    with tarfile.open(path) as tar:
        return json.load(tar.extractfile("manifest.json"))


@pytest.mark.django_db(transaction=True)  # the backup reads committed rows, as in production
def test_backup_goes_to_backup_dir_under_a_timestamped_name(settings, tmp_path):
    """No --output: BACKUP_DIR, newsroom-backup-<UTC time>.tar.gz, with the media files."""
    settings.BACKUP_DIR = tmp_path / "backups"
    figure = ArticleFigureFactory(
        artwork=None, image=ImageFactory(file=png_upload()), alt_text="A picture"
    )

    output = backup()

    (path,) = (tmp_path / "backups").iterdir()
    assert re.fullmatch(r"newsroom-backup-\d{8}T\d{6}Z\.tar\.gz", path.name)
    assert f"Backup written to {path}" in output
    assert "Database (" in output and "Media: " in output
    manifest = manifest_of(path)
    assert manifest["counts"]["articles"] == 1 and manifest["counts"]["figures"] == 1
    assert f"media/{figure.image.file.name}" in {part["name"] for part in manifest["parts"]}


def test_output_may_name_the_file(tmp_path):
    backup("--output", str(tmp_path / "nightly.tar.gz"))

    assert [path.name for path in tmp_path.iterdir()] == ["nightly.tar.gz"]


def test_a_failed_backup_leaves_nothing_under_the_final_name(tmp_path, monkeypatch):
    """A failure at the very end (the disk filled up) leaves no archive, half or whole, and no
    temporary file."""

    def disk_full(self, manifest):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ArchiveWriter, "add_manifest", disk_full)

    with pytest.raises(OSError, match="No space left"):
        backup("--output", str(tmp_path / "out"))

    assert list((tmp_path / "out").iterdir()) == []


def test_media_in_a_bucket_are_named_as_not_in_the_backup(settings, tmp_path):
    """With media in object storage the backup says so, and the manifest records it."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }

    output = backup("--output", str(tmp_path / "nightly.tar.gz"))

    assert "Media: NOT INCLUDED" in output and "Back the bucket up with its own tools" in output
    media = manifest_of(tmp_path / "nightly.tar.gz")["media"]
    assert media["included"] is False and "not in this backup" in media["note"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's lock")
def test_a_locked_sqlite_database_stops_the_backup_with_a_message(tmp_path, monkeypatch):
    """The backup waits for a write that holds the database, but not for ever; here the write
    is the test's own open transaction."""
    monkeypatch.setattr(databases, "LOCKED_SECONDS", 0.5)
    ArticleFigureFactory()

    with pytest.raises(CommandError, match="stayed locked"):
        backup("--output", str(tmp_path / "out"))

    assert list((tmp_path / "out").iterdir()) == []


def test_on_a_terminal_restore_asks_and_a_no_changes_nothing(backed_up, monkeypatch):
    """A database with content: restore asks; anything but 'yes' stops it."""
    article = ArticleFactory()
    asked = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or "no")

    with pytest.raises(CommandError, match="Nothing was changed; pass --yes"):
        call_command("restore", str(backed_up.archive), stdout=io.StringIO())

    assert "has content (1 articles" in asked[0] and "Type 'yes'" in asked[0]
    assert Article.objects.get() == article
