"""The autosave address: it keeps what the editor typed as their working copy, for whoever may
change the object, and touches nothing else: not the article, its revisions, its record, its
old addresses, the page cache or the page readers see."""

import json
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from reversion.models import Version

from articles.models import Article, PublicationEvent, SlugRedirect
from pagecache import versions
from sitesettings.models import SiteSettings
from tests.adminforms import article_form_data
from tests.factories import ArticleFactory
from tests.pagecache.pages import warm
from tests.staff import staff_in
from tests.workingcopies.helpers import autosave, autosave_url, change_url
from workingcopies.models import WorkingCopy

pytestmark = pytest.mark.django_db


def without_nonces(html: bytes) -> bytes:
    """A page's HTML without its CSP nonces, which are new on every response."""
    return re.sub(rb'nonce="[^"]*"', b"", html)


@pytest.fixture
def editor(client):
    return staff_in(client, "Editor", username="eddie")


def test_autosave_keeps_the_form_as_the_users_working_copy(client, editor):
    """The fields come back as typed, without the CSRF token, with the version they were
    based on and the time, which the page shows."""
    article = ArticleFactory(title="Before")
    response = autosave(client, article, title="Typed, not saved")
    assert response.status_code == 200
    assert response.json()["message"].startswith("Saved as a working copy at ")
    copy = WorkingCopy.objects.get()
    assert (copy.user, copy.object_id) == (editor, str(article.pk))
    assert copy.content_type == ContentType.objects.get_for_model(Article)
    assert copy.data["title"] == ["Typed, not saved"]
    assert "csrfmiddlewaretoken" not in copy.data
    assert "_working_copy_base" not in copy.data
    assert copy.based_on == str(article.lock_version)


def test_a_second_autosave_replaces_the_first(client, editor):
    article = ArticleFactory()
    autosave(client, article, title="First")
    autosave(client, article, title="Second")
    assert [copy.data["title"] for copy in WorkingCopy.objects.all()] == [["Second"]]


def test_autosave_changes_nothing_readers_or_the_record_see(client, editor, settings):
    """No revision, no publishing record, no slug redirect, no page-cache change (readers get
    the cached page, byte for byte), the article's row untouched."""
    settings.PAGE_CACHE = True
    SiteSettings.current()  # exists, as on any site that has served a page
    article = ArticleFactory(title="The Public Title", slug="the-public-title")
    reader = Client()
    warm(reader, article.get_absolute_url())
    page_before = reader.get(article.get_absolute_url()).content
    row_before = Article.objects.filter(pk=article.pk).values().get()
    counts = (Version.objects.count(), PublicationEvent.objects.count())
    cache_changes = versions.change_count()

    response = autosave(
        client, article, title="A New Title", slug="a-new-slug", status="unpublished"
    )

    assert response.status_code == 200
    assert Article.objects.filter(pk=article.pk).values().get() == row_before
    assert (Version.objects.count(), PublicationEvent.objects.count()) == counts
    assert not SlugRedirect.objects.exists()
    assert versions.change_count() == cache_changes
    page_after = reader.get(article.get_absolute_url())
    assert page_after["X-Page-Cache"] == "HIT"
    assert without_nonces(page_after.content) == without_nonces(page_before)
    assert reader.get("/articles/a-new-slug/").status_code == 404


@pytest.mark.parametrize("group", ["Moderator", "Contributor"])
def test_only_who_may_change_the_article_may_autosave_it(client, group):
    """A moderator may not change articles; a contributor may not change a published one."""
    staff_in(client, group)
    article = ArticleFactory()
    response = autosave(client, article, title="Not mine to change")
    assert response.status_code == 403
    assert "you may not change this" in response.json()["error"]
    assert not WorkingCopy.objects.exists()


def test_a_contributor_autosaves_their_draft(client):
    staff_in(client, "Contributor")
    article = ArticleFactory(draft=True)
    assert autosave(client, article, title="My draft, typed on").status_code == 200


def test_logged_out_autosave_is_sent_to_the_login_page(client):
    article = ArticleFactory()
    response = autosave(client, article, title="Session expired")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert not WorkingCopy.objects.exists()


def test_autosave_needs_the_csrf_token(editor):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(editor)
    article = ArticleFactory()
    assert autosave(browser, article, title="Forged").status_code == 403
    assert not WorkingCopy.objects.exists()


def test_an_unknown_article_is_a_404(client, editor):
    article = ArticleFactory()
    url = autosave_url(article).replace(f"/{article.pk}/", "/999999/")
    response = client.post(url, {"title": "x"})
    assert response.status_code == 404
    assert response.json()["error"]


def test_autosave_takes_posts_only(client, editor):
    assert client.get(autosave_url(ArticleFactory())).status_code == 405


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (json.dumps({"title": "x"}), "application/json"),
        (b"\x00\xff\xfe garbage", "application/octet-stream"),
        ("unrelated=1&other=2", "application/x-www-form-urlencoded"),
        ("", "application/x-www-form-urlencoded"),
    ],
)
def test_what_is_not_this_form_is_refused(client, editor, body, content_type):
    """A 400 with a reason, never a 500, and nothing kept."""
    response = client.post(autosave_url(ArticleFactory()), body, content_type=content_type)
    assert response.status_code == 400
    assert response.json()["error"]
    assert not WorkingCopy.objects.exists()


def test_too_much_is_refused(client, editor, settings):
    settings.WORKING_COPY_MAX_BYTES = 2000
    response = autosave(client, ArticleFactory(), body="<p>" + "word " * 1000 + "</p>")
    assert response.status_code == 413
    assert not WorkingCopy.objects.exists()


def test_nul_characters_are_dropped_not_a_500(client, editor):
    """PostgreSQL's JSON cannot hold them; no field of the form accepts them either."""
    article = ArticleFactory()
    assert autosave(client, article, title="Ti\x00tle").status_code == 200
    assert WorkingCopy.objects.get().data["title"] == ["Title"]


def test_an_autosave_from_before_your_own_save_is_refused(client, editor):
    """A form opened before the user saved the article themselves (another tab, or an
    autosave still on its way when they pressed Save) does not bring back a stale copy."""
    article = ArticleFactory()
    stale_base = article.lock_version
    saved = client.post(change_url(article), article_form_data(article, title="Saved"))
    assert saved.status_code == 302
    article.refresh_from_db()
    response = autosave(client, article, title="Old tab", _working_copy_base=str(stale_base))
    assert response.status_code == 409
    assert "reload" in response.json()["error"]
    assert not WorkingCopy.objects.exists()


def test_an_add_form_is_kept_by_its_key(client, editor):
    data = {**article_form_data(None, title="A new one"), "_working_copy_key": "a" * 32}
    assert client.post(autosave_url(), data).status_code == 200
    copy = WorkingCopy.objects.get()
    assert (copy.object_id, copy.key, copy.data["title"]) == ("", "a" * 32, ["A new one"])


def test_an_add_form_without_a_key_is_refused(client, editor):
    assert client.post(autosave_url(), article_form_data(None)).status_code == 400


def test_a_contributor_without_add_permission_is_refused(client):
    staff_in(client, "Moderator")
    data = {"title": "x", "_working_copy_key": "a" * 32}
    assert client.post(autosave_url(), data).status_code == 403
