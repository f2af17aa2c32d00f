"""Making renditions in the background: queued by images.registry after a save commits, run by
the tasks worker (or right after the commit with the immediate backend), never while a page
renders.

The renditions JSON is written with a queryset update(), not save(): no signal fires, so no
revision is recorded, no recommendation refreshed and no further task queued. It is written only
if the object still has the file and focal point that were rendered; an editor who uploaded again
meanwhile has queued a task of their own, and the files made here are discarded.
"""

import logging
from typing import NamedTuple

from django.db import transaction
from django.tasks import task

from images.registry import ImageSpec, spec_for
from images.renditions import (
    RenditionFailed,
    delete_rendition_files,
    make_renditions,
    rendition_names,
)
from pagecache import invalidate as pages

logger = logging.getLogger(__name__)

MADE = "made"
UP_TO_DATE = "up to date"
CLEARED = "cleared"  # the image was removed: its renditions were deleted
SUPERSEDED = "superseded"  # the file or focal point changed while the renditions were made
FAILED = "failed"
GONE = "gone"  # the object was deleted before the task ran


class Outcome(NamedTuple):
    status: str
    detail: str = ""


@task
def make_image_renditions(app_label: str, model_name: str, pk, file_field_name: str) -> str:
    """Make the renditions of one object's image, if they are not up to date already."""
    spec = spec_for(app_label, model_name, file_field_name)
    instance = spec.model._base_manager.filter(pk=pk).first()
    if instance is None:
        return GONE
    outcome = refresh_renditions(spec, instance)
    if outcome.status in {MADE, CLEARED}:  # stored with update(): no signal tells the pages
        pages.objects_changed(instance)
    if outcome.status == FAILED:
        logger.warning("No renditions for %s %s: %s", spec.label, pk, outcome.detail)
    return outcome.status


def refresh_renditions(spec: ImageSpec, instance, *, force: bool = False) -> Outcome:
    """Make and store the renditions of `instance`'s image (again, with `force`, even when the
    stored ones are up to date). Never raises for a missing or damaged original: that is a
    FAILED outcome, with the reason."""
    if spec.is_up_to_date(instance) and not (force and spec.file(instance)):
        return Outcome(UP_TO_DATE)
    field_file = spec.file(instance)
    if not field_file:
        return _clear(spec, instance)
    try:
        made = make_renditions(field_file, focal=spec.focal(instance))
    except RenditionFailed as error:
        return Outcome(FAILED, str(error))
    with transaction.atomic():
        previous = (
            _rendered_state(spec, instance)
            .select_for_update()
            .values_list(spec.renditions_field, flat=True)
            .first()
        )
        if previous is not None:
            _rendered_state(spec, instance).update(**{spec.renditions_field: made})
    if previous is None:
        _discard(spec, instance.pk, made)
        return Outcome(SUPERSEDED)
    delete_rendition_files(field_file.storage, previous, keep=rendition_names(made))
    setattr(instance, spec.renditions_field, made)
    return Outcome(MADE)


def _rendered_state(spec: ImageSpec, instance):
    """The object's row, if it still has the file and focal point that were rendered."""
    return spec.model._base_manager.filter(
        pk=instance.pk,
        **{
            spec.file_field: spec.file(instance).name,
            spec.focal_x_field: getattr(instance, spec.focal_x_field),
            spec.focal_y_field: getattr(instance, spec.focal_y_field),
        },
    )


def _clear(spec: ImageSpec, instance) -> Outcome:
    """The image was removed: forget its renditions and delete their files."""
    stored = spec.renditions(instance)
    rows = spec.model._base_manager.filter(pk=instance.pk, **{spec.file_field: ""})
    if not rows.update(**{spec.renditions_field: {}}):
        return Outcome(SUPERSEDED)
    delete_rendition_files(spec.file(instance).storage, stored)
    setattr(instance, spec.renditions_field, {})
    return Outcome(CLEARED)


def _discard(spec: ImageSpec, pk, made: dict) -> None:
    """Delete the files of renditions that were not stored, except any the object uses.

    When only the focal point moved, the widths have the same names as those another task is
    making for the new focal point: only the crop, named after its focal point, is deleted."""
    current = spec.model._base_manager.filter(pk=pk).values(spec.file_field, spec.renditions_field)
    row = current.first()
    storage = spec.model._meta.get_field(spec.file_field).storage
    if row is None:
        delete_rendition_files(storage, made)
        return
    in_use = rendition_names(row[spec.renditions_field])
    if row[spec.file_field] == made["source"]:
        in_use |= rendition_names(made) - {made["social"]["name"]}
    delete_rendition_files(storage, made, keep=in_use)
