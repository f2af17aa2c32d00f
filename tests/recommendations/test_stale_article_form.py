"""No decision silently undone: an article's page left open while
someone else decides on its links never writes their rows back, and a user who changed the same
link is told, with nothing saved."""

import pytest
from django.test import Client

from recommendations import engine
from recommendations.models import RelatedLink
from tests.adminforms import browser_post_data, form_errors
from tests.recommendations.stale import (
    QUEUE_URL,
    Status,
    article_url,
    decide,
    inline_errors,
    opened,
    related_by_artist,
    row_of,
    row_of_queue,
    saved_title,
)
from tests.staff import staff_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        ("reject", Status.REJECTED),
        ("approve", Status.APPROVED),
        ("pin", Status.PINNED),
        ("delete", None),
    ],
)
def test_typo_fix_keeps_a_decision_made_in_the_queue_meanwhile(
    editor, moderator, source, action, expected
):
    """The editor's typo fix is saved and the moderator's decision stands."""
    (ana, _), (mo, mo_user) = editor, moderator
    link = source.related_links.filter(status=Status.SUGGESTED).first()
    form = opened(ana, source)

    assert decide(mo, action, link).status_code == 302
    form["title"] = ["The Urn, mended"]
    response = ana.post(article_url(source), form)

    assert response.status_code == 302, form_errors(response)
    assert saved_title(source) == "The Urn, mended"
    stored = RelatedLink.objects.filter(pk=link.pk).first()
    if expected is None:
        assert stored is None
        assert not source.related_links.filter(target=link.target).exists()
    else:
        assert (stored.status, stored.moderated_by) == (expected, mo_user)


def test_typo_fix_keeps_pinned_links_reordered_in_the_queue_meanwhile(editor, moderator, source):
    """Pinned links the moderator swapped in the queue stay swapped."""
    (ana, _), (mo, _) = editor, moderator
    first, second = source.related_links.filter(status=Status.PINNED).order_by("position")
    form = opened(ana, source)

    queue = browser_post_data(mo.get(QUEUE_URL), "changelist-form")
    for link, position in ((first, "1"), (second, "0")):
        queue[row_of_queue(queue, link) + "position"] = [position]
    assert mo.post(QUEUE_URL, {**queue, "_save": "Save"}).status_code == 302
    form["title"] = ["The Urn, mended"]
    response = ana.post(article_url(source), form)

    assert response.status_code == 302, form_errors(response)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.position, second.position) == (1, 0)
    assert saved_title(source) == "The Urn, mended"


def test_editor_who_changed_the_same_link_is_told_and_nothing_is_saved(editor, moderator, source):
    """Pinning a link the moderator rejected meanwhile refuses the save, naming who did what."""
    (ana, _), (mo, mo_user) = editor, moderator
    link = source.related_links.filter(status=Status.SUGGESTED).first()
    form = opened(ana, source)

    decide(mo, "reject", link)
    form["title"] = ["The Urn, mended"]
    form[row_of(form, link) + "status"] = [Status.PINNED]
    response = ana.post(article_url(source), form)

    errors = inline_errors(response)
    assert len(errors) == 1
    assert errors[0].startswith("mo set this link to Rejected at ")
    assert "nothing on this page is saved" in errors[0]
    assert saved_title(source) == "The Urn"
    link.refresh_from_db()
    assert (link.status, link.moderated_by) == (Status.REJECTED, mo_user)
    # The page shows the moderator's decision now, and the editor's typo fix is still there.
    again = browser_post_data(response, "article_form")
    assert again[row_of(again, link) + "status"] == [Status.REJECTED]
    assert again["title"] == ["The Urn, mended"]


def test_saving_again_after_being_told_keeps_the_moderators_decision(editor, moderator, source):
    """Saving the page shown with the conflict saves the typo fix and keeps the rejection."""
    (ana, _), (mo, _) = editor, moderator
    link = source.related_links.filter(status=Status.SUGGESTED).first()
    form = opened(ana, source)
    decide(mo, "reject", link)
    form["title"] = ["The Urn, mended"]
    form[row_of(form, link) + "status"] = [Status.PINNED]
    refused = ana.post(article_url(source), form)

    response = ana.post(article_url(source), browser_post_data(refused, "article_form"))

    assert response.status_code == 302, form_errors(response)
    assert saved_title(source) == "The Urn, mended"
    link.refresh_from_db()
    assert link.status == Status.REJECTED


def test_editor_who_sets_it_again_after_being_told_wins(editor, moderator, source):
    """Once told, an editor who chooses their decision again gets it."""
    (ana, _), (mo, _) = editor, moderator
    link = source.related_links.filter(status=Status.SUGGESTED).first()
    form = opened(ana, source)
    decide(mo, "reject", link)
    form[row_of(form, link) + "status"] = [Status.PINNED]
    refused = ana.post(article_url(source), form)

    again = browser_post_data(refused, "article_form")
    again[row_of(again, link) + "status"] = [Status.PINNED]
    response = ana.post(article_url(source), again)

    assert response.status_code == 302, form_errors(response)
    link.refresh_from_db()
    assert link.status == Status.PINNED


