"""Who may moderate: the Moderator and Editor groups, and readers kept out of the admin."""

import importlib
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from articles.labels import article_label
from recommendations.models import RelatedLink
from tests.adminforms import article_form_data, management_form
from tests.factories import ArticleFactory, ArtistFactory, ArtworkFactory, RelatedLinkFactory
from tests.staff import staff_in

pytestmark = pytest.mark.django_db

Status = RelatedLink.Status
QUEUE_URL = reverse("admin:recommendations_relatedlink_changelist")


@pytest.fixture
def moderator(client):
    """A staff member in the Moderator group."""
    return staff_in(client, "Moderator")


@pytest.fixture
def editor(client):
    """A staff member in the Editor group."""
    return staff_in(client, "Editor")


def article_url(article, view="change"):
    return reverse(f"admin:articles_article_{view}", args=[article.pk])


def renamed(article, title) -> dict[str, str]:
    """The article's change form with a new title (its publication time as the form shows it,
    no inline rows)."""
    shown = article_form_data(article)
    return {
        "title": title,
        "slug": article.slug,
        "section": str(article.section_id),
        "standfirst": article.standfirst,
        "body": article.body,
        "status": article.status,
        "published_at_0": shown["published_at_0"],
        "published_at_1": shown["published_at_1"],
        "meta_description": "",
        "edit_token": str(article.lock_version),
        **management_form("article_authors"),
        **management_form("figures"),
        **management_form("links"),
        **management_form("related_links"),
    }


def approve(client, link):
    return client.post(QUEUE_URL, {"action": "approve", "_selected_action": [str(link.pk)]})


def test_moderator_group_may_only_moderate_links():
    """The Moderator group edits related links, runs experiments, reads the measurement and
    only views articles and sections."""
    group = Group.objects.get(name="Moderator")

    codenames = set(group.permissions.values_list("codename", flat=True))

    assert codenames == {
        "add_relatedlink",
        "change_relatedlink",
        "delete_relatedlink",
        "view_relatedlink",
        "view_article",
        "view_section",
        "add_experiment",
        "change_experiment",
        "view_experiment",
        "view_slotday",
        "view_experimentday",
    }


def test_editor_group_may_edit_content_and_links():
    """The Editor group has every right on content and on related links."""
    permissions = {
        f"{app_label}.{codename}"
        for app_label, codename in Group.objects.get(name="Editor").permissions.values_list(
            "content_type__app_label", "codename"
        )
    }

    assert {"articles.delete_article", "artists.change_artist", "taggit.add_tag"} <= permissions
    assert {"artworks.add_artworkimage", "recommendations.change_relatedlink"} <= permissions
    assert {"sitesettings.change_sitesettings", "sitesettings.view_sitesettings"} <= permissions
    assert "sitesettings.add_sitesettings" not in permissions
    assert not any(p.startswith("auth.") for p in permissions)


def test_moderator_can_open_the_queue_and_approve_and_reject(client, moderator):
    """A moderator works the queue: list, approve and reject."""
    kept, dropped = RelatedLinkFactory.create_batch(2)

    assert client.get(QUEUE_URL).status_code == 200
    approve(client, kept)
    client.post(QUEUE_URL, {"action": "reject", "_selected_action": [str(dropped.pk)]})

    kept.refresh_from_db()
    dropped.refresh_from_db()
    assert (kept.status, kept.moderated_by) == (Status.APPROVED, moderator)
    assert (dropped.status, dropped.moderated_by) == (Status.REJECTED, moderator)


def test_moderator_can_find_articles_to_link(client, moderator):
    """The target autocomplete answers a moderator."""
    article = ArticleFactory(title="Sunflower Seeds")

    response = client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "recommendations",
            "model_name": "relatedlink",
            "field_name": "target",
            "term": "sunflower",
        },
    )

    assert response.status_code == 200
    # Named with its section, date and slug, so that namesakes can be told apart (issue 16).
    assert [row["text"] for row in response.json()["results"]] == [article_label(article)]


