"""Renditions of a stored image: smaller copies for srcset, and a crop for link previews.

`make_renditions(field_file, focal=(x, y))` opens the stored original once, writes every
rendition to the field's own storage (never the local disk directly, so S3 works the same) and
returns the JSON stored beside the image:

    {"source": "artworks/2026/11/<hex>.jpg", "focal": [0.5, 0.5], "width": 6000, "height": 4000,
     "widths": [{"w": 480, "h": 320, "webp": "<name>", "fallback": "<name>"}, ...],  # ascending
     "social": {"name": "<name>", "w": 1200, "h": 630}}

- widths: IMAGE_RENDITION_WIDTHS narrower than the original, plus the original's own width when
  it is narrower than the largest: never upscaled. Each in WebP and in a fallback format: JPEG
  for a JPEG (or an opaque WebP), PNG for a PNG (GIF uploads are stored as PNG already) or a
  transparent WebP.
- social: SOCIAL_SIZE (1200x630, JPEG) centred on the focal point as far as the picture allows:
  scaled so that the crop covers it, the window then kept inside the picture. A picture smaller
  than that gives the largest crop of that shape at its own scale (never upscaled).
- names: `renditions/<original without extension>/w480.webp`, `.../w480.jpg`,
  `.../social-<x>-<y>.jpg` (the focal point in thousandths: a new crop gets a new address, so
  caches in front of /media/ never serve the old one). One folder per original.

A JPEG is decoded at a reduced scale (Image.draft: libjpeg's DCT scaling) when the largest output
needs at most half its size: that nearly halves the time a 6000x4000 photograph takes (0.5 s
on one core; see docs/benchmarks.md).
"""

import io
import math
import struct
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.base import ContentFile
from PIL import Image, ImageOps

from images.sniffing import EXTENSIONS

DEFAULT_WIDTHS = (480, 960, 1600)
SOCIAL_SIZE = (1200, 630)
WEBP_QUALITY = 80
JPEG_QUALITY = 82
FOLDER = "renditions"
FOCAL_DIGITS = 4
_ORIENTATION = 0x0112
_LANCZOS = Image.Resampling.LANCZOS
# Errors of a file that is missing, cut off, not an image or too big to decode.
_UNREADABLE = (
    OSError,
    ValueError,
    SyntaxError,
    EOFError,
    struct.error,
    Image.DecompressionBombError,
)


class RenditionFailed(Exception):
    """The original could not be read (missing, damaged, not an image)."""


def rounded_focal(x: float, y: float) -> tuple[float, float]:
    """A focal point as renditions record it (and compare it): inside the picture, rounded."""
    return tuple(round(_clamp(float(axis), 0.0, 1.0), FOCAL_DIGITS) for axis in (x, y))


def rendition_widths(original_width: int, configured=None) -> list[int]:
    """The widths made for an original this wide, ascending; never wider than the original."""
    configured = sorted(
        set(configured or getattr(settings, "IMAGE_RENDITION_WIDTHS", None) or DEFAULT_WIDTHS)
    )
    widths = {width for width in configured if width <= original_width}
    if original_width < configured[-1]:
        widths.add(original_width)
    return sorted(widths)


def social_crop(
    width: int, height: int, focal
) -> tuple[tuple[float, float, float, float], tuple[int, int]]:
    """The window of the original (left, top, right, bottom) the social image shows, and its
    size: SOCIAL_SIZE, or smaller of the same shape when the original is smaller."""
    target_w, target_h = SOCIAL_SIZE
    shrink = min(1.0, width / target_w, height / target_h)
    size = (max(1, round(target_w * shrink)), max(1, round(target_h * shrink)))
    scale = max(size[0] / width, size[1] / height)  # at most 1: the crop covers the window
    window_w, window_h = min(width, size[0] / scale), min(height, size[1] / scale)
    left = _clamp(focal[0] * width - window_w / 2, 0, width - window_w)
    top = _clamp(focal[1] * height - window_h / 2, 0, height - window_h)
    return (left, top, left + window_w, top + window_h), size


def rendition_folder(source_name: str) -> str:
    return f"{FOLDER}/{PurePosixPath(source_name).with_suffix('')}"


def rendition_names(renditions) -> set[str]:
    """Every file name a renditions JSON refers to."""
    if not isinstance(renditions, dict):
        return set()
    names = {
        size.get(kind) for size in renditions.get("widths") or () for kind in ("webp", "fallback")
    }
    names.add((renditions.get("social") or {}).get("name"))
    return {name for name in names if isinstance(name, str) and name}


def delete_rendition_files(storage, renditions, *, keep=()) -> None:
    """Delete the files a renditions JSON lists, except those named in `keep`."""
    for name in sorted(rendition_names(renditions) - set(keep)):
        storage.delete(name)


