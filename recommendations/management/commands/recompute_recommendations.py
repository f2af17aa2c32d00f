from django.core.management.base import BaseCommand

from pagecache import invalidate as pages
from progress import Progress
from recommendations import engine
from recommendations.features import candidate_articles


class Command(BaseCommand):
    help = (
        "Recompute every article's 'You may also like' suggestions. Links that staff "
        "approved, pinned or rejected are kept exactly as they are."
    )

    def handle(self, *args, **options):
        progress = Progress(
            total=candidate_articles().count(), label="Recomputing", stream=self.stdout
        )
        summary = engine.rebuild(on_progress=progress.advance)
        progress.finish()
        pages.everything()  # every "You may also like" block may have changed
        self.stdout.write(self.style.SUCCESS(str(summary)))
