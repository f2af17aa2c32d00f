"""Reasons are stored with names (names.py: "shares the artist Ai Weiwei"), which moderators
read and readers read under each card ("Also on Ai Weiwei"). When an artist is renamed, an
artwork retitled, a tag, a section or a series renamed, the links that tell the old name are
rewritten after the change commits, by a task (`rename_in_reasons`), and the pages showing them
invalidated: a renamed artist is never named the old way under a card.

Which links: those whose source article has the artist, artwork, tag, section or series (a
link tells a name only when both its articles have it); among them, those whose reasons hold the
old name. The names were loaded with each instance (post_init), so telling a change costs no
query."""

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_init, post_save
from django.tasks import task
from taggit.models import Tag

from articles.models import Article, Section, Series, TaggedArticle
from artists.models import Artist
from artworks.models import Artwork
from pagecache import invalidate as pages
from recommendations.models import RelatedLink

# model: (the field that names it, the reasons' keys that hold its names)
NAMED = {
    Artist: ("name", ("artists",)),
    Artwork: ("title", ("artworks",)),
    Tag: ("name", ("tags", "rare_tags")),
    Section: ("name", ("section",)),
    Series: ("title", ("series",)),
}
LABELS = {model._meta.label: model for model in NAMED}


def _remember(sender, instance, **kwargs):
    field, _ = NAMED[sender]
    instance._recommendations_name = instance.__dict__.get(field)


def _renamed(sender, instance, created, raw=False, **kwargs):
    field, _ = NAMED[sender]
    before, now = getattr(instance, "_recommendations_name", None), instance.__dict__.get(field)
    if created or raw or before is None or now is None or before == now:
        return
    instance._recommendations_name = now
    label = sender._meta.label
    transaction.on_commit(lambda: rename_in_reasons.enqueue(label, instance.pk, before, now))


def connect():
    for model in NAMED:
        post_init.connect(_remember, sender=model, dispatch_uid=f"rec-names-{model._meta.label}")
        post_save.connect(_renamed, sender=model, dispatch_uid=f"rec-rename-{model._meta.label}")


def sources_having(model, pk) -> Q:
    """The articles that have the artist, artwork, tag, section or series `pk`."""
    if model is Artist:
        return Q(source__featured_artists=pk)
    if model is Artwork:
        having = Article.objects.filter(Q(featured_artworks=pk) | Q(figures__artwork=pk))
        return Q(source__in=having.values("pk"))
    if model is Tag:
        return Q(source__in=TaggedArticle.objects.filter(tag_id=pk).values("content_object_id"))
    if model is Series:
        return Q(source__series=pk)
    return Q(source__section=pk)


def rewrite(label: str, pk: int, before: str, now: str) -> int:
    """Replace `before` by `now` in the reasons of the links that tell it; how many changed."""
    model = LABELS[label]
    _, keys = NAMED[model]
    changed = []
    links = RelatedLink.objects.filter(sources_having(model, pk)).only("source_id", "reasons")
    for link in links.iterator(chunk_size=2000):
        reasons = dict(link.reasons or {})
        touched = False
        for key in keys:
            value = reasons.get(key)
            if isinstance(value, list) and before in value:
                reasons[key] = sorted(now if name == before else name for name in value)
                touched = True
            elif value == before:
                reasons[key] = now
                touched = True
        if touched:
            link.reasons = reasons
            changed.append(link)
    RelatedLink.objects.bulk_update(changed, ["reasons"], batch_size=1000)
    # bulk_update sends no signal: the pages whose blocks tell the name are told here.
    pages.pages_showing(Article, {link.source_id for link in changed})
    return len(changed)


@task
def rename_in_reasons(label: str, pk: int, before: str, now: str):
    """An artist, artwork, tag, section or series was renamed: tell the new name in the links'
    reasons."""
    rewrite(label, pk, before, now)
