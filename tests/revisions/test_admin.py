"""Revisions through the admin, as a superuser: history, diff, revert and recovery of articles,
artists and artworks."""

import pytest
from django.urls import reverse
from reversion.models import Version

from articles.models import Article
from artists.models import Artist
from artworks.models import Artwork
from tests.adminforms import form_errors
from tests.revisions.adminpages import admin_save, admin_url, form_data, versions_of

pytestmark = pytest.mark.django_db


def revert(client, obj, version):
    """Open the revision form of the version and save it, as an editor reverting does."""
    url = admin_url(obj, "revision", version.pk)
    response = client.post(url, form_data(client.get(url)))
    assert response.status_code == 302
    return response


def delete_and_recover(client, obj):
    """Delete the object through the admin, then recover it from "Recover deleted ..."."""
    assert client.post(admin_url(obj, "delete"), {"post": "yes"}).status_code == 302
    assert not type(obj).objects.filter(pk=obj.pk).exists()
    deleted = client.get(admin_url(obj, "recoverlist")).context["deleted"]
    [version] = [version for version in deleted if version.object_id == str(obj.pk)]
    url = admin_url(obj, "recover", version.pk)
    response = client.post(url, form_data(client.get(url)))
    assert response.status_code == 302
    return type(obj).objects.get(pk=obj.pk)


def test_admin_save_is_a_revision_with_the_user(admin_client, admin_user, article):
    """Saving an article in the admin stores a revision saying who saved it and when."""
    admin_save(admin_client, admin_url(article), title="The Urn, revisited")

    [version] = versions_of(article)
    assert version.revision.user == admin_user
    assert version.revision.date_created is not None
    assert version.field_dict["title"] == "The Urn, revisited"


def test_adding_in_the_admin_starts_the_history(admin_client, admin_user):
    """An artist added in the admin has a first revision, by the editor who added it."""
    url = reverse("admin:artists_artist_add")
    data = {**form_data(admin_client.get(url)), "name": "Ai Weiwei", "sort_name": "Ai, Weiwei"}
    data["slug"] = "ai-weiwei"

    response = admin_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    [version] = versions_of(Artist.objects.get(slug="ai-weiwei"))
    assert version.revision.user == admin_user


def test_history_page_lists_revisions_with_who_and_when(admin_client, article):
    """The history page lists each revision with the editor's name and a compare form."""
    admin_save(admin_client, admin_url(article), title="Second")
    admin_save(admin_client, admin_url(article), title="Third")

    response = admin_client.get(admin_url(article, "history"))

    assert response.status_code == 200
    assert len(response.context["action_list"]) == 2
    content = response.content.decode()
    assert "admin" in content
    assert 'name="version_id1"' in content
    for version in versions_of(article):
        assert admin_url(article, "revision", version.pk) in content


