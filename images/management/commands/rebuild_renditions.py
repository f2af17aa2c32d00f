from collections import Counter

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from images import tasks, uses
from images.models import Image
from progress import Progress

# How each outcome is counted in the summary.
COUNTED_AS = {
    tasks.MADE: "made",
    tasks.CLEARED: "made",
    tasks.UP_TO_DATE: "skipped",
    tasks.SUPERSEDED: "skipped",
    tasks.GONE: "skipped",
    tasks.FAILED: "failed",
}


class Command(BaseCommand):
    help = (
        "Make the renditions (srcset sizes and the link-preview crop) of every stored image "
        "again, or with --missing only of those without up-to-date ones. An image that cannot "
        "be read is reported and skipped. Each image whose renditions change tells the pages "
        "that show it (images.signals.renditions_changed)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--missing",
            action="store_true",
            help="only images whose renditions are missing or out of date",
        )
        parser.add_argument(
            "--model",
            action="append",
            metavar="APP_LABEL.MODELNAME",
            help="only the images this model shows (repeatable), e.g. artworks.ArtworkImage",
        )

    def handle(self, *args, missing=False, model=None, **options):
        images = self._chosen_images(model).exclude(file="").order_by("pk")
        progress = Progress(total=images.count(), label="Renditions", stream=self.stdout)
        counts, failures = Counter(), []
        for image in images.iterator(chunk_size=100):
            outcome = tasks.refresh_renditions(image, force=not missing)
            counts[COUNTED_AS[outcome.status]] += 1
            if outcome.status == tasks.FAILED:
                failures.append(f"{_described(image)}: {outcome.detail}")
            progress.advance()
        progress.finish()
        for failure in failures:
            self.stdout.write(f"Failed: {failure}")
        summary = (
            f"Renditions: {counts['made']} made, {counts['skipped']} skipped, "
            f"{counts['failed']} failed."
        )
        self.stdout.write(self.style.WARNING(summary) if failures else self.style.SUCCESS(summary))

    def _chosen_images(self, labels):
        if not labels:
            return Image.objects.all()
        chosen = Image.objects.none()
        for label in labels:
            try:
                model = apps.get_model(label)
            except (LookupError, ValueError) as error:
                raise CommandError(f"Unknown model {label!r}: use app_label.ModelName.") from error
            matching = [use for use in uses.registered() if use.model is model]
            if not matching:
                known = ", ".join(use.label for use in uses.registered())
                raise CommandError(f"{model._meta.label} shows no images; models: {known}.")
            for use in matching:
                shown = use.model._base_manager.values(use.attname)
                chosen |= Image.objects.filter(pk__in=shown)
        return chosen


def _described(image: Image) -> str:
    """'image 12, shown by artworks.ArtworkImage 7'."""
    shown_by = ", ".join(f"{row._meta.label} {row.pk}" for row in uses.uses_of(image))
    return f"image {image.pk}, shown by {shown_by}" if shown_by else f"image {image.pk}"
