"""What the body editor's "Insert figure" asks of the article admin (articles/
admin_body_figures.py): artworks found by artist and title, a figure's card, an upload stored
before the form is saved; each for those who may change articles, bad input a 400 with a
message, a fixed number of queries; and the figure node offered on the body's editor only."""

import html
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.admin_body_figures import SEARCH_RESULTS
from articles.models import Article
from artists.models import Artist
from images import kept_uploads
from images.models import Image
from tests.factories import (
    ArtistFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
    ArtworkImageFactory,
    ImageFactory,
    png_upload,
)
from tests.staff import staff_in

pytestmark = pytest.mark.django_db

SEARCH = reverse("admin:articles_article_body_figures_search")
CARD = reverse("admin:articles_article_body_figures_card")
UPLOAD = reverse("admin:articles_article_body_figures_upload")


def reads_of_artworks(queries) -> list[str]:
    """Beside the session, the user and their permissions (and ATOMIC_REQUESTS' savepoint)."""
    return [query["sql"] for query in queries.captured_queries if "artworks_" in query["sql"]]


@pytest.fixture
def editor(client):
    staff_in(client, "Editor")
    return client


def artwork_by(artist, title, *, date="", images=1):
    artwork = ArtworkFactory(title=title, date_display=date)
    ArtworkArtistFactory(artwork=artwork, artist=artist, position=0)
    for position in range(images):
        ArtworkImageFactory(artwork=artwork, position=position, alt_text=f"View {position + 1}")
    return artwork


def test_artworks_are_found_by_artist_and_title(editor):
    """Words of the artist's name and of the title, in any case; each result with its
    caption's first line, thumbnail and images."""
    ai = ArtistFactory(name="Ai Weiwei")
    remembering = artwork_by(ai, "Remembering", date="2009", images=2)
    artwork_by(ai, "Sunflower Seeds", date="2010")
    artwork_by(ArtistFactory(name="Yves Klein"), "Blue Monochrome")

    by_artist = editor.get(SEARCH, {"q": "WEIWEI"}).json()["results"]
    assert [result["label"] for result in by_artist] == [
        "Ai Weiwei, Remembering (2009)",
        "Ai Weiwei, Sunflower Seeds (2010)",
    ]
    found = editor.get(SEARCH, {"q": "weiwei remem"}).json()["results"]
    assert len(found) == 1
    assert found[0]["artwork"] == remembering.pk
    first, second = sorted(remembering.images.all(), key=lambda shown: shown.position)
    assert found[0]["thumbnail"] == first.image.file.url
    assert found[0]["images"] == [
        {"id": first.pk, "label": "Image 1: View 1", "thumbnail": first.image.file.url},
        {"id": second.pk, "label": "Image 2: View 2", "thumbnail": second.image.file.url},
    ]
    assert editor.get(SEARCH, {"q": ""}).json() == {"results": []}
    assert editor.get(SEARCH, {"q": "nobody at all"}).json() == {"results": []}


def test_search_costs_the_same_for_one_result_as_for_many(editor):
    """The artworks, their credited artists and their images: three queries, whatever the
    number of results (at most SEARCH_RESULTS)."""
    artwork_by(ArtistFactory(name="Hannah Höch"), "Cut with the Kitchen Knife", images=2)
    editor.get(SEARCH, {"q": "Kitchen"})  # the session and permissions, once
    with CaptureQueriesContext(connection) as one:
        assert len(editor.get(SEARCH, {"q": "Kitchen"}).json()["results"]) == 1

    many = ArtistFactory(name="Kitchen Collective")
    for number in range(SEARCH_RESULTS + 2):
        artwork_by(many, f"Kitchen piece {number}", images=3)
    with CaptureQueriesContext(connection) as full:
        assert len(editor.get(SEARCH, {"q": "Kitchen"}).json()["results"]) == SEARCH_RESULTS
    assert len(full) == len(one)
    assert len(reads_of_artworks(one)) == 3


def test_the_card_of_an_artwork_and_of_an_upload(editor):
    """The thumbnail, composed caption, alt text and credit of the image shown; the
    artwork's images to choose from; an upload's thumbnail and name."""
    artwork = artwork_by(ArtistFactory(name="Ai Weiwei"), "Remembering", date="2009", images=2)
    second = sorted(artwork.images.all(), key=lambda shown: shown.position)[1]

    card = editor.get(CARD, {"artwork": artwork.pk, "artwork_image": second.pk}).json()
    assert card["artwork_image"] == second.pk
    assert card["thumbnail"] == second.image.file.url
    assert card["caption"] == ["Ai Weiwei, Remembering (2009)"]
    assert card["alt"] == "View 2"
    assert [image["id"] for image in card["images"]] == [
        shown.pk for shown in sorted(artwork.images.all(), key=lambda shown: shown.position)
    ]

    image = ImageFactory()
    card = editor.get(CARD, {"image": image.pk}).json()
    assert (card["image"], card["thumbnail"]) == (image.pk, image.file.url)


