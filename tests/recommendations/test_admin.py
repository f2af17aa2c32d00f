"""The moderation queue and the related links on an article's page in the admin."""

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from articles.admin import ArticleAdmin
from articles.models import Article
from recommendations.admin import RelatedLinkInline
from recommendations.models import RelatedLink
from tests.adminforms import form_errors, management_form
from tests.factories import ArticleFactory, RelatedLinkFactory, SectionFactory

pytestmark = pytest.mark.django_db

Status = RelatedLink.Status
QUEUE_URL = reverse("admin:recommendations_relatedlink_changelist")
ADD_URL = reverse("admin:recommendations_relatedlink_add")
INLINE = "related_links"


def article_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def listed(response) -> set[int]:
    return {link.pk for link in response.context["cl"].result_list}


def act(client, action, links):
    return client.post(
        QUEUE_URL, {"action": action, "_selected_action": [str(link.pk) for link in links]}
    )


def article_form(article, links=(), new=()) -> dict[str, str]:
    """The article's change form as the browser posts it: its fields unchanged, its empty
    byline, figures and outbound links, and its related links rows (`links`: existing links
    as they are now, with the changes to post; `new`: fields of rows added by hand)."""
    published = timezone.localtime(article.published_at)
    data = {
        "title": article.title,
        "slug": article.slug,
        "section": str(article.section_id),
        "standfirst": article.standfirst,
        "body": article.body,
        "status": article.status,
        "published_at_0": published.strftime("%Y-%m-%d"),
        "published_at_1": published.strftime("%H:%M:%S"),
        "meta_description": article.meta_description,
        "edit_token": str(article.lock_version),
        **management_form("article_authors"),
        **management_form("figures"),
        **management_form("links"),
        **management_form(INLINE, total=len(links) + len(new), initial=len(links)),
    }
    for index, (link, changes) in enumerate(links):
        shown = {"status": link.status, "position": "" if link.position is None else link.position}
        row = {"id": link.pk, "shown_target": link.target_id, **shown, **changes}
        data.update({f"{INLINE}-{index}-{name}": str(value) for name, value in row.items()})
        data.update(
            {f"initial-{INLINE}-{index}-{name}": str(value) for name, value in shown.items()}
        )
    for index, fields in enumerate(new, start=len(links)):
        data.update({f"{INLINE}-{index}-{name}": str(value) for name, value in fields.items()})
    return data


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

    assert "shares artist Ai Weiwei; tags China and film; same section (Art)" in content
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

    assert "shares tag photography" in content
    assert "1.50" in content
    assert 'name="score"' not in content
    assert 'name="target"' not in content
    assert response.status_code == 302
    link.refresh_from_db()
    assert (link.status, link.moderated_by) == (Status.REJECTED, admin_user)


def test_article_page_lists_its_links_in_block_order(admin_client):
    """The article's inline shows pinned, approved, suggested by score, then rejected."""
    source = ArticleFactory()
    rejected = RelatedLinkFactory(source=source, status=Status.REJECTED, score=9)
    weak = RelatedLinkFactory(source=source, score=1)
    strong = RelatedLinkFactory(source=source, score=2)
    approved = RelatedLinkFactory(source=source, status=Status.APPROVED)
    second = RelatedLinkFactory(source=source, status=Status.PINNED, position=1)
    first = RelatedLinkFactory(source=source, status=Status.PINNED, position=0)

    response = admin_client.get(article_url(source))

    content = response.content.decode()
    assert f'name="{INLINE}-TOTAL_FORMS" value="6"' in content
    inline = next(
        i for i in response.context["inline_admin_formsets"] if i.opts.model is RelatedLink
    )
    rows = [form.instance for form in inline.formset.initial_forms]
    assert rows == [first, second, approved, strong, weak, rejected]
    assert "shares tag photography" in content


def test_article_add_page_has_no_related_links(admin_client):
    """A new article has nothing to moderate yet, so its add page has no links inline."""
    content = admin_client.get(reverse("admin:articles_article_add")).content.decode()

    assert f'name="{INLINE}-TOTAL_FORMS"' not in content


