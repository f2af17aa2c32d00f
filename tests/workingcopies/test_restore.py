"""The next visit of the form: the offer to restore the working copy, the form bound to it, the
differences when someone else saved since, Discard, and the copy ended by any real save."""

import pytest
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from articles import services
from articles.models import Article
from tests.adminforms import article_form_data, form_errors
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory
from tests.staff import staff_in
from tests.workingcopies.helpers import autosave, autosave_url, change_url, discard_url
from workingcopies.models import WorkingCopy

pytestmark = pytest.mark.django_db

OFFER = "Restore your unsaved changes from"


@pytest.fixture
def editor(client):
    return staff_in(client, "Editor", username="eddie")


def restore(client, article):
    return client.get(change_url(article) + "?_working_copy=restore")


def test_the_form_offers_the_working_copy_back(client, editor):
    article = ArticleFactory(title="Saved title")
    autosave(client, article, title="Typed title")
    page = client.get(change_url(article)).content.decode()
    assert OFFER in page
    assert "?_working_copy=restore" in page
    assert "saved this article" not in page  # nobody saved since


def test_no_offer_without_a_copy_nor_to_someone_else(client, editor):
    article = ArticleFactory()
    assert OFFER not in client.get(change_url(article)).content.decode()
    colleague = Client()
    staff_in(colleague, "Editor", username="ana")
    autosave(colleague, article, title="Ana's unsaved title")
    assert OFFER not in client.get(change_url(article)).content.decode()


def test_a_copy_that_changes_nothing_is_not_offered_and_goes(client, editor):
    """Typed and undone: nothing to restore."""
    article = ArticleFactory()
    autosave(client, article)
    assert OFFER not in client.get(change_url(article)).content.decode()
    assert not WorkingCopy.objects.exists()


def test_restore_fills_the_form_with_the_copy_and_writes_nothing(client, editor):
    article = ArticleFactory(title="Saved title", standfirst="Saved standfirst.")
    author = AuthorFactory(name="Ines Byline")
    autosave(
        client,
        article,
        title="Typed title",
        body="<p>Typed body.</p>",
        **{
            "article_authors-TOTAL_FORMS": "1",
            "article_authors-0-position": "1",
            "article_authors-0-author": str(author.pk),
        },
    )
    versions_before = Version.objects.count()

    response = restore(client, article)

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form["title"].value() == "Typed title"
    assert form["body"].value() == "<p>Typed body.</p>"
    assert form["standfirst"].value() == "Saved standfirst."
    byline = next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == "article_authors"
    )
    assert byline.forms[0]["author"].value() == str(author.pk)
    page = response.content.decode()
    assert "are in the form below" in page
    assert OFFER not in page
    article.refresh_from_db()
    assert article.title == "Saved title"
    assert not article.authors.exists()
    assert Version.objects.count() == versions_before


def test_saving_the_restored_form_saves_it_and_ends_the_copy(client, editor):
    article = ArticleFactory(title="Saved title")
    autosave(client, article, title="Typed title")
    restored = restore(client, article).context["adminform"].form
    data = article_form_data(article, title=restored["title"].value())
    assert client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.title == "Typed title"
    assert not WorkingCopy.objects.exists()


def test_any_real_save_ends_the_copy(client, editor):
    """Even one that did not start from the restored copy: what is saved is what counts."""
    article = ArticleFactory()
    autosave(client, article, title="Typed title")
    data = {**article_form_data(article, title="Other"), "_continue": "1"}
    assert client.post(change_url(article), data).status_code == 302
    assert not WorkingCopy.objects.exists()


def test_a_save_by_the_action_bar_ends_the_copy(client, editor):
    """The bar's buttons answer with their own message and address (articles/admin_publish.py):
    the copy still goes, with nothing else to load."""
    article = ArticleFactory(draft=True)
    autosave(client, article, title="Typed title")
    data = {**article_form_data(article, title="Typed title"), "_action": "save"}
    assert client.post(change_url(article), data).status_code == 302
    assert not WorkingCopy.objects.exists()


