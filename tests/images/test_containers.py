"""Finding where the picture ends in JPEG, PNG, GIF and WebP files, however they were written."""

import io

import pytest
from PIL import Image

from images.containers import (
    MalformedImage,
    TruncatedImage,
    declared_dimensions,
    picture_end,
    webp_is_lossless,
)
from tests.images.samples import animated_gif, encoded, photo_like, png_claiming, save


def end_of(data: bytes, image_format: str) -> int:
    return picture_end(io.BytesIO(data), image_format, len(data))


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"progressive": True},
        {"restart_marker_blocks": 1},  # RSTn markers inside the compressed data
        {"subsampling": 0, "quality": 100},
        {"exif": Image.Exif()},
    ],
    ids=["baseline", "progressive", "restart-markers", "444-q100", "exif"],
)
def test_a_jpeg_ends_at_its_eoi_marker(options):
    data = save(photo_like(), "JPEG", **options)
    assert end_of(data, "JPEG") == len(data)


def test_a_jpeg_with_an_embedded_thumbnail_ends_at_its_own_eoi_not_the_thumbnails():
    """The EXIF thumbnail is a JPEG inside an APP1 segment, with its own EOI: it is skipped."""
    thumbnail = save(Image.new("RGB", (8, 8), "red"), "JPEG")
    data = save(
        photo_like(), "JPEG", extra=b"\xff\xe1" + (len(thumbnail) + 2).to_bytes(2) + thumbnail
    )
    assert end_of(data + b"tail", "JPEG") == len(data)


def test_fill_bytes_before_a_marker_are_allowed():
    data = save(photo_like(), "JPEG")
    padded = data[:-2] + b"\xff\xff\xff" + data[-2:]
    assert end_of(padded, "JPEG") == len(padded)


@pytest.mark.parametrize(
    ("image_format", "data"),
    [
        ("PNG", save(photo_like(), "PNG")),
        ("PNG", save(photo_like(), "PNG", save_all=True, append_images=[photo_like(seed=1)])),
        ("GIF", animated_gif()),
        ("WEBP", save(photo_like(), "WEBP", save_all=True, append_images=[photo_like(seed=1)])),
    ],
    ids=["png", "animated-png", "animated-gif", "animated-webp"],
)
def test_other_formats_end_where_their_structure_says(image_format, data):
    assert end_of(data + b"tail", image_format) == len(data)


def test_a_gif_without_its_trailer_ends_after_its_last_block():
    """Many encoders leave out the trailer byte; browsers and Pillow read such files."""
    data = animated_gif()
    assert end_of(data[:-1], "GIF") == len(data) - 1


@pytest.mark.parametrize(
    ("image_format", "data"),
    [("JPEG", save(photo_like(), "JPEG")), ("PNG", encoded("PNG")), ("GIF", animated_gif())],
)
def test_a_file_cut_short_is_truncated(image_format, data):
    with pytest.raises(TruncatedImage):
        end_of(data[: len(data) - 20], image_format)


def test_a_webp_declaring_more_than_the_file_holds_is_truncated():
    data = encoded("WEBP")
    with pytest.raises(TruncatedImage):
        end_of(data[:-4], "WEBP")


def test_the_size_in_a_header_is_read_without_pillow():
    assert declared_dimensions(png_claiming(100_000, 7), "PNG") == (100_000, 7)
    assert declared_dimensions(encoded("GIF", size=(30, 20)), "GIF") == (30, 20)
    assert declared_dimensions(encoded("JPEG"), "JPEG") is None
    for options in ({}, {"lossless": True}, {"icc_profile": b"x" * 10}):
        assert declared_dimensions(encoded("WEBP", size=(30, 20), **options), "WEBP") == (30, 20)


def test_a_header_without_a_size_is_malformed():
    with pytest.raises(MalformedImage):
        declared_dimensions(b"RIFF\x00\x00\x00\x00WEBPJUNK" + bytes(20), "WEBP")


def test_lossless_webp_is_told_from_lossy():
    assert webp_is_lossless(io.BytesIO(encoded("WEBP", lossless=True))) is True
    assert webp_is_lossless(io.BytesIO(encoded("WEBP", mode="RGBA"))) is False
