"""The moderation queue and a link's own page in the admin."""

import datetime

import pytest
from django.urls import reverse

from recommendations.models import RelatedLink
from tests.adminforms import form_errors, management_form
from tests.factories import ArticleFactory, RelatedLinkFactory, SectionFactory

pytestmark = pytest.mark.django_db

Status = RelatedLink.Status
QUEUE_URL = reverse("admin:recommendations_relatedlink_changelist")
ADD_URL = reverse("admin:recommendations_relatedlink_add")
INLINE = "related_links"


def listed(response) -> set[int]:
    return {link.pk for link in response.context["cl"].result_list}


def act(client, action, links):
    return client.post(
        QUEUE_URL, {"action": action, "_selected_action": [str(link.pk) for link in links]}
    )


def test_approve_action_approves_the_selected_links(admin_client, admin_user):
    """Approving from the queue approves only the ticked links and says how many."""
    chosen = RelatedLinkFactory.create_batch(2)
    other = RelatedLinkFactory()

    response = act(admin_client, "approve", chosen)

    assert response.status_code == 302
    assert set(RelatedLink.objects.filter(status=Status.APPROVED)) == set(chosen)
    assert set(RelatedLink.objects.values_list("moderated_by", flat=True)) == {admin_user.pk, None}
    other.refresh_from_db()
    assert other.status == Status.SUGGESTED
    messages = [str(m) for m in admin_client.get(QUEUE_URL).context["messages"]]
    assert messages == ["2 links approved."]


def test_reject_action_rejects_and_unpins(admin_client, admin_user):
    """Rejecting from the queue rejects the links, pinned ones included."""
    suggestion = RelatedLinkFactory()
    pinned = RelatedLinkFactory(status=Status.PINNED, position=0)

    act(admin_client, "reject", [suggestion, pinned])

    for link in (suggestion, pinned):
        link.refresh_from_db()
        assert (link.status, link.position, link.moderated_by) == (
            Status.REJECTED,
            None,
            admin_user,
        )


def test_pin_action_pins_at_the_end_of_each_list(admin_client):
    """Pinning from the queue puts each link after its article's pinned links."""
    source = ArticleFactory()
    RelatedLinkFactory(source=source, status=Status.PINNED, position=0)
    link = RelatedLinkFactory(source=source)

    act(admin_client, "pin", [link])

    link.refresh_from_db()
    assert (link.status, link.position) == (Status.PINNED, 1)


def test_action_that_changes_nothing_says_so(admin_client):
    """Approving approved links changes nothing and tells the moderator."""
    link = RelatedLinkFactory(status=Status.APPROVED)

    response = act(admin_client, "approve", [link])

    messages = [str(m) for m in admin_client.get(response.url).context["messages"]]
    assert messages == ["Nothing changed: the links were approved or pinned already."]


def test_queue_filters_by_status(admin_client):
    """The status filter lists only links with that status."""
    suggestion = RelatedLinkFactory()
    RelatedLinkFactory(status=Status.REJECTED)

    response = admin_client.get(QUEUE_URL, {"status__exact": "suggested"})

    assert listed(response) == {suggestion.pk}


def test_queue_filters_by_source_section(admin_client):
    """The section filter lists links from articles in that section."""
    art = SectionFactory(name="Art")
    from_art = RelatedLinkFactory(source=ArticleFactory(section=art))
    RelatedLinkFactory()

    response = admin_client.get(QUEUE_URL, {"source__section__id__exact": art.pk})

    assert "section of the source" in response.content.decode()
    assert listed(response) == {from_art.pk}


@pytest.mark.parametrize(
    ("band", "expected"), [("strong", {2.0, 3.5}), ("medium", {1.0, 1.99}), ("weak", {0.2})]
)
def test_queue_filters_by_score_band(admin_client, band, expected):
    """The score filter's bands split links at 1 and 2."""
    for score in (0.2, 1.0, 1.99, 2.0, 3.5):
        RelatedLinkFactory(score=score)

    response = admin_client.get(QUEUE_URL, {"score": band})

    assert {link.score for link in response.context["cl"].result_list} == expected


def test_queue_shows_reasons_in_words_and_rounded_scores(admin_client):
    """Moderators read why a link was suggested, not its JSON."""
    RelatedLinkFactory(
        score=2.34567,
        reasons={
            "artists": ["Ai Weiwei"],
            "artworks": [],
            "tags": ["China", "film"],
            "section": "Art",
        },
    )

    content = admin_client.get(QUEUE_URL).content.decode()

    assert "shares the artist Ai Weiwei and the tags China and film; same section (Art)" in content
    assert "2.35" in content
    assert "2.34567" not in content


