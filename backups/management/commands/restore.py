import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups.errors import BackupError
from backups.services import backup_restore


class Command(BaseCommand):
    help = (
        "Restore a backup written by `manage.py backup`: the whole archive is checked first "
        "(manifest and checksums), then the database is replaced (all or nothing), the media "
        "files put back, the database migrated if the backup is older, and every cached page "
        "made stale. A database with content is replaced only after a confirmation or --yes."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="the .tar.gz written by manage.py backup")
        parser.add_argument(
            "--yes",
            action="store_true",
            help="replace a database that has content without asking",
        )

    def handle(self, *args, archive, yes, **options):
        try:
            result = backup_restore(
                archive_path=archive, replace=yes, confirm=self.confirm, report=self.stdout.write
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        expected = result.manifest["counts"]
        for name, count in result.counts.items():
            note = "" if count == expected.get(name) else "  <- differs"
            label = name.replace("_", " ")
            self.stdout.write(f"  {label}: {count} (backup: {expected.get(name, '?')}){note}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {result.manifest['created_at']} in {result.seconds:.1f}s "
                f"({result.media_files} media files); every cached page is stale."
            )
        )

    def confirm(self, question: str) -> bool:
        """Ask on a terminal; anywhere else (cron, a pipe) the answer is no: pass --yes."""
        if not sys.stdin.isatty():
            return False
        return input(f"{question} Type 'yes' to continue: ").strip().lower() == "yes"
