from collections import Counter

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from images import tasks
from images.registry import specs
from pagecache import invalidate as pages
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
        "be read is reported and skipped."
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
            help="only this model's images (repeatable), e.g. artworks.ArtworkImage",
        )

    def handle(self, *args, missing=False, model=None, **options):
        chosen = self._chosen_specs(model)
        work = [
            (spec, spec.model._base_manager.exclude(**{spec.file_field: ""}).order_by("pk"))
            for spec in chosen
        ]
        progress = Progress(
            total=sum(queryset.count() for _, queryset in work),
            label="Renditions",
            stream=self.stdout,
        )
        counts, failures = Counter(), []
        for spec, queryset in work:
            for instance in queryset.iterator(chunk_size=100):
                outcome = tasks.refresh_renditions(spec, instance, force=not missing)
                counts[COUNTED_AS[outcome.status]] += 1
                if outcome.status == tasks.FAILED:
                    failures.append(f"{spec.label} {instance.pk}: {outcome.detail}")
                progress.advance()
        progress.finish()
        if counts["made"]:
            pages.everything()  # renditions are stored with update(): no signal tells the pages
        for failure in failures:
            self.stdout.write(f"Failed: {failure}")
        summary = (
            f"Renditions: {counts['made']} made, {counts['skipped']} skipped, "
            f"{counts['failed']} failed."
        )
        self.stdout.write(self.style.WARNING(summary) if failures else self.style.SUCCESS(summary))

    def _chosen_specs(self, labels):
        if not labels:
            return specs()
        chosen = []
        for label in labels:
            try:
                model = apps.get_model(label)
            except (LookupError, ValueError) as error:
                raise CommandError(f"Unknown model {label!r}: use app_label.ModelName.") from error
            matching = [spec for spec in specs() if spec.model is model]
            if not matching:
                known = ", ".join(spec.label for spec in specs())
                raise CommandError(f"{model._meta.label} has no renditions; models: {known}.")
            chosen += [spec for spec in matching if spec not in chosen]
        return chosen
