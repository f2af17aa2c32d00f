"""Which version keys a changed row touches: its own (for a tracked model) or those of the
tracked objects it belongs to (for a row such as a figure, a credit or a tag assignment)."""

from django.db import models

from pagecache import keys, tracking

# Apps whose rows readers see; a change to any row in them is a change of content.
CONTENT_APPS = {"articles", "artists", "artworks", "taggit", "sitesettings"}
# Apps whose rows change pages without being content that search or sitemaps index.
PAGE_APPS = CONTENT_APPS | {"recommendations"}
# Bookkeeping rows no public page shows.
IGNORED = {"articles.publicationevent", "articles.slugredirect"}


def concerns_pages(model) -> bool:
    meta = model._meta
    return meta.app_label in PAGE_APPS and meta.label_lower not in IGNORED


def keys_of(obj) -> set[str]:
    model = type(obj)
    meta = model._meta
    if tracking.is_tracked(model):
        found = {keys.for_object(meta.label_lower, obj.pk), keys.for_all(meta.label_lower)}
    else:
        found = set(_owner_keys(obj))
    if meta.app_label in CONTENT_APPS:
        found.add(keys.ANY_CONTENT)
    return found


def _owner_keys(obj):
    """The tracked objects a row points at (figure: article and artwork; credit: artwork and
    artist; tag assignment: the tagged object and the tag; related link: its source)."""
    for field in type(obj)._meta.concrete_fields:
        if not isinstance(field, models.ForeignKey) or not tracking.is_tracked(field.related_model):
            continue
        if type(obj)._meta.label_lower == "recommendations.relatedlink" and field.name != "source":
            continue  # a link shows on its source's page only
        pk = getattr(obj, field.attname)
        if pk is not None:
            yield keys.for_object(field.related_model._meta.label_lower, pk)
