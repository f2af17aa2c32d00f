"""What the diff between two revisions shows, where reversion-compare's defaults fall short:
rich text read as text, tags and featured objects by name, an object's parts (figures, links,
byline...) by what they say, and no fields that only record (updated_at, lock_version).
"""

import re
from html import unescape
from types import SimpleNamespace

from django.template.loader import render_to_string
from django.utils.html import strip_tags
from django.utils.text import capfirst
from reversion.models import Version
from reversion_compare.compare import CompareObjects
from reversion_compare.helpers import html_diff
from taggit.managers import TaggableManager

from revisions import versioning
from richtext.fields import RichTextField

_LINK = re.compile(r'<a\b[^>]*\bhref="([^"]*)"[^>]*>(.*?)</a>', re.IGNORECASE | re.DOTALL)
_LINE_END = re.compile(r"</(?:p|h[1-6]|li|blockquote)>|<br\s*/?>", re.IGNORECASE)


def html_as_text(html: str) -> str:
    """Rich text as the lines a reader sees; a link reads "text (address)"."""
    html = _LINK.sub(lambda match: f"{match[2]} ({match[1]})", html or "")
    text = unescape(strip_tags(_LINE_END.sub("\n", html)))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def text_diff(obj_compare):
    """Rich text compared as text, or as HTML when only the formatting changed."""
    value1, value2 = obj_compare.to_string()
    if isinstance(obj_compare.field, RichTextField):
        text1, text2 = html_as_text(value1), html_as_text(value2)
        if text1 != text2:
            return html_diff(text1, text2)
    return html_diff(value1, value2)


def diffs(model_admin, obj, version1: Version, version2: Version) -> list[dict]:
    """The diff entries reversion-compare's template shows, one per field that changed.

    Replaces CompareMixin.compare, which counts a foreign key as changed whenever any field
    changed, reads parts from the database as it is now rather than from the two revisions, and
    cannot read tags."""
    entries = []
    values1, values2 = version1.field_dict, version2.field_dict
    for field in _compared_fields(obj):
        if field.one_to_many:
            html = parts_diff(version1, version2, field)
            if html is None:
                continue
        else:
            if values1.get(field.attname) == values2.get(field.attname) or (
                field.many_to_many and _ids(values1, field) == _ids(values2, field)
            ):
                continue
            obj_compare = CompareObjects(field, field.name, obj, version1, version2, False)
            html = _compare_method(model_admin, field)(obj_compare)
        entries.append(_entry(_label(model_admin, field), html))
    return entries + tag_diffs(obj, version1, version2)


def _entry(label: str, html: str) -> dict:
    """A diff entry as reversion-compare's template reads it (the field's name, no footnote)."""
    field = SimpleNamespace(verbose_name=capfirst(label), help_text="")
    return {"field": field, "is_related": False, "follow": True, "diff": html}


def _label(model_admin, field) -> str:
    """A field's name, or for parts the name of their inline on the admin page."""
    if not field.one_to_many:
        return str(field.verbose_name)
    for inline in model_admin.inlines:
        if inline.model is field.related_model:
            return str(inline.verbose_name_plural or field.related_model._meta.verbose_name_plural)
    return str(field.related_model._meta.verbose_name_plural)


def _compared_fields(obj) -> list:
    """Editable fields, plain many-to-many fields and the parts the object follows; not the
    fields that only record (updated_at, lock_version) and not tags (tag_diffs)."""
    follow = versioning.versioning(type(obj)).follow
    tag_tables = {f.remote_field.through for f in _tag_fields(obj)}
    fields, parts = [], []
    for field in obj._meta.get_fields():
        if isinstance(field, TaggableManager):
            continue
        if field.one_to_many and field.auto_created:
            if field.get_accessor_name() in follow and field.related_model not in tag_tables:
                parts.append(field)
        elif field.many_to_many and not field.auto_created:
            if field.remote_field.through._meta.auto_created:  # not a through model of ours
                fields.append(field)
        elif field.concrete and field.editable and not field.primary_key:
            fields.append(field)
    return fields + parts


def _ids(values: dict, field) -> set[str]:
    return {str(pk) for pk in values.get(field.attname) or ()}


def _compare_method(model_admin, field):
    """As reversion-compare picks it: compare_<field name>, compare_<internal type>, or the
    fallback (a text diff of the values)."""
    for suffix in (field.name, field.get_internal_type()):
        method = getattr(model_admin, f"compare_{suffix}", None)
        if callable(method):
            return method
    return model_admin.fallback_compare


