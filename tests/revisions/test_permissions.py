"""History, diff, revert and recovery respect Django's permissions, for the object as it is
now: a revert is a change, a recovery an addition, and a version id of another model or of an
object that still exists opens nothing."""

import pytest
from django.contrib.auth.models import Permission, User

from articles.models import Article
from tests.factories import ArticleFactory, ArtistFactory
from tests.revisions.adminpages import admin_save, admin_url, form_data, versions_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    """Log in a staff member with the given article permissions (codenames)."""

    def login(*codenames: str) -> User:
        user = User.objects.create_user("staff", is_staff=True)
        user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
        client.force_login(user)
        return user

    return login


@pytest.fixture
def history(admin_client, article):
    """The article saved twice by an editor: two versions to compare and revert to."""
    admin_save(admin_client, admin_url(article))
    admin_save(admin_client, admin_url(article), title="Second")
    return versions_of(article)


def compare(client, article, history):
    params = {"version_id1": history[0].pk, "version_id2": history[1].pk}
    return client.get(admin_url(article, "compare"), params)


def test_without_permission_history_diff_and_revisions_are_forbidden(
    client, staff, article, history
):
    """Staff without any article permission see no history, diff or revision."""
    staff()

    assert client.get(admin_url(article, "history")).status_code == 403
    assert compare(client, article, history).status_code == 403
    assert client.get(admin_url(article, "revision", history[0].pk)).status_code == 403
    assert client.get(admin_url(article, "recoverlist")).status_code == 403


def test_view_permission_shows_history_and_diff_but_cannot_revert(client, staff, article, history):
    """Who may only view articles sees their history, diffs and old revisions, read only, and
    cannot revert."""
    staff("view_article")
    url = admin_url(article, "revision", history[0].pk)

    assert client.get(admin_url(article, "history")).status_code == 200
    assert compare(client, article, history).status_code == 200
    shown = client.get(url)
    assert shown.status_code == 200
    assert not shown.context["has_change_permission"]
    assert client.post(url, {"title": "The Urn"}).status_code == 403
    assert Article.objects.get(pk=article.pk).title == "Second"


def test_revert_needs_permission_to_change_the_article_as_it_is_now(
    client, staff, article, history
):
    """A writer who may change drafts but not published work cannot revert a published
    article, not even to a revision in which it was a draft."""
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)
    staff("view_article", "change_article", "add_article")
    draft_version = versions_of(article)[0]
    Article.objects.filter(pk=article.pk).update(status=Article.Status.PUBLISHED)
    url = admin_url(article, "revision", draft_version.pk)

    data = form_data(client.get(url))
    response = client.post(url, {**data, "status": Article.Status.DRAFT})

    assert response.status_code == 403
    assert Article.objects.get(pk=article.pk).title == "Second"


def test_recovery_needs_add_permission(client, staff, article, history):
    """Recovering a deleted article is adding one: change permission alone is not enough."""
    version = history[-1]
    Article.objects.filter(pk=article.pk).delete()
    staff("view_article", "change_article", "publish_article")

    assert client.get(admin_url(article, "recoverlist")).status_code == 403
    assert client.get(admin_url(article, "recover", version.pk)).status_code == 403


def test_recover_view_never_reverts_an_article_that_exists(admin_client, article, history):
    """The recover view of an article that was not deleted sends the editor to its revision
    form (where changing it is checked as a change) instead of reverting it."""
    response = admin_client.post(admin_url(article, "recover", history[0].pk), {})

    assert response.status_code == 302
    assert response["Location"] == admin_url(article, "revision", history[0].pk)
    assert Article.objects.get(pk=article.pk).title == "Second"


def test_a_version_of_another_model_is_not_found(admin_client):
    """An artist's version id in an article's revision or recover address is a 404, even when
    the artist and the article share a primary key."""
    article, artist = ArticleFactory(pk=9_999), ArtistFactory(pk=9_999)
    admin_save(admin_client, admin_url(article))
    admin_save(admin_client, admin_url(artist))
    [artist_version] = versions_of(artist)

    assert admin_client.get(admin_url(article, "revision", artist_version.pk)).status_code == 404
    assert admin_client.get(admin_url(article, "recover", artist_version.pk)).status_code == 404
