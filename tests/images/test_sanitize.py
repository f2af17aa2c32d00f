"""clean_image: a fresh file made by Pillow, upright, without metadata, in the upload's format."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image, JpegImagePlugin, PngImagePlugin

from images.containers import webp_is_lossless
from images.sanitize import clean_image
from tests.images.samples import (
    GPS_IFD,
    animated_gif,
    encoded,
    exif_rotated_with_gps,
    jpeg_markers,
    photo_like,
    png_chunk_types,
    save,
    srgb_profile,
    two_tone,
    upload,
    zip_archive,
)

# Segments a clean JPEG may have: JFIF header, ICC profile (APP2), tables, frame, restart interval.
CLEAN_JPEG_MARKERS = {0xE0, 0xE2, 0xDB, 0xC4, 0xC0, 0xC2, 0xDD}
CLEAN_PNG_CHUNKS = {b"IHDR", b"PLTE", b"tRNS", b"iCCP", b"IDAT", b"IEND"}


def stored_bytes(cleaned) -> bytes:
    cleaned.content.seek(0)
    return cleaned.content.read()


def reopened(cleaned) -> Image.Image:
    image = Image.open(io.BytesIO(stored_bytes(cleaned)))
    image.load()
    return image


@pytest.mark.parametrize(
    ("image_format", "mode", "extension"),
    [("JPEG", "RGB", "jpg"), ("PNG", "RGBA", "png"), ("WEBP", "RGBA", "webp")],
)
def test_an_image_is_stored_in_its_own_format(image_format, mode, extension):
    cleaned = clean_image(upload(encoded(image_format, mode=mode, size=(60, 40))))

    assert isinstance(cleaned.content, ContentFile)
    assert (cleaned.width, cleaned.height, cleaned.format) == (60, 40, image_format)
    assert cleaned.extension == extension
    assert cleaned.content.name == f"image.{extension}"
    assert reopened(cleaned).format == image_format


def test_the_result_unpacks_as_a_tuple():
    content, width, height, image_format = clean_image(upload(encoded("JPEG")))
    assert (width, height, image_format) == (60, 40, "JPEG")
    assert content.size > 0


def test_the_stored_file_is_made_anew_not_the_uploaded_bytes():
    data = save(photo_like(), "JPEG", quality=95)
    assert stored_bytes(clean_image(upload(data))) != data


def test_a_png_keeps_its_transparency():
    image = Image.new("RGBA", (60, 40), (255, 0, 0, 0))
    image.paste((0, 0, 255, 128), (0, 0, 30, 40))

    cleaned = reopened(clean_image(upload(save(image, "PNG"))))

    assert cleaned.mode == "RGBA"
    assert cleaned.getpixel((10, 10)) == (0, 0, 255, 128)
    assert cleaned.getpixel((50, 10))[3] == 0


def test_an_animated_gif_becomes_a_png_of_its_first_frame():
    cleaned = clean_image(upload(animated_gif(("red", "lime", "blue")), "loop.gif"))

    image = reopened(cleaned)
    assert (cleaned.format, cleaned.extension) == ("PNG", "png")
    assert getattr(image, "n_frames", 1) == 1
    assert image.convert("RGB").getpixel((0, 0)) == (255, 0, 0)


def test_a_gifs_transparency_is_kept():
    image = Image.new("P", (20, 20), 1)
    image.putpalette([0, 0, 0, 255, 0, 0])
    image.paste(0, (0, 0, 10, 20))

    cleaned = reopened(clean_image(upload(save(image, "GIF", transparency=0), "a.gif")))

    assert cleaned.convert("RGBA").getpixel((5, 5))[3] == 0
    assert cleaned.convert("RGBA").getpixel((15, 5)) == (255, 0, 0, 255)


def test_a_jpeg_is_turned_upright_and_loses_its_exif_and_gps_position():
    """EXIF orientation 6 (turn clockwise to view): stored turned, with no EXIF at all."""
    data = save(two_tone((60, 40)), "JPEG", exif=exif_rotated_with_gps(), quality=95)
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(GPS_IFD)  # the upload has a position

    cleaned = clean_image(upload(data))
    image = reopened(cleaned)

    assert (cleaned.width, cleaned.height) == (40, 60)
    assert image.getpixel((20, 5))[0] > 200  # the red left half is now on top
    assert image.getpixel((20, 55))[2] > 200  # and the blue right half at the bottom
    assert "exif" not in image.info
    assert not image.getexif()
    assert 0xE1 not in jpeg_markers(stored_bytes(cleaned))  # no APP1 (EXIF or XMP) segment


def test_a_png_and_a_webp_are_turned_upright_too():
    for image_format in ("PNG", "WEBP"):
        data = save(two_tone((60, 40)), image_format, exif=exif_rotated_with_gps())

        cleaned = clean_image(upload(data))

        assert (cleaned.width, cleaned.height) == (40, 60)
        assert not reopened(cleaned).getexif()


def test_jpeg_comments_xmp_and_other_segments_are_dropped():
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>Someone</dc:creator></x:xmpmeta>'
    data = save(photo_like(), "JPEG", comment=b"shot at home", xmp=xmp, dpi=(300, 300))
    assert {0xE1, 0xFE} <= set(jpeg_markers(data))  # the upload has XMP and a comment

    cleaned = stored_bytes(clean_image(upload(data)))

    assert set(jpeg_markers(cleaned)) <= CLEAN_JPEG_MARKERS
    assert b"shot at home" not in cleaned
    assert b"Someone" not in cleaned
    assert "dpi" not in Image.open(io.BytesIO(cleaned)).info


def test_png_text_chunks_are_stripped():
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "A. Photographer")
    text.add_text("Comment", "Taken at 12 Acacia Avenue", zip=True)
    text.add_itxt("Description", "Notes", lang="en")
    text.add_text("XML:com.adobe.xmp", "<x:xmpmeta>secret</x:xmpmeta>")
    data = save(Image.new("RGB", (60, 40), "red"), "PNG", pnginfo=text)
    assert {b"tEXt", b"zTXt", b"iTXt"} <= set(png_chunk_types(data))

    cleaned = stored_bytes(clean_image(upload(data, "photo.png")))

    assert set(png_chunk_types(cleaned)) <= CLEAN_PNG_CHUNKS
    assert b"Photographer" not in cleaned
    assert not {"Author", "Comment", "Description", "XML:com.adobe.xmp"} & set(
        Image.open(io.BytesIO(cleaned)).info
    )


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_an_icc_colour_profile_is_kept(image_format):
    profile = srgb_profile()
    data = save(photo_like(), image_format, icc_profile=profile)

    assert reopened(clean_image(upload(data))).info["icc_profile"] == profile


def test_no_icc_profile_is_added_when_there_was_none():
    assert "icc_profile" not in reopened(clean_image(upload(encoded("JPEG")))).info


@pytest.mark.parametrize("subsampling", [0, 2])
def test_a_jpeg_keeps_its_chroma_subsampling(subsampling):
    """4:4:4 (0) stays 4:4:4, which matters for art reproductions; 4:2:0 (2) stays 4:2:0."""
    data = save(photo_like(), "JPEG", subsampling=subsampling)
    assert JpegImagePlugin.get_sampling(reopened(clean_image(upload(data)))) == subsampling


@pytest.mark.parametrize("lossless", [True, False])
def test_a_webp_stays_lossless_or_lossy(lossless):
    data = save(photo_like(), "WEBP", lossless=lossless)
    cleaned = clean_image(upload(data, "photo.webp"))
    assert webp_is_lossless(cleaned.content) is lossless


def test_a_cmyk_jpeg_stays_cmyk():
    """Print-ready CMYK files keep their colours rather than being converted blindly."""
    data = encoded("JPEG", mode="CMYK", color=(0, 255, 255, 0))
    image = reopened(clean_image(upload(data)))
    assert image.mode == "CMYK"
    assert image.getpixel((5, 5))[1] > 240


def test_refused_uploads_are_refused_by_clean_image_too():
    with pytest.raises(ValidationError) as excinfo:
        clean_image(upload(encoded("PNG") + zip_archive(), "photo.png"))
    assert excinfo.value.code == "hidden_data"
