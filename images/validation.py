"""Refuse image uploads that are unsafe or unusable, with a message an editor can act on.

Every image upload goes through open_checked_image(), which checks in order of cost:

1. the byte size, measured by seeking (nothing is read): empty files and files over
   IMAGE_UPLOAD_MAX_BYTES are refused;
2. the kind, sniffed from the first bytes (never the name or the browser's content type):
   only JPEG, PNG, WebP and GIF pass, and the message says what the file seems to be instead;
3. the pixel count, from the header alone (before any pixel is decoded): over
   IMAGE_UPLOAD_MAX_PIXELS is refused, and so is anything Pillow flags as a decompression bomb;
4. the layout, walked without decoding: files that end before the picture does are refused, and
   so are files carrying data after the picture's end (polyglots such as a PNG with a ZIP
   appended, or a JPEG with a script after it);
5. the pixels, decoded once in full: damaged files are refused.

Each refusal is a ValidationError with a code and params: images/refusals.py lists them.
"""

import os
import struct
import warnings
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import NoReturn

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from PIL import Image

from images.containers import MalformedImage, TruncatedImage, declared_dimensions, picture_end
from images.refusals import (
    BOMB_MESSAGE,
    CORRUPT_MESSAGE,
    EMPTY_MESSAGE,
    HIDDEN_DATA_MESSAGE,
    OTHER_KIND_MESSAGE,
    OTHER_PICTURE_MESSAGE,
    TOO_LARGE_MESSAGE,
    TOO_MANY_PIXELS_MESSAGE,
    TRUNCATED_MESSAGE,
    UNKNOWN_KIND_MESSAGE,
)
from images.sniffing import (
    ACCEPTED_KINDS,
    EXTENSIONS,
    HEAD_BYTES,
    LABELS,
    describe_other_file,
    sniff_image_format,
)

DEFAULT_MAX_BYTES = 25 * 1024 * 1024
DEFAULT_MAX_PIXELS = 60_000_000

# Bytes after the picture's end that are tolerated when they are only padding (some encoders
# pad with zeros or a newline); anything else there is hidden data.
PADDING_ALLOWANCE = 1024
_PADDING = b"\x00\t\n\r "

# What Pillow raises on damaged files, besides its own OSError subclasses. MemoryError and
# programming errors are deliberately not in the list.
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error, zlib.error)


@dataclass(frozen=True)
class UploadedImage:
    """What the checks learnt about an accepted upload."""

    format: str  # "JPEG", "PNG", "WEBP" or "GIF", sniffed from the content
    width: int
    height: int
    byte_size: int
    animated: bool  # an animated GIF, PNG or WebP; only the first frame is ever kept

    @property
    def extension(self) -> str:
        """The file extension for this format, without the dot: 'jpg', 'png', 'webp', 'gif'."""
        return EXTENSIONS[self.format]


def inspect_upload(file) -> UploadedImage:
    """Check an upload and describe it; raise ValidationError (with a code) to refuse it.

    `file` is any seekable binary file: an UploadedFile, a File, a BytesIO. It is left at
    position 0. The return value can be ignored, so this works as a field validator.
    """
    with open_checked_image(file) as (upload, _image):
        return upload


@contextmanager
def open_checked_image(file) -> Iterator[tuple[UploadedImage, Image.Image]]:
    """Run every check, then yield the upload's description and its decoded first frame.

    The caller may change the image (sanitize does). The file is rewound when the block ends,
    or when a check refuses it; it is never closed.
    """
    try:
        byte_size = _checked_byte_size(file)
        image_format = _checked_format(file)
        with _refusing_damaged_files(image_format):
            _check_before_decoding(file, image_format, byte_size)
            with _refusing_decompression_bombs():
                image = Image.open(file, formats=[image_format])
        # Leaving the block drops Pillow's hold on the file without closing it (close() would).
        with image:
            with _refusing_damaged_files(image_format):
                upload = _checked_image(image, image_format, byte_size)
            yield upload, image
    finally:
        file.seek(0)


def max_pixels() -> int:
    """IMAGE_UPLOAD_MAX_PIXELS, capped at Pillow's own limit: what Pillow flags, we refuse."""
    limit = getattr(settings, "IMAGE_UPLOAD_MAX_PIXELS", DEFAULT_MAX_PIXELS)
    return min(limit, Image.MAX_IMAGE_PIXELS) if Image.MAX_IMAGE_PIXELS else limit


