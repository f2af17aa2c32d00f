"""`manage.py check_links`: one pass of the link checker by hand, with a progress bar."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from links.checking.passes import due, run_pass
from links.models import Link
from progress import Progress


class Command(BaseCommand):
    help = (
        "Check the outbound links that are due (or --all), politely and within the run's "
        "bounds (LINK_CHECK_RUN_LINKS, LINK_CHECK_RUN_SECONDS); print a summary by status."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--all", dest="every", action="store_true", help="Every link, not only those due."
        )
        parser.add_argument("--limit", type=int, help="At most this many links.")
        parser.add_argument("--seconds", type=float, help="Stop starting checks after this long.")
        parser.add_argument(
            "--url", action="append", default=[], help="Only this URL, due or not (repeat)."
        )
        parser.add_argument("--host", action="append", default=[], help="Only this host (repeat).")

    def handle(self, *args, every, limit, seconds, url, host, **options):
        if limit is not None and limit < 1:
            raise CommandError("--limit must be at least 1.")
        if seconds is not None and seconds <= 0:
            raise CommandError("--seconds must be more than 0.")
        links = Link.objects.all()
        if url:
            links = links.filter(url__in=url)
        if host:
            links = links.filter(host__in=[name.lower() for name in host])
        only_due = not (every or url)
        chosen = due(links) if only_due else links.filter(ignored=False)
        total = min(chosen.count(), limit or settings.LINK_CHECK_RUN_LINKS)
        if not total:
            self.stdout.write("No links to check.")
            return
        bar = Progress(total=total, label="Checking links", stream=self.stdout)
        summary = run_pass(
            links,
            only_due=only_due,
            limit=limit,
            seconds=seconds,
            on_checked=lambda _: bar.advance(),
        )
        bar.finish()
        labels = dict(Link.Status.choices)
        for status, count in sorted(summary.by_status.items()):
            self.stdout.write(f"{labels.get(status, status)}: {count}")
        if summary.deferred:
            self.stdout.write(
                f"Not checked this time (rate limit, the site's Retry-After or the time bound): "
                f"{summary.deferred}"
            )
        dead = Link.objects.filter(dead=True, ignored=False).count()
        self.stdout.write(f"Checked {summary.checked} of {total}; {dead} dead in all.")
