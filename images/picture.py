"""What templates show for a stored image: the read side of the renditions images.tasks makes.

`picture_for` is string work only. It reads the renditions JSON stored beside the image (see
images/renditions.py for its shape) and asks the storage for URLs, nothing else: it never opens
a file, never measures a picture and never makes a rendition, so a page with twenty figures does
no image processing at all. Renditions made from another file than the current one (the editor
uploaded again and the task has not run yet) are ignored: the page shows the original until the
new ones are stored.
"""

from dataclasses import dataclass


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
        name, storage=field_file.storage, width=width, height=height, renditions=renditions
    )


def picture_of(name: str, *, storage, width: int | None, height: int | None, renditions) -> Picture:
    """The same Picture from an image's stored columns (a `values()` read of `Image`: file name,
    width, height, renditions) and the file field's storage, where no FieldFile was built."""
    if not name:
        return Picture(src="", width=width, height=height)
    current = usable_renditions(renditions, name)
    if current is None:
        return Picture(src=storage.url(name), width=width, height=height)
    sizes = current["widths"]
    middle = sorted(sizes, key=lambda size: size["w"])[len(sizes) // 2]
    social = current.get("social") or {}
    return Picture(
        src=storage.url(middle["fallback"]),
        width=width or current.get("width"),
        height=height or current.get("height"),
        webp_srcset=srcset(storage, sizes, "webp"),
        fallback_srcset=srcset(storage, sizes, "fallback"),
        social_url=storage.url(social["name"]) if social.get("name") else None,
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


def srcset(storage, sizes: list[dict], kind: str) -> str:
    """'url 480w, url 960w' for one kind of rendition ("webp" or "fallback"), narrowest first."""
    return ", ".join(
        f"{storage.url(size[kind])} {size['w']}w"
        for size in sorted(sizes, key=lambda size: size["w"])
        if size.get(kind)
    )
