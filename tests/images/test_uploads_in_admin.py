"""Every image field goes through the safe pipeline: bad files are refused in the admin form
with their message and nothing is stored; good ones are stored clean, under a random name."""

import io
import re
import zipfile

import pytest
from django.urls import reverse
from PIL import Image

from artworks.models import ArtworkImage
from sitesettings.models import SiteSettings
from tests.adminforms import article_form_data, form_errors, management_form
from tests.artworks.test_admin import artwork_data
from tests.factories import ArtistFactory
from tests.images.samples import encoded, exif_rotated_with_gps, png_claiming, save, two_tone

pytestmark = pytest.mark.django_db

ARTWORK_ADD = reverse("admin:artworks_artwork_add")
ARTICLE_ADD = reverse("admin:articles_article_add")


def upload(data: bytes, name: str, content_type="image/jpeg"):
    from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: PLC0415

    return SimpleUploadedFile(name, data, content_type=content_type)


def truncated_jpeg() -> bytes:
    data = save(two_tone((300, 200)), "JPEG")
    return data[: len(data) // 2]


def png_zip_polyglot() -> bytes:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("payload.html", "<script>alert(1)</script>")
    return encoded("PNG") + archive.getvalue()


BAD_FILES = {
    "decompression bomb header": (png_claiming(100_000, 100_000), "bomb.png", "too_many"),
    "truncated JPEG": (truncated_jpeg(), "cut.jpg", "cut off"),
    "HTML named .jpg": (b"<!doctype html><html><script>alert(1)</script>", "x.jpg", "web page"),
    "SVG with script": (
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "x.jpg",
        "SVG drawing",
    ),
    "PNG/ZIP polyglot": (png_zip_polyglot(), "x.png", "hidden"),
    "0-byte file": (b"", "empty.jpg", "empty"),
    "300-character Unicode name": (encoded("JPEG"), "写真" * 150 + ".jpg", "name is too long"),
}


def stored_files(settings) -> list[str]:
    root = settings.MEDIA_ROOT
    return [str(path) for path in root.rglob("*") if path.is_file()] if root.exists() else []


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_file_is_refused_on_an_artwork_and_nothing_is_stored(admin_client, settings, case):
    data, name, expected = BAD_FILES[case]
    posted = artwork_data(
        **management_form("images", total=1),
        **{
            "images-0-position": "0",
            "images-0-image": upload(data, name),
            "images-0-alt_text": "A picture",
        },
    )

    response = admin_client.post(ARTWORK_ADD, posted)

    errors = form_errors(response)
    assert list(errors) == ["images-0-image"], errors
    message = errors["images-0-image"][0].replace("\xa0", " ")
    if expected == "too_many":
        assert "pixels" in message
    else:
        assert expected in message, message
    assert not ArtworkImage.objects.exists()
    assert stored_files(settings) == []


def test_bad_file_is_refused_on_a_figure_a_portrait_and_the_site_image(admin_client, settings):
    html = (b"<html><script>alert(1)</script></html>", "x.jpg")
    figure = article_form_data(
        **management_form("figures", total=1),
        **{
            "figures-0-position": "0",
            "figures-0-image": upload(*html),
            "figures-0-alt_text": "A picture",
        },
    )
    assert "figures-0-image" in form_errors(admin_client.post(ARTICLE_ADD, figure))

    artist = ArtistFactory()
    page = admin_client.get(reverse("admin:artists_artist_change", args=[artist.pk]))
    assert page.status_code == 200
    response = admin_client.post(
        reverse("admin:sitesettings_sitesettings_change", args=[SiteSettings.current().pk]),
        {
            "publisher_name": "Press",
            "tagline": "",
            "footer_blurb": "",
            "default_meta_image": upload(*html),
            "default_meta_image_alt": "A picture",
        },
    )
    assert "default_meta_image" in form_errors(response)
    assert stored_files(settings) == []


def test_phone_photo_is_turned_upright_stripped_and_renamed(admin_client):
    image = two_tone((60, 40))  # red left, blue right, as the camera saw it
    data = save(image, "JPEG", exif=exif_rotated_with_gps())
    posted = artwork_data(
        **management_form("images", total=1),
        **{
            "images-0-position": "0",
            "images-0-image": upload(data, "IMG_0001 <script>.jpg"),
            "images-0-alt_text": "A two-tone test card",
        },
    )

    response = admin_client.post(ARTWORK_ADD, posted)

    assert response.status_code == 302, form_errors(response)
    stored = ArtworkImage.objects.get()
    image = stored.image
    assert re.fullmatch(r"artworks/\d{4}/\d{2}/[0-9a-f]{32}\.jpg", image.file.name)
    assert (image.width, image.height) == (40, 60)  # turned upright
    assert image.original_name == "IMG_0001 <script>.jpg"
    assert image.file_size == image.file.size
    with Image.open(image.file.path) as saved:
        assert not saved.getexif()  # no orientation, no camera, no GPS
        assert "exif" not in saved.info
    change = admin_client.get(reverse("admin:artworks_artwork_change", args=[stored.artwork_id]))
    content = change.content.decode()
    assert "uploaded as “IMG_0001 &lt;script&gt;.jpg”" in content
    assert "40 × 60 px" in content


def test_a_path_in_the_name_never_reaches_the_storage_name(admin_client):
    """Django's upload parser keeps only the last part of '../../x.jpg'; the stored name is ours
    anyway, and the label is 'x.jpg'."""
    posted = artwork_data(
        **management_form("images", total=1),
        **{
            "images-0-position": "0",
            "images-0-image": upload(encoded("JPEG"), "../../x.jpg"),
            "images-0-alt_text": "A red card",
        },
    )

    assert admin_client.post(ARTWORK_ADD, posted).status_code == 302
    stored = ArtworkImage.objects.get()
    assert stored.image.original_name == "x.jpg"
    assert ".." not in stored.image.file.name and stored.image.file.name.startswith("artworks/")


def test_focal_point_is_set_in_the_form_and_checked(admin_client):
    posted = artwork_data(
        **management_form("images", total=1),
        **{
            "images-0-position": "0",
            "images-0-image": upload(encoded("PNG"), "x.png", "image/png"),
            "images-0-alt_text": "A red card",
            "images-0-focal_x": "1.5",
            "images-0-focal_y": "0.2",
        },
    )

    assert "images-0-focal_x" in form_errors(admin_client.post(ARTWORK_ADD, posted))
    posted["images-0-focal_x"] = "0.25"
    posted["images-0-image"] = upload(encoded("PNG"), "x.png", "image/png")
    assert admin_client.post(ARTWORK_ADD, posted).status_code == 302
    stored = ArtworkImage.objects.get()
    assert (stored.image.focal_x, stored.image.focal_y) == (0.25, 0.2)


def test_decorative_image_needs_no_alt_text(admin_client):
    posted = artwork_data(
        **management_form("images", total=1),
        **{
            "images-0-position": "0",
            "images-0-image": upload(encoded("PNG"), "x.png", "image/png"),
            "images-0-alt_text": "",
            "images-0-decorative": "on",
        },
    )

    assert admin_client.post(ARTWORK_ADD, posted).status_code == 302
    assert ArtworkImage.objects.get().alt == ""
