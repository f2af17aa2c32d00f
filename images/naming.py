"""Names for stored uploads: a random storage name, and a tidy label for the uploader's name.

A stored file is never named after the upload: the name an editor's computer gave it may collide,
leak a path or carry characters storages and URLs handle badly. It is kept as a label only, shown
(escaped, by templates) where an editor wants to recognise a file; nothing here produces HTML.
"""

import re
import secrets
import unicodedata
from datetime import datetime

from django.utils import timezone

from images.sniffing import EXTENSIONS

LABEL_MAX_LENGTH = 100
# Extensions longer than this are not treated as extensions when a label is shortened.
_EXTENSION_MAX_LENGTH = 10
_PREFIX = re.compile(r"[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*")


def image_storage_name(*, prefix: str, image_format: str, now: datetime | None = None) -> str:
    """'<prefix>/<yyyy>/<mm>/<32 random hex digits>.<extension>' for a cleaned image.

    `image_format` is the stored format ("JPEG", "PNG", "WEBP", "GIF"), so the extension always
    matches the content. `prefix` is a fixed folder such as "artworks" (lower-case letters,
    digits, "-", "_" and "/").
    """
    if not _PREFIX.fullmatch(prefix):
        raise ValueError(f"Not a safe storage folder: {prefix!r}")
    when = timezone.localtime(now or timezone.now())
    return f"{prefix}/{when:%Y/%m}/{secrets.token_hex(16)}.{EXTENSIONS[image_format]}"


def original_name_label(name: str | None) -> str:
    """The uploader's file name as a short, safe label: 'x.jpg' for '../../x.jpg'.

    Directories (Unix or Windows) are dropped, control and invisible formatting characters
    removed, runs of white space made one space, leading dots and surrounding spaces trimmed,
    and the label cut to LABEL_MAX_LENGTH characters, keeping a short extension. May be ''.
    """
    name = unicodedata.normalize("NFC", name or "")
    name = re.split(r"[/\\]", name)[-1]
    name = "".join(_tidied(char) for char in name)
    name = " ".join(name.split()).lstrip(". ")
    return _shortened(name)


def _tidied(char: str) -> str:
    """White space (tabs, newlines) as a space; other control and invisible characters dropped.

    The dropped categories (control, format, surrogate, private use, unassigned) include the
    right-to-left override (U+202E) that makes "photo" + U+202E + "gpj.exe" read "photoexe.jpg".
    """
    if char.isspace():
        return " "
    return "" if unicodedata.category(char).startswith("C") else char


def _shortened(label: str) -> str:
    """Cut to LABEL_MAX_LENGTH characters with an ellipsis, keeping the extension when short."""
    if len(label) <= LABEL_MAX_LENGTH:
        return label
    stem, dot, extension = label.rpartition(".")
    if not dot or not stem or len(extension) > _EXTENSION_MAX_LENGTH:
        stem, extension = label, ""
    suffix = f".{extension}" if extension else ""
    return stem[: LABEL_MAX_LENGTH - 1 - len(suffix)].rstrip(" .") + "…" + suffix
