"""Storage names are random and safe; the uploader's file name survives only as a tidy label."""

import re
from datetime import UTC, datetime

import pytest

from images.naming import LABEL_MAX_LENGTH, image_storage_name, original_name_label
from images.sanitize import clean_image
from tests.images.samples import animated_gif, upload

STORAGE_NAME = re.compile(r"artworks/2025/03/[0-9a-f]{32}\.jpg")


def test_a_storage_name_is_prefix_year_month_and_random_hex():
    name = image_storage_name(
        prefix="artworks", image_format="JPEG", now=datetime(2025, 3, 14, 12, tzinfo=UTC)
    )
    assert STORAGE_NAME.fullmatch(name)


def test_storage_names_do_not_repeat():
    names = {image_storage_name(prefix="artworks", image_format="PNG") for _ in range(100)}
    assert len(names) == 100


def test_the_extension_comes_from_the_stored_format_not_the_uploaded_name():
    """A GIF uploaded as 'photo.jpg' is stored as a PNG, and named .png."""
    cleaned = clean_image(upload(animated_gif(), "photo.jpg", "image/jpeg"))
    assert image_storage_name(prefix="figures", image_format=cleaned.format).endswith(".png")


@pytest.mark.parametrize("prefix", ["../media", "/etc", "artworks/../..", "", "Art Works", "a//b"])
def test_an_unsafe_prefix_is_a_programming_error(prefix):
    with pytest.raises(ValueError, match="Not a safe storage folder"):
        image_storage_name(prefix=prefix, image_format="JPEG")


def test_a_nested_prefix_is_allowed():
    assert image_storage_name(prefix="artists/portraits", image_format="WEBP").startswith(
        "artists/portraits/"
    )


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("../../x.jpg", "x.jpg"),
        ("C:\\Users\\editor\\Desktop\\Monet – Nymphéas.jpg", "Monet – Nymphéas.jpg"),
        ("/etc/passwd", "passwd"),
        ("Sunflowers\x00.jpg", "Sunflowers.jpg"),
        ("Line\nbreak\tand  spaces .jpg", "Line break and spaces .jpg"),
        ("photo\u202egpj.exe", "photogpj.exe"),  # right-to-left override removed
        ("..", ""),
        (".hidden.png", "hidden.png"),
        ("", ""),
        (None, ""),
        # Plain text, not HTML: templates escape labels like any other text.
        ('"><img src=x onerror=alert(1)>.jpg', '"><img src=x onerror=alert(1)>.jpg'),
    ],
)
def test_an_original_name_becomes_a_safe_label(name, label):
    assert original_name_label(name) == label


def test_a_300_character_unicode_name_is_shortened_keeping_its_extension():
    name = "葛飾北斎 神奈川沖浪裏 " * 25 + ".jpeg"
    assert len(name) > 300

    label = original_name_label(name)

    assert len(label) == LABEL_MAX_LENGTH
    assert label.startswith("葛飾北斎 神奈川沖浪裏")
    assert label.endswith("….jpeg")


def test_a_long_name_without_a_usable_extension_is_simply_shortened():
    label = original_name_label("x" * 150 + ".not-really-an-extension")
    assert label == "x" * 99 + "…"


def test_a_name_in_decomposed_unicode_is_normalised():
    """macOS sends 'é' as 'e' plus a combining accent; the label uses the composed form."""
    assert original_name_label("Nymphe\u0301as.jpg") == "Nymphéas.jpg"
