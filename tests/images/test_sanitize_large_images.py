"""clean_image on big pictures: the upload is read in blocks, never slurped whole or twice over.

Speed is measured by scripts under bench/, never here: these tests count bytes, not seconds.
"""

from django.core.files import File

from images.sanitize import clean_image
from tests.images.samples import CountingFile, photo_like, save

# Pillow and the layout walk both read in blocks of 64 KiB.
BLOCK = 64 * 1024


def test_a_large_jpeg_at_the_pixel_limit_is_read_once_to_walk_and_once_to_decode(settings):
    """12 megapixels, several MB: the end-marker walk and the decode each read it once."""
    data = save(photo_like((4000, 3000)), "JPEG", quality=90)
    settings.IMAGE_UPLOAD_MAX_PIXELS = 4000 * 3000
    file = CountingFile(data)

    cleaned = clean_image(File(file, name="big.jpg"))

    assert (cleaned.width, cleaned.height) == (4000, 3000)
    assert len(data) > 4 * 1024 * 1024
    assert file.bytes_read <= 2 * len(data) + BLOCK
    assert file.largest_read <= BLOCK


def test_a_large_png_is_read_about_once(settings):
    """The PNG walk seeks over the chunks' data, so only the decode reads the pixels."""
    data = save(photo_like((1500, 1000)), "PNG")
    file = CountingFile(data)

    clean_image(File(file, name="big.png"))

    assert file.bytes_read <= len(data) + 2 * BLOCK
    assert file.largest_read <= BLOCK
