import reversion
from django.core.management.base import BaseCommand

from articles.models import Article
from demo.loader import demo_content_load


class Command(BaseCommand):
    help = (
        "Fill the site with demo content: sections, writers, artists, artworks with drawn "
        "images, exhibitions and their venues, series, and articles (one a draft). Safe to run "
        "again: it updates, never duplicates."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the site already has articles (make run uses this, so a "
            "restart never overwrites what editors changed).",
        )

    def handle(self, *args, if_empty, **options):
        if if_empty and Article.objects.exists():
            self.stdout.write("The site already has articles: demo content left as it is.")
            return
        # One revision for the whole load, so each demo object's history starts here.
        with reversion.create_revision():
            reversion.set_comment("Loaded by seed_demo")
            summary = demo_content_load()
        self.stdout.write(self.style.SUCCESS(str(summary)))