def test_compare_shows_the_changed_title_body_tags_and_parts(admin_client, article):
    """The diff between two revisions shows title and body as text, tags by name and the
    figures and links that went or came."""
    url = admin_url(article)
    admin_save(admin_client, url)
    admin_save(
        admin_client,
        url,
        title="The Urn, revisited",
        body='<p>Second <em>body</em> with <a href="https://example.org/urn">a link</a>.</p>',
        tags=[str(article.tags.get(name="photography").pk), "new:ceramics"],
        **{"figures-0-DELETE": "on", "links-0-title": "Watch the whole film"},
    )
    first, second = versions_of(article)

    response = admin_client.get(
        admin_url(article, "compare"), {"version_id1": first.pk, "version_id2": second.pk}
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "The Urn, revisited" in content
    # Rich text reads as text, with the link's address.
    assert "Second body with a link (https://example.org/urn)" in content
    assert "&lt;em&gt;" not in content
    assert "<del>- urns</del>" in content
    assert "<ins>+ ceramics</ins>" in content
    assert "Figure 1 of The Urn" in content  # the figure removed
    assert "Watch the whole film" in content  # the link changed, field by field
    assert "Updated at" not in content  # fields that only record are left out


def test_compare_of_identical_revisions_says_so(admin_client, article):
    """Two revisions with nothing changed between them compare as "no differences"."""
    admin_save(admin_client, admin_url(article))
    admin_save(admin_client, admin_url(article))
    first, second = versions_of(article)

    response = admin_client.get(
        admin_url(article, "compare"), {"version_id1": first.pk, "version_id2": second.pk}
    )

    assert "There are no differences." in response.content.decode()


def test_revert_brings_back_the_title_tags_and_figures(admin_client, article):
    """Reverting to an earlier revision restores its title, tags, figures and features."""
    url = admin_url(article)
    admin_save(admin_client, url)
    figures = set(article.figures.values_list("pk", flat=True))
    admin_save(
        admin_client,
        url,
        title="Renamed",
        tags=["new:ceramics"],
        featured_artists=None,
        **{"figures-0-DELETE": "on", "figures-1-DELETE": "on"},
    )
    assert not article.figures.exists()
    first = versions_of(article)[0]

    form = admin_client.get(admin_url(article, "revision", first.pk))
    assert form.context["adminform"].form["title"].value() == "The Urn"
    assert Article.objects.get(pk=article.pk).title == "Renamed"  # only shown, not yet saved

    revert(admin_client, article, first)

    article.refresh_from_db()
    assert article.title == "The Urn"
    assert set(article.tags.names()) == {"photography", "urns"}
    assert set(article.figures.values_list("pk", flat=True)) == figures
    assert [artist.name for artist in article.featured_artists.all()] == ["Ai Weiwei"]
    latest = versions_of(article)[-1]
    assert latest.revision.comment.startswith("Reverted to the version saved on")


def test_deleted_article_is_recovered_with_its_parts(admin_client, article):
    """A deleted article comes back from "Recover deleted articles" with its tags, figures,
    links and byline."""
    admin_save(admin_client, admin_url(article))
    assert (
        "Recover deleted articles"
        in admin_client.get(admin_url(article, "changelist")).content.decode()
    )

    recovered = delete_and_recover(admin_client, article)

    assert recovered.title == "The Urn"
    assert set(recovered.tags.names()) == {"photography", "urns"}
    assert recovered.figures.count() == 2
    assert [link.title for link in recovered.links.all()] == ["Watch the trailer"]
    assert [author.name for author in recovered.byline()] == ["Ada Writer"]
    assert recovered.featured_artists.count() == 1
    assert versions_of(recovered)[-1].revision.comment.startswith("Recovered the version")


def test_artist_revert_and_recovery(admin_client, artist):
    """An artist's name and movements revert, and a deleted artist is recovered with them."""
    admin_save(admin_client, admin_url(artist))
    admin_save(admin_client, admin_url(artist), name="H. af Klint", tags=["new:theosophy"])
    first = versions_of(artist)[0]

    revert(admin_client, artist, first)

    artist.refresh_from_db()
    assert artist.name == "Hilma af Klint"
    assert list(artist.tags.names()) == ["abstraction"]

    recovered = delete_and_recover(admin_client, artist)
    assert recovered.name == "Hilma af Klint"
    assert list(recovered.tags.names()) == ["abstraction"]
    assert isinstance(recovered, Artist)


def test_artwork_revert_and_recovery(admin_client, artwork):
    """An artwork's title, credits, images and subjects revert, and a deleted artwork comes
    back with them."""
    admin_save(admin_client, admin_url(artwork))
    admin_save(
        admin_client,
        admin_url(artwork),
        title="Urn",
        tags=None,
        **{"artist_credits-0-DELETE": "on", "images-0-alt_text": "Changed"},
    )
    assert not artwork.artist_credits.exists()
    first = versions_of(artwork)[0]

    revert(admin_client, artwork, first)

    artwork.refresh_from_db()
    assert artwork.title == "Dropping a Han Dynasty Urn"
    assert [credit.artist.name for credit in artwork.credited_artists()] == ["Ai Weiwei"]
    assert [image.alt_text for image in artwork.images.all()] == ["Three photographs"]
    assert list(artwork.tags.names()) == ["urns"]

    recovered = delete_and_recover(admin_client, artwork)
    assert isinstance(recovered, Artwork)
    assert recovered.caption.line1 == "Ai Weiwei, Dropping a Han Dynasty Urn"
    assert recovered.images.get().image.file.name == artwork.images.get().image.file.name
    assert list(recovered.tags.names()) == ["urns"]


def test_history_compare_and_revision_pages_load_for_each_model(
    admin_client, article, artist, artwork
):
    """History, diff and revision pages render for articles, artists and artworks."""
    for obj in (article, artist, artwork):
        admin_save(admin_client, admin_url(obj))
        admin_save(admin_client, admin_url(obj))
        first, second = versions_of(obj)
        assert admin_client.get(admin_url(obj, "history")).status_code == 200
        compare = admin_client.get(
            admin_url(obj, "compare"), {"version_id1": first.pk, "version_id2": second.pk}
        )
        assert compare.status_code == 200
        assert admin_client.get(admin_url(obj, "revision", first.pk)).status_code == 200
        assert admin_client.get(admin_url(obj, "recoverlist")).status_code == 200
    assert Version.objects.count() > 6
