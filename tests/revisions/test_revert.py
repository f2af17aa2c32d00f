"""What a revert touches: one object and its parts, never shared tags or other objects, and
never the fields that record rather than say something (lock_version, updated_by)."""

import pytest
import reversion
from django.contrib import messages
from django.db import transaction
from reversion.models import Version
from taggit.models import Tag

from articles.models import Article, PublicationEvent
from revisions.revert import object_revert
from tests.adminforms import form_errors
from tests.checks import form_overrides
from tests.factories import ArticleFactory, ArticleFigureFactory, ArtistFactory
from tests.revisions.adminpages import admin_save, admin_url, form_data, versions_of

pytestmark = pytest.mark.django_db


def revision_form(client, obj, version) -> tuple[str, dict]:
    url = admin_url(obj, "revision", version.pk)
    return url, form_data(client.get(url))


def test_revert_of_one_object_leaves_the_others_in_its_revision(admin_client):
    """Two articles saved in one revision (a bulk action, the demo): reverting one of them
    leaves the other as it is now."""
    first, second = ArticleFactory(title="First"), ArticleFactory(title="Second")
    with reversion.create_revision():
        first.save()
        second.save()
    admin_save(admin_client, admin_url(first), title="First, edited")
    admin_save(admin_client, admin_url(second), title="Second, edited")

    url, data = revision_form(admin_client, first, versions_of(first)[0])
    assert admin_client.post(url, data).status_code == 302

    assert Article.objects.get(pk=first.pk).title == "First"
    assert Article.objects.get(pk=second.pk).title == "Second, edited"


def test_revert_never_deletes_a_tag_added_since(admin_client, article):
    """A tag added to the article after the revision is only taken off the article: the tag
    itself, shared with an artist, stays."""
    admin_save(admin_client, admin_url(article))
    artist = ArtistFactory(tags=["ceramics"])
    ceramics = Tag.objects.get(name="ceramics")
    tags = [str(pk) for pk in article.tags.values_list("pk", flat=True)]
    admin_save(admin_client, admin_url(article), tags=[*tags, str(ceramics.pk)])

    url, data = revision_form(admin_client, article, versions_of(article)[0])
    admin_client.post(url, data)

    assert "ceramics" not in article.tags.names()
    assert list(artist.tags.names()) == ["ceramics"]


def test_revert_does_not_rename_a_shared_tag(admin_client, article):
    """A tag renamed since keeps its new name for everyone when an article is reverted."""
    admin_save(admin_client, admin_url(article))
    Tag.objects.filter(name="urns").update(name="Urns and vessels")
    admin_save(admin_client, admin_url(article), title="Renamed")

    url, data = revision_form(admin_client, article, versions_of(article)[0])
    admin_client.post(url, data)

    assert set(article.tags.names()) == {"photography", "Urns and vessels"}


def test_revert_brings_back_a_tag_deleted_since(admin_client, article):
    """An article whose tag was deleted since gets the tag back, recreated, on revert."""
    admin_save(admin_client, admin_url(article))
    Tag.objects.get(name="urns").delete()
    assert list(article.tags.names()) == ["photography"]

    url, data = revision_form(admin_client, article, versions_of(article)[0])
    assert admin_client.post(url, data).status_code == 302

    assert set(article.tags.names()) == {"photography", "urns"}


def test_recovery_brings_back_a_tag_deleted_since(admin_client, article):
    """A deleted article whose tag was deleted as well comes back with the tag."""
    admin_save(admin_client, admin_url(article))
    version = versions_of(article)[-1]
    Article.objects.filter(pk=article.pk).delete()
    Tag.objects.get(name="urns").delete()

    url = admin_url(article, "recover", version.pk)
    assert admin_client.post(url, form_data(admin_client.get(url))).status_code == 302

    assert set(Article.objects.get(pk=article.pk).tags.names()) == {"photography", "urns"}


def test_revert_that_needs_a_deleted_artwork_explains_itself(admin_client, article):
    """A figure whose artwork was deleted since cannot come back: the editor is told what is
    missing and nothing changes."""
    admin_save(admin_client, admin_url(article))
    figure = article.figures.get(artwork__isnull=False)
    artwork = figure.artwork
    figure.delete()
    artwork.delete()
    admin_save(admin_client, admin_url(article), title="Without the artwork")

    url = admin_url(article, "revision", versions_of(article)[0].pk)
    response = admin_client.get(url, follow=True)

    assert response.redirect_chain[-1][0] == admin_url(article, "changelist")
    [error] = [m.message for m in response.context["messages"] if m.level == messages.ERROR]
    assert "artwork" in error and "deleted since" in error
    assert Article.objects.get(pk=article.pk).title == "Without the artwork"