def make_renditions(field_file, *, focal=(0.5, 0.5)) -> dict:
    """Make and store every rendition of the stored image; return the JSON describing them.

    Everything is encoded in memory first: an original that cannot be read or converted
    (missing, damaged, not an image) raises RenditionFailed before anything is written. Storage
    errors while writing propagate (they are not the picture's fault)."""
    source, storage = field_file.name, field_file.storage
    focal = list(rounded_focal(*focal))
    try:
        description, encoded = _render(storage, source, focal)
    except _UNREADABLE as error:
        raise RenditionFailed(f"cannot make renditions of {source}: {error}") from error
    stored = {name: _store(storage, name, data) for name, data in encoded.items()}
    for size in description["widths"]:
        size["webp"], size["fallback"] = stored[size["webp"]], stored[size["fallback"]]
    description["social"]["name"] = stored[description["social"]["name"]]
    return description


def _render(storage, source: str, focal: list[float]) -> tuple[dict, dict[str, bytes]]:
    """The renditions JSON (with the names to store under) and the encoded file of each name."""
    image, source_format, (width, height), widths = _open_reduced(storage, source, focal)
    # A colour profile is kept for RGB pictures only: a CMYK or grey one would not fit RGB.
    icc_profile = image.info.get("icc_profile") if image.mode in ("RGB", "RGBA", "P") else None
    image = _web_ready(image)
    scale = image.width / width  # the decoded size over the original's
    fallback = "PNG" if source_format == "PNG" or image.mode == "RGBA" else "JPEG"
    folder = rendition_folder(source)
    encoded, sizes = {}, []
    for w in widths:
        h = max(1, round(height * w / width))
        resized = _resized(image, (w, h))
        names = {"webp": f"{folder}/w{w}.webp", "fallback": f"{folder}/w{w}.{EXTENSIONS[fallback]}"}
        encoded[names["webp"]] = _encoded(resized, "WEBP", icc_profile)
        encoded[names["fallback"]] = _encoded(resized, fallback, icc_profile)
        sizes.append({"w": w, "h": h, **names})
    box, social_size = social_crop(width, height, focal)
    crop = _resized(image, social_size, box=tuple(edge * scale for edge in box))
    social_name = f"{folder}/social-{round(focal[0] * 1000)}-{round(focal[1] * 1000)}.jpg"
    encoded[social_name] = _encoded(crop, "JPEG", icc_profile)
    social = {"name": social_name, "w": social_size[0], "h": social_size[1]}
    description = {"source": source, "focal": focal, "width": width, "height": height}
    return description | {"widths": sizes, "social": social}, encoded


def _open_reduced(storage, name: str, focal):
    """Open the original once and decode it, a JPEG at the smallest DCT scale that still covers
    every output. Returns the upright image, its format, the original's upright size and the
    rendition widths."""
    with storage.open(name, "rb") as file:
        image = Image.open(file)
        source_format = image.format
        turned = image.getexif().get(_ORIENTATION, 1) in (5, 6, 7, 8)
        width, height = image.size[::-1] if turned else image.size
        widths = rendition_widths(width)
        box, social_size = social_crop(width, height, focal)
        needed = max(widths[-1] / width, social_size[0] / (box[2] - box[0]))
        if source_format == "JPEG" and needed <= 0.5:
            request = (math.ceil(width * needed), math.ceil(height * needed))
            image.draft(image.mode, request[::-1] if turned else request)
        image.load()
    ImageOps.exif_transpose(image, in_place=True)
    return image, source_format, (width, height), widths


def _web_ready(image: Image.Image) -> Image.Image:
    """RGB, or RGBA when the picture has transparency: what WebP, JPEG and PNG all take."""
    if image.mode in ("I", "I;16", "I;16B", "I;16L", "F"):  # 16-bit greys
        image = image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    transparent = image.mode in ("RGBA", "LA", "PA", "RGBa") or "transparency" in image.info
    mode = "RGBA" if transparent else "RGB"
    return image if image.mode == mode else image.convert(mode)


def _resized(image: Image.Image, size, box=None) -> Image.Image:
    """Lanczos resampling; transparent pictures premultiplied first, so edges keep no halo."""
    if image.mode == "RGBA":
        premultiplied = image.convert("RGBa").resize(size, _LANCZOS, box=box, reducing_gap=3.0)
        return premultiplied.convert("RGBA")
    return image.resize(size, _LANCZOS, box=box, reducing_gap=3.0)


def _store(storage, name: str, data: bytes) -> str:
    """Write one rendition, replacing an older file of that name; return the stored name."""
    if storage.exists(name):
        storage.delete(name)
    return storage.save(name, ContentFile(data))


def _encoded(image: Image.Image, image_format: str, icc_profile) -> bytes:
    options = {"icc_profile": icc_profile} if icc_profile else {}
    if image_format == "WEBP":
        options |= {"quality": WEBP_QUALITY, "method": 4}
    elif image_format == "JPEG":
        if image.mode == "RGBA":
            image = _on_white(image)
        options |= {"quality": JPEG_QUALITY, "progressive": True}
    buffer = io.BytesIO()
    try:
        image.save(buffer, image_format, **options)
    except OSError:  # a progressive JPEG's guessed buffer can be too small: baseline then
        if not options.pop("progressive", False):
            raise
        buffer = io.BytesIO()
        image.save(buffer, image_format, **options)
    return buffer.getvalue()


def _on_white(image: Image.Image) -> Image.Image:
    background = Image.new("RGB", image.size, "white")
    background.paste(image, mask=image.getchannel("A"))
    return background


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(value, high))
