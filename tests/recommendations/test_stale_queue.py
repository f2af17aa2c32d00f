"""No decision silently undone: the moderation queue or a link's page left open while someone
else decides on the same links never writes them back."""

import pytest

from recommendations.models import RelatedLink
from tests.adminforms import browser_post_data, form_errors
from tests.factories import ArticleFactory
from tests.recommendations.stale import (
    INLINE,
    QUEUE_URL,
    Status,
    article_url,
    decide,
    link_url,
    opened,
    row_of,
    row_of_queue,
)

pytestmark = pytest.mark.django_db


def test_stale_queue_keeps_decisions_made_on_the_article_page(editor, moderator, source):
    """A queue left open and saved for another row does not undo an editor's rejection."""
    (ana, ana_user), (mo, _) = editor, moderator
    rejected, repositioned = source.related_links.filter(status=Status.PINNED).order_by("position")
    queue = browser_post_data(mo.get(QUEUE_URL), "changelist-form")

    form = opened(ana, source)
    form[row_of(form, rejected) + "status"] = [Status.REJECTED]
    assert ana.post(article_url(source), form).status_code == 302
    queue[row_of_queue(queue, repositioned) + "position"] = ["5"]
    response = mo.post(QUEUE_URL, {**queue, "_save": "Save"})

    assert response.status_code == 302
    rejected.refresh_from_db()
    repositioned.refresh_from_db()
    assert (rejected.status, rejected.moderated_by) == (Status.REJECTED, ana_user)
    assert repositioned.position == 5


def test_stale_queue_row_changed_twice_shows_the_error_beside_its_link(editor, moderator, source):
    """The queue's refusal is shown on the row of the link both changed."""
    (ana, _), (mo, _) = editor, moderator
    link = source.related_links.filter(status=Status.SUGGESTED).first()
    queue = browser_post_data(mo.get(QUEUE_URL), "changelist-form")

    form = opened(ana, source)
    form[row_of(form, link) + "status"] = [Status.REJECTED]
    assert ana.post(article_url(source), form).status_code == 302
    queue[row_of_queue(queue, link) + "status"] = [Status.APPROVED]
    response = mo.post(QUEUE_URL, {**queue, "_save": "Save"})

    assert response.status_code == 200
    changelist = response.context["cl"]
    rows = list(zip(changelist.result_list, changelist.formset.forms, strict=True))
    assert all(shown.pk == form.instance.pk for shown, form in rows)
    refused = [form for _, form in rows if form.non_field_errors()]
    assert [form.instance.pk for form in refused] == [link.pk]
    assert refused[0].non_field_errors()[0].startswith("ana set this link to Rejected at ")
    link.refresh_from_db()
    assert link.status == Status.REJECTED


def test_stale_link_page_does_not_overwrite(editor, moderator, source):
    """A link's own page opened before an editor's decision refuses a different decision."""
    (ana, _), (mo, _) = editor, moderator
    link = source.related_links.filter(status=Status.SUGGESTED).first()
    page = browser_post_data(mo.get(link_url(link)), "relatedlink_form")

    form = opened(ana, source)
    form[row_of(form, link) + "status"] = [Status.PINNED]
    assert ana.post(article_url(source), form).status_code == 302
    page["status"] = [Status.REJECTED]
    response = mo.post(link_url(link), page)

    assert form_errors(response)["__all__"][0].startswith("ana set this link to Pinned")
    link.refresh_from_db()
    assert link.status == Status.PINNED


@pytest.mark.parametrize(
    "damage",
    [
        {"initial-{row}status": None},
        {"initial-{row}position": ["x"]},
        {"{row}id": ["not a number"]},
        {"{row}id": ["9" * 5000]},
        {"{row}shown_target": ["-1"]},
        {f"{INLINE}-999999999999-status": ["pinned"]},
        {f"{INLINE}-INITIAL_FORMS": ["60"]},
        {f"{INLINE}-TOTAL_FORMS": ["-3"]},
    ],
)
def test_damaged_link_rows_are_a_form_error_or_ignored_never_a_crash(editor, source, damage):
    """Hand-made or damaged posts of the links answer with the form, never a server error."""
    ana, _ = editor
    form = opened(ana, source)
    row = row_of(form, source.related_links.filter(status=Status.SUGGESTED).first())
    for key, value in damage.items():
        key = key.format(row=row)
        if value is None:
            form.pop(key)
        else:
            form[key] = value
    form[row + "status"] = [Status.REJECTED]

    response = ana.post(article_url(source), form)

    assert response.status_code in {200, 302}


def test_a_moderator_reading_an_article_sees_no_form_bookkeeping(moderator, source):
    """The hidden target the editor's form posts is not shown as an empty column to readers."""
    mo, _ = moderator

    content = mo.get(article_url(source)).content.decode()

    assert "shown_target" not in content and "Shown target" not in content


def test_a_link_added_beside_one_deleted_meanwhile_is_saved(editor, moderator, source):
    """The rows after a gone one, and a new row, keep their data when the gone one is left out."""
    (ana, ana_user), (mo, _) = editor, moderator
    gone, kept = source.related_links.filter(status=Status.SUGGESTED)[:2]
    target = ArticleFactory(title="Sunflower Seeds")
    form = opened(ana, source)

    decide(mo, "delete", gone)
    form[row_of(form, kept) + "status"] = [Status.PINNED]
    total = int(form[f"{INLINE}-TOTAL_FORMS"][0])
    form[f"{INLINE}-TOTAL_FORMS"] = [str(total + 1)]
    form[f"{INLINE}-{total}-target"] = [str(target.pk)]
    form[f"{INLINE}-{total}-status"] = [Status.APPROVED]
    response = ana.post(article_url(source), form)

    assert response.status_code == 302, form_errors(response)
    kept.refresh_from_db()
    assert (kept.status, kept.moderated_by) == (Status.PINNED, ana_user)
    added = source.related_links.get(target=target)
    assert (added.status, added.origin) == (Status.APPROVED, RelatedLink.Origin.STAFF)
    assert not RelatedLink.objects.filter(pk=gone.pk).exists()
