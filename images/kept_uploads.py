"""Uploads kept across a form's validation error.

Browsers cannot fill a file input again, so a form shown again with an error would lose the
picture the editor chose. A valid upload is therefore stored at once as an Image that no use
points at yet, and the form carries a signed token of it in a hidden input beside the file
input: sent again without a new file, the form takes the kept image.

A kept image that no use took is deleted, file and renditions, once it is older than
KEPT_UPLOAD_HOURS: on the next kept upload, and by `manage.py delete_unused_images`.
"""

import contextlib
import contextvars
import datetime

from django.conf import settings
from django.core import signing
from django.utils import timezone

from images import uses
from images.models import Image

SALT = "images.kept-upload"

# Off while a form is only looked at, never saved (the article's live preview): an upload is
# then neither stored nor kept, and its figure waits for the real save.
_keeping = contextvars.ContextVar("images.kept_uploads.keeping", default=True)


@contextlib.contextmanager
def not_kept():
    """Validate forms without storing their new uploads (nothing written, no file)."""
    token = _keeping.set(False)
    try:
        yield
    finally:
        _keeping.reset(token)


def keeping() -> bool:
    return _keeping.get()


def hours() -> int:
    return int(getattr(settings, "KEPT_UPLOAD_HOURS", 24))


def token_for(image: Image, use: uses.ImageUse) -> str:
    """A token naming `image` for the forms of `use` only, valid for hours()."""
    return signing.dumps(image.pk, salt=f"{SALT}:{use.label}.{use.field}")


def kept_image(token: str, use: uses.ImageUse) -> Image | None:
    """The image a token names, if the token is genuine, recent, and no use has taken the
    image since (an image belongs to one use)."""
    if not token:
        return None
    try:
        pk = signing.loads(token, salt=f"{SALT}:{use.label}.{use.field}", max_age=hours() * 3600)
    except signing.BadSignature:
        return None
    image = Image.objects.filter(pk=pk).first()
    if image is None or is_used(image):
        return None
    return image


def is_used(image: Image) -> bool:
    return any(use.rows_showing([image.pk]).exists() for use in uses.registered())


def unused_images(*, older_than: datetime.timedelta):
    """Images no registered use points at, stored before `older_than` ago."""
    images = Image.objects.filter(created_at__lt=timezone.now() - older_than)
    for use in uses.registered():
        shown = use.model._base_manager.exclude(**{f"{use.attname}__isnull": True})
        images = images.exclude(pk__in=shown.values(use.attname))
    return images


def delete_unused(*, older_than: datetime.timedelta | None = None) -> int:
    """Delete the kept uploads nobody took (their files too: no revision can name them)."""
    if older_than is None:
        older_than = datetime.timedelta(hours=hours())
    deleted = 0
    for image in unused_images(older_than=older_than):
        image.file.delete(save=False)
        image.delete()  # its renditions go with it (images.receivers)
        deleted += 1
    return deleted


def discard(image: Image) -> None:
    """A kept upload replaced by another before any use took it."""
    if not is_used(image):
        image.file.delete(save=False)
        image.delete()
