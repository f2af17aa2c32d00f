"""Reverting one object to one of its versions, or recovering a deleted one.

django-reversion's own Revision.revert() writes back every version in the revision and deletes
whatever it reaches by following relations that the revision does not hold. Here that would be
wrong three times over: a revision can hold many objects (a bulk action, the demo content), and
reverting one article would revert them all; following reaches the shared tags, so a tag added to
the article since would be deleted from every object that has it; and fields left out of versions
(lock_version) would be reset to their defaults.

So a revert here touches one object and what it owns:

- its parts (the reverse foreign keys it follows: byline, figures, links, tag rows, and the
  rows it owns through a forward key: a picture) are written back as they were, and parts
  added since are deleted;
- shared objects its parts point at (tags) are recreated if they were deleted since, and never
  changed otherwise; a part that points at something else deleted since (an artwork, an author)
  stops the revert with a message saying what to recover first;
- its plain many-to-many fields (featured artists and artworks) are set as they were, without
  the objects deleted since;
- the object itself is returned unsaved, as it was, for the admin's form to save: its own save()
  then runs against the stored state (the workflow's publishing record and old-slug redirects,
  lock_version counting up). Fields its version does not hold, and those its registration keeps
  on revert, have their database value. A deleted object (recovery) is stored as it was first.
"""

import json
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _
from reversion.errors import RevertError
from reversion.models import Version

from revisions import versioning


@dataclass
class _Family:
    """The versions, in one revision, of an object's parts and of the shared objects they
    point at."""

    parts: list[Version] = field(default_factory=list)
    shared: list[Version] = field(default_factory=list)


def object_revert(*, version: Version) -> models.Model:
    """Write the version's object's parts back as they were in its revision and return the
    object itself as it was, unsaved (see the module's docstring). Call it in a transaction."""
    root = version._object_version
    obj, many_to_many = root.object, dict(root.m2m_data or {})  # save() empties m2m_data
    obj._state.db = version.db
    kept = versioning.versioning(type(obj)).kept_on_revert
    stored = _keep_database_values(version, fields=kept)
    if not (_exists(version) if stored is None else stored):
        # Deleted: there is no stored state to keep, and its parts need it stored to be shown.
        _write(version, save_m2m=False)
    obj._state.adding = False

    revision_versions = _versions_by_key(version)
    family = _Family()
    _collect(type(obj), obj, revision_versions, family)

    _delete_parts_added_since(type(obj), obj.pk, {_key(v) for v in family.parts}, version.db)
    for shared in family.shared:
        if not _exists(shared):
            _write(shared)
    restored = {_key(v) for v in (version, *family.parts, *family.shared)}
    for part in family.parts:
        _check_references(part, restored)
        _keep_database_values(part)
        _write(part)

    for name, pks in many_to_many.items():
        related = obj._meta.get_field(name).related_model
        existing = related._base_manager.using(version.db).filter(pk__in=pks)
        getattr(obj, name).set(list(existing.values_list("pk", flat=True)))
    return obj


def _key(version: Version) -> tuple[int, str]:
    return (version.content_type_id, version.object_id)


def _versions_by_key(version: Version) -> dict[tuple[int, str], Version]:
    """The revision's versions of the models an object of this kind can reach by following."""
    models_reached = _models_reached(version._model)
    candidates = version.revision.version_set.filter(db=version.db).select_related("content_type")
    return {
        _key(candidate): candidate
        for candidate in candidates
        if candidate.content_type.model_class() in models_reached
    }


def _models_reached(model, seen=None) -> set:
    seen = set() if seen is None else seen
    if model in seen or not versioning.is_versioned(model):
        return seen
    seen.add(model)
    for name in versioning.versioning(model).follow:
        _models_reached(_relation(model, name).related_model, seen)
    return seen


def _relation(model, name: str):
    """The relation a follow name stands for: a reverse foreign key (by its accessor, e.g.
    'figures') or a forward one (by its field name, e.g. 'tag')."""
    for relation in model._meta.get_fields():
        if relation.one_to_many and relation.auto_created:
            if relation.get_accessor_name() == name:
                return relation
        elif relation.many_to_one and relation.name == name:
            return relation
    raise LookupError(f"{model.__name__}.{name} is not a foreign key or a reverse one.")


