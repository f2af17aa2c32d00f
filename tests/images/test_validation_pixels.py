"""inspect_upload: images with too many pixels are refused from their header, before decoding."""

import warnings

import pytest
from django.core.exceptions import ValidationError
from PIL import Image, ImageFile

from images.validation import inspect_upload, max_pixels
from tests.images.samples import encoded, png_claiming, upload, with_jpeg_size

TOO_MANY = (
    "This image is {size} pixels ({pixels} megapixels); the largest the site accepts is 60 "
    "megapixels. Please resize it and upload it again."
)
FAR_TOO_MANY = (
    "This image has far more pixels than the site accepts (the limit is 60 megapixels). "
    "Please resize it and upload it again."
)


@pytest.fixture
def no_decoding(monkeypatch):
    """Fail the test if any pixel data is decoded."""

    def load(self):
        raise AssertionError("pixel data was decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", load)


@pytest.fixture
def pillow_never_opens(monkeypatch):
    """Fail the test if Pillow is even asked to open the file."""

    def open_image(*args, **kwargs):
        raise AssertionError("Pillow opened the file")

    monkeypatch.setattr(Image, "open", open_image)


def refusal(file) -> ValidationError:
    with pytest.raises(ValidationError) as excinfo:
        inspect_upload(file)
    return excinfo.value


def test_a_decompression_bomb_header_is_refused_before_pillow_opens_it(pillow_never_opens):
    """A 100 kB-by-100 kB PNG header on a 1 kB file: refused from the IHDR alone."""
    bomb = png_claiming(100_000, 100_000)
    assert len(bomb) < 100

    error = refusal(upload(bomb, "photo.png", "image/png"))

    assert error.code == "too_many_pixels"
    assert error.messages == [TOO_MANY.format(size="100,000 × 100,000", pixels="10,000")]


def test_a_jpeg_over_the_limit_is_refused_without_decoding(no_decoding):
    """9,000 x 7,000 is under Pillow's own limit but over ours: refused from the header."""
    jpeg = with_jpeg_size(encoded("JPEG"), 9000, 7000)

    error = refusal(upload(jpeg))

    assert error.messages == [TOO_MANY.format(size="9,000 × 7,000", pixels="63")]


@pytest.mark.parametrize("side", [10_000, 65_000])
def test_pillows_decompression_bomb_error_and_warning_become_the_same_refusal(no_decoding, side):
    """Over Pillow's limit (warning) or twice over it (error): one message, nothing leaks out."""
    jpeg = with_jpeg_size(encoded("JPEG"), side, side)

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        error = refusal(upload(jpeg))

    assert error.code == "too_many_pixels"
    assert error.messages == [FAR_TOO_MANY]


def test_a_gif_whose_frame_outgrows_its_screen_is_refused(settings, no_decoding):
    """A GIF's first frame may be larger than the screen its header declares."""
    settings.IMAGE_UPLOAD_MAX_PIXELS = 200
    gif = bytearray(encoded("GIF", size=(20, 20)))
    gif[6:10] = b"\x0a\x00\x0a\x00"  # a 10 x 10 screen for a 20 x 20 frame

    error = refusal(upload(bytes(gif), "photo.gif"))

    assert error.messages[0].startswith("This image is 20 × 20 pixels (400 pixels);")


def test_an_image_at_the_limit_is_accepted(settings):
    settings.IMAGE_UPLOAD_MAX_PIXELS = 60 * 40
    assert inspect_upload(upload(encoded("PNG", size=(60, 40)), "photo.png")).width == 60


def test_the_limit_in_the_settings_is_used(settings):
    settings.IMAGE_UPLOAD_MAX_PIXELS = 1000

    error = refusal(upload(encoded("WEBP", size=(60, 40)), "photo.webp"))

    assert error.messages == [
        "This image is 60 × 40 pixels (2,400 pixels); the largest the site accepts is 1,000 "
        "pixels. Please resize it and upload it again."
    ]


def test_the_limit_never_exceeds_pillows_own(settings):
    """A higher setting is capped at Pillow's limit, so Pillow is never the one refusing."""
    settings.IMAGE_UPLOAD_MAX_PIXELS = 10**12
    assert max_pixels() == Image.MAX_IMAGE_PIXELS
