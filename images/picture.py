"""What templates show for a stored image: the read side of the renditions images.tasks makes.

`picture_for` is string work only. It reads the renditions JSON stored beside the image (see
images/renditions.py for its shape) and asks the storage for URLs, nothing else: it never opens
a file, never measures a picture and never makes a rendition, so a page with twenty figures does
no image processing at all. Renditions made from another file than the current one (the editor
uploaded again and the task has not run yet) are ignored: the page shows the original until the
new ones are stored.
"""

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin

from django.core.files.storage import FileSystemStorage
from django.utils.encoding import filepath_to_uri


@dataclass(frozen=True)
class Picture:
    """One image as a page shows it.

    `src` is the `<img>` address: the middle-sized fallback rendition, or the original when there
    are no renditions for the current file. `width` and `height` are the original's, so the
    browser reserves the right box (the aspect ratio) before anything loads. The srcsets are
    "url 480w, url 960w, ..." strings, empty without renditions. `social_url` is the 1200x630
    crop for link previews, or None (use the original then).
    """

    src: str
    width: int | None
    height: int | None
    webp_srcset: str = ""
    fallback_srcset: str = ""
    social_url: str | None = None
    social_width: int | None = None
    social_height: int | None = None
    has_renditions: bool = False


def picture_for(
    field_file, *, width: int | None = None, height: int | None = None, renditions=None
) -> Picture:
    """The Picture of `field_file` (an image FieldFile), from its stored renditions JSON.

    `width` and `height` are the model's stored dimensions of the original (never read from the
    file); when they are missing, the dimensions recorded with the renditions are used. An empty
    field gives a Picture with an empty `src`.
    """
    name = getattr(field_file, "name", None) or ""
    if not name:
        return Picture(src="", width=width, height=height)
    return picture_of(
        name, url=field_file.storage.url, width=width, height=height, renditions=renditions
    )


def picture_of(
    name: str, *, url: Callable[[str], str], width: int | None, height: int | None, renditions
) -> Picture:
    """The same Picture from an image's stored columns (a `values()` read of `Image`: file name,
    width, height, renditions) and its storage's `url` (or `urls_of(storage)`), where no
    FieldFile was built."""
    if not name:
        return Picture(src="", width=width, height=height)
    current = usable_renditions(renditions, name)
    if current is None:
        return Picture(src=url(name), width=width, height=height)
    sizes = current["widths"]
    middle = sorted(sizes, key=lambda size: size["w"])[len(sizes) // 2]
    social = current.get("social") or {}
    return Picture(
        src=url(middle["fallback"]),
        width=width or current.get("width"),
        height=height or current.get("height"),
        webp_srcset=srcset(url, sizes, "webp"),
        fallback_srcset=srcset(url, sizes, "fallback"),
        social_url=url(social["name"]) if social.get("name") else None,
        social_width=social.get("w"),
        social_height=social.get("h"),
        has_renditions=True,
    )


def usable_renditions(renditions, source_name: str) -> dict | None:
    """The renditions JSON when it was made from `source_name` and lists at least one width."""
    if not isinstance(renditions, dict) or renditions.get("source") != source_name:
        return None
    widths = renditions.get("widths")
    if not widths or not all(isinstance(size, dict) for size in widths):
        return None
    return renditions


def srcset(url: Callable[[str], str], sizes: list[dict], kind: str) -> str:
    """'url 480w, url 960w' for one kind of rendition ("webp" or "fallback"), narrowest first."""
    return ", ".join(
        f"{url(size[kind])} {size['w']}w"
        for size in sorted(sizes, key=lambda size: size["w"])
        if size.get(kind)
    )


def urls_of(storage) -> Callable[[str], str]:
    """`storage.url`, made once for a list of pictures: a card's picture has seven addresses
    (the renditions), and the file system storage's url() parses and joins each with urljoin()
    (some 8 microseconds). Its base address ends with "/" and a stored name is quoted with no
    scheme, query or fragment left in it, so joining is appending, except for a "." or ".."
    segment, which urljoin() resolves (names never have one: then it is asked). Any other
    storage is asked for each (S3: its own addresses). tests/images/test_picture.py holds the
    two to each other."""
    if not isinstance(storage, FileSystemStorage) or storage.base_url is None:
        return storage.url
    base = storage.base_url

    def url(name: str) -> str:
        path = filepath_to_uri(name).lstrip("/")
        if "." in path and any(part in {".", ".."} for part in path.split("/")):
            return urljoin(base, path)
        return base + path

    return url
