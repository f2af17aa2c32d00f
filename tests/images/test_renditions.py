"""images.renditions: the sizes made, the social crop, the names, and where the files go."""

import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, InMemoryStorage
from PIL import Image, JpegImagePlugin

from images.renditions import (
    RenditionFailed,
    delete_rendition_files,
    make_renditions,
    rendition_names,
    rendition_widths,
    social_crop,
)
from tests.images.samples import photo_like, save, srgb_profile, two_tone

ROOT = Path(__file__).resolve().parents[2]


class StoredFile:
    """What make_renditions needs of a FieldFile: the stored name and the storage."""

    def __init__(self, storage, name: str, data: bytes):
        self.storage = storage
        self.name = storage.save(name, ContentFile(data))


@pytest.fixture
def storage(tmp_path):
    return FileSystemStorage(location=tmp_path / "store", base_url="/media/")


def stored(storage, image: Image.Image, image_format="JPEG", name="artworks/2026/11/ab12.jpg"):
    return StoredFile(storage, name, save(image, image_format))


@pytest.mark.parametrize(
    ("original", "widths"),
    [(2000, [480, 960, 1600]), (1600, [480, 960, 1600]), (700, [480, 700]), (300, [300])],
)
def test_widths_never_exceed_the_original(original, widths):
    """Configured widths narrower than the original, plus its own width below the largest."""
    assert rendition_widths(original, [480, 960, 1600]) == widths


def test_widths_follow_the_setting(settings):
    settings.IMAGE_RENDITION_WIDTHS = [320, 640]
    assert rendition_widths(1000) == [320, 640]


def test_renditions_are_stored_beside_each_other_and_described(storage):
    """Every width in WebP and JPEG, ascending, plus the crop, under one folder per original."""
    original = stored(storage, photo_like((2000, 1500)))

    made = make_renditions(original, focal=(0.25, 0.75))

    folder = "renditions/artworks/2026/11/ab12"
    assert made["source"] == original.name
    assert made["focal"] == [0.25, 0.75]
    assert (made["width"], made["height"]) == (2000, 1500)
    assert made["widths"] == [
        {"w": w, "h": h, "webp": f"{folder}/w{w}.webp", "fallback": f"{folder}/w{w}.jpg"}
        for w, h in [(480, 360), (960, 720), (1600, 1200)]
    ]
    assert made["social"] == {"name": f"{folder}/social-250-750.jpg", "w": 1200, "h": 630}
    for size in made["widths"]:
        for kind, image_format in (("webp", "WEBP"), ("fallback", "JPEG")):
            with Image.open(storage.path(size[kind])) as image:
                assert (image.format, image.size) == (image_format, (size["w"], size["h"]))
    with Image.open(storage.path(made["social"]["name"])) as image:
        assert image.size == (1200, 630)


def test_a_small_picture_is_never_upscaled(storage):
    """A 700 px original gets 480 and 700, and a crop of the social shape at its own scale."""
    made = make_renditions(stored(storage, photo_like((700, 500))))

    assert [(size["w"], size["h"]) for size in made["widths"]] == [(480, 343), (700, 500)]
    assert (made["social"]["w"], made["social"]["h"]) == (700, 368)


def test_focal_point_moves_the_social_crop(storage):
    """Red on the left, blue on the right: the crop's centre follows the focal point."""
    original = stored(storage, two_tone((3000, 1000)), "PNG", "figures/2026/11/tone.png")

    def centre_of_crop(focal):
        made = make_renditions(original, focal=focal)
        with Image.open(storage.path(made["social"]["name"])) as crop:
            return crop.convert("RGB").getpixel((crop.width // 2, crop.height // 2))

    red, green, blue = centre_of_crop((0.1, 0.5))
    assert red > 200 and blue < 50
    red, green, blue = centre_of_crop((0.9, 0.5))
    assert blue > 200 and red < 50


def test_social_window_stays_inside_the_picture():
    """A focal point at a corner moves the window to that corner, never past it."""
    (left, top, right, bottom), size = social_crop(3000, 2000, (0.0, 0.0))
    assert (left, top) == (0, 0) and size == (1200, 630)
    assert right / (bottom - top) == pytest.approx(1200 / 630)
    (left, top, right, bottom), _ = social_crop(3000, 2000, (1.0, 1.0))
    assert (right, bottom) == (3000, 2000)


def test_large_jpeg_is_decoded_at_a_reduced_scale(storage):
    """4000 px wide for at most 1600 px of output: libjpeg decodes at half the size or less."""
    original = stored(storage, photo_like((4000, 3000)))
    real_draft = JpegImagePlugin.JpegImageFile.draft

    with mock.patch.object(
        JpegImagePlugin.JpegImageFile, "draft", autospec=True, side_effect=real_draft
    ) as draft:
        make_renditions(original)

    (_image, _mode, (width, height)), _ = draft.call_args
    assert width <= 2000 and height <= 1500


def test_transparent_png_keeps_png_and_its_transparency(storage):
    image = Image.new("RGBA", (1000, 800), (255, 0, 0, 0))
    image.paste((0, 0, 255, 255), (0, 0, 500, 800))
    made = make_renditions(stored(storage, image, "PNG", "figures/2026/11/alpha.png"))

    fallback = made["widths"][0]["fallback"]
    assert fallback.endswith("/w480.png")
    with Image.open(storage.path(fallback)) as rendition:
        assert rendition.mode == "RGBA" and rendition.getpixel((470, 10))[3] == 0


def test_colour_profile_is_kept(storage):
    """Colours must not shift: an RGB picture's ICC profile goes into every rendition."""
    profile = srgb_profile()
    original = StoredFile(
        storage,
        "artworks/2026/11/icc.jpg",
        save(photo_like((900, 600)), "JPEG", icc_profile=profile),
    )

    made = make_renditions(original)

    for name in rendition_names(made):
        with Image.open(storage.path(name)) as rendition:
            assert rendition.info.get("icc_profile") == profile, name


def test_files_are_written_through_the_fields_storage():
    """Nothing touches the local disk: an in-memory storage (like S3) gets every file."""
    memory = InMemoryStorage()
    original = stored(memory, photo_like((1000, 600)))

    made = make_renditions(original)

    assert all(memory.exists(name) for name in rendition_names(made))


def test_unreadable_original_fails_cleanly_and_writes_nothing(storage):
    broken = StoredFile(storage, "artworks/2026/11/broken.jpg", b"\xff\xd8\xff\xe0 not a JPEG")

    with pytest.raises(RenditionFailed):
        make_renditions(broken)
    storage.delete(broken.name)
    with pytest.raises(RenditionFailed, match="No such file"):
        make_renditions(broken)
    assert not storage.exists("renditions")


def test_delete_rendition_files_keeps_what_is_asked(storage):
    made = make_renditions(stored(storage, photo_like((1000, 600))))
    social = made["social"]["name"]

    delete_rendition_files(storage, made, keep={social})

    assert storage.exists(social)
    assert not any(storage.exists(name) for name in rendition_names(made) - {social})


@pytest.mark.parametrize(
    ("value", "expected"), [("960, 480,960", "[480, 960]"), ("wide", "invalid value 'wide'")]
)
def test_widths_setting_is_read_from_the_environment(value, expected):
    """IMAGE_RENDITION_WIDTHS: comma-separated integers, sorted; anything else stops start-up."""
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'newsroom.settings'; "
        "django.setup(); from django.conf import settings; print(settings.IMAGE_RENDITION_WIDTHS)"
    )
    env = {**os.environ, "IMAGE_RENDITION_WIDTHS": value}
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert expected in done.stdout + done.stderr