def test_article_page_pins_reorders_and_rejects_links(admin_client, admin_user):
    """One save of the article page pins, reorders and rejects its links."""
    source = ArticleFactory()
    first = RelatedLinkFactory(source=source, status=Status.PINNED, position=0)
    second = RelatedLinkFactory(source=source, status=Status.PINNED, position=1)
    suggestion = RelatedLinkFactory(source=source)
    unwanted = RelatedLinkFactory(source=source)
    rows = [
        (first, {"position": 1}),
        (second, {"position": 0}),
        (suggestion, {"status": Status.PINNED}),
        (unwanted, {"status": Status.REJECTED}),
    ]

    response = admin_client.post(article_url(source), article_form(source, rows))

    assert response.status_code == 302, form_errors(response)
    order = source.related_links.in_block_order().filter(status=Status.PINNED)
    assert list(order) == [second, first, suggestion]
    assert list(order.values_list("position", flat=True)) == [0, 1, 2]
    unwanted.refresh_from_db()
    assert (unwanted.status, unwanted.moderated_by) == (Status.REJECTED, admin_user)


def test_article_page_adds_a_link_by_hand(admin_client, admin_user):
    """A row added on the article page is a staff link by the editor."""
    source, target = ArticleFactory.create_batch(2)

    response = admin_client.post(
        article_url(source),
        article_form(source, new=[{"target": target.pk, "status": Status.APPROVED}]),
    )

    assert response.status_code == 302
    link = source.related_links.get()
    assert (link.target, link.origin, link.status, link.moderated_by) == (
        target,
        RelatedLink.Origin.STAFF,
        Status.APPROVED,
        admin_user,
    )


def test_article_page_saved_unchanged_leaves_links_alone(admin_client):
    """Saving the article without touching its links records no decision."""
    source = ArticleFactory()
    link = RelatedLinkFactory(source=source)

    response = admin_client.post(article_url(source), article_form(source, [(link, {})]))

    assert response.status_code == 302
    link.refresh_from_db()
    assert (link.status, link.moderated_by) == (Status.SUGGESTED, None)


def test_article_page_self_link_is_a_form_error(admin_client):
    """Linking an article to itself on its own page is an error on that row."""
    source = ArticleFactory()

    response = admin_client.post(
        article_url(source),
        article_form(source, new=[{"target": source.pk, "status": Status.APPROVED}]),
    )

    assert form_errors(response) == {f"{INLINE}-0-target": ["An article cannot link to itself."]}
    assert not RelatedLink.objects.exists()


def test_article_page_duplicate_link_is_a_form_error(admin_client):
    """Adding a target the article links to already is an error on that row."""
    link = RelatedLinkFactory()
    source = link.source

    response = admin_client.post(
        article_url(source),
        article_form(
            source, [(link, {})], new=[{"target": link.target_id, "status": Status.PINNED}]
        ),
    )

    assert form_errors(response) == {
        f"{INLINE}-1-__all__": ["This article already links to that one."]
    }
    assert RelatedLink.objects.count() == 1


def test_article_page_same_target_twice_is_a_form_error(admin_client):
    """Two new rows for the same target are refused together."""
    source, target = ArticleFactory.create_batch(2)
    row = {"target": target.pk, "status": Status.APPROVED}

    response = admin_client.post(article_url(source), article_form(source, new=[row, row]))

    errors = form_errors(response)
    assert errors[f"{INLINE}-__all__"] == ["Please correct the duplicate data for target."]
    assert not RelatedLink.objects.exists()


def test_staff_link_page_offers_no_suggested_status(admin_client):
    """A link added by hand can be approved, pinned or rejected, never left to the engine."""
    link = RelatedLinkFactory(origin=RelatedLink.Origin.STAFF, status=Status.APPROVED, reasons={})
    url = reverse("admin:recommendations_relatedlink_change", args=[link.pk])

    response = admin_client.get(url)

    form = response.context["adminform"].form
    assert Status.SUGGESTED not in dict(form.fields["status"].choices)
    assert "Why the engine suggests it" not in response.content.decode()


def test_the_related_links_join_the_article_admin_through_its_extension_point():
    """No second article admin: recommendations appends its inline to ArticleAdmin's
    extra_inlines from its ready(), and a new article's page leaves it out."""
    model_admin = admin.site.get_model_admin(Article)
    assert isinstance(model_admin, ArticleAdmin)
    assert not any(cls.__module__.startswith("recommendations") for cls in type(model_admin).mro())
    assert ArticleAdmin.extra_inlines == [RelatedLinkInline]
    assert RelatedLinkInline not in model_admin.get_inlines(None, None)
