from django.core.management.base import BaseCommand

from pagecache import invalidate


class Command(BaseCommand):
    help = (
        "Make every cached page stale (each is rebuilt on its next request). Bulk jobs do this "
        "themselves; this is for a change made behind Django's back, such as SQL by hand."
    )

    def handle(self, *args, **options):
        invalidate.everything()
        self.stdout.write("Every cached page will be rebuilt on its next request.")
