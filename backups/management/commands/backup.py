from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from backups.errors import BackupError
from backups.services import backup_create


class Command(BaseCommand):
    help = (
        "Write one archive holding the database, the media files and a manifest with a checksum "
        "of each part (newsroom-backup-<UTC time>.tar.gz). Media in an S3 bucket are not "
        "included: back the bucket up with its own tools."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help=f"a file, or a folder for the default name (default BACKUP_DIR, now "
            f"{settings.BACKUP_DIR})",
        )

    def handle(self, *args, output, **options):
        try:
            result = backup_create(output=output, report=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
        counts = ", ".join(
            f"{count} {name.replace('_', ' ')}" for name, count in result.manifest["counts"].items()
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {result.path} ({result.path.stat().st_size:,} bytes) in "
                f"{result.seconds:.1f}s: {counts}."
            )
        )
