"""The inventory: which outbound addresses the site uses, and where (`Link`, `LinkUse`).

`sync_uses(instance)` makes the uses of one saved object match what it holds now: a `Link` for
each new address (with its host, due for a check at once), a `LinkUse` for each new (field,
address), and the uses no longer there deleted. A handful of queries, in the writer's
transaction: one read of the object's uses when nothing changed. `sync_many(model, instances)`
does the same for many objects of one model in a few queries for all (an import's batch, the
rebuild). `forget(instance)` deletes a deleted object's uses.

A `Link` left with no use is deleted with its last use: the checker spends no request on an
address nobody links to any more, and the queue lists only what is used. An address used again
later starts afresh (unchecked, due at once).
"""

from collections.abc import Iterable, Iterator

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from links import addresses, archive
from links.models import Link, LinkUse
from links.sources import Source, registered, source_of

CHUNK = 500


def wanted_uses(source: Source, instance: models.Model, hosts: set[str]) -> set[tuple[str, str]]:
    """The (field, key) pairs the instance uses: outbound addresses only, each once per field."""
    found = set()
    for field, url in source.uses(instance):
        key = addresses.outbound(url, hosts=hosts)
        if key is not None:
            found.add((field, key))
    return found


def sync_uses(instance: models.Model, *, created: bool = False) -> None:
    """Make the instance's uses match what it holds as saved. No-op for unregistered models.
    No query at all for an object just created, or known to have held no address, that holds
    none now (an article's body without a link saved over one without any)."""
    source = source_of(type(instance))
    if source is None:
        return
    known = getattr(instance, "_links_held_none", None)  # from this instance's last sync
    held_none = created or (known if known is not None else source.held_none(instance))
    if held_none and not wanted_uses(source, instance, addresses.own_hosts()):
        return
    sync_many(type(instance), [instance])


def sync_many(model: type[models.Model], instances: Iterable[models.Model]) -> None:
    source = source_of(model)
    if source is None:
        return
    instances = [instance for instance in instances if instance.pk is not None]
    if not instances:
        return
    hosts = addresses.own_hosts()
    content_type = ContentType.objects.get_for_model(model)
    wanted = {instance.pk: wanted_uses(source, instance, hosts) for instance in instances}
    for instance in instances:  # what a later save of the same instance starts from
        instance._links_held_none = not wanted[instance.pk]
    articles = {instance.pk: source.article_of(instance) for instance in instances}
    stored = {}
    for use_id, object_id, field, url, link_id, article_id in LinkUse.objects.filter(
        content_type=content_type, object_id__in=list(wanted)
    ).values_list("pk", "object_id", "field", "link__url", "link_id", "article_id"):
        stored[(object_id, field, url)] = (use_id, link_id, article_id)
    stale = {
        use_id: link_id
        for (object_id, field, url), (use_id, link_id, article_id) in stored.items()
        if (field, url) not in wanted[object_id] or article_id != articles[object_id]
    }
    kept = {key for key, (use_id, _, _) in stored.items() if use_id not in stale}
    missing = [
        (object_id, field, url)
        for object_id, pairs in wanted.items()
        for field, url in pairs
        if (object_id, field, url) not in kept
    ]
    if not stale and not missing:
        return  # one query: nothing changed
    with transaction.atomic():
        if stale:
            _delete_uses(list(stale), set(stale.values()))
        if missing:
            _create_uses(missing, content_type, articles)


def _create_uses(missing, content_type, articles) -> None:
    links = _links_for({url for _, _, url in missing})
    LinkUse.objects.bulk_create(
        [
            LinkUse(
                link_id=links[url],
                content_type=content_type,
                object_id=object_id,
                field=field,
                article_id=articles[object_id],
            )
            for object_id, field, url in missing
        ]
    )
    # A URL added to an article already published gets its archived copy's address now (at
    # publication, the publishing signal records them all: links/archive.py).
    for article_id in {articles[object_id] for object_id, _, _ in missing} - {None}:
        archive.record_for_article(article_id)


def about_to_delete(instance: models.Model) -> None:
    """Before an object is deleted: which links its uses point at (an article's uses go by
    cascade before `forget` runs), kept on the instance for `forget`."""
    if source_of(type(instance)) is None or instance.pk is None:
        return
    instance._links_used = set(_uses_of(instance).values_list("link_id", flat=True))


def forget(instance: models.Model) -> None:
    """A deleted object's uses go, and the links only it used."""
    if source_of(type(instance)) is None or instance.pk is None:
        return
    _uses_of(instance).delete()
    links = getattr(instance, "_links_used", None)
    if links:
        Link.objects.filter(pk__in=links, uses__isnull=True).delete()


def _uses_of(instance: models.Model):
    content_type = ContentType.objects.get_for_model(type(instance))
    uses = models.Q(content_type=content_type, object_id=instance.pk)
    if source_of(type(instance)).article_of(instance) == instance.pk:  # the article itself
        uses |= models.Q(article_id=instance.pk)
    return LinkUse.objects.filter(uses)


def _delete_uses(use_ids: list[int], links: set[int]) -> None:
    LinkUse.objects.filter(pk__in=use_ids).delete()
    Link.objects.filter(pk__in=links, uses__isnull=True).delete()


def _links_for(urls: set[str]) -> dict[str, int]:
    """The key of each address's Link, created where missing: due for a check at once. Those
    that exist are left as they are (ignore_conflicts, which also covers another writer
    creating the same address meanwhile), then all are read."""
    now = timezone.now()
    Link.objects.bulk_create(
        [Link(url=url, host=addresses.host_of(url), next_check_at=now) for url in urls],
        ignore_conflicts=True,
    )
    return dict(Link.objects.filter(url__in=urls).values_list("url", "pk"))


def rows_of(source: Source, queryset=None, chunk: int = CHUNK) -> Iterator[list[models.Model]]:
    """The source's objects in chunks by key, with only the fields it reads loaded."""
    queryset = source.model._default_manager.all() if queryset is None else queryset
    queryset = queryset.only("pk", *source.fields, *source.related).order_by("pk")
    last = None
    while True:
        page = queryset if last is None else queryset.filter(pk__gt=last)
        rows = list(page[:chunk])
        if not rows:
            return
        yield rows
        last = rows[-1].pk


def sync_all(source: Source, queryset=None, *, advance=None) -> int:
    """Sync every object of the source (or of `queryset`), a chunk at a time; uses of objects
    that no longer exist are deleted. Returns how many objects were read."""
    done = 0
    for rows in rows_of(source, queryset):
        sync_many(source.model, rows)
        done += len(rows)
        if advance is not None:
            advance(len(rows))
    if queryset is None:
        _drop_orphans(source)
    return done


def _drop_orphans(source: Source) -> None:
    content_type = ContentType.objects.get_for_model(source.model)
    existing = source.model._default_manager.values("pk")
    orphans = dict(
        LinkUse.objects.filter(content_type=content_type)
        .exclude(object_id__in=existing)
        .values_list("pk", "link_id")
    )
    if orphans:
        _delete_uses(list(orphans), set(orphans.values()))


def rebuild(*, progress=None) -> int:
    """(Re)build the whole inventory from every registered source. `progress(label, total)`
    gives a bar (progress.Progress) per source. Returns how many objects were read."""
    done = 0
    for source in registered():
        bar = None
        if progress is not None:
            label = str(source.model._meta.verbose_name_plural).capitalize()
            bar = progress(label, source.model._default_manager.count())
        done += sync_all(source, advance=bar.advance if bar else None)
        if bar is not None:
            bar.finish()
    return done
