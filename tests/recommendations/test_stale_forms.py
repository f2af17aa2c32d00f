"""No decision silently undone: an article's page, the queue or a link's page left open while
someone else decides on its links never writes their rows back, and a user who changed the same
link is told, with nothing saved."""

import pytest
from django.test import Client
from django.urls import reverse

from recommendations import engine
from recommendations.models import RelatedLink
from tests.adminforms import browser_post_data, form_errors
from tests.factories import ArticleFactory, ArtistFactory, RelatedLinkFactory
from tests.staff import staff_in

pytestmark = pytest.mark.django_db

Status = RelatedLink.Status
QUEUE_URL = reverse("admin:recommendations_relatedlink_changelist")
INLINE = "related_links"


@pytest.fixture
def editor():
    client = Client()
    return client, staff_in(client, "Editor", username="ana")


@pytest.fixture
def moderator():
    client = Client()
    return client, staff_in(client, "Moderator", username="mo")


def article_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def link_url(link):
    return reverse("admin:recommendations_relatedlink_change", args=[link.pk])


def opened(client, article) -> dict[str, list[str]]:
    """The article's change page as the browser would post it, opened now."""
    return browser_post_data(client.get(article_url(article)), "article_form")


def row_of(data, link) -> str:
    """The prefix of the row that shows `link` in posted article form data."""
    index = next(
        key.split("-")[1]
        for key, values in data.items()
        if key.startswith(f"{INLINE}-") and key.endswith("-id") and values == [str(link.pk)]
    )
    return f"{INLINE}-{index}-"


def queue_action(client, action, links, **extra):
    selected = [str(link.pk) for link in links]
    return client.post(QUEUE_URL, {"action": action, "_selected_action": selected, **extra})


def inline_errors(response) -> list[str]:
    return [
        message
        for name, messages in form_errors(response).items()
        if name.startswith(INLINE)
        for message in messages
    ]


def saved_title(article) -> str:
    article.refresh_from_db()
    return article.title


@pytest.fixture
def source():
    """An article with suggestions, one approved link and two pinned ones."""
    article = ArticleFactory(title="The Urn")
    RelatedLinkFactory.create_batch(3, source=article)
    RelatedLinkFactory(source=article, status=Status.APPROVED)
    RelatedLinkFactory(source=article, status=Status.PINNED, position=0)
    RelatedLinkFactory(source=article, status=Status.PINNED, position=1)
    return article


def decide(client, action, link):
    if action == "delete":
        return queue_action(client, "delete_selected", [link], post="yes")
    return queue_action(client, action, [link])


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


def row_of_queue(data, link) -> str:
    index = next(
        key.split("-")[1]
        for key, values in data.items()
        if key.startswith("form-") and key.endswith("-id") and values == [str(link.pk)]
    )
    return f"form-{index}-"


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


def related_by_artist(count: int):
    """An article and `count` others sharing its artist, with the engine's suggestions."""
    artist = ArtistFactory()
    article = ArticleFactory(title="The Urn")
    article.featured_artists.add(artist)
    for _ in range(count):
        ArticleFactory().featured_artists.add(artist)
    engine.refresh_article(article.pk)
    return article


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
