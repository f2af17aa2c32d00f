"""Archives that must be refused before anything changes: damaged, foreign, unsafe, from the
other database vendor or a newer format. These tests have no database access at all (pytest-django
would fail them on the first query), which proves the refusals come before any is made; the media
folder stays as it was, and no staging folder is left behind."""

import hashlib
import io
import json
import tarfile

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from backups.archive import DATABASE_PARTS

DUMP = b"SQLite format 3\x00" + bytes(200)
OTHER_VENDOR = "postgresql" if connection.vendor == "sqlite" else "sqlite"


def manifest_of(parts: dict[str, bytes], *, vendor=None, **changes) -> dict:
    vendor = vendor or connection.vendor
    return {
        "format": "newsroom-backup",
        "format_version": 1,
        "created_at": "2026-01-01T00:00:00+00:00",
        "database": {"vendor": vendor, "part": DATABASE_PARTS[vendor]},
        "migrations": [],
        "counts": {},
        "media": {"included": True, "files": 0, "bytes": 0},
        "parts": [
            {"name": name, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
            for name, data in parts.items()
        ],
        **changes,
    }


def write_archive(path, parts: dict[str, bytes], *, manifest=None, extra=()):
    """A .tar.gz of `parts` and their manifest, plus `extra` members (TarInfo, bytes)."""
    with tarfile.open(path, "w:gz") as tar:
        for name, data in parts.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        for info, data in extra:
            tar.addfile(info, io.BytesIO(data) if data else None)
        if manifest is not False:
            data = json.dumps(manifest or manifest_of(parts)).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def sound_parts(vendor=None) -> dict[str, bytes]:
    return {DATABASE_PARTS[vendor or connection.vendor]: DUMP, "media/figures/a.jpg": b"jpeg"}


def refusal(path) -> str:
    with pytest.raises(CommandError) as error:
        call_command("restore", str(path), "--yes", stdout=io.StringIO())
    return str(error.value)


@pytest.fixture(autouse=True)
def nothing_changes(settings, tmp_path):
    """Media start with one file, which must be all there is afterwards, with no staging left."""
    settings.MEDIA_ROOT.mkdir(parents=True)
    (settings.MEDIA_ROOT / "kept.jpg").write_bytes(b"kept")
    yield
    assert [path.name for path in settings.MEDIA_ROOT.rglob("*")] == ["kept.jpg"]
    assert not list(tmp_path.glob(".newsroom-restore-*"))
    assert not (tmp_path / "evil").exists()


def test_a_member_outside_the_destination_is_refused(tmp_path):
    """'../evil', even listed in the manifest with the right checksum, is never written."""
    parts = {**sound_parts(), "../evil": b"owned"}
    assert "unsafe" in refusal(write_archive(tmp_path / "a.tar.gz", parts))


def test_a_media_path_climbing_out_is_refused(tmp_path):
    parts = {**sound_parts(), "media/../../evil": b"owned"}
    assert "unsafe" in refusal(write_archive(tmp_path / "a.tar.gz", parts))


def test_an_absolute_path_is_refused(tmp_path):
    parts = {**sound_parts(), f"{tmp_path}/evil": b"owned"}
    assert "unsafe" in refusal(write_archive(tmp_path / "a.tar.gz", parts))


@pytest.mark.parametrize(
    ("kind", "target"), [(tarfile.SYMTYPE, "/etc/passwd"), (tarfile.LNKTYPE, "media/kept.jpg")]
)
def test_links_are_refused(tmp_path, kind, target):
    """A symbolic or hard link in the media could point anywhere: a backup holds only files."""
    link = tarfile.TarInfo("media/link.jpg")
    link.type, link.linkname = kind, target
    path = write_archive(tmp_path / "a.tar.gz", sound_parts(), extra=[(link, None)])
    assert "refused" in refusal(path).lower()


def test_a_device_is_refused(tmp_path):
    device = tarfile.TarInfo("media/disk")
    device.type, device.devmajor, device.devminor = tarfile.BLKTYPE, 8, 0
    path = write_archive(tmp_path / "a.tar.gz", sound_parts(), extra=[(device, None)])
    assert "refused" in refusal(path).lower()


def test_a_part_that_does_not_match_its_checksum_is_refused(tmp_path):
    parts = sound_parts()
    manifest = manifest_of(parts)
    parts[DATABASE_PARTS[connection.vendor]] = DUMP[:-1] + b"\x01"
    path = write_archive(tmp_path / "a.tar.gz", parts, manifest=manifest)
    assert "does not match its checksum" in refusal(path)


def test_a_flipped_byte_in_the_compressed_archive_is_refused(tmp_path):
    path = write_archive(tmp_path / "a.tar.gz", sound_parts())
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    assert "damaged" in refusal(path)


def test_a_missing_part_is_refused(tmp_path):
    parts = sound_parts()
    manifest = manifest_of(parts)
    del parts["media/figures/a.jpg"]
    path = write_archive(tmp_path / "a.tar.gz", parts, manifest=manifest)
    assert "media/figures/a.jpg is missing" in refusal(path)


def test_a_file_the_manifest_does_not_list_is_refused(tmp_path):
    extra = tarfile.TarInfo("media/smuggled.jpg")
    extra.size = 3
    path = write_archive(tmp_path / "a.tar.gz", sound_parts(), extra=[(extra, b"abc")])
    assert "does not list" in refusal(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not an archive at all", "not a Newsroom backup"),
        (None, "no manifest.json"),
    ],
)
def test_a_foreign_file_is_refused(tmp_path, content, message):
    """Any file, or a .tar.gz without a manifest (here: someone's folder of pictures)."""
    path = tmp_path / "foreign.tar.gz"
    if content is None:
        write_archive(path, {"media/holiday.jpg": b"jpeg"}, manifest=False)
    else:
        path.write_bytes(content)
    assert message in refusal(path)


def test_a_manifest_of_another_program_is_refused(tmp_path):
    parts = sound_parts()
    path = write_archive(tmp_path / "a.tar.gz", parts, manifest=manifest_of(parts, format="x"))
    assert "not a Newsroom backup" in refusal(path)


def test_a_newer_backup_format_is_refused(tmp_path):
    parts = sound_parts()
    manifest = manifest_of(parts, format_version=2)
    assert "newer Newsroom" in refusal(
        write_archive(tmp_path / "a.tar.gz", parts, manifest=manifest)
    )


def test_a_dump_of_the_other_database_vendor_is_refused(tmp_path):
    """A PostgreSQL dump is never fed to SQLite, nor the other way round."""
    parts = sound_parts(OTHER_VENDOR)
    manifest = manifest_of(parts, vendor=OTHER_VENDOR)
    message = refusal(write_archive(tmp_path / "a.tar.gz", parts, manifest=manifest))
    assert f"holds a {OTHER_VENDOR} database and this site uses {connection.vendor}" in message


def test_a_backup_from_a_newer_schema_is_refused(tmp_path):
    """Migrations this code does not know: upgrade first."""
    parts = sound_parts()
    manifest = manifest_of(parts, migrations=["articles.9999_from_the_future"])
    message = refusal(write_archive(tmp_path / "a.tar.gz", parts, manifest=manifest))
    assert "newer version of Newsroom" in message and "articles.9999_from_the_future" in message
