"""inspect_upload: incomplete and damaged files are refused."""

import random

import pytest
from django.core.exceptions import ValidationError
from PIL import ImageFile

from images.validation import inspect_upload
from tests.images.samples import animated_gif, encoded, photo_like, save, upload

INCOMPLETE = (
    "This {kind} file is incomplete: it ends before the picture does, probably cut off while it "
    "was copied or downloaded. Please export or download it again."
)
DAMAGED = (
    "This file starts like a {kind} image but is damaged and cannot be read. Please export it "
    "again from the original."
)


def refusal(file) -> ValidationError:
    with pytest.raises(ValidationError) as excinfo:
        inspect_upload(file)
    return excinfo.value


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (save(photo_like(), "JPEG"), "JPEG"),
        (save(photo_like(), "JPEG", progressive=True), "JPEG"),
        (save(photo_like(), "PNG"), "PNG"),
        (save(photo_like(), "WEBP"), "WebP"),
        (animated_gif(), "GIF"),
    ],
)
def test_a_file_cut_in_half_is_refused_as_incomplete(data, kind):
    error = refusal(upload(data[: len(data) // 2]))

    assert error.code == "truncated_image"
    assert error.messages == [INCOMPLETE.format(kind=kind)]


def test_a_truncated_jpeg_is_refused_even_if_pillow_is_told_to_load_truncated_images(
    monkeypatch,
):
    """LOAD_TRUNCATED_IMAGES is process-wide; whoever sets it, the layout check still refuses."""
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    jpeg = save(photo_like(), "JPEG")

    assert refusal(upload(jpeg[: len(jpeg) // 2])).code == "truncated_image"


@pytest.mark.parametrize(
    ("magic", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        (b"\xff\xd8\xff", "JPEG"),
        (b"GIF89a\x10\x00\x10\x00\x00\x00\x00", "GIF"),  # a 16 x 16 screen, then garbage
        (b"RIFF\x00\x01\x00\x00WEBP", "WebP"),
    ],
)
def test_garbage_after_a_valid_magic_number_is_refused_as_damaged(magic, kind):
    garbage = random.Random(0).randbytes(2000)

    error = refusal(upload(magic + garbage))

    assert error.code == "corrupt_image"
    assert error.messages == [DAMAGED.format(kind=kind)]


def test_a_png_with_damaged_compressed_data_is_refused_when_decoded():
    """The chunks are all there, but the pixels inside cannot be decompressed."""
    png = save(photo_like(), "PNG")
    start = png.index(b"IDAT") + 104
    damaged = (
        png[:start] + bytes(byte ^ 0x55 for byte in png[start : start + 64]) + png[start + 64 :]
    )

    error = refusal(upload(damaged, "photo.png"))

    assert error.code == "corrupt_image"
    assert error.messages == [DAMAGED.format(kind="PNG")]


def test_a_png_without_an_image_header_is_refused_as_damaged():
    png = encoded("PNG")
    assert refusal(upload(png[:12] + b"XXXX" + png[16:])).code == "corrupt_image"
