import datetime

from django.core.management.base import BaseCommand

from images import kept_uploads


class Command(BaseCommand):
    help = (
        "Delete the uploads kept across a form's validation error that no figure, artwork "
        "image or portrait took (images no use points at), once older than --hours "
        "(default: the KEPT_UPLOAD_HOURS setting, 24). Their files and renditions go too."
    )

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=float, default=None)

    def handle(self, *args, hours=None, **options):
        older_than = None if hours is None else datetime.timedelta(hours=hours)
        deleted = kept_uploads.delete_unused(older_than=older_than)
        self.stdout.write(f"{deleted} unused image(s) deleted.")
