"""Cleaning the rows written before plain text was cleaned on save: for the data migrations
of the content apps, on their historical models (which have no save() and no receivers)."""

from plaintext.models import plain_text_fields
from plaintext.text import clean_text

CHUNK = 1000


def clean_existing_rows(model, *, using: str) -> int:
    """Cleans every plain-text field of every row of `model`, reading and writing CHUNK rows
    at a time by key, writing only the rows that change; returns how many did.

    A value left as it is rather than stopping the deploy: one whose clean form is longer than
    the field (NFC recomposes a few characters into two) or, in a unique field, already taken
    ("Reviews\\x0b" when "Reviews" exists). Pages escape it and feeds strip at output what
    XML cannot carry; an editor's next save through a form shows what to fix."""
    names = plain_text_fields(model)
    if not names:
        return 0
    fields = [model._meta.get_field(name) for name in names]
    rows = model._base_manager.using(using).order_by("pk")
    changed, last = 0, None
    while chunk := list(
        (rows if last is None else rows.filter(pk__gt=last)).values_list("pk", *names)[:CHUNK]
    ):
        last = chunk[-1][0]
        updates = _cleaned(chunk, fields)
        _keep_unique(updates, fields, model._base_manager.using(using))
        updates = {pk: values for pk, values in updates.items() if values}
        if updates:
            written = sorted({name for values in updates.values() for name in values})
            current = {pk: dict(zip(names, values, strict=True)) for pk, *values in chunk}
            objects = [model(pk=pk, **{**current[pk], **values}) for pk, values in updates.items()]
            model._base_manager.using(using).bulk_update(objects, written)
            changed += len(objects)
    return changed


def _cleaned(chunk, fields) -> dict:
    """{pk: {attname: clean value}} of the values in `chunk` that cleaning changes."""
    updates = {}
    for pk, *values in chunk:
        updates[pk] = {}
        for field, value in zip(fields, values, strict=True):
            if not isinstance(value, str):
                continue
            cleaned = clean_text(value)
            if cleaned != value and (not field.max_length or len(cleaned) <= field.max_length):
                updates[pk][field.attname] = cleaned
    return updates


def _keep_unique(updates: dict, fields, manager) -> None:
    """Drops from `updates` the clean values of unique fields that a row already holds, or that
    an earlier row of the chunk is given."""
    for field in fields:
        if not field.unique:
            continue
        wanted = [values[field.attname] for values in updates.values() if field.attname in values]
        if not wanted:
            continue
        taken = set(
            manager.filter(**{f"{field.attname}__in": wanted}).values_list(field.attname, flat=True)
        )
        for values in updates.values():
            value = values.get(field.attname)
            if value is None:
                continue
            if value in taken:
                del values[field.attname]
            else:
                taken.add(value)
