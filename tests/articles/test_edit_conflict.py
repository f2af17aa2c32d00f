"""No lost edits: of two editors who opened one article, the second to save is refused with who
changed it and when, and neither's work is lost."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.adminforms import article_form_data, form_errors, management_form
from tests.factories import ArticleFactory, ArtworkFactory, ArtworkImageFactory
from tests.staff import staff_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_editors(client, django_user_model):
    first, second = Client(), Client()
    ana = staff_in(first, "Editor", username="ana")
    ben = staff_in(second, "Editor", username="ben")
    return (first, ana), (second, ben)


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def opened(client, article) -> dict[str, str]:
    """What the change form holds when this client opens it (its edit token included)."""
    response = client.get(change_url(article))
    token = response.context["adminform"].form["edit_token"].value()
    return article_form_data(article, edit_token=str(token))


def test_second_save_is_refused_and_both_versions_survive(two_editors):
    (first, ana), (second, _ben) = two_editors
    article = ArticleFactory(title="Original", standfirst="Original standfirst.")
    ana_form, ben_form = opened(first, article), opened(second, article)

    ana_form["title"] = "Ana's title"
    assert first.post(change_url(article), ana_form).status_code == 302
    ben_form["standfirst"] = "Ben's careful standfirst."
    response = second.post(change_url(article), ben_form)

    errors = form_errors(response)["__all__"]
    assert len(errors) == 1
    assert errors[0].startswith("ana saved this article at ")
    assert "Your changes are not saved" in errors[0]
    article.refresh_from_db()
    assert (article.title, article.standfirst) == ("Ana's title", "Original standfirst.")
    # Ben's text is still in the form he is looking at.
    assert "Ben&#x27;s careful standfirst." in response.content.decode()


def test_second_save_with_only_inline_changes_is_refused_too(two_editors):
    """A figure added in a stale form is not saved either (nothing half-saved)."""
    (first, _ana), (second, _ben) = two_editors
    article = ArticleFactory()
    artwork = ArtworkFactory()
    ArtworkImageFactory(artwork=artwork)
    ana_form, ben_form = opened(first, article), opened(second, article)

    assert first.post(change_url(article), ana_form).status_code == 302
    ben_form.update(
        **management_form("figures", total=1),
        **{"figures-0-position": "0", "figures-0-artwork": str(artwork.pk)},
    )
    response = second.post(change_url(article), ben_form)

    assert "__all__" in form_errors(response)
    assert not article.figures.exists()


def test_after_reloading_the_second_editor_can_save(two_editors):
    (first, _ana), (second, _ben) = two_editors
    article = ArticleFactory()
    ana_form = opened(first, article)
    assert first.post(change_url(article), {**ana_form, "title": "Ana's"}).status_code == 302

    article.refresh_from_db()
    ben_form = opened(second, article)
    response = second.post(change_url(article), {**ben_form, "title": "Ben's"})

    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    assert article.title == "Ben's"


def test_one_editor_saving_twice_in_a_row_is_not_a_conflict(two_editors):
    """'Save and continue editing' reloads the form with the new token."""
    (first, _ana), _ = two_editors
    article = ArticleFactory()

    response = first.post(change_url(article), {**opened(first, article), "_continue": "1"})
    assert response.status_code == 302
    article.refresh_from_db()
    response = first.post(change_url(article), {**opened(first, article), "title": "Again"})

    assert response.status_code == 302, form_errors(response)


def test_a_form_without_its_token_is_refused(two_editors):
    (first, _ana), _ = two_editors
    article = ArticleFactory(title="Kept")

    response = first.post(change_url(article), {**opened(first, article), "edit_token": ""})

    assert "reload the article" in form_errors(response)["__all__"][0]
    article.refresh_from_db()
    assert article.title == "Kept"
