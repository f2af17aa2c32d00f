"""When an article's place for readers changes (the domain signal of the publishing services),
or what it is related by changes (tags, figures, featured artists and artworks, its series, the
series' visibility, its evergreen flag), refresh its
recommendations after the transaction commits (never while the editor's request is still
writing). The article's other fields (title, text) play no part in the scores."""

import threading

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save
from django.dispatch import receiver

from articles.models import Article, ArticleFigure, Series, TaggedArticle
from articles.signals import article_public_state_changed
from recommendations.models import RelatedLink
from recommendations.tasks import refresh_article_recommendations

_local = threading.local()


def schedule_refresh(article_id: int):
    """Queue one refresh per article per transaction, run once the transaction commits.

    Every call registers an on-commit callback; the first to run flushes the whole batch and
    the others find it empty. A rolled-back transaction drops its callbacks; its ids stay in
    the batch and are refreshed with the next one, which is harmless (a refresh reads the
    current state)."""
    batch = getattr(_local, "batch", None)
    if batch is None:
        batch = _local.batch = set()
    batch.add(article_id)
    transaction.on_commit(_flush)


def _flush():
    batch = getattr(_local, "batch", None) or set()
    _local.batch = set()
    for article_id in sorted(batch):
        refresh_article_recommendations.enqueue(article_id)


@receiver(article_public_state_changed, sender=Article)
def article_moved(sender, article, before, after, **kwargs):
    """Published, scheduled, unpublished, moved to another section, new, or being deleted."""
    schedule_refresh(article.pk)
    if after is None:
        # Deleting an article deletes the links to it (cascade); refill the lists it leaves.
        sources = RelatedLink.objects.suggested().filter(target_id=article.pk)
        for source_id in sources.values_list("source_id", flat=True):
            schedule_refresh(source_id)


@receiver(post_init, sender=Article)
def remember_scored_fields(sender, instance, **kwargs):
    """What the article's evergreen flag and series were when loaded, to tell a change on save."""
    instance._scored_loaded = (
        instance.__dict__.get("evergreen"),
        instance.__dict__.get("series_id"),
    )


@receiver(post_save, sender=Article)
def scored_fields_changed(sender, instance, created, **kwargs):
    """An article made evergreen, or no longer (its recency is 1 while evergreen), or moved into,
    out of or between series (a shared series is a strong signal) is scored anew, as a source
    and in the lists it is a target in."""
    now = (instance.__dict__.get("evergreen"), instance.__dict__.get("series_id"))
    if not created and now != instance._scored_loaded:
        instance._scored_loaded = now
        schedule_refresh(instance.pk)


@receiver(post_init, sender=Series)
def remember_series_shown(sender, instance, **kwargs):
    instance._public_loaded = instance.__dict__.get("is_public")


@receiver(post_save, sender=Series)
def series_shown_or_hidden(sender, instance, created, **kwargs):
    """A series hidden from readers stops being a signal and its title leaves the cards' notes
    ("More from ..."); made public again, it counts again: its parts are scored anew."""
    now = instance.__dict__.get("is_public")
    if not created and now != instance._public_loaded:
        instance._public_loaded = now
        for article_id in instance.parts.values_list("pk", flat=True):
            schedule_refresh(article_id)


@receiver(post_save, sender=TaggedArticle)
@receiver(post_delete, sender=TaggedArticle)
def article_tags_changed(sender, instance, **kwargs):
    schedule_refresh(instance.content_object_id)


@receiver(post_save, sender=ArticleFigure)
@receiver(post_delete, sender=ArticleFigure)
def article_figures_changed(sender, instance, **kwargs):
    schedule_refresh(instance.article_id)


@receiver(m2m_changed, sender=Article.featured_artists.through)
@receiver(m2m_changed, sender=Article.featured_artworks.through)
def article_features_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    if not reverse:
        schedule_refresh(instance.pk)
    else:  # changed from the artist's or artwork's side: every article it was added to
        for article_id in pk_set or ():
            schedule_refresh(article_id)