def test_moderator_sees_an_article_read_only(client, moderator):
    """A moderator may look at an article and its links, with nothing to save."""
    link = RelatedLinkFactory()

    response = client.get(article_url(link.source))

    assert response.status_code == 200
    content = response.content.decode()
    assert link.source.title in content
    assert 'name="title"' not in content
    assert 'name="_save"' not in content
    assert "shares the tag photography" in content
    assert 'name="related_links-0-status"' not in content


def test_moderator_cannot_change_an_article(client, moderator):
    """A moderator's post to an article's page is refused and changes nothing."""
    article = ArticleFactory(title="The Urn")

    response = client.post(article_url(article), renamed(article, "Defaced"))

    assert response.status_code == 403
    article.refresh_from_db()
    assert article.title == "The Urn"


def test_moderator_cannot_add_articles(client, moderator):
    """The article add page is closed to moderators."""
    assert client.get(reverse("admin:articles_article_add")).status_code == 403


@pytest.mark.parametrize(
    "url",
    [
        reverse("admin:artists_artist_changelist"),
        reverse("admin:artworks_artwork_changelist"),
        reverse("admin:artists_artist_add"),
    ],
)
def test_moderator_cannot_reach_artists_or_artworks(client, moderator, url):
    """Artists and artworks are not a moderator's business."""
    assert client.get(url).status_code == 403


def test_moderator_cannot_open_an_artist_or_artwork(client, moderator):
    """Even a known artist's or artwork's page is closed to moderators."""
    artist, artwork = ArtistFactory(), ArtworkFactory()

    assert client.get(reverse("admin:artists_artist_change", args=[artist.pk])).status_code == 403
    assert (
        client.get(reverse("admin:artworks_artwork_change", args=[artwork.pk])).status_code == 403
    )


def test_editor_can_edit_articles_and_moderate(client, editor):
    """An editor both changes articles and decides on their links."""
    article = ArticleFactory(title="The Urn")
    link = RelatedLinkFactory(source=article)

    response = client.post(article_url(article), renamed(article, "The Broken Urn"))
    approve(client, link)

    assert response.status_code == 302
    article.refresh_from_db()
    link.refresh_from_db()
    assert article.title == "The Broken Urn"
    assert (link.status, link.moderated_by) == (Status.APPROVED, editor)


def test_editor_sees_the_links_editable_on_the_article_page(client, editor):
    """On the article page an editor can pin, reorder and reject links."""
    link = RelatedLinkFactory()

    content = client.get(article_url(link.source)).content.decode()

    assert 'name="related_links-0-status"' in content
    assert 'name="related_links-0-position"' in content


@pytest.mark.parametrize("url", [reverse("admin:index"), QUEUE_URL])
def test_reader_is_sent_to_the_admin_login(client, url):
    """A signed-in reader who is not staff is asked to log in as staff."""
    client.force_login(User.objects.create_user("reader"))

    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_groups_migration_runs_again_and_reverses():
    """The groups migration can run twice without duplicates and its reverse drops the groups."""
    migration = importlib.import_module("recommendations.migrations.0002_groups")
    state = MigrationExecutor(connection).loader.project_state(("recommendations", "0002_groups"))
    editor = SimpleNamespace(connection=connection)
    before = {g.name: g.permissions.count() for g in Group.objects.all()}

    migration.create_groups(state.apps, editor)
    again = {g.name: g.permissions.count() for g in Group.objects.all()}
    migration.remove_groups(state.apps, editor)

    # The Editor's 51st permission, publish_article, comes from articles' 0003_roles; the four
    # on featuring decisions from featuring's 0002_roles; the three on links (change and view a
    # link, view its uses: the queue of broken links) from links' 0002_inventory_roles; five
    # each on experiments and the measurement from recommendations' 0007_experiment_roles.
    assert again == before
    roles = {name: again[name] for name in ("Moderator", "Editor")}
    assert roles == {"Moderator": 11, "Editor": 63}
    assert not Group.objects.filter(name__in=["Moderator", "Editor"]).exists()
