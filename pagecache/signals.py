"""Model signals turned into invalidations (invalidate.py). Bulk writes send no signals: code
that writes in bulk calls `pagecache.invalidate` itself."""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.utils import timezone

from images.signals import renditions_changed
from pagecache import footprint, invalidate, keys
from pagecache.owners import concerns_pages, keys_of

STATE_FIELDS = ("status", "published_at", "section_id")


def connect():
    from articles.models import Article  # noqa: PLC0415 (apps are ready when this runs)

    pre_save.connect(_remember_article, sender=Article, dispatch_uid="pagecache-pre-article")
    pre_delete.connect(_deleting_article, sender=Article, dispatch_uid="pagecache-del-article")
    # Only the models pages show: a receiver on every model would cost other deletes their
    # fast path (Django must then load each row to send its signal).
    for model in apps.get_models():
        if concerns_pages(model):
            uid = model._meta.label_lower
            post_save.connect(_saved, sender=model, dispatch_uid=f"pagecache-saved-{uid}")
            post_delete.connect(_deleted, sender=model, dispatch_uid=f"pagecache-deleted-{uid}")
    for through in (Article.featured_artists.through, Article.featured_artworks.through):
        m2m_changed.connect(_featured_changed, sender=through, dispatch_uid=f"pagecache-{through}")
    renditions_changed.connect(_renditions_changed, dispatch_uid="pagecache-renditions")


def _is_public(status, published_at, now) -> bool:
    from articles.models import Article  # noqa: PLC0415

    return status == Article.Status.PUBLISHED and published_at is not None and published_at <= now


def _remember_article(sender, instance, raw=False, **kwargs):
    before = None
    if instance.pk is not None and not raw:
        before = sender._base_manager.filter(pk=instance.pk).values_list(*STATE_FIELDS).first()
    instance._pagecache_before = before


def _saved(sender, instance, raw=False, **kwargs):
    if not concerns_pages(sender):
        return
    if sender._meta.label_lower == footprint.ARTICLE and not raw:
        return _article_saved(instance)
    invalidate.objects_changed(instance)
    if sender._meta.label_lower == "articles.articlefigure" and not raw:
        _figure_changed(instance)


def _article_saved(article):
    invalidate.objects_changed(article)
    now = timezone.now()
    before = getattr(article, "_pagecache_before", None)
    status, published_at, section_id = before or (None, None, None)
    if before is None or (status, published_at) != (article.status, article.published_at):
        invalidate.schedule_changed()
    was_public = _is_public(status, published_at, now)
    if not (was_public or _is_public(article.status, article.published_at, now)):
        return
    if before is not None and before == tuple(getattr(article, f) for f in STATE_FIELDS):
        return  # still public, same place in every list: pages showing it depend on it anyway
    extra = set()
    if was_public and section_id != article.section_id:
        from articles.models import Section  # noqa: PLC0415

        slug = Section.objects.filter(pk=section_id).values_list("slug", flat=True).first()
        if slug:
            extra.add(keys.for_public_in("section", slug))
    invalidate.public_articles_changed([article.pk], extra=extra)


def _figure_changed(figure):
    """A figure added to or taken from a public article moves it in or out of the "articles
    featuring" lists of the artwork and its artists."""
    from articles.models import Article  # noqa: PLC0415

    if figure.artwork_id and Article.objects.published().filter(pk=figure.article_id).exists():
        invalidate.public_articles_changed(
            [figure.article_id], extra=footprint.artwork_keys([figure.artwork_id])
        )


def _deleting_article(sender, instance, **kwargs):
    instance._pagecache_footprint = set()
    if _is_public(instance.status, instance.published_at, timezone.now()):
        instance._pagecache_footprint = footprint.public_article_keys([instance.pk])


def _deleted(sender, instance, **kwargs):
    if not concerns_pages(sender):
        return
    if sender._meta.label_lower == footprint.ARTICLE:
        shown_with = getattr(instance, "_pagecache_footprint", set())
        invalidate.keys_changed(keys_of(instance) | shown_with)
        invalidate.schedule_changed()
        return
    invalidate.objects_changed(instance)
    if sender._meta.label_lower == "articles.articlefigure":
        _figure_changed(instance)


def _renditions_changed(sender, image, uses, **kwargs):
    """Renditions are stored with update(): the pages of the rows that show the image."""
    invalidate.objects_changed(*uses)


def _featured_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """An article's featured artists or artworks changed (from either side of the relation)."""
    from articles.models import Article  # noqa: PLC0415

    if action == "pre_clear":
        instance._pagecache_cleared = set(_related_pks(sender, instance, reverse))
        return
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    pks = pk_set if action != "post_clear" else getattr(instance, "_pagecache_cleared", set())
    other_model = type(instance) if reverse else model
    articles, others = (pks, {instance.pk}) if reverse else ({instance.pk}, pks)
    label = other_model._meta.label_lower
    names = {keys.ANY_CONTENT}
    names |= {keys.for_object(footprint.ARTICLE, pk) for pk in articles}
    names |= {keys.for_object(label, pk) for pk in others}
    invalidate.keys_changed(names)
    public = list(Article.objects.published().filter(pk__in=articles).values_list("pk", flat=True))
    if public:
        extra = (
            footprint.artist_keys(others)
            if label == "artists.artist"
            else footprint.artwork_keys(others)
        )
        invalidate.public_articles_changed(public, extra=extra)


def _related_pks(through, instance, reverse):
    """The pks on the other side of an article's (or, reversed, an artist's) relation."""
    article_field, other_field = (field.attname for field in through._meta.concrete_fields[1:3])
    mine, theirs = (other_field, article_field) if reverse else (article_field, other_field)
    return through.objects.filter(**{mine: instance.pk}).values_list(theirs, flat=True)
