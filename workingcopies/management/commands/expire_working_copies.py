from django.core.management.base import BaseCommand

from workingcopies.services import working_copies_expire


class Command(BaseCommand):
    help = "Remove working copies (autosaves of admin forms) older than WORKING_COPY_DAYS."

    def handle(self, *args, **options):
        removed = working_copies_expire()
        self.stdout.write(f"{removed} working copies removed.")
