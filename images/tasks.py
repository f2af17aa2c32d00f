"""Making renditions in the background: queued by images.receivers after an image's save
commits, run by the tasks worker (or right after the commit with the immediate backend), never
while a page renders.

The renditions JSON is written with a queryset update(), not save(): no model signal fires, so no
revision is recorded, no recommendation refreshed and no further task queued; images.signals'
`renditions_changed` tells the pages instead. It is written only if the image still has the file
and focal point that were rendered; an editor who uploaded again meanwhile has queued a task of
their own, and the files made here are discarded.
"""

import logging
from typing import NamedTuple

from django.db import transaction
from django.tasks import task

from images import uses
from images.models import Image
from images.renditions import (
    RenditionFailed,
    delete_rendition_files,
    make_renditions,
    rendition_names,
)
from images.signals import renditions_changed

logger = logging.getLogger(__name__)

MADE = "made"
UP_TO_DATE = "up to date"
CLEARED = "cleared"  # the image has no file: its renditions were deleted
SUPERSEDED = "superseded"  # the file or focal point changed while the renditions were made
FAILED = "failed"
GONE = "gone"  # the image was deleted before the task ran


class Outcome(NamedTuple):
    status: str
    detail: str = ""


@task
def make_image_renditions(image_pk: int) -> str:
    """Make the renditions of one image, if they are not up to date already."""
    image = Image.objects.filter(pk=image_pk).first()
    if image is None:
        return GONE
    outcome = refresh_renditions(image)
    if outcome.status == FAILED:
        logger.warning("No renditions for image %s: %s", image_pk, outcome.detail)
    return outcome.status


def refresh_renditions(image: Image, *, force: bool = False) -> Outcome:
    """Make and store the renditions of `image` (again, with `force`, even when the stored
    ones are up to date); tell the pages when they changed. Never raises for a missing or
    damaged original: that is a FAILED outcome, with the reason."""
    outcome = _refreshed(image, force=force)
    if outcome.status in {MADE, CLEARED}:
        renditions_changed.send(sender=Image, image=image, uses=uses.uses_of(image))
    return outcome


def _refreshed(image: Image, *, force: bool) -> Outcome:
    if image.renditions_are_current() and not (force and image.file):
        return Outcome(UP_TO_DATE)
    if not image.file:
        return _clear(image)
    try:
        made = make_renditions(image.file, focal=image.focal())
    except RenditionFailed as error:
        return Outcome(FAILED, str(error))
    with transaction.atomic():
        previous = (
            _rendered_state(image).select_for_update().values_list("renditions", flat=True).first()
        )
        if previous is not None:
            _rendered_state(image).update(renditions=made)
    if previous is None:
        _discard(image.pk, made)
        return Outcome(SUPERSEDED)
    delete_rendition_files(image.file.storage, previous, keep=rendition_names(made))
    image.renditions = made
    return Outcome(MADE)


def _rendered_state(image: Image):
    """The image's row, if it still has the file and focal point that were rendered."""
    return Image.objects.filter(
        pk=image.pk, file=image.file.name, focal_x=image.focal_x, focal_y=image.focal_y
    )


def _clear(image: Image) -> Outcome:
    """The file was removed: forget the renditions and delete their files."""
    stored = image.stored_renditions()
    if not Image.objects.filter(pk=image.pk, file="").update(renditions={}):
        return Outcome(SUPERSEDED)
    delete_rendition_files(image.file.storage, stored)
    image.renditions = {}
    return Outcome(CLEARED)


def _discard(pk, made: dict) -> None:
    """Delete the files of renditions that were not stored, except any the image uses.

    When only the focal point moved, the widths have the same names as those another task is
    making for the new focal point: only the crop, named after its focal point, is deleted."""
    row = Image.objects.filter(pk=pk).values("file", "renditions").first()
    storage = Image._meta.get_field("file").storage
    if row is None:
        delete_rendition_files(storage, made)
        return
    in_use = rendition_names(row["renditions"])
    if row["file"] == made["source"]:
        in_use |= rendition_names(made) - {made["social"]["name"]}
    delete_rendition_files(storage, made, keep=in_use)