def _collect(model, obj, revision_versions, family: _Family) -> None:
    options = versioning.versioning(model)
    for name in options.follow:
        relation = _relation(model, name)
        if relation.one_to_many:  # parts the object owns
            child_model, key = relation.related_model, relation.field.attname
            for candidate in revision_versions.values():
                if candidate._model is child_model:
                    child = candidate._object_version.object
                    if getattr(child, key) == obj.pk:
                        family.parts.append(candidate)
                        _collect(child_model, child, revision_versions, family)
        else:  # a row of its own (its picture), or a shared object a part points at
            target_pk = getattr(obj, relation.attname)
            owned = name in options.owns
            for candidate in revision_versions.values():
                if candidate._model is relation.related_model and candidate.object_id == str(
                    target_pk
                ):
                    (family.parts if owned else family.shared).append(candidate)


def _delete_parts_added_since(model, pk, kept: set, db: str) -> None:
    for name in versioning.versioning(model).follow:
        relation = _relation(model, name)
        if not relation.one_to_many:
            continue
        child_model = relation.related_model
        current = child_model._base_manager.using(db).filter(**{relation.field.attname: pk})
        for child in current:
            key = (_content_type_id(child_model), str(child.pk))
            if key in kept:
                _delete_parts_added_since(child_model, child.pk, kept, db)
            else:
                child.delete()


def _content_type_id(model) -> int:
    return ContentType.objects.get_for_model(model).pk


def _exists(version: Version) -> bool:
    return version._model._base_manager.using(version.db).filter(pk=version.object_id).exists()


def _write(version: Version, *, save_m2m: bool = True) -> None:
    """Store the version's object as it was (a raw save, as loaddata does). A unique value
    taken by another row since (a slug, a tag's name) stops the revert with a message."""
    try:
        with transaction.atomic(using=version.db):
            version._object_version.save(using=version.db, save_m2m=save_m2m)
    except IntegrityError as error:
        raise RevertError(
            _(
                "Could not bring back “%(object)s”: another %(kind)s has taken its name or "
                "address since. Rename that one first."
            )
            % {"object": version.object_repr, "kind": version._model._meta.verbose_name}
        ) from error


def _check_references(part: Version, restored: set) -> None:
    """A part pointing at an object deleted since cannot come back: say which to recover first.
    A key that would have been emptied on that deletion (SET_NULL) is emptied."""
    obj = part._object_version.object
    for key_field in obj._meta.concrete_fields:
        if not key_field.many_to_one:
            continue
        value = getattr(obj, key_field.attname)
        target = key_field.related_model
        if value is None or (_content_type_id(target), str(value)) in restored:
            continue
        if target._base_manager.using(part.db).filter(pk=value).exists():
            continue
        if key_field.remote_field.on_delete is models.SET_NULL:
            setattr(obj, key_field.attname, None)
            continue
        raise RevertError(
            _(
                "Could not revert: “%(part)s” refers to something deleted since (%(kind)s "
                "%(pk)s). Recover that first if you can."
            )
            % {"part": part.object_repr, "kind": target._meta.verbose_name, "pk": value}
        )


def _keep_database_values(version: Version, *, fields=()) -> bool | None:
    """Give the version's object the database's values of the fields its version does not
    hold (left out, or added to the model since) and of `fields`. Returns whether the object is
    in the database, or None when there was nothing to look up."""
    obj = version._object_version.object
    in_version = set(json.loads(version.serialized_data)[0]["fields"])
    kept = [
        f.attname
        for f in obj._meta.concrete_fields
        if not f.primary_key and (f.name not in in_version or f.name in fields)
    ]
    if not kept:
        return None
    row = type(obj)._base_manager.using(version.db).filter(pk=obj.pk).values("pk", *kept).first()
    if row is None:
        return False
    for attname in kept:
        setattr(obj, attname, row[attname])
    return True
