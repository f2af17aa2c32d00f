"""Which version keys a changed row touches: its own (for a shown model) or those of the shown
objects it belongs to (for a part: a figure, a credit, a tag assignment), as the apps declared
them (registry.py)."""

from django.db import models

from pagecache import declared, keys


def keys_of(obj) -> set[str]:
    model = type(obj)
    label = declared.label_of(model)
    shown, part = declared.shown(model), declared.part(model)
    if shown is not None:
        found = {keys.for_object(label, obj.pk), keys.for_all(label)}
    elif part is not None:
        found = set(_owner_keys(obj, part))
    else:
        return set()
    if (shown or part).content:
        found.add(keys.ANY_CONTENT)
    return found


def _owner_keys(obj, part: declared.Part):
    """The shown objects a row points at (figure: article and artwork; credit: artwork and
    artist; tag assignment: the tagged object and the tag; related link: its source)."""
    for field in type(obj)._meta.concrete_fields:
        if not isinstance(field, models.ForeignKey) or declared.shown(field.related_model) is None:
            continue
        if part.belongs_to is not None and field.name not in part.belongs_to:
            continue
        pk = getattr(obj, field.attname)
        if pk is not None:
            yield keys.for_object(declared.label_of(field.related_model), pk)
