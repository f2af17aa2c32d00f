"""Backing up and restoring the whole site: the database and the media files.

backup_create() writes one archive (backups/archive.py) under a temporary name and renames it
only once it is complete. backup_restore() unpacks and checks the whole archive into a staging
folder first, then checks that it belongs here (database vendor, schema, the target's content),
and only then replaces the database (backups/databases.py, all or nothing) and puts the media
files in place, migrates a database from an older version, and makes every cached page stale.
"""

import importlib.metadata
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import django
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.storage import FileSystemStorage, storages
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from reversion.models import Revision, Version

from articles.models import Article, ArticleFigure
from artists.models import Artist
from artworks.models import Artwork
from backups import archive, databases
from backups.errors import RestoreRefused
from pagecache import invalidate
from recommendations.models import RelatedLink

Report = Callable[[str], None]

COUNTED = {
    "articles": Article,
    "figures": ArticleFigure,
    "artists": Artist,
    "artworks": Artwork,
    "revisions": Revision,
    "versions": Version,
    "related_links": RelatedLink,
}
S3_NOTE = (
    "Media files are not in this backup: they live in {where}. Back the bucket up with its own "
    "tools (versioning, replication, `aws s3 sync`)."
)


@dataclass(frozen=True)
class BackupResult:
    path: Path
    manifest: dict
    seconds: float


@dataclass(frozen=True)
class RestoreResult:
    manifest: dict
    counts: dict[str, int]
    media_files: int
    migrated: int
    seconds: float


def backup_create(*, output: Path | None = None, report: Report = print) -> BackupResult:
    """Write a backup archive: `output` is a file, or a folder for the default name (by default
    BACKUP_DIR). Returns where it went and its manifest."""
    started = time.monotonic()
    name = f"newsroom-backup-{timezone.now():%Y%m%dT%H%M%SZ}.tar.gz"
    output = Path(output or settings.BACKUP_DIR)
    path = output / name if output.is_dir() or not output.suffix else output
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, partial = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(descriptor)  # mode 0600: the archive holds every password hash of the site
    partial = Path(partial)
    try:
        manifest = _write_archive(partial, work=path.parent, report=report)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return BackupResult(path=path, manifest=manifest, seconds=time.monotonic() - started)


def _write_archive(partial: Path, *, work: Path, report: Report) -> dict:
    vendor = connection.vendor
    writer = archive.ArchiveWriter(partial)
    try:
        with tempfile.TemporaryDirectory(prefix=".newsroom-backup-", dir=work) as scratch:
            dump = Path(scratch) / archive.DATABASE_PARTS.get(vendor, "database")
            started = time.monotonic()
            counts = databases.database_dump(target=dump, counts=content_counts)
            size = writer.add_file(dump, dump.name)["bytes"]
            report(f"Database ({vendor}): {_size(size)} in {time.monotonic() - started:.1f}s")
        media = _add_media(writer, work=work, report=report)
        return writer.add_manifest(
            {
                "format": archive.FORMAT,
                "format_version": archive.FORMAT_VERSION,
                "created_at": timezone.now().isoformat(),
                "newsroom_version": _newsroom_version(),
                "django_version": django.get_version(),
                "database": {"vendor": vendor, "part": dump.name},
                "migrations": applied_migrations(),
                "counts": counts,
                "media": media,
            }
        )
    finally:
        writer.close()


def _add_media(writer: archive.ArchiveWriter, *, work: Path, report: Report) -> dict:
    storage = storages["default"]
    if not isinstance(storage, FileSystemStorage):
        bucket = getattr(storage, "bucket_name", None)
        note = S3_NOTE.format(where=f"the S3 bucket {bucket}" if bucket else type(storage).__name__)
        report(f"Media: NOT INCLUDED. {note}")
        return {"included": False, "storage": type(storage).__name__, "note": note}
    started, files, total = time.monotonic(), 0, 0
    root = Path(storage.location).resolve()
    # A backup folder inside MEDIA_ROOT must not end up in the backups that follow.
    skip = work.resolve() if work.resolve().is_relative_to(root) else None
    for path, name in archive.media_files(root, skip=skip):
        total += writer.add_file(path, name)["bytes"]
        files += 1
    report(f"Media: {files} files, {_size(total)} in {time.monotonic() - started:.1f}s")
    return {"included": True, "files": files, "bytes": total}


