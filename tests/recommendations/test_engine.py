"""The engine: what a rebuild and a per-article refresh store, and what they never undo."""

import io

import pytest
from django.core.management import call_command

from articles.models import Article
from recommendations import engine
from recommendations.models import RelatedLink
from tests.factories import ArticleFactory, ArtistFactory, SectionFactory

pytestmark = pytest.mark.django_db

Status = RelatedLink.Status


def related_pair(**extra):
    """Two published articles in different sections that share an artist."""
    artist = ArtistFactory(name="Ai Weiwei")
    first = ArticleFactory(title="First", **extra)
    second = ArticleFactory(title="Second")
    first.featured_artists.add(artist)
    second.featured_artists.add(artist)
    return first, second, artist


def targets_of(article):
    return set(
        RelatedLink.objects.filter(source=article)
        .exclude(status=Status.REJECTED)
        .values_list("target__title", flat=True)
    )


def test_rebuild_links_related_articles_both_ways_with_reasons():
    """Articles sharing an artist suggest each other, with the reason in words."""
    first, second, _ = related_pair()
    ArticleFactory(title="Unrelated")

    summary = engine.rebuild()

    assert targets_of(first) == {"Second"} and targets_of(second) == {"First"}
    link = RelatedLink.objects.get(source=first)
    assert link.status == Status.SUGGESTED and link.origin == RelatedLink.Origin.ENGINE
    assert link.reasons_text == "shares the artist Ai Weiwei"
    assert link.computed_at is not None
    assert summary.suggestions == 2


def test_drafts_are_never_sources_or_targets():
    """A draft shares an artist but is neither suggested nor given suggestions."""
    first, _, artist = related_pair()
    draft = ArticleFactory(title="Draft", draft=True)
    draft.featured_artists.add(artist)

    engine.rebuild()

    assert "Draft" not in targets_of(first)
    assert not RelatedLink.objects.filter(source=draft).exists()


def test_rebuild_never_undoes_moderation():
    """Rejected stays rejected (and hidden), pinned keeps its place, approved stays approved."""
    artist = ArtistFactory()
    source = ArticleFactory(title="Source")
    others = [ArticleFactory(title=f"Other {n}") for n in range(3)]
    for article in [source, *others]:
        article.featured_artists.add(artist)
    engine.rebuild()
    rejected, pinned, approved = (RelatedLink.objects.get(source=source, target=o) for o in others)
    rejected.status = Status.REJECTED
    pinned.status, pinned.position = Status.PINNED, 3
    approved.status = Status.APPROVED
    RelatedLink.objects.bulk_update([rejected, pinned, approved], ["status", "position"])

    engine.rebuild()
    call_command("recompute_recommendations", stdout=io.StringIO())

    links = {link.target_id: link for link in RelatedLink.objects.filter(source=source)}
    assert len(links) == 3
    assert links[others[0].pk].status == Status.REJECTED
    assert (links[others[1].pk].status, links[others[1].pk].position) == (Status.PINNED, 3)
    assert links[others[2].pk].status == Status.APPROVED


def test_rebuild_keeps_at_most_twice_the_block_size(settings):
    """Each article stores its best 2 x block-size suggestions, no more."""
    settings.RECOMMENDATIONS_BLOCK_SIZE = 2
    artist = ArtistFactory()
    articles = [ArticleFactory() for _ in range(8)]
    for article in articles:
        article.featured_artists.add(artist)

    engine.rebuild()

    assert RelatedLink.objects.filter(source=articles[0]).count() == 4


def test_refresh_after_publish_enters_the_related_articles_list():
    """A newly published related article gets its own list and joins the other's list."""
    first, _, artist = related_pair()
    engine.rebuild()
    newcomer = ArticleFactory(title="Newcomer", section=SectionFactory())
    newcomer.featured_artists.add(artist)

    engine.refresh_article(newcomer.pk)

    assert targets_of(newcomer) == {"First", "Second"}
    assert "Newcomer" in targets_of(first)


def test_refresh_after_unpublish_removes_it_everywhere_and_refills():
    """Unpublishing drops the suggestions to and from it; other lists are recomputed."""
    first, second, artist = related_pair()
    third = ArticleFactory(title="Third")
    third.featured_artists.add(artist)
    engine.rebuild()

    Article.objects.filter(pk=second.pk).update(status=Article.Status.DRAFT)
    engine.refresh_article(second.pk)

    assert targets_of(first) == {"Third"}
    assert not RelatedLink.objects.filter(source=second, status=Status.SUGGESTED).exists()


def test_refresh_never_resurrects_a_rejected_link():
    """After a rejection, refreshing either article leaves the pair rejected."""
    first, second, _ = related_pair()
    engine.rebuild()
    RelatedLink.objects.filter(source=first, target=second).update(status=Status.REJECTED)

    engine.refresh_article(first.pk)
    engine.refresh_article(second.pk)

    link = RelatedLink.objects.get(source=first, target=second)
    assert link.status == Status.REJECTED


def test_refresh_when_an_article_no_longer_relates_withdraws_it():
    """Removing the shared artist takes the article out of the other's list."""
    first, second, artist = related_pair()
    engine.rebuild()

    second.featured_artists.remove(artist)
    engine.refresh_article(second.pk)

    assert targets_of(first) == set()
    assert targets_of(second) == set()


def test_saving_schedules_a_refresh_after_commit(django_capture_on_commit_callbacks):
    """Publishing runs the refresh only once the transaction commits, through django.tasks."""
    first, _, artist = related_pair()
    engine.rebuild()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        newcomer = ArticleFactory(title="Newcomer")
        newcomer.featured_artists.add(artist)
    assert "Newcomer" not in targets_of(first)  # nothing computed inside the transaction

    for callback in callbacks:
        callback()
    assert "Newcomer" in targets_of(first)


def test_deleting_an_article_refills_the_lists_it_leaves(django_capture_on_commit_callbacks):
    """A deleted article's place in other lists goes to the next best article."""
    first, second, artist = related_pair()
    third = ArticleFactory(title="Third")
    third.featured_artists.add(artist)
    engine.rebuild()

    with django_capture_on_commit_callbacks(execute=True):
        second.delete()

    assert targets_of(first) == {"Third"}
