"""Model signals of the registered models turned into invalidations (invalidate.py): a saved or
deleted row makes stale the pages that show it, or show what it belongs to (owners.py).

Only registered models are connected: a receiver on every model would cost other deletes their
fast path (Django must then load each row to send its signal). Bulk writes send no signals:
code that writes in bulk calls `pagecache.invalidate` itself. What a change means beyond the
objects it touches (an article entering the public lists) is the owning app's to say, through
`pagecache.invalidate.members_changed` (articles/cached_pages.py)."""

from django.db.models.signals import post_delete, post_save

from images.signals import renditions_changed
from pagecache import invalidate


def watch(model) -> None:
    uid = model._meta.label_lower
    post_save.connect(_changed, sender=model, dispatch_uid=f"pagecache-saved-{uid}")
    post_delete.connect(_changed, sender=model, dispatch_uid=f"pagecache-deleted-{uid}")


def _changed(sender, instance, **kwargs):
    invalidate.objects_changed(instance)


def _renditions_changed(sender, image, uses, **kwargs):
    """Renditions are stored with update(), which sends no model signal: the pages of the rows
    that show the image are stale."""
    invalidate.objects_changed(*uses)


renditions_changed.connect(_renditions_changed, dispatch_uid="pagecache-renditions")
