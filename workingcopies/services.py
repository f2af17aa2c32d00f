"""Writing and finding working copies: the one place they are stored, found and removed."""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from workingcopies.models import WorkingCopy


def _lookup(*, user, content_type: ContentType, object_id, key: str) -> dict:
    if object_id is not None:
        return {"user": user, "content_type": content_type, "object_id": str(object_id)}
    return {"user": user, "content_type": content_type, "object_id": "", "key": key}


def working_copy_store(
    *, user, content_type: ContentType, object_id, key: str = "", data: dict, based_on: str
) -> WorkingCopy:
    """Keeps `data` as the user's working copy of the object (or of the add form `key`), and
    removes copies older than WORKING_COPY_DAYS on the way: housekeeping costs one indexed
    delete per write, and needs no scheduler."""
    copy, _created = WorkingCopy.objects.update_or_create(
        **_lookup(user=user, content_type=content_type, object_id=object_id, key=key),
        defaults={"data": data, "saved_at": timezone.now(), "based_on": based_on},
    )
    working_copies_expire()
    return copy


def working_copy_find(
    *, user, content_type: ContentType, object_id, key: str | None = None
) -> WorkingCopy | None:
    """The user's working copy of the object; for an add form (no object), the one of `key`,
    or with no key the newest of that kind."""
    if object_id is None and key is None:
        copies = WorkingCopy.objects.filter(user=user, content_type=content_type, object_id="")
        return copies.order_by("-saved_at").first()
    lookup = _lookup(user=user, content_type=content_type, object_id=object_id, key=key or "")
    return WorkingCopy.objects.filter(**lookup).first()


def working_copy_discard(*, user, content_type: ContentType, object_id, key: str = "") -> int:
    """Removes the user's working copy of the object (or of the add form `key`); how many."""
    lookup = _lookup(user=user, content_type=content_type, object_id=object_id, key=key)
    deleted, _by_model = WorkingCopy.objects.filter(**lookup).delete()
    return deleted


def working_copies_of_objects_discard(*, content_type: ContentType, object_ids) -> int:
    """Removes every user's working copies of these objects (they were deleted); how many."""
    copies = WorkingCopy.objects.filter(
        content_type=content_type, object_id__in=[str(pk) for pk in object_ids]
    )
    deleted, _by_model = copies.delete()
    return deleted


def working_copies_expire(*, now: datetime.datetime | None = None) -> int:
    """Removes every working copy older than WORKING_COPY_DAYS; how many."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.WORKING_COPY_DAYS)
    deleted, _by_model = WorkingCopy.objects.filter(saved_at__lt=cutoff).delete()
    return deleted