def test_queue_search_finds_links_by_article_title(admin_client):
    """Searching the queue matches the source's or the target's title."""
    link = RelatedLinkFactory(target=ArticleFactory(title="Sunflower Seeds"))
    RelatedLinkFactory()

    response = admin_client.get(QUEUE_URL, {"q": "sunflower"})

    assert listed(response) == {link.pk}


def test_queue_edits_status_and_position_in_the_list(admin_client, admin_user):
    """Changing status and position in the list records the moderator."""
    link = RelatedLinkFactory()
    data = {
        **management_form("form", total=1, initial=1),
        "form-0-id": str(link.pk),
        "form-0-status": Status.PINNED,
        "form-0-position": "3",
        "initial-form-0-status": Status.SUGGESTED,
        "initial-form-0-position": "",
        "_save": "Save",
    }

    response = admin_client.post(QUEUE_URL, data)

    assert response.status_code == 302
    link.refresh_from_db()
    assert (link.status, link.position, link.moderated_by) == (Status.PINNED, 3, admin_user)


def test_adding_a_link_by_hand_in_the_admin(admin_client, admin_user):
    """A link added on the add page is a staff link and records who added it."""
    source, target = ArticleFactory.create_batch(2)

    response = admin_client.post(
        ADD_URL,
        {"source": source.pk, "target": target.pk, "status": Status.PINNED, "position": ""},
    )

    assert response.status_code == 302
    link = RelatedLink.objects.get()
    assert (link.source, link.target, link.origin) == (source, target, RelatedLink.Origin.STAFF)
    assert (link.status, link.position, link.moderated_by) == (Status.PINNED, 0, admin_user)


def test_add_page_offers_only_decisions(admin_client):
    """A new link starts approved and cannot be a suggestion."""
    form = admin_client.get(ADD_URL).context["adminform"].form

    assert form["status"].value() == Status.APPROVED
    assert Status.SUGGESTED not in dict(form.fields["status"].choices)


def test_linking_an_article_to_itself_is_a_form_error(admin_client):
    """A self-link comes back as an error on the target, and nothing is stored."""
    article = ArticleFactory()

    response = admin_client.post(
        ADD_URL, {"source": article.pk, "target": article.pk, "status": Status.APPROVED}
    )

    assert form_errors(response) == {"target": ["An article cannot link to itself."]}
    assert "An article cannot link to itself." in response.content.decode()
    assert not RelatedLink.objects.exists()


def test_duplicate_link_is_a_form_error(admin_client):
    """Adding a pair that is linked already says so instead of failing."""
    link = RelatedLinkFactory()

    response = admin_client.post(
        ADD_URL, {"source": link.source_id, "target": link.target_id, "status": Status.APPROVED}
    )

    assert form_errors(response) == {"__all__": ["This article already links to that one."]}
    assert "This article already links to that one." in response.content.decode()
    assert RelatedLink.objects.count() == 1


def test_change_page_shows_why_read_only_and_records_the_decision(admin_client, admin_user):
    """An engine link's page shows its score and reasons; saving a decision records who."""
    link = RelatedLinkFactory(score=1.5)
    url = reverse("admin:recommendations_relatedlink_change", args=[link.pk])

    content = admin_client.get(url).content.decode()
    shown = {"initial-status": Status.SUGGESTED, "initial-position": ""}
    response = admin_client.post(url, {"status": Status.REJECTED, "position": "", **shown})

    assert "shares the tag photography" in content
    assert "1.50" in content
    assert 'name="score"' not in content
    assert 'name="target"' not in content
    assert response.status_code == 302
    link.refresh_from_db()
    assert (link.status, link.moderated_by) == (Status.REJECTED, admin_user)


def test_staff_link_page_offers_no_suggested_status(admin_client):
    """A link added by hand can be approved, pinned or rejected, never left to the engine."""
    link = RelatedLinkFactory(origin=RelatedLink.Origin.STAFF, status=Status.APPROVED, reasons={})
    url = reverse("admin:recommendations_relatedlink_change", args=[link.pk])

    response = admin_client.get(url)

    form = response.context["adminform"].form
    assert Status.SUGGESTED not in dict(form.fields["status"].choices)
    assert "Why the engine suggests it" not in response.content.decode()


def test_queue_says_who_decided_and_when_in_one_column(admin_client, admin_user):
    """Who decided on a link and when share the "Decided" column (the counts took the room of
    one), the time as the admin writes times; a suggestion nobody decided on shows a dash."""
    decided = RelatedLinkFactory(status=Status.APPROVED, moderated_by=admin_user)
    RelatedLink.objects.filter(pk=decided.pk).update(
        moderated_at=datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC)
    )
    RelatedLinkFactory()

    content = admin_client.get(QUEUE_URL).content.decode()

    assert (
        f'<td class="field-decided">{admin_user.username}<br>'
        '<span class="article-details">2 Mar 2026, 10 a.m.</span></td>' in content
    )
    assert '<td class="field-decided">—</td>' in content
