"""Store a fresh file made by Pillow, never the uploaded bytes: upright and without metadata.

What is dropped: EXIF (camera, dates, GPS position), XMP, IPTC, comments, PNG text chunks, GIF
application extensions, DPI. What is kept: the ICC colour profile when there is one (it is not
personal data and without it colours shift), and transparency.

Formats stay as uploaded, with one exception: a GIF becomes a PNG of its first frame. Animations
are not kept (the same goes for animated PNG and WebP: their first frame is stored), and for a
still picture PNG is lossless like GIF, keeps its palette and transparency, and compresses better.
"""

import io
from typing import NamedTuple

from django.core.files.base import ContentFile
from PIL import Image, ImageOps, JpegImagePlugin

from images.containers import webp_is_lossless
from images.sniffing import EXTENSIONS
from images.validation import UploadedImage, open_checked_image

# The format a cleaned upload is stored in, by the uploaded format.
STORED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WEBP", "GIF": "PNG"}
JPEG_QUALITY = 90
WEBP_QUALITY = 90


class CleanImage(NamedTuple):
    """A re-encoded upload, ready to be saved to storage under a name from images.naming."""

    content: ContentFile
    width: int
    height: int
    format: str  # the stored format: "JPEG", "PNG" or "WEBP"

    @property
    def extension(self) -> str:
        """The stored format's extension, without the dot."""
        return EXTENSIONS[self.format]


def clean_image(file) -> CleanImage:
    """Check an upload (as inspect_upload does), then re-encode its first frame, upright.

    Raises ValidationError for every upload inspect_upload refuses. The file is left at 0.
    """
    with open_checked_image(file) as (upload, image):
        options = _save_options(upload, image, file)
        _make_upright_and_bare(image)
        stored_format = STORED_FORMATS[upload.format]
        buffer = io.BytesIO()
        image.save(buffer, format=stored_format, **options)
        width, height = image.size
    name = f"image.{EXTENSIONS[stored_format]}"
    return CleanImage(ContentFile(buffer.getvalue(), name=name), width, height, stored_format)


def _save_options(upload: UploadedImage, image: Image.Image, file) -> dict:
    """Encoder settings that keep the picture's quality: read from the upload before cleaning."""
    options = {}
    if icc_profile := image.info.get("icc_profile"):
        options["icc_profile"] = icc_profile
    if upload.format == "JPEG":
        # No optimize or progressive: with either, Pillow encodes into one buffer of a guessed
        # size, which detailed pictures at 4:4:4 overflow ("Suspension not allowed here").
        options["quality"] = JPEG_QUALITY
        # Keep 4:4:4 chroma when the original had it: art reproductions show the difference.
        if (subsampling := JpegImagePlugin.get_sampling(image)) != -1:
            options["subsampling"] = subsampling
    elif upload.format == "WEBP":
        lossless = not upload.animated and webp_is_lossless(file)
        options |= {"quality": WEBP_QUALITY, "lossless": lossless}
    else:
        options["optimize"] = True
    return options


def _make_upright_and_bare(image: Image.Image) -> None:
    """Apply the EXIF orientation, then forget every piece of metadata but transparency.

    Pillow's writers take EXIF, XMP, DPI and text only from save() arguments, but a JPEG comment
    and a PNG's ICC profile and transparency from image.info, so info is emptied here and the
    profile passed explicitly.
    """
    ImageOps.exif_transpose(image, in_place=True)
    transparency = image.info.get("transparency")
    image.info = {} if transparency is None else {"transparency": transparency}