def names_diff(obj_compare) -> str:
    """A many-to-many field's objects by name: removed, added and kept."""
    field = obj_compare.field
    old = _names(field.related_model, obj_compare.value1)
    new = _names(field.related_model, obj_compare.value2)
    return _list_diff(old, new)


def _names(model, pks) -> set[str]:
    """Names of the objects by key; a version older than the field holds no list."""
    pks = [str(pk) for pk in pks] if isinstance(pks, list) else []
    found = {str(obj.pk): str(obj) for obj in model._base_manager.filter(pk__in=pks)}
    return {found.get(pk, f"#{pk} (deleted)") for pk in pks}


def parts_of(version: Version, relation) -> dict[str, Version]:
    """The versions of the object's parts along a reverse foreign key, in the version's
    revision, by primary key."""
    key = relation.field.attname
    candidates = Version.objects.get_for_model(relation.related_model).filter(
        revision_id=version.revision_id
    )
    object_pk = version._object_version.object.pk
    return {
        part.object_id: part
        for part in candidates
        if getattr(part._object_version.object, key) == object_pk
    }


def parts_diff(version1: Version, version2: Version, relation) -> str | None:
    """The parts added, removed and changed (field by field) between the two revisions, or
    None when they are the same."""
    old, new = parts_of(version1, relation), parts_of(version2, relation)
    changed = [
        (new[pk].object_repr, _field_changes(old[pk], new[pk], skip=relation.field.attname))
        for pk in sorted(old.keys() & new.keys(), key=int)
        if old[pk].serialized_data != new[pk].serialized_data
    ]
    changed = [(name, changes) for name, changes in changed if changes]
    removed = [old[pk].object_repr for pk in sorted(old.keys() - new.keys(), key=int)]
    added = [new[pk].object_repr for pk in sorted(new.keys() - old.keys(), key=int)]
    if not (changed or removed or added):
        return None
    context = {"removed": removed, "added": added, "changed": changed}
    return render_to_string("revisions/compare_list.html", context)


def _field_changes(old: Version, new: Version, *, skip: str) -> list[tuple[str, str, str]]:
    before, after = old._object_version.object, new._object_version.object
    changes = []
    for field in before._meta.concrete_fields:
        if field.primary_key or field.attname == skip or not field.editable:
            continue
        value1, value2 = _shown(before, field), _shown(after, field)
        if value1 != value2:
            changes.append((str(field.verbose_name), value1, value2))
    return changes


def _shown(obj, field) -> str:
    if field.many_to_one:
        try:
            related = getattr(obj, field.name)
        except field.related_model.DoesNotExist:
            return f"#{getattr(obj, field.attname)} (deleted)"
        return "" if related is None else str(related)
    value = getattr(obj, field.attname)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return "" if value is None else str(value)


def tag_diffs(obj, version1: Version, version2: Version) -> list[dict]:
    """One diff entry per tag field that changed between the two revisions."""
    diffs = []
    for field in _tag_fields(obj):
        old, new = _tag_names(field, version1), _tag_names(field, version2)
        if old != new:
            diffs.append(_entry(str(field.verbose_name), _list_diff(old, new)))
    return diffs


def _tag_fields(obj) -> list[TaggableManager]:
    return [f for f in obj._meta.get_fields() if isinstance(f, TaggableManager)]


def _list_diff(old: set[str], new: set[str]) -> str:
    return render_to_string(
        "revisions/compare_list.html",
        {"removed": sorted(old - new), "added": sorted(new - old), "kept": sorted(old & new)},
    )


def _tag_names(field: TaggableManager, version: Version) -> set[str]:
    """The names of the object's tags in the version's revision (from the tags' own versions
    there, which the tag rows follow)."""
    through = field.remote_field.through
    rows = parts_of(version, through._meta.get_field("content_object").remote_field)
    tag_ids = {str(row._object_version.object.tag_id) for row in rows.values()}
    tag_model = through._meta.get_field("tag").related_model
    names = dict(
        Version.objects.get_for_model(tag_model)
        .filter(revision_id=version.revision_id, object_id__in=tag_ids)
        .values_list("object_id", "object_repr")
    )
    return {names.get(tag_id, f"#{tag_id}") for tag_id in tag_ids}
