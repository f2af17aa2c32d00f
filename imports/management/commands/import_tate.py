import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from imports.services import DEFAULT_BATCH_SIZE, tate_collection_import
from imports.tate.reader import SourceError
from progress import Progress


class Command(BaseCommand):
    help = (
        "Create or update artists and artworks from Tate's collection data: a checkout (folders "
        "artists/ and artworks/), or a .tar.gz or .zip of one. Safe to run again: fields that "
        "editors changed are kept. See docs/import.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the checkout, .tar.gz or .zip")
        parser.add_argument(
            "--batch-size",
            type=int,
            default=DEFAULT_BATCH_SIZE,
            help=f"records written per transaction (default {DEFAULT_BATCH_SIZE})",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="read and compare, write nothing"
        )
        parser.add_argument(
            "--report",
            type=Path,
            help="where to write the JSON report (default var/imports/tate-<time>.json)",
        )

    def handle(self, *args, path: Path, batch_size: int, dry_run: bool, report, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        try:
            summary = tate_collection_import(
                path=path,
                batch_size=batch_size,
                dry_run=dry_run,
                progress=lambda label, total: Progress(
                    total=total, label=label, stream=self.stdout
                ),
            )
        except SourceError as error:
            raise CommandError(str(error)) from error
        report = report or _default_report_path(dry_run)
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(json.dumps(summary.as_dict(), indent=2, ensure_ascii=False) + "\n")
        self.stdout.write(self.style.SUCCESS(str(summary)))
        self.stdout.write(f"Report: {report}")


def _default_report_path(dry_run: bool) -> Path:
    moment = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    suffix = "-dry-run" if dry_run else ""
    return Path(settings.VAR_DIR) / "imports" / f"tate-{moment}{suffix}.json"
