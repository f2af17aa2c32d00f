"""The related links on an article's page in the admin: listed in block order, pinned,
reordered, rejected and added by hand, and the inline joining the article admin."""

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from articles.admin import ArticleAdmin
from articles.models import Article
from recommendations.admin import RelatedLinkInline
from recommendations.models import RelatedLink
from tests.adminforms import form_errors, management_form
from tests.factories import ArticleFactory, RelatedLinkFactory

pytestmark = pytest.mark.django_db

Status = RelatedLink.Status
QUEUE_URL = reverse("admin:recommendations_relatedlink_changelist")
ADD_URL = reverse("admin:recommendations_relatedlink_add")
INLINE = "related_links"


def article_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


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
    assert "shares the tag photography" in content


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


def test_the_related_links_join_the_article_admin_through_its_extension_point():
    """No second article admin: recommendations appends its inline to ArticleAdmin's
    extra_inlines from its ready(), and a new article's page leaves it out."""
    model_admin = admin.site.get_model_admin(Article)
    assert isinstance(model_admin, ArticleAdmin)
    assert not any(cls.__module__.startswith("recommendations") for cls in type(model_admin).mro())
    assert ArticleAdmin.extra_inlines.count(RelatedLinkInline) == 1
    assert RelatedLinkInline not in model_admin.get_inlines(None, None)