def _checked_byte_size(file) -> int:
    """The file's size, by seeking to its end: an oversized upload is refused unread."""
    file.seek(0, os.SEEK_END)
    byte_size = file.tell()
    file.seek(0)
    if byte_size == 0:
        _refuse(EMPTY_MESSAGE)
    limit = getattr(settings, "IMAGE_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES)
    if byte_size > limit:
        _refuse(TOO_LARGE_MESSAGE, size=filesizeformat(byte_size), limit=filesizeformat(limit))
    return byte_size


def _checked_format(file) -> str:
    """The sniffed format; anything else is refused, naming what it seems to be."""
    head = file.read(HEAD_BYTES)
    file.seek(0)
    if image_format := sniff_image_format(head):
        return image_format
    other = describe_other_file(head)
    if other is None:
        _refuse(UNKNOWN_KIND_MESSAGE, accepted=ACCEPTED_KINDS)
    message = OTHER_PICTURE_MESSAGE if other.is_picture else OTHER_KIND_MESSAGE
    _refuse(message, kind=other.description, accepted=ACCEPTED_KINDS)


def _check_before_decoding(file, image_format: str, byte_size: int) -> None:
    """The pixel count a PNG, GIF or WebP header declares, and the layout of the whole file."""
    file.seek(0)
    if dimensions := declared_dimensions(file.read(HEAD_BYTES), image_format):
        _check_pixels(*dimensions)
    _check_nothing_after_picture(file, image_format, byte_size)


def _checked_image(image: Image.Image, image_format: str, byte_size: int) -> UploadedImage:
    """Check the size Pillow read from the header, then decode the first frame in full."""
    _check_pixels(*image.size)
    # A JPEG's further frames are a camera's extra pictures (MPO), not an animation.
    with _refusing_decompression_bombs():
        animated = image_format != "JPEG" and bool(getattr(image, "is_animated", False))
    # Decoding is what finds damaged data. Pillow's LOAD_TRUNCATED_IMAGES is left alone (it is
    # process-wide); a truncated file has already been refused by the layout check.
    image.load()
    width, height = image.size
    return UploadedImage(image_format, width, height, byte_size, animated)


def _check_pixels(width: int, height: int) -> None:
    limit = max_pixels()
    if width * height > limit:
        _refuse(
            TOO_MANY_PIXELS_MESSAGE,
            width=f"{width:,}",
            height=f"{height:,}",
            pixels=_pixel_count(width * height),
            limit=_pixel_count(limit),
        )


def _check_nothing_after_picture(file, image_format: str, byte_size: int) -> None:
    """Refuse bytes after the picture's end, unless they are a little padding."""
    extra = byte_size - picture_end(file, image_format, byte_size)
    if extra <= 0:
        return
    if extra <= PADDING_ALLOWANCE:
        file.seek(byte_size - extra)
        if not file.read(extra).strip(_PADDING):
            return
    _refuse(HIDDEN_DATA_MESSAGE, kind=LABELS[image_format], extra=filesizeformat(extra))


@contextmanager
def _refusing_decompression_bombs() -> Iterator[None]:
    """Pillow's own decompression-bomb error and warning, as the too-many-pixels refusal.

    Pillow checks a JPEG's size inside Image.open, before our own check can: over its limit it
    warns, over twice its limit it raises. Both are refused here, without any pixel decoded.
    (catch_warnings is process-wide before Python 3.14: at worst another thread briefly sees
    this warning turned into an error, which is the safe direction.)
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            yield
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            _refuse(BOMB_MESSAGE, cause=error, limit=_pixel_count(max_pixels()))


@contextmanager
def _refusing_damaged_files(image_format: str) -> Iterator[None]:
    """Structural and decoding errors, as the incomplete or damaged-file refusals."""
    try:
        yield
    except TruncatedImage as error:
        _refuse(TRUNCATED_MESSAGE, cause=error, kind=LABELS[image_format])
    except (MalformedImage, *_DECODE_ERRORS) as error:
        _refuse(CORRUPT_MESSAGE, cause=error, kind=LABELS[image_format])


def _pixel_count(pixels: int) -> str:
    """'60 megapixels', '10,000 megapixels', '1.5 megapixels'; small counts in pixels."""
    if pixels < 100_000:
        return f"{pixels:,} pixels"
    return f"{pixels / 1_000_000:,.1f}".removesuffix(".0") + " megapixels"


def _refuse(message: tuple[str, str], *, cause: Exception | None = None, **params) -> NoReturn:
    text, code = message
    raise ValidationError(text, code=code, params=params) from cause
