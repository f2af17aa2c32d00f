"""images.picture: what pages show, from the stored JSON alone, never from the files."""

from unittest import mock

import pytest
from django.core.files.storage import FileSystemStorage, Storage
from django.db.models.fields.files import FieldFile

from artworks.models import ArtworkImage
from images.models import Image
from images.picture import picture_for, urls_of
from tests.factories import ArticleFactory, ArticleFigureFactory, ArtworkImageFactory

SOURCE = "artworks/2026/11/ab12.jpg"
FOLDER = "renditions/artworks/2026/11/ab12"


def field_file(name=SOURCE) -> FieldFile:
    return FieldFile(None, Image._meta.get_field("file"), name)


def renditions(source=SOURCE) -> dict:
    return {
        "source": source,
        "focal": [0.5, 0.5],
        "width": 6000,
        "height": 4000,
        "widths": [
            {"w": w, "h": h, "webp": f"{FOLDER}/w{w}.webp", "fallback": f"{FOLDER}/w{w}.jpg"}
            for w, h in [(480, 320), (960, 640), (1600, 1067)]
        ],
        "social": {"name": f"{FOLDER}/social-500-500.jpg", "w": 1200, "h": 630},
    }


@pytest.fixture
def no_file_access():
    """Opening an image or a stored file fails the test."""
    refuse = mock.Mock(side_effect=AssertionError("an image file was opened"))
    with mock.patch("PIL.Image.open", refuse), mock.patch.object(Storage, "open", refuse):
        yield


def test_up_to_date_renditions_give_srcsets_and_the_middle_fallback(no_file_access):
    picture = picture_for(field_file(), width=6000, height=4000, renditions=renditions())

    assert picture.has_renditions
    assert picture.src == f"/media/{FOLDER}/w960.jpg"
    assert picture.webp_srcset == (
        f"/media/{FOLDER}/w480.webp 480w, /media/{FOLDER}/w960.webp 960w, "
        f"/media/{FOLDER}/w1600.webp 1600w"
    )
    assert picture.fallback_srcset == (
        f"/media/{FOLDER}/w480.jpg 480w, /media/{FOLDER}/w960.jpg 960w, "
        f"/media/{FOLDER}/w1600.jpg 1600w"
    )
    assert (picture.width, picture.height) == (6000, 4000)
    assert picture.social_url == f"/media/{FOLDER}/social-500-500.jpg"
    assert (picture.social_width, picture.social_height) == (1200, 630)


@pytest.mark.parametrize(
    "stored",
    [{}, None, renditions(source="artworks/2026/10/older.jpg"), {"source": SOURCE, "widths": []}],
    ids=["none yet", "null", "of an earlier upload", "no widths"],
)
def test_without_usable_renditions_the_original_is_shown(no_file_access, stored):
    """Renditions of another file (the task has not run since the upload) are ignored."""
    picture = picture_for(field_file(), width=600, height=400, renditions=stored)

    assert not picture.has_renditions
    assert picture.src == f"/media/{SOURCE}"
    assert picture.webp_srcset == picture.fallback_srcset == ""
    assert picture.social_url is None
    assert (picture.width, picture.height) == (600, 400)


def test_dimensions_come_from_the_renditions_when_the_model_has_none(no_file_access):
    picture = picture_for(field_file(), width=None, height=None, renditions=renditions())

    assert (picture.width, picture.height) == (6000, 4000)


def test_an_empty_field_gives_an_empty_picture(no_file_access):
    picture = picture_for(field_file(name=""), width=None, height=None, renditions={})

    assert picture.src == "" and not picture.has_renditions


@pytest.mark.django_db
def test_article_page_with_figures_processes_no_image(client, django_capture_on_commit_callbacks):
    """Twenty figures with renditions made: the page reads them all and opens no file."""
    article = ArticleFactory()
    with django_capture_on_commit_callbacks(execute=True):
        for position in range(20):
            image = ArtworkImageFactory(image__file__width=800, image__file__height=600)
            ArticleFigureFactory(article=article, artwork=image.artwork, position=position)
    assert all(image.image.renditions for image in ArtworkImage.objects.all())

    with mock.patch("PIL.Image.open") as image_open, mock.patch.object(Storage, "open") as opened:
        response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert image_open.call_count == opened.call_count == 0
    assert response.content.count(b'type="image/webp"') >= 20


NAMES = [
    "artworks/2026/12/0a1b/w480.webp",
    "/leading/slash.png",
    "spaced name ü 現.jpg",
    "odd?query#frag%25:colon;semi&amp'quote(paren)*.png",
    "a/./b/../c.png",
    "..",
    "",
    "back\\slash.png",
]


@pytest.mark.parametrize("base_url", ["/media/", "/media", "https://cdn.example.com/m/"])
@pytest.mark.parametrize("name", NAMES)
def test_urls_of_a_file_system_storage_are_its_url(tmp_path, base_url, name):
    """urls_of() appends where url() would join, and gives what url() gives."""
    storage = FileSystemStorage(location=tmp_path, base_url=base_url)

    assert urls_of(storage)(name) == storage.url(name)