def test_deleting_a_link_the_moderator_changed_meanwhile_is_refused(editor, moderator, source):
    """Ticking "delete" on a link the moderator pinned meanwhile deletes nothing."""
    (ana, _), (mo, _) = editor, moderator
    link = source.related_links.filter(status=Status.SUGGESTED).first()
    form = opened(ana, source)

    decide(mo, "pin", link)
    form[row_of(form, link) + "DELETE"] = ["on"]
    form["title"] = ["The Urn, mended"]
    response = ana.post(article_url(source), form)

    errors = inline_errors(response)
    assert len(errors) == 1
    assert "You marked it for deletion" in errors[0]
    assert RelatedLink.objects.filter(pk=link.pk, status=Status.PINNED).exists()
    assert saved_title(source) == "The Urn"


def test_changing_a_link_deleted_meanwhile_is_refused_by_name(editor, moderator, source):
    """Rejecting a link the moderator deleted meanwhile says which, and saves nothing."""
    (ana, _), (mo, _) = editor, moderator
    link = source.related_links.filter(status=Status.SUGGESTED).first()
    target_title = link.target.title
    form = opened(ana, source)

    decide(mo, "delete", link)
    form[row_of(form, link) + "status"] = [Status.REJECTED]
    form["title"] = ["The Urn, mended"]
    refused = ana.post(article_url(source), form)

    errors = inline_errors(refused)
    assert len(errors) == 1
    assert errors[0].startswith(f"The link to “{target_title}” was removed after you opened")
    assert saved_title(source) == "The Urn"
    assert not source.related_links.filter(target__title=target_title).exists()
    # The page shown again no longer has the link, and saves as it is.
    response = ana.post(article_url(source), browser_post_data(refused, "article_form"))
    assert response.status_code == 302, form_errors(response)
    assert saved_title(source) == "The Urn, mended"
    assert not source.related_links.filter(target__title=target_title).exists()


def test_the_same_decision_made_twice_is_no_conflict(editor, moderator, source):
    """Rejecting what the moderator rejected meanwhile saves, and the moderator's record stays."""
    (ana, _), (mo, mo_user) = editor, moderator
    link = source.related_links.filter(status=Status.SUGGESTED).first()
    form = opened(ana, source)

    decide(mo, "reject", link)
    form[row_of(form, link) + "status"] = [Status.REJECTED]
    response = ana.post(article_url(source), form)

    assert response.status_code == 302, form_errors(response)
    link.refresh_from_db()
    assert (link.status, link.moderated_by) == (Status.REJECTED, mo_user)


def test_editor_changes_a_link_nobody_else_touched(editor, moderator, source):
    """A link only the editor changed is saved, beside the moderator's decision on another."""
    (ana, ana_user), (mo, mo_user) = editor, moderator
    rejected_by_mo, pinned_by_ana = source.related_links.filter(status=Status.SUGGESTED)[:2]
    form = opened(ana, source)

    decide(mo, "reject", rejected_by_mo)
    form[row_of(form, pinned_by_ana) + "status"] = [Status.PINNED]
    response = ana.post(article_url(source), form)

    assert response.status_code == 302, form_errors(response)
    rejected_by_mo.refresh_from_db()
    pinned_by_ana.refresh_from_db()
    assert (rejected_by_mo.status, rejected_by_mo.moderated_by) == (Status.REJECTED, mo_user)
    assert (pinned_by_ana.status, pinned_by_ana.moderated_by) == (Status.PINNED, ana_user)


def test_suggestions_stored_again_by_the_engine_are_the_same_links(editor):
    """The engine re-storing suggestions under new ids neither errs nor loses the editor's
    rejection of one of them."""
    ana, _ = editor
    source = related_by_artist(5)
    unwanted = source.related_links.first()
    form = opened(ana, source)

    engine.refresh_own_list(source.pk)
    assert not RelatedLink.objects.filter(pk=unwanted.pk).exists()  # new ids
    form[row_of(form, unwanted) + "status"] = [Status.REJECTED]
    form["title"] = ["The Urn, mended"]
    response = ana.post(article_url(source), form)

    assert response.status_code == 302, form_errors(response)
    assert saved_title(source) == "The Urn, mended"
    rejected = source.related_links.get(target=unwanted.target)
    assert rejected.status == Status.REJECTED
    assert source.related_links.filter(status=Status.SUGGESTED).count() == 4


def test_refused_save_shows_no_false_errors_on_the_links(django_capture_on_commit_callbacks):
    """When another editor saved first, the only error is theirs, not one per link."""
    first, second = Client(), Client()
    staff_in(first, "Editor", username="ana")
    staff_in(second, "Editor", username="ben")
    source = related_by_artist(8)
    assert source.related_links.count() == 8
    ana_form, ben_form = opened(first, source), opened(second, source)

    ana_form["title"] = ["Ana's title"]
    with django_capture_on_commit_callbacks(execute=True):  # the engine runs after her save
        assert first.post(article_url(source), ana_form).status_code == 302
    ben_form["standfirst"] = ["Ben's standfirst."]
    response = second.post(article_url(source), ben_form)

    errors = form_errors(response)
    assert list(errors) == ["__all__"]
    assert errors["__all__"][0].startswith("ana saved this article at ")
