"""Replace an address everywhere, and accept a redirect: through each object's own write path
(an article through the publishing service: a revision, its save count up), all or nothing;
bad input a form error; a form opened before the replacement cannot save the old address back."""

import pytest
import reversion
from django.contrib.auth.models import Permission, User
from reversion.models import Version

from articles.models import Article, ArticleLink
from artists.models import Artist
from links import addresses, services
from links.models import Link, LinkUse
from tests.adminforms import article_form_data, form_errors
from tests.factories import ArticleFactory, ArticleLinkFactory, ArtistFactory
from tests.links.inventory_helpers import uses_of
from tests.links.queue_helpers import QUEUE_URL, found, replace_url
from tests.staff import staff_in

pytestmark = pytest.mark.django_db
OLD, NEW = "https://wooster.example/klayman", "https://archive.example/klayman"


@pytest.fixture
def editor(client):
    return staff_in(client, "Editor")


@pytest.fixture
def used():
    """The old address in an article's body (twice, once with a fragment), its links inline,
    and an artist's website."""
    article = ArticleFactory(
        body=f'<p><a href="{OLD}">Wooster</a> and <a href="{OLD}#preview">the preview</a>.</p>'
    )
    inline = ArticleLinkFactory(article=article, url=OLD)
    artist = ArtistFactory(website=OLD)
    link = found(Link.objects.get(url=OLD), Link.Status.GONE, http_status=404)
    return link, article, inline, artist


def test_the_replace_page_shows_the_uses_and_a_form(client, editor, used):
    link, article, *_ = used

    response = client.get(replace_url(link))

    assert response.status_code == 200
    assert article.title in response.content.decode()
    assert 'name="new_url"' in response.content.decode()


def test_replacing_everywhere_goes_through_each_objects_write_path(client, editor, used):
    link, article, inline, artist = used
    opened_at = Article.objects.get(pk=article.pk).lock_version

    response = client.post(replace_url(link), {"new_url": NEW})

    assert response.status_code == 302 and response.url == QUEUE_URL
    article.refresh_from_db()
    assert addresses.in_html(article.body) == [NEW, f"{NEW}#preview"]
    assert ">Wooster</a> and <a " in article.body  # the text around untouched
    assert ArticleLink.objects.get(pk=inline.pk).url == NEW
    assert Artist.objects.get(pk=artist.pk).website == NEW
    assert article.lock_version > opened_at  # a form opened before is stale now
    assert article.updated_by == editor
    # A revision of each, saying what happened, by whom.
    versions = Version.objects.get_for_object(article)
    assert versions.exists() and versions.first().revision.user == editor
    assert f"Link {OLD} replaced by {NEW}" in versions.first().revision.get_comment()
    assert Version.objects.get_for_object(Artist.objects.get(pk=artist.pk)).exists()
    # The inventory followed: the old address has no use and is gone; the new one is due.
    assert not Link.objects.filter(url=OLD).exists()
    assert uses_of(article) == {("body", NEW)}
    assert LinkUse.objects.filter(link__url=NEW).count() == 3


def test_a_form_opened_before_the_replacement_cannot_save_the_old_address_back(
    client, editor, used
):
    link, article, inline, _ = used
    stale = article_form_data(Article.objects.get(pk=article.pk))  # the editor's open form

    client.post(replace_url(link), {"new_url": NEW})
    response = client.post(
        f"/admin/articles/article/{article.pk}/change/", {**stale, "title": "Retitled"}
    )

    assert "after you opened it" in " ".join(form_errors(response)["__all__"])
    article.refresh_from_db()
    assert NEW in article.body and OLD not in article.body and article.title != "Retitled"


@pytest.mark.parametrize(
    ("new_url", "error"),
    [
        ("", "required"),
        ("javascript:alert(1)", "http"),
        ("data:text/html,<script>alert(1)</script>", "http"),
        ("/articles/relative/", "http"),
        ("not an address", "spaces"),
        ("https://exa mple.org/", "spaces"),
        (OLD, "being replaced"),
        (OLD + "#elsewhere", "being replaced"),
    ],
)
def test_a_bad_new_address_is_a_form_error_and_nothing_changes(
    client, editor, used, new_url, error
):
    link, article, *_ = used
    body = Article.objects.get(pk=article.pk).body

    response = client.post(replace_url(link), {"new_url": new_url})

    assert response.status_code == 200
    assert error in " ".join(response.context["form"].errors["new_url"]).lower()
    assert Article.objects.get(pk=article.pk).body == body
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_an_unknown_link_is_a_404_and_a_contributor_a_403(client, used):
    link, *_ = used
    staff_in(client, "Editor", username="ed")
    assert client.get("/admin/links/link/999999/replace/").status_code == 404
    staff_in(client, "Contributor")
    assert client.post(replace_url(link), {"new_url": NEW}).status_code == 403
    assert Link.objects.filter(url=OLD).exists()


def test_an_object_that_refuses_leaves_everything_as_it_was(used):
    """A user who may change links but not articles: nothing is replaced, the artist neither,
    and the refusal names the article."""
    link, article, inline, artist = used
    user = User.objects.create_user("linker", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["change_link", "change_artist"])
    )

    with pytest.raises(services.ReplaceRefused) as refused:
        with reversion.create_revision():
            services.link_replace(link=link, new_url=NEW, user=user)

    assert "Nothing was replaced." in refused.value.messages
    assert any(article.title in message for message in refused.value.messages)
    assert Artist.objects.get(pk=artist.pk).website == OLD
    assert ArticleLink.objects.get(pk=inline.pk).url == OLD
    assert Link.objects.filter(url=OLD).exists()


def test_a_refusal_in_the_admin_is_shown_on_the_form(client, used):
    link, *_ = used
    user = staff_in(client, "Contributor", username="helper")
    user.user_permissions.add(*Permission.objects.filter(codename__in=["change_link", "view_link"]))

    response = client.post(replace_url(link), {"new_url": NEW})

    assert response.status_code == 200
    assert "Nothing was replaced." in response.content.decode()


def test_accepting_a_redirect_replaces_by_where_it_moved(client, editor, used):
    link, article, *_ = used
    found(link, Link.Status.REDIRECTED, redirect_url=NEW)

    response = client.post(QUEUE_URL, {"action": "accept_redirect", "_selected_action": [link.pk]})

    assert response.status_code == 302
    assert NEW in Article.objects.get(pk=article.pk).body


def test_accepting_where_there_is_no_redirect_says_so(client, editor, used):
    link, article, *_ = used

    response = client.post(
        QUEUE_URL, {"action": "accept_redirect", "_selected_action": [link.pk]}, follow=True
    )

    assert "has no permanent redirect to accept" in response.content.decode()
    assert OLD in Article.objects.get(pk=article.pk).body