def backup_restore(
    *,
    archive_path: Path,
    replace: bool = False,
    confirm: Callable[[str], bool] | None = None,
    report: Report = print,
) -> RestoreResult:
    """Restore an archive over this site's database and media. A database with content is
    replaced only with `replace`, or when `confirm(question)` says yes."""
    started = time.monotonic()
    media_root = Path(settings.MEDIA_ROOT)
    staging_parent = media_root.parent if media_root.parent.is_dir() else None
    staging = Path(tempfile.mkdtemp(prefix=".newsroom-restore-", dir=staging_parent))
    try:
        manifest, dump = archive.archive_unpack(path=Path(archive_path), staging=staging)
        report(f"Checked {archive_path}: {len(manifest['parts'])} parts, every checksum matches")
        _refuse_if_foreign(manifest, dump)
        _refuse_unless_replacing(replace=replace, confirm=confirm)
        step = time.monotonic()
        databases.database_restore(source=dump, vendor=manifest["database"]["vendor"])
        report(f"Database: restored in {time.monotonic() - step:.1f}s")
        step = time.monotonic()
        moved = archive.media_install(staged=staging / "media", root=media_root)
        if manifest["media"].get("included"):
            report(f"Media: {moved} files into {media_root} in {time.monotonic() - step:.1f}s")
        else:
            report(f"Media: not in the backup. {manifest['media'].get('note', '')}")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    migrated = _migrate(report)
    invalidate.everything()
    return RestoreResult(
        manifest=manifest,
        counts=content_counts(),
        media_files=moved,
        migrated=migrated,
        seconds=time.monotonic() - started,
    )


def _refuse_if_foreign(manifest: dict, dump: Path) -> None:
    """An archive that is sound but does not belong in this database."""
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise RestoreRefused(
            f"The backup holds a {vendor} database and this site uses {connection.vendor}: "
            f"restore it into a {vendor} database. Nothing was changed."
        )
    unknown = _migrations_unknown_here(manifest["migrations"])
    if unknown:
        raise RestoreRefused(
            f"The backup is from a newer version of Newsroom (migrations {', '.join(unknown[:3])} "
            "are not in this one). Upgrade first, then restore. Nothing was changed."
        )
    survivors = databases.tables_missing_from_dump(source=dump, vendor=vendor)
    if survivors:
        more = ", ..." if len(survivors) > 3 else ""
        raise RestoreRefused(
            f"The database has tables the backup does not ({', '.join(survivors[:3])}{more}; "
            "from a newer version?): they would survive the restore and clash with the "
            "migrations. Restore into an empty database (dropdb, createdb). Nothing was changed."
        )


def _refuse_unless_replacing(*, replace: bool, confirm: Callable[[str], bool] | None) -> None:
    present = {name: count for name, count in content_counts().items() if count}
    users = _count(get_user_model())
    if users:
        present["users"] = users
    if not present or replace:
        return
    held = ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in present.items())
    question = f"The database {connection.settings_dict['NAME']} has content ({held})."
    if confirm is None or not confirm(f"{question} Replace it with the backup?"):
        raise RestoreRefused(f"{question} Nothing was changed; pass --yes to replace it.")


def _migrate(report: Report) -> int:
    """Bring a database restored from an older version up to this one's schema."""
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        report(f"Migrating: the backup is from an older version ({len(plan)} migrations)")
        call_command("migrate", interactive=False, verbosity=0)
    return len(plan)


def _migrations_unknown_here(applied: list[str]) -> list[str]:
    """Migrations the backup's database had that this code does not know (squashed ones count
    as known), in the apps installed here."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    known = {f"{app}.{name}" for app, name in loader.disk_migrations}
    for migration in loader.disk_migrations.values():
        known |= {f"{app}.{name}" for app, name in migration.replaces}
    return sorted(
        migration
        for migration in applied
        if migration.split(".", 1)[0] in loader.migrated_apps and migration not in known
    )


def applied_migrations() -> list[str]:
    applied = MigrationRecorder(connection).applied_migrations()
    return sorted(f"{app}.{name}" for app, name in applied)


def content_counts() -> dict[str, int]:
    """How many of each kind of content the database holds (0 where a table does not exist)."""
    return {name: _count(model) for name, model in COUNTED.items()}


def _count(model) -> int:
    if model._meta.db_table not in connection.introspection.table_names():
        return 0
    return model._default_manager.count()


def _newsroom_version() -> str:
    try:
        return importlib.metadata.version("newsroom")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _size(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:,} {unit}" if unit == "bytes" else f"{size:,.1f} {unit}"
        size /= 1024
    return str(size)
