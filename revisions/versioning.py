"""Registering a model for revisions: django-reversion's registration plus what this project
needs to know on top of it (which models have a history of their own, which followed relations
are parts owned by the object, which fields a revert leaves alone).

Generic: nothing here names a content model. Each content app says which of its models are
versioned, and what one revision holds, in its own `versions.py`, called from its `ready()`:
revisions knows no content app, the content apps know revisions.
"""

from dataclasses import dataclass

import reversion
from django.db import models


@dataclass(frozen=True)
class Versioning:
    follow: tuple[str, ...]
    # Followed forward keys to rows that belong to this object alone (its picture): a revert
    # writes them back as they were, as it does parts, instead of only recreating them.
    owns: tuple[str, ...]
    # Fields whose database value a revert keeps: those left out of versions, and those stored
    # (so that recovery brings them back) but not reverted on an object that exists.
    kept_on_revert: tuple[str, ...]
    root: bool
    # (field, value): a version in which the field had this value is kept whatever its age.
    kept_forever_when: tuple[str, str] | None


_versioned: dict[type[models.Model], Versioning] = {}


def register(
    model: type[models.Model],
    *,
    follow: tuple[str, ...] = (),
    owns: tuple[str, ...] = (),
    exclude: tuple[str, ...] = (),
    kept_on_revert: tuple[str, ...] = (),
    root: bool = False,
    kept_forever_when: tuple[str, str] | None = None,
) -> None:
    """Version the model. A root has a history of its own (history page, revert, recovery,
    retention); the other models are parts of roots, or shared objects that parts point at.

    follow names relations (as attributes of the model) whose objects are saved in the same
    revision: reverse foreign keys are parts the object owns (a revert deletes the ones added
    since), forward foreign keys are shared objects (a revert only recreates them if deleted),
    unless named in `owns` too: rows of this object's own, written back as they were.
    kept_forever_when exempts versions from retention (revisions/retention.py)."""
    if model in _versioned:
        # A model several apps hold (taggit's Tag, images' Image) is registered by the first.
        return
    exclude = _existing_fields(model, exclude)
    reversion.register(model, follow=(*follow, *owns), exclude=exclude)
    _versioned[model] = Versioning(
        follow=(*follow, *owns),
        owns=tuple(owns),
        kept_on_revert=(*exclude, *_existing_fields(model, kept_on_revert)),
        root=root,
        kept_forever_when=kept_forever_when,
    )


def register_tag_rows(model: type[models.Model]) -> str:
    """Versions the rows of the model's tag table, each following the tag it points at (so an
    object can come back with a tag deleted since); returns the accessor from an object to those
    rows ('taggedarticle_set'), for the object's own `follow`. The through model's key to the
    object has no related_name, so Django names it."""
    through = model.tags.through
    if not is_versioned(through):
        register(through, follow=("tag",))
    return through._meta.get_field("content_object").remote_field.get_accessor_name()


def is_versioned(model: type[models.Model]) -> bool:
    return model in _versioned


def versioning(model: type[models.Model]) -> Versioning:
    return _versioned[model]


def root_models() -> list[type[models.Model]]:
    return [model for model, options in _versioned.items() if options.root]


def _existing_fields(model: type[models.Model], names) -> tuple[str, ...]:
    """The names that are fields of the model: a field may not exist yet on this branch."""
    present = {field.name for field in model._meta.get_fields()}
    return tuple(name for name in names if name in present)
