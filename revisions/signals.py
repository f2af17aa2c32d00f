"""After every revision is saved, prune the histories it adds to (revisions/retention.py)."""

from django.dispatch import receiver
from reversion.signals import post_revision_commit

from revisions import retention


@receiver(post_revision_commit)
def prune_after_revision(sender, revision, versions, **kwargs):
    retention.revision_prune(versions=versions)