def test_a_new_article_saved_by_the_action_bar_ends_its_copy(client, editor):
    data = {**article_form_data(None, title="A new one"), "_working_copy_key": "a" * 32}
    assert client.post(autosave_url(), data).status_code == 200
    other = {**data, "_working_copy_key": "b" * 32}
    assert client.post(autosave_url(), other).status_code == 200  # another tab's new article
    response = client.post(reverse("admin:articles_article_add"), {**data, "_action": "save"})
    assert response.status_code == 302
    assert Article.objects.get().title == "A new one"
    assert list(WorkingCopy.objects.values_list("key", flat=True)) == ["b" * 32]


def test_a_refused_save_is_kept_as_the_working_copy(client, editor):
    """A save refused with a form error saved nothing: what was posted is the working copy,
    and the page warns before it is left (the form holds changes not saved)."""
    article = ArticleFactory()
    autosave(client, article, title="Typed title")
    posted = article_form_data(article, title="", standfirst="Posted, refused.")
    response = client.post(change_url(article), posted)
    assert "title" in form_errors(response)
    assert WorkingCopy.objects.get().data["standfirst"] == ["Posted, refused."]
    assert 'data-unsaved="true"' in response.content.decode()


def test_a_save_refused_as_stale_is_offered_with_the_differences(client, editor):
    """The refused editor closes the tab: their text comes back, with what the other saved."""
    article = ArticleFactory(title="Original title")
    stale = {**article_form_data(article, title="Eddie's title"), "_working_copy_base": "1"}
    colleague = Client()
    staff_in(colleague, "Editor", username="ana")
    assert colleague.post(change_url(article), article_form_data(article)).status_code == 302
    stale["_working_copy_base"] = stale["edit_token"]
    refused = client.post(change_url(article), stale)
    assert "after you opened it" in form_errors(refused)["__all__"][0]
    response = client.get(change_url(article))
    assert OFFER in response.content.decode()
    saved_since = response.context["working_copy"]["saved_since"]
    assert saved_since["who"] == "ana"
    assert [(d.field, d.unsaved) for d in saved_since["differences"]] == [
        ("Title", "Eddie's title")
    ]


def test_a_copy_older_than_the_users_own_save_goes(client, editor):
    """Saved since by the same user another way (a service, a bulk action): nothing to offer."""
    article = ArticleFactory()
    autosave(client, article, title="Typed title")
    article.refresh_from_db()
    article.standfirst = "Saved by a service."
    services.article_save(article=article, user=editor)
    assert OFFER not in client.get(change_url(article)).content.decode()
    assert not WorkingCopy.objects.exists()


def test_choices_show_their_labels(client, editor):
    """A picked row reads as its name. (The status, once a choice here, is no longer typed: the
    action bar's buttons move an article, so a working copy never changes it.)"""
    article = ArticleFactory(draft=True, section=SectionFactory(name="Reviews"))
    other = SectionFactory(name="Essays")
    autosave(client, article, section=str(other.pk), _working_copy_base="0")
    differences = client.get(change_url(article)).context["working_copy"]["saved_since"]
    assert [(d.field, d.saved, d.unsaved) for d in differences["differences"]] == [
        ("Section", "Reviews", "Essays")
    ]


def test_discard_removes_the_copy(client, editor):
    article = ArticleFactory()
    autosave(client, article, title="Typed title")
    assert client.post(discard_url(article)).status_code == 200
    assert not WorkingCopy.objects.exists()
    assert OFFER not in client.get(change_url(article)).content.decode()


def test_discard_needs_change_permission(client, editor):
    article = ArticleFactory()
    autosave(client, article, title="Typed title")
    moderator = Client()
    staff_in(moderator, "Moderator")
    assert moderator.post(discard_url(article)).status_code == 403
    assert WorkingCopy.objects.count() == 1


def test_restore_with_no_copy_goes_back_to_the_form(client, editor):
    article = ArticleFactory()
    response = restore(client, article)
    assert response.status_code == 302
    assert response["Location"] == change_url(article)