def test_revert_keeps_lock_version_moving_forward(admin_client, article):
    """A revert never moves the optimistic-locking counter back: it is not in versions, and
    the revert's save counts up from the stored value."""
    admin_save(admin_client, admin_url(article))
    first = versions_of(article)[0]
    for title in ("Second", "Third", "Fourth"):
        admin_save(admin_client, admin_url(article), title=title)
    before = Article.objects.get(pk=article.pk).lock_version
    assert "lock_version" not in first.field_dict

    url, data = revision_form(admin_client, article, first)
    assert admin_client.post(url, data).status_code == 302

    assert Article.objects.get(pk=article.pk).lock_version == before + 1


def test_revert_form_opened_before_someone_elses_save_is_refused(admin_client, article):
    """A revision form opened before another editor saved cannot overwrite their save."""
    admin_save(admin_client, admin_url(article))
    url, data = revision_form(admin_client, article, versions_of(article)[0])
    admin_save(admin_client, admin_url(article), title="Saved meanwhile")

    response = admin_client.post(url, data)

    assert "__all__" in form_errors(response)
    assert Article.objects.get(pk=article.pk).title == "Saved meanwhile"


def test_revert_keeps_who_saved_last_and_when_first_published(admin_client, admin_user, article):
    """updated_by is never in versions, and a revert to a draft keeps the article's first
    publication on record."""
    article.status = Article.Status.DRAFT
    article.save()
    admin_save(admin_client, admin_url(article))
    draft = versions_of(article)[0]
    admin_save(
        admin_client, admin_url(article), status=Article.Status.PUBLISHED, **form_overrides()
    )
    first_published = Article.objects.get(pk=article.pk).first_published_at
    assert first_published is not None
    assert "updated_by" not in draft.field_dict

    url, data = revision_form(admin_client, article, draft)
    assert admin_client.post(url, data).status_code == 302

    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert article.first_published_at == first_published
    assert article.updated_by == admin_user


def test_revert_to_a_draft_is_on_the_publishing_record(admin_client, article):
    """Reverting a published article to a draft revision is recorded like any unpublishing:
    the article's own save sees the stored state as it was before the revert."""
    article.status = Article.Status.DRAFT
    article.save()
    admin_save(admin_client, admin_url(article))
    draft = versions_of(article)[0]
    admin_save(
        admin_client, admin_url(article), status=Article.Status.PUBLISHED, **form_overrides()
    )

    url, data = revision_form(admin_client, article, draft)
    admin_client.post(url, data)

    latest = PublicationEvent.objects.filter(article=article).order_by("-pk").first()
    assert latest.action == PublicationEvent.Action.RETURNED


def test_showing_a_revision_changes_nothing(admin_client, article):
    """Opening a revision form shows the old state without writing it."""
    admin_save(admin_client, admin_url(article))
    figure_count = article.figures.count()
    admin_save(admin_client, admin_url(article), title="Now", **{"figures-0-DELETE": "on"})
    ArticleFigureFactory(article=article, position=5)

    response = admin_client.get(admin_url(article, "revision", versions_of(article)[0].pk))

    assert response.context["adminform"].form["title"].value() == "The Urn"
    assert len(response.context["inline_admin_formsets"][1].formset.forms) == figure_count
    assert Article.objects.get(pk=article.pk).title == "Now"
    assert article.figures.count() == figure_count  # one deleted, one added


def test_recovery_when_the_address_is_taken_explains_itself(admin_client, article):
    """A deleted article whose slug another article has taken since is not recovered over it:
    the editor is told why."""
    admin_save(admin_client, admin_url(article))
    version = versions_of(article)[-1]
    Article.objects.filter(pk=article.pk).delete()
    ArticleFactory(slug=article.slug)

    response = admin_client.get(admin_url(article, "recover", version.pk), follow=True)

    [error] = [m.message for m in response.context["messages"] if m.level == messages.ERROR]
    assert "has taken its name or address" in error
    assert not Article.objects.filter(pk=article.pk).exists()


def test_fields_left_out_of_versions_keep_their_stored_value(admin_client, admin_user, article):
    """django-reversion's own revert resets fields left out of a version to their defaults
    (lock_version 0, updated_by empty); object_revert gives them their stored values."""
    admin_save(admin_client, admin_url(article))
    first = versions_of(article)[0]
    admin_save(admin_client, admin_url(article), title="Second")
    stored = Article.objects.get(pk=article.pk)
    assert stored.lock_version > 1

    with transaction.atomic():
        reverted = object_revert(version=first)
        transaction.set_rollback(True)
    with transaction.atomic():
        Version.objects.get(pk=first.pk).revert()  # django-reversion's own
        reset = Article.objects.get(pk=article.pk)
        transaction.set_rollback(True)

    assert reverted.title == "The Urn"
    assert (reverted.lock_version, reverted.updated_by) == (stored.lock_version, admin_user)
    assert (reset.lock_version, reset.updated_by) == (0, None)
