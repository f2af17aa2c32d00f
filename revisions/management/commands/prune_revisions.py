from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from reversion.models import Version

from progress import Progress
from revisions import retention, versioning


class Command(BaseCommand):
    help = (
        "Apply the revision retention to everything at once: keep the newest REVISIONS_KEEP "
        "revisions of each article, artist and artwork and every revision in which an article "
        "was published, and delete the rest. Saving prunes as it goes; run this after lowering "
        "REVISIONS_KEEP."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--keep",
            type=int,
            default=None,
            help="Revisions to keep per object "
            f"(default: REVISIONS_KEEP, now {settings.REVISIONS_KEEP}).",
        )

    def handle(self, *args, keep, **options):
        if keep is not None and keep < 1:
            raise CommandError("--keep must be at least 1: the newest revision always stays.")
        roots = ContentType.objects.get_for_models(*versioning.root_models())
        objects = [
            (model, object_id)
            for model, content_type in roots.items()
            for object_id in Version.objects.filter(content_type=content_type)
            .values_list("object_id", flat=True)
            .distinct()
            .order_by()
        ]
        progress = Progress(total=len(objects), label="Pruning", stream=self.stdout)
        versions = revisions = 0
        for model, object_id in objects:
            with transaction.atomic():  # one object at a time: no long lock on the tables
                pruned = retention.object_versions_prune(
                    model=model, object_id=object_id, keep=keep
                )
                versions += len(pruned)
                revisions += retention.revisions_delete_unreachable(revision_ids=pruned)
            progress.advance()
        progress.finish()
        revisions += retention.revisions_delete_unreachable()
        self.stdout.write(
            self.style.SUCCESS(
                f"Pruned {len(objects)} histories: {versions} old versions deleted; "
                f"{revisions} revisions left with nothing to show deleted."
            )
        )
