"""manage.py sync_links: (re)build the inventory of outbound links from every registered source
(links/inventory.py), with a progress bar per source. Safe to run again: only differences are
written; uses of objects that no longer exist are dropped."""

from django.core.management.base import BaseCommand

from links import inventory
from links.models import Link, LinkUse
from progress import Progress


class Command(BaseCommand):
    help = "Rebuild the inventory of outbound links (where each URL is used)."

    def handle(self, *args, **options):
        read = inventory.rebuild(
            progress=lambda label, total: Progress(total=total, label=label, stream=self.stdout)
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"{read:,} objects read: {Link.objects.count():,} addresses, "
                f"{LinkUse.objects.count():,} uses."
            )
        )
