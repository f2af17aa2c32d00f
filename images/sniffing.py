"""What a file really is, told from its first bytes: never from its name or the browser's word."""

from typing import NamedTuple

# How many bytes of the file's start the sniffers look at.
HEAD_BYTES = 4096

# The formats we accept, as Pillow names them, with the extension stored files get...
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
# ...and how messages name them.
LABELS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "GIF": "GIF"}
ACCEPTED_KINDS = "JPEG, PNG, WebP and GIF"


class OtherKind(NamedTuple):
    """A kind of file we do not accept, as an editor would name it."""

    description: str  # "an SVG drawing"
    is_picture: bool  # a picture in a format the site does not take, such as HEIC or TIFF


_HEIC = OtherKind("an HEIC photo (the iPhone's own format)", True)
_TIFF = OtherKind("a TIFF image (or a camera RAW file)", True)
_HTML = OtherKind("a web page (HTML)", False)

# Kinds editors upload by mistake, by their signature at the very start of the file.
_SIGNATURES = (
    (b"%PDF-", OtherKind("a PDF document", False)),
    (b"PK\x03\x04", OtherKind("a ZIP archive or an office document", False)),
    (b"II*\x00", _TIFF),
    (b"MM\x00*", _TIFF),
    (b"8BPS", OtherKind("a Photoshop document", True)),
    (b"\x00\x00\x01\x00", OtherKind("an icon file", True)),
    (b"\x1a\x45\xdf\xa3", OtherKind("a video", False)),
    (b"OggS", OtherKind("an audio or video file", False)),
    (b"{\\rtf", OtherKind("a rich-text document", False)),
    (b"\xd0\xcf\x11\xe0", OtherKind("an old Microsoft Office document", False)),
    (b"\x1f\x8b", OtherKind("a compressed (gzip) archive", False)),
    (b"7z\xbc\xaf", OtherKind("a 7-Zip archive", False)),
    (b"Rar!", OtherKind("a RAR archive", False)),
    (b"\x7fELF", OtherKind("a program", False)),
)
# Short signatures that plain text can also start with: tried after text.
_WEAK_SIGNATURES = (
    (b"BM", OtherKind("a BMP image", True)),
    (b"MZ", OtherKind("a Windows program", False)),
    (b"ID3", OtherKind("an audio file", False)),
)
# ISO media files (HEIC, AVIF, MP4, MOV) name their brand in an "ftyp" box at byte 4.
_ISO_BRANDS = {
    b"heic": _HEIC,
    b"heix": _HEIC,
    b"mif1": OtherKind("an HEIF image", True),
    b"avif": OtherKind("an AVIF image", True),
    b"avis": OtherKind("an AVIF image", True),
    b"crx ": OtherKind("a Canon RAW photo", True),
}
_VIDEO = OtherKind("a video", False)
_HTML_STARTS = ("<!doctype html", "<html")
_HTML_TAGS = ("<head", "<body", "<script", "<iframe", "<meta", "<title", "<div", "<a ")


def sniff_image_format(head: bytes) -> str | None:
    """'JPEG', 'PNG', 'WEBP' or 'GIF' when the bytes start like one of those; else None."""
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    return None


def describe_other_file(head: bytes) -> OtherKind | None:
    """What a file we do not accept seems to be, or None when we cannot tell."""
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    if head[4:8] == b"ftyp":
        return _ISO_BRANDS.get(head[8:12], _VIDEO)
    if text := _as_text(head):
        return _describe_text(text)
    for signature, kind in _WEAK_SIGNATURES:
        if head.startswith(signature):
            return kind
    return None


def _as_text(head: bytes) -> str | None:
    """The head as text when it is UTF-8 without control characters, else None."""
    # The head may end in the middle of a multi-byte character: drop up to three bytes.
    for cut in range(4):
        try:
            text = head[: len(head) - cut].decode("utf-8-sig")
        except UnicodeDecodeError:
            continue
        if any(ord(char) < 32 and char not in "\t\r\n\f" for char in text):
            return None
        return text
    return None


def _describe_text(text: str) -> OtherKind | None:
    """Markup (HTML, SVG, XML) or plain text; None for whitespace alone."""
    markup = text.lstrip().lower()
    if markup.startswith(_HTML_STARTS):
        return _HTML
    if "<svg" in markup:
        return OtherKind("an SVG drawing", False)
    if markup.startswith("<") and any(tag in markup for tag in _HTML_TAGS):
        return _HTML
    if markup.startswith("<?xml"):
        return OtherKind("an XML document", False)
    return OtherKind("a text file", False) if text.strip() else None
