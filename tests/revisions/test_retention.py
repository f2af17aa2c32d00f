"""Retention: the newest REVISIONS_KEEP revisions of each object are kept, and every revision
in which an article was published; revisions left with nothing to show go."""

import io

import pytest
import reversion
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from reversion.models import Revision, Version

from articles.models import Article, ArticleFigure, TaggedArticle
from revisions import retention
from tests.factories import ArticleFactory, ArticleFigureFactory, ArtistFactory
from tests.revisions.adminpages import admin_save, admin_url, versions_of

pytestmark = pytest.mark.django_db

DRAFT, PUBLISHED = Article.Status.DRAFT, Article.Status.PUBLISHED


def save_revision(*objects, **changes):
    """Save the objects (with the changes) in one revision, as an admin save would."""
    with reversion.create_revision():
        for obj in objects:
            for name, value in changes.items():
                setattr(obj, name, value)
            obj.save()


def titles(obj) -> list[str]:
    return [version.field_dict["title"] for version in versions_of(obj)]


def test_only_the_newest_revisions_are_kept(settings):
    """With REVISIONS_KEEP=3, an article saved six times keeps its three newest revisions."""
    settings.REVISIONS_KEEP = 3
    article = ArticleFactory(status=DRAFT)

    for number in range(1, 7):
        save_revision(article, title=f"Take {number}")

    assert titles(article) == ["Take 4", "Take 5", "Take 6"]


def test_revisions_in_which_the_article_was_published_are_kept(settings):
    """Every revision in which the article was published stays, however old."""
    settings.REVISIONS_KEEP = 2
    article = ArticleFactory(status=DRAFT)

    save_revision(article, title="Draft 1")
    save_revision(article, title="Live 1", status=PUBLISHED)
    for number in range(2, 6):
        save_revision(article, title=f"Draft {number}", status=DRAFT)

    assert titles(article) == ["Live 1", "Draft 4", "Draft 5"]


def test_a_pruned_revision_goes_with_the_versions_of_its_parts(settings):
    """A revision with no article, artist or artwork left is deleted, and the versions of the
    figures and tag rows it held with it."""
    settings.REVISIONS_KEEP = 1
    article = ArticleFactory(status=DRAFT, tags=["urns"])
    ArticleFigureFactory(article=article)

    save_revision(article, title="Old")
    save_revision(article, title="New")

    assert Revision.objects.count() == 1
    assert Version.objects.get_for_model(ArticleFigure).count() == 1
    assert Version.objects.get_for_model(TaggedArticle).count() == 1


def test_a_revision_shared_by_two_objects_stays_while_one_keeps_it(settings):
    """A revision holding two articles loses one article's version when that article's
    history moves on, and stays as long as the other article keeps it."""
    settings.REVISIONS_KEEP = 1
    first, second = ArticleFactory(status=DRAFT), ArticleFactory(status=DRAFT)
    save_revision(first, second)
    shared = Revision.objects.get()

    save_revision(first, title="First, later")

    assert [v.object_id for v in shared.version_set.all() if v._model is Article] == [
        str(second.pk)
    ]

    save_revision(second, title="Second, later")

    assert not Revision.objects.filter(pk=shared.pk).exists()


def test_pruning_after_a_save_takes_the_same_queries_however_long_the_history(settings):
    """The prune after each save costs a fixed number of queries, not one per old version."""

    def prune_queries(history: int) -> int:
        settings.REVISIONS_KEEP = 1000
        article = ArticleFactory(status=DRAFT, tags=["urns"])
        for _ in range(history):
            save_revision(article)
        settings.REVISIONS_KEEP = 2
        latest = versions_of(article)[-1]
        with CaptureQueriesContext(connection) as queries:
            retention.revision_prune(versions=[latest])
        assert len(versions_of(article)) == 2
        return len(queries)

    short, long = prune_queries(3), prune_queries(30)

    assert short == long
    assert short <= 6


def test_admin_history_shows_what_is_kept(admin_client, settings):
    """Through the admin: with REVISIONS_KEEP=2 the history lists two revisions after four
    saves."""
    settings.REVISIONS_KEEP = 2
    artist = ArtistFactory()
    for name in ("One", "Two", "Three", "Four"):
        admin_save(admin_client, admin_url(artist), name=name)

    response = admin_client.get(admin_url(artist, "history"))

    assert len(response.context["action_list"]) == 2
    assert [v.field_dict["name"] for v in versions_of(artist)] == ["Three", "Four"]


def test_prune_revisions_command_sweeps_every_history(settings):
    """prune_revisions applies a lower limit to every object at once and says what it did."""
    articles = [ArticleFactory(status=DRAFT) for _ in range(3)]
    for number in range(4):
        save_revision(*articles, title=f"Take {number}")
    out = io.StringIO()

    call_command("prune_revisions", "--keep", "1", stdout=out)

    for article in articles:
        assert titles(article) == ["Take 3"]
    assert Revision.objects.count() == 1
    assert "Pruned 3 histories: 9 old versions deleted; 3 revisions" in out.getvalue()