def test_a_card_costs_the_same_whatever_the_artwork_holds(editor):
    """The artwork, its credited artists and its images: three queries."""
    small = artwork_by(ArtistFactory(), "Small")
    editor.get(CARD, {"artwork": small.pk})  # the session and permissions, once
    with CaptureQueriesContext(connection) as one:
        assert editor.get(CARD, {"artwork": small.pk}).status_code == 200

    large = artwork_by(ArtistFactory(), "Large", images=4)
    for position in (1, 2):
        ArtworkArtistFactory(artwork=large, position=position)
    with CaptureQueriesContext(connection) as many:
        assert editor.get(CARD, {"artwork": large.pk}).status_code == 200
    assert len(many) == len(one)
    assert len(reads_of_artworks(one)) == 3


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"artwork": "1", "image": "1"},
        {"artwork": "abc"},
        {"artwork": "0"},
        {"artwork": "-3"},
        {"artwork": "١٢"},  # digits, but not ASCII ones
        {"artwork": "99999999999999999999999"},  # more than the key can hold
        {"artwork": "1", "artwork_image": "x"},
        {"image": "1.5"},
    ],
)
def test_a_bad_card_request_is_a_400_with_a_message(editor, params):
    response = editor.get(CARD, params)
    assert response.status_code == 400
    assert response.json()["error"]


def test_missing_or_foreign_objects_are_404s(editor):
    artwork = artwork_by(ArtistFactory(), "Remembering")
    elsewhere = ArtworkImageFactory()
    for params in (
        {"artwork": artwork.pk + 1000},
        {"artwork": artwork.pk, "artwork_image": elsewhere.pk},
        {"image": 999_999},
    ):
        response = editor.get(CARD, params)
        assert response.status_code == 404
        assert response.json()["error"]


def test_an_upload_is_stored_for_the_figure_and_answered_with_its_key(editor, settings, tmp_path):
    """Stored as a kept upload in the figures' folder, used by nothing yet."""
    settings.MEDIA_ROOT = tmp_path
    response = editor.post(UPLOAD, {"file": png_upload("studio.png")})

    assert response.status_code == 200
    answer = response.json()
    image = Image.objects.get(pk=answer["image"])
    assert image.file.name.startswith("figures/")
    assert (answer["name"], answer["thumbnail"]) == ("studio.png", image.file.url)
    assert not kept_uploads.is_used(image)


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({}, "Choose an image file to upload."),
        ({"file": ("notes.png", b"plain words, no picture")}, "This file is a text file"),
        ({"file": ("empty.png", b"")}, "The submitted file is empty."),
    ],
)
def test_a_bad_upload_is_a_400_with_the_images_message(editor, settings, tmp_path, files, message):
    settings.MEDIA_ROOT = tmp_path
    posted = {name: SimpleUploadedFile(*content) for name, content in files.items()}
    response = editor.post(UPLOAD, posted)

    assert response.status_code == 400
    assert response.json()["error"].startswith(message)
    assert not Image.objects.exists()


def test_wrong_methods_are_405s(editor):
    assert editor.get(UPLOAD).status_code == 405
    assert editor.post(SEARCH, {"q": "x"}).status_code == 405
    assert editor.post(CARD, {"image": "1"}).status_code == 405


def test_a_too_long_search_is_a_400(editor):
    response = editor.get(SEARCH, {"q": "x" * 201})
    assert response.status_code == 400
    assert response.json()["error"]


@pytest.mark.parametrize("url", [SEARCH, CARD, UPLOAD])
def test_only_those_who_may_change_articles(client, url):
    """Logged out: the admin's login page. Staff who may not change articles: a 403."""
    assert client.get(url)["Location"].startswith(reverse("admin:login"))
    staff_in(client, "Moderator")
    response = client.get(url)
    assert response.status_code == 403
    assert response.json() == {"error": "You may not change articles."}


def editor_config(page: str, name: str) -> dict:
    textarea = re.search(rf'<textarea name="{name}"[^>]*>', page)[0]
    found = re.search(r'data-django-prose-editor-configurable="([^"]*)"', textarea)
    return json.loads(html.unescape(found[1]))


def test_the_body_editor_offers_figures_and_the_bio_does_not(admin_client):
    """The body's editor names the figure extension with the views' addresses; the model
    field's own configuration (shared by every form) stays as it was, and an artist's bio has
    no figures."""
    page = admin_client.get(reverse("admin:articles_article_add")).content.decode()
    config = editor_config(page, "body")
    assert config["extensions"]["BodyFigure"] == {
        "searchUrl": SEARCH,
        "cardUrl": CARD,
        "uploadUrl": UPLOAD,
    }
    assert config["js_modules"] == ["/static/articles/body-figure.js"]
    assert '"newsroom/body-figure-dialog":"/static/articles/body-figure-dialog.js"' in (
        page.replace(" ", "")
    )
    assert "BodyFigure" not in Article._meta.get_field("body").config["extensions"]

    bio = admin_client.get(reverse("admin:artists_artist_add")).content.decode()
    assert "BodyFigure" not in editor_config(bio, "bio")["extensions"]
    assert "body-figure" not in bio
    assert Artist._meta.get_field("bio").config["extensions"].keys() == (
        Article._meta.get_field("body").config["extensions"].keys()
    )
