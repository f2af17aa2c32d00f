"""The article form's action bar (articles/admin_publish.py): the buttons each role is offered,
each button posted as a browser posts it, its own message, and refusals shown on the form with
nothing saved and nothing lost."""

import datetime

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.urls import reverse

from articles.models import Article, PublicationEvent
from tests.adminforms import article_form_data, form_errors, management_form
from tests.checks import form_overrides
from tests.factories import ArticleFactory, ArticleFigureFactory, AuthorFactory
from tests.staff import staff_in

pytestmark = pytest.mark.django_db
Status = Article.Status
Action = PublicationEvent.Action
ADD_URL = reverse("admin:articles_article_add")
# Thursday 3 December 2026, 15:00 in London (GMT in winter).
THURSDAY = datetime.datetime(2026, 12, 3, 15, 0, tzinfo=datetime.UTC)


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def verbs(response) -> list[str]:
    return [verb.label for verb in response.context["desk_publish"]["verbs"]]


def said(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def press(client, article, action, **fields):
    return client.post(change_url(article), article_form_data(article, _action=action, **fields))


@pytest.fixture
def contributor(client):
    return staff_in(client, "Contributor")


@pytest.fixture
def editor(client):
    return staff_in(client, "Editor")


def test_a_contributor_is_offered_save_and_submit_and_no_status_menu(client, contributor):
    response = client.get(ADD_URL)

    assert verbs(response) == ["Save draft", "Submit for review"]
    page = response.content.decode()
    assert '<select name="status"' not in page
    assert '<input type="hidden" name="status" value="draft"' in page
    assert 'class="desk-bar"' in page and "New draft" in page


def test_an_editor_is_offered_the_verbs_of_each_state(client, editor):
    draft = ArticleFactory(status=Status.DRAFT, published_at=None)
    review = ArticleFactory(status=Status.REVIEW, published_at=None)
    scheduled = ArticleFactory(scheduled=True)
    public = ArticleFactory()

    assert verbs(client.get(change_url(draft))) == [
        "Save draft",
        "Submit for review",
        "Schedule…",
        "Publish now…",
    ]
    assert verbs(client.get(change_url(review))) == [
        "Save",
        "Return to draft",
        "Schedule…",
        "Publish now…",
    ]
    page = client.get(change_url(scheduled))
    assert verbs(page) == ["Save", "Return to draft", "Reschedule…", "Publish now instead…"]
    assert page.context["desk_publish"]["state"].startswith("Scheduled for ")
    page = client.get(change_url(public))
    assert verbs(page) == ["Save", "Unpublish…"]
    assert page.context["desk_publish"]["state"].startswith("Public since ")


def test_read_only_work_shows_its_state_and_no_button(client, contributor):
    public = ArticleFactory()

    response = client.get(change_url(public))

    assert verbs(response) == []
    assert "Public since" in response.content.decode()


def test_save_draft_stays_a_draft_and_says_so(client, contributor):
    article = ArticleFactory(status=Status.DRAFT, published_at=None)

    response = press(client, article, "save", title="Renamed")

    assert response.status_code == 302 and response.url == change_url(article)
    assert said(response) == ["Draft saved."]
    article.refresh_from_db()
    assert (article.title, article.status) == ("Renamed", Status.DRAFT)
    assert not article.publication_events.exists()


def test_save_keeps_a_public_article_public(client, editor):
    article = ArticleFactory()

    response = press(client, article, "save", title="Renamed", status="draft")

    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    # The bar's Save keeps the article where it stands, whatever a status field says.
    assert (article.title, article.status) == ("Renamed", Status.PUBLISHED)
    assert said(response)[0].startswith("Saved. Public since ")


def test_submit_for_review(client, contributor):
    article = ArticleFactory(status=Status.DRAFT, published_at=None)

    response = press(client, article, "submit", **form_overrides("contributor"))

    assert said(response) == ["Submitted for review: an editor will take it from here."]
    article.refresh_from_db()
    assert article.status == Status.REVIEW
    assert article.publication_events.get().action == Action.SUBMITTED


def test_publish_now_says_where_it_is_public(client, editor):
    article = ArticleFactory(status=Status.REVIEW, published_at=None, slug="the-urn")

    response = press(client, article, "publish", **form_overrides())

    assert said(response) == ["Published: now public at /articles/the-urn/"]
    article.refresh_from_db()
    assert article.is_published
    event = article.publication_events.first()
    assert (event.action, event.by) == (Action.PUBLISHED, editor)


def test_a_new_article_published_in_one_go(client, editor):
    data = article_form_data(_action="publish", **form_overrides())

    response = client.post(ADD_URL, data)

    article = Article.objects.get(slug="the-urn")
    assert response.url == change_url(article)
    assert article.is_published
    assert said(response) == ["Published: now public at /articles/the-urn/"]


@time_machine.travel(THURSDAY, tick=False)
def test_schedule_answers_with_the_day_and_zone(client, editor):
    article = ArticleFactory(status=Status.REVIEW, published_at=None)

    response = press(
        client,
        article,
        "schedule",
        _schedule_date="2026-12-04",
        _schedule_time="09:00",
        **form_overrides(),
    )

    assert said(response) == ["Scheduled for Fri 4 Dec, 09:00 GMT"]
    article.refresh_from_db()
    assert article.published_at == datetime.datetime(2026, 12, 4, 9, 0, tzinfo=datetime.UTC)
    assert article.publication_events.first().action == Action.SCHEDULED


@time_machine.travel(THURSDAY, tick=False)
def test_a_time_that_has_passed_is_a_form_error_and_nothing_is_saved(client, editor):
    article = ArticleFactory(status=Status.REVIEW, published_at=None, title="Kept")

    response = press(
        client,
        article,
        "schedule",
        title="Lost?",
        _schedule_date="2026-12-03",
        _schedule_time="14:00",
    )

    assert form_errors(response)["__all__"] == [
        "Thu 3 Dec, 14:00 GMT has passed: choose a time to come, or publish now."
    ]
    article.refresh_from_db()
    assert (article.title, article.status) == ("Kept", Status.REVIEW)
    assert "Lost?" in response.content.decode()  # the editor's text is still in the form


def test_unpublish_and_return_to_draft(client, editor):
    article = ArticleFactory(slug="gone")

    assert said(press(client, article, "unpublish")) == [
        "Unpublished: /articles/gone/ no longer shows it to readers."
    ]
    article.refresh_from_db()
    assert article.status == Status.UNPUBLISHED

    assert said(press(client, article, "return_to_draft"))[-1] == "Returned to draft."
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_a_contributors_crafted_publish_is_a_form_error_not_a_500(client, contributor):
    article = ArticleFactory(status=Status.DRAFT, published_at=None, title="Kept")

    response = press(client, article, "publish", title="Lost?")

    assert form_errors(response)["__all__"][0].startswith("That step is not open to you")
    article.refresh_from_db()
    assert (article.title, article.status) == ("Kept", Status.DRAFT)


def test_checks_refuse_roll_everything_back_and_show_the_panel(client, editor):
    article = ArticleFactory(status=Status.REVIEW, published_at=None, title="Kept")
    figure = ArticleFigureFactory(article=article, credit="© Museum", caption="A caption")
    type(figure.artwork.primary_image).objects.update(alt_text="")

    response = press(client, article, "publish", title="Lost?", **form_overrides())

    errors = form_errors(response)["__all__"]
    assert errors == [
        "Alt text describes every picture: Figure 1 has no alt text: describe the picture, "
        "or tick “decorative”."
    ]
    article.refresh_from_db()
    assert (article.title, article.status) == ("Kept", Status.REVIEW)
    assert not article.publication_events.filter(action=Action.PUBLISHED).exists()
    page = response.content.decode()
    assert "Lost?" in page
    states = {r.id: r.state for r in response.context["desk_publish"]["report"].results}
    assert states["alt_text"] == "blocking"
    assert 'id="desk-check-alt_text"' in page


def test_a_warning_overridden_in_the_panel_is_on_the_record(client, editor):
    article = ArticleFactory(status=Status.REVIEW, published_at=None)

    refused = press(client, article, "publish")
    page = refused.content.decode()
    assert 'name="_override-tags"' in page
    assert (
        "At least one tag: Add at least one tag. (or override the warning with a reason)"
        in form_errors(refused)["__all__"]
    )

    reasons = form_overrides() | {"_override-tags": "Tags after the launch"}
    assert press(client, article, "publish", **reasons).status_code == 302

    record = client.get(change_url(article)).content.decode()
    assert "Warnings overridden:" in record
    assert "At least one tag (“Tags after the launch”)" in record


def test_a_refused_publish_saves_no_part_of_the_form(client, editor):
    """The byline row posted with a refused publish is rolled back with the rest."""
    article = ArticleFactory(status=Status.REVIEW, published_at=None)
    author = AuthorFactory()
    data = article_form_data(
        article,
        _action="publish",
        **management_form("article_authors", total=1),
        **{"article_authors-0-position": "0", "article_authors-0-author": str(author.pk)},
    )

    response = client.post(change_url(article), data)

    assert form_errors(response)["__all__"]  # the tags and standfirst warnings, not overridden
    assert not article.article_authors.exists()
    assert response.context["desk_publish"]["refused"]


def test_the_panel_shows_the_severities_of_the_users_role(client, contributor):
    article = ArticleFactory(status=Status.DRAFT, published_at=None)
    figure = ArticleFigureFactory(article=article, credit="© Museum", caption="A caption")
    type(figure.artwork.primary_image).objects.update(alt_text="")

    response = client.get(change_url(article))

    states = {r.id: r.state for r in response.context["desk_publish"]["report"].results}
    assert states["alt_text"] == "warning"  # an editor will see to it; for editors it blocks
    assert 'name="_override-alt_text"' in response.content.decode()
    assert response.context["desk_publish"]["summary"] == "4 warnings"


def test_a_form_shown_again_with_an_emptied_slug_links_the_stored_address(client, editor):
    """The bar's link to the public page is the address readers know: a form shown again with
    errors, its slug emptied and its title missing, is the form again, not a 500."""
    article = ArticleFactory(slug="the-urn", status=Status.PUBLISHED)
    response = press(client, article, "save", slug="", title="")

    assert "title" in form_errors(response)
    assert response.context["desk_publish"]["public_url"] == "/articles/the-urn/"
