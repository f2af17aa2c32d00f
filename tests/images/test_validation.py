"""inspect_upload: what is accepted, and files refused for their size or their real kind."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import TemporaryUploadedFile

from images.validation import UploadedImage, inspect_upload
from tests.images.samples import (
    UnreadableFile,
    animated_gif,
    encoded,
    photo_like,
    save,
    upload,
)

ACCEPTED = "The site accepts JPEG, PNG, WebP and GIF images only."


def refusal(file) -> ValidationError:
    with pytest.raises(ValidationError) as excinfo:
        inspect_upload(file)
    return excinfo.value


@pytest.mark.parametrize(
    ("image_format", "mode", "extension"),
    [("JPEG", "RGB", "jpg"), ("PNG", "RGBA", "png"), ("WEBP", "RGBA", "webp"), ("GIF", "P", "gif")],
)
def test_the_four_kinds_are_accepted_and_described(image_format, mode, extension):
    """A JPEG, a PNG with alpha, a WebP and a GIF pass, with their size and format."""
    data = encoded(image_format, mode=mode, size=(60, 40))

    described = inspect_upload(upload(data))

    assert described == UploadedImage(image_format, 60, 40, len(data), animated=False)
    assert described.extension == extension


def test_an_animated_gif_is_accepted_and_said_to_be_animated():
    """Animated GIFs are accepted; only their first frame will be kept."""
    assert inspect_upload(upload(animated_gif(), "loop.gif")).animated is True


def test_the_format_comes_from_the_content_not_the_name():
    """A PNG named .jpg, sent as image/jpeg, is a PNG."""
    assert inspect_upload(upload(encoded("PNG"), "photo.jpg", "image/jpeg")).format == "PNG"


def test_the_file_is_rewound_and_left_open():
    """After the checks the caller can read the upload again from the start."""
    file = upload(encoded("JPEG"))
    inspect_upload(file)
    assert file.tell() == 0
    assert not file.closed


def test_an_upload_kept_on_disk_is_inspected_like_one_in_memory(settings):
    """Uploads over FILE_UPLOAD_MAX_MEMORY_SIZE arrive as temporary files on disk."""
    data = save(photo_like(), "JPEG")
    file = TemporaryUploadedFile("big.jpg", "image/jpeg", len(data), None)
    file.write(data)
    file.seek(0)
    with file:
        assert inspect_upload(file).format == "JPEG"


def test_an_empty_file_is_refused():
    error = refusal(upload(b"", "photo.jpg"))
    assert error.code == "empty_file"
    assert error.messages == ["This file is empty (0 bytes). Please choose the image file again."]


def test_a_file_over_the_byte_limit_is_refused_without_being_read(settings):
    """The size is measured by seeking; nothing is read from an oversized upload."""
    settings.IMAGE_UPLOAD_MAX_BYTES = 1000

    error = refusal(UnreadableFile(b"\xff\xd8\xff" + b"\x00" * 1997))

    assert error.code == "file_too_large"
    message = error.messages[0].replace("\xa0", " ")
    assert message.startswith(
        "This file is 2.0 KB; the largest image you can upload is 1000 bytes."
    )


def test_a_file_at_the_byte_limit_is_accepted(settings):
    data = encoded("PNG")
    settings.IMAGE_UPLOAD_MAX_BYTES = len(data)
    assert inspect_upload(upload(data, "photo.png")).format == "PNG"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (
            b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>",
            "a web page (HTML)",
        ),
        (b"<script>alert(document.cookie)</script>", "a web page (HTML)"),
        (
            b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">'
            b"<script>alert(1)</script></svg>",
            "an SVG drawing",
        ),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>', "an SVG drawing"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF document"),
        (b"Notes for the caption:\nOil on canvas, 1889.\n", "a text file"),
        ("Légende : huile sur toile".encode(), "a text file"),
        (b"PK\x03\x04\x14\x00\x00\x00", "a ZIP archive or an office document"),
    ],
)
def test_files_that_are_not_pictures_are_refused_saying_what_they_are(data, kind):
    """Named photo.jpg and sent as image/jpeg: the content decides, and the message names it."""
    error = refusal(upload(data, "photo.jpg", "image/jpeg"))

    assert error.code == "unsupported_file_type"
    assert error.messages == [f"This file is {kind}, not a photo. {ACCEPTED}"]


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (
            b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic",
            "an HEIC photo (the iPhone's own format)",
        ),
        (b"II*\x00\x08\x00\x00\x00", "a TIFF image (or a camera RAW file)"),
        (b"8BPS\x00\x01", "a Photoshop document"),
    ],
)
def test_pictures_in_other_formats_are_refused_with_what_to_do(data, kind):
    error = refusal(upload(data, "photo.jpg"))

    assert error.code == "unsupported_file_type"
    assert error.messages == [
        f"This file is {kind}, which the site cannot publish. The site accepts JPEG, PNG, WebP "
        "and GIF images only: please save it as one of those and upload that."
    ]


def test_a_file_of_unknown_kind_is_refused():
    error = refusal(upload(bytes(range(256)), "photo.jpg"))

    assert error.code == "unsupported_file_type"
    assert error.messages == [
        f"This file is not an image the site can read, whatever its name says. {ACCEPTED}"
    ]


def test_the_message_params_are_there_for_custom_messages():
    """Forms can override the message by code and reuse the params."""
    error = refusal(upload(b"%PDF-1.4\n", "photo.jpg"))
    assert error.params == {"kind": "a PDF document", "accepted": "JPEG, PNG, WebP and GIF"}