def test_a_read_only_form_offers_nothing(client):
    """A contributor's published article is read only: no offer, no autosave."""
    contributor = staff_in(client, "Contributor")
    article = ArticleFactory(draft=True)
    autosave(client, article, title="Typed while a draft")
    Article.objects.filter(pk=article.pk).update(status=Article.Status.PUBLISHED)
    page = client.get(change_url(article)).content.decode()
    assert OFFER not in page
    assert 'id="working-copy"' not in page
    assert WorkingCopy.objects.filter(user=contributor).count() == 1


class TestSomeoneElseSavedSince:
    """The copy was based on an older version: the offer says who saved and when, and what
    differs field by field; restored, the form carries the edit token of now."""

    @pytest.fixture
    def article(self, client, editor):
        article = ArticleFactory(title="Original title", standfirst="Original standfirst.")
        autosave(client, article, title="Eddie's title")
        colleague = Client()
        staff_in(colleague, "Editor", username="ana")
        data = article_form_data(article, standfirst="Ana's standfirst.")
        assert colleague.post(change_url(article), data).status_code == 302
        article.refresh_from_db()
        return article

    def test_the_offer_names_them_and_shows_the_differences(self, client, article):
        response = client.get(change_url(article))
        page = response.content.decode()
        assert OFFER in page
        assert "ana saved this article at " in page
        differences = {
            difference.field: (difference.saved, difference.unsaved)
            for difference in response.context["working_copy"]["saved_since"]["differences"]
        }
        assert differences == {
            "Title": ("Original title", "Eddie's title"),
            "Standfirst": ("Ana's standfirst.", "Original standfirst."),
        }
        # The page's own object still shows the saved article (breadcrumbs, preview link).
        assert response.context["original"].title == "Original title"

    def test_restored_it_saves_without_being_refused_as_stale(self, client, article):
        response = restore(client, article)
        form = response.context["adminform"].form
        assert form["edit_token"].value() == str(article.lock_version)
        assert "ana saved this article at " in response.content.decode()
        differences = response.context["working_copy"]["saved_since"]["differences"]
        assert [difference.field for difference in differences] == ["Title", "Standfirst"]
        data = {name: form[name].value() or "" for name in ("title", "standfirst")}
        posted = article_form_data(article, edit_token=form["edit_token"].value(), **data)
        assert client.post(change_url(article), posted).status_code == 302
        article.refresh_from_db()
        assert (article.title, article.standfirst) == ("Eddie's title", "Original standfirst.")


def test_an_add_form_offers_its_copy_back(client, editor):
    data = {**article_form_data(None, title="Begun, never saved"), "_working_copy_key": "b" * 32}
    assert client.post(autosave_url(), data).status_code == 200
    add_url = "/admin/articles/article/add/"
    page = client.get(add_url).content.decode()
    assert OFFER in page
    response = client.get(f"{add_url}?_working_copy=restore&_working_copy_key={'b' * 32}")
    assert response.context["adminform"].form["title"].value() == "Begun, never saved"
    assert f'value="{"b" * 32}"' in response.content.decode()
    saved = {**article_form_data(None, title="Begun, never saved"), "_working_copy_key": "b" * 32}
    assert client.post(add_url, saved).status_code == 302
    assert not WorkingCopy.objects.exists()


def test_no_offer_nor_autosave_on_a_revision_to_revert_to(client, editor):
    """That form shows another version of the article: it is not the editor's draft (and the
    revisions' template has no offer in it)."""
    article = ArticleFactory()
    assert client.post(change_url(article), article_form_data(article)).status_code == 302
    article.refresh_from_db()
    autosave(client, article, title="Typed title")
    version = Version.objects.get_for_object(article).first()
    url = f"/admin/articles/article/{article.pk}/history/{version.pk}/"
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Revert" in page
    assert OFFER not in page
    # Not even worked out: the offer's bookkeeping (dropping a copy that changes nothing)
    # would compare the copy with the revision shown.
    assert "working_copy" not in response.context
    assert WorkingCopy.objects.count() == 1


def test_no_autosave_in_a_popup(client, editor):
    """A quick add from another form (the "+" beside a select) has nothing long to type."""
    page = client.get("/admin/articles/article/add/?_popup=1").content.decode()
    assert 'id="working-copy"' not in page
    assert 'id="working-copy"' in client.get("/admin/articles/article/add/").content.decode()
