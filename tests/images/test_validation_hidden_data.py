"""inspect_upload: files carrying data after the picture (polyglots) are refused."""

import pytest
from django.core.exceptions import ValidationError

from images.validation import inspect_upload
from tests.images.samples import animated_gif, encoded, photo_like, save, upload, zip_archive

HIDDEN = (
    "This {kind} file carries {extra} of hidden extra data after the picture (such as an "
    "attached archive, a script or a phone's motion-photo video). For safety the site does not "
    "accept such files. Please open the image in an image editor and save it again as a plain "
    "{kind}."
)
HTML = b"<html><body><script>alert(document.cookie)</script></body></html>"


def refusal(file) -> ValidationError:
    with pytest.raises(ValidationError) as excinfo:
        inspect_upload(file)
    return excinfo.value


def test_a_png_with_a_zip_appended_is_refused():
    """A real ZIP archive after the IEND chunk: both a valid PNG and a valid ZIP."""
    archive = zip_archive()

    error = refusal(upload(encoded("PNG") + archive, "photo.png", "image/png"))

    assert error.code == "hidden_data"
    assert error.messages == [HIDDEN.format(kind="PNG", extra=f"{len(archive)}\xa0bytes")]


@pytest.mark.parametrize("payload", [HTML, zip_archive()], ids=["html", "zip"])
def test_a_jpeg_with_html_or_a_zip_after_its_end_marker_is_refused(payload):
    error = refusal(upload(save(photo_like(), "JPEG") + payload))

    assert error.code == "hidden_data"
    assert error.messages == [HIDDEN.format(kind="JPEG", extra=f"{len(payload)}\xa0bytes")]


@pytest.mark.parametrize(
    ("data", "kind"),
    [(encoded("WEBP"), "WebP"), (animated_gif(), "GIF")],
)
def test_webp_and_gif_files_with_data_after_the_picture_are_refused(data, kind):
    """For a WebP the end is the size its RIFF header declares; for a GIF, its trailer."""
    error = refusal(upload(data + HTML))

    assert error.code == "hidden_data"
    assert error.params["kind"] == kind


def test_a_large_hidden_payload_is_measured_in_the_message():
    payload = b"PK" + b"x" * 300_000
    message = refusal(upload(encoded("PNG") + payload)).messages[0]
    assert "carries 293.0\xa0KB of hidden extra data" in message


def test_a_little_zero_or_newline_padding_after_the_picture_is_accepted():
    """Some encoders pad files; padding hides nothing."""
    assert inspect_upload(upload(encoded("PNG") + b"\x00" * 16 + b"\r\n")).format == "PNG"


def test_padding_beyond_the_allowance_is_refused():
    assert refusal(upload(encoded("PNG") + b"\x00" * 5000)).code == "hidden_data"


def test_a_camera_multi_picture_jpeg_is_accepted():
    """MPO files (stereo pairs, depth maps, HDR gain maps) keep their extra pictures after the
    first one's end marker, declared in an MPF segment: that is not hidden data."""
    second = photo_like(seed=1)
    mpo = save(photo_like(), "MPO", save_all=True, append_images=[second])

    described = inspect_upload(upload(mpo))

    assert (described.format, described.animated) == ("JPEG", False)


def test_data_after_a_multi_picture_jpegs_last_picture_is_refused():
    mpo = save(photo_like(), "MPO", save_all=True, append_images=[photo_like(seed=1)])
    assert refusal(upload(mpo + zip_archive())).code == "hidden_data"
