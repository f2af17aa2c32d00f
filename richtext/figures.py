"""The body-figure node: a figure placed in rich text (the article's body) as a reference, not
as markup. In stored HTML it is an EMPTY element at the top level of the text, with only these
attributes, in this order:

    <figure data-artwork="123" data-artwork-image="45" data-size="wide" data-alt="..."
            data-credit="..." data-caption="..." data-decorative="true"></figure>
    <figure data-image="67" data-size="inline" data-alt="..." data-credit="..."></figure>

One of `data-artwork` (an artwork's key, `data-artwork-image` optionally choosing one of its
images) or `data-image` (an uploaded image's key); `data-size` one of SIZES (`inline` when
absent or unknown); `data-alt`, `data-credit`, `data-caption` plain text (cleaned as every
plain-text field is, cut to their fields' lengths, left out when empty); `data-decorative`
only as "true". The sanitizer (`lift_figures`, run by `sanitize_html(..., figures=True)` on
the allow-list's output) is the only authority: whatever else a figure carried (attributes,
children, a figure inside it) is dropped, a figure inside a paragraph, list or quote is lifted
out after it, and a figure with no valid key is dropped. What each node means (which rows, how
it renders) is the articles app's business (articles/body_figures/).
"""

import html
import re
from dataclasses import dataclass

from plaintext.text import clean_text

SIZES = ("inline", "wide", "full")
DEFAULT_SIZE = "inline"
# As ArticleFigure's fields: alt text and credit 500 characters, the caption override 1000.
MAX_ALT = 500
MAX_CREDIT = 500
MAX_CAPTION = 1000
# A key fits the databases' integer columns (and stays short).
MAX_KEY = 2**31 - 1

ATTRIBUTES = (
    "data-artwork",
    "data-artwork-image",
    "data-image",
    "data-size",
    "data-alt",
    "data-credit",
    "data-caption",
    "data-decorative",
)

_DIGITS = re.compile(r"[0-9]{1,10}")


@dataclass(frozen=True)
class FigureNode:
    """What one figure node says, its values valid."""

    artwork: int | None = None
    artwork_image: int | None = None
    image: int | None = None
    size: str = DEFAULT_SIZE
    alt: str = ""
    credit: str = ""
    caption: str = ""
    decorative: bool = False

    @classmethod
    def from_attributes(cls, attributes: dict[str, str | None]) -> "FigureNode | None":
        """The node these attributes (unescaped values) describe, or None without a valid key.
        With both keys, the artwork's wins: a node shows one thing."""
        artwork = _key(attributes.get("data-artwork"))
        image = None if artwork else _key(attributes.get("data-image"))
        if artwork is None and image is None:
            return None
        size = attributes.get("data-size")
        return cls(
            artwork=artwork,
            artwork_image=_key(attributes.get("data-artwork-image")) if artwork else None,
            image=image,
            size=size if size in SIZES else DEFAULT_SIZE,
            alt=_text(attributes.get("data-alt"), MAX_ALT),
            credit=_text(attributes.get("data-credit"), MAX_CREDIT),
            caption=_text(attributes.get("data-caption"), MAX_CAPTION),
            decorative=attributes.get("data-decorative") == "true",
        )

    def html(self) -> str:
        """The node as stored: its attributes in canonical order, every value escaped."""
        values = [
            ("data-artwork", self.artwork and str(self.artwork)),
            ("data-artwork-image", self.artwork_image and str(self.artwork_image)),
            ("data-image", self.image and str(self.image)),
            ("data-size", self.size),
            ("data-alt", self.alt),
            ("data-credit", self.credit),
            ("data-caption", self.caption),
            ("data-decorative", "true" if self.decorative else ""),
        ]
        attributes = "".join(
            f' {name}="{html.escape(value, quote=True)}"' for name, value in values if value
        )
        return f"<figure{attributes}></figure>"


def _key(value: str | None) -> int | None:
    if value is None or not _DIGITS.fullmatch(value):
        return None
    number = int(value)
    return number if 0 < number <= MAX_KEY else None


def _text(value: str | None, limit: int) -> str:
    # Cut after cleaning, then trimmed again: the cut may leave a space at the end.
    return clean_text(clean_text(value or "")[:limit])


# The allow-list's output is html5ever's serialization: every attribute as name="value" with
# '"' escaped, no raw "<" in text, no comments. So a tag is matched exactly by this, even with
# a ">" inside an attribute's value.
_TAG = re.compile(r'<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"\'>/=]+(?:="[^"]*")?)*)\s*/?>')
_ATTRIBUTE = re.compile(r'([^\s"\'>/=]+)(?:="([^"]*)")?')
_VOID = {"br"}


def parse_attributes(text: str) -> dict[str, str]:
    """The attributes of a serialized start tag's attribute text, values unescaped."""
    found: dict[str, str] = {}
    for name, value in _ATTRIBUTE.findall(text):
        found.setdefault(name.lower(), html.unescape(value))
    return found


def lift_figures(cleaned: str) -> str:
    """`cleaned` (the allow-list's output, figures allowed) with every figure node rewritten as
    the module's docstring says. Text without a figure comes back unchanged, byte for byte."""
    if "<figure" not in cleaned:
        return cleaned
    out: list[str] = []
    lifted: list[str] = []  # nodes found inside the open top-level element, written after it
    depth = 0  # open elements outside figures
    in_figure = 0  # open figures (a figure's children, nested figures included, are dropped)
    node: FigureNode | None = None
    at = 0
    for tag in _TAG.finditer(cleaned):
        if not in_figure:
            out.append(cleaned[at : tag.start()])
        at = tag.end()
        closing, name = tag.group(1) == "/", tag.group(2).lower()
        if name == "figure":
            if not closing:
                if not in_figure:
                    node = FigureNode.from_attributes(parse_attributes(tag.group(3)))
                in_figure += 1
                continue
            if not in_figure:  # a stray end tag
                continue
            in_figure -= 1
            if not in_figure and node is not None:
                (lifted if depth else out).append(node.html())
            continue
        if in_figure:
            continue
        out.append(tag.group(0))
        if name in _VOID:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        if closing and depth == 0:
            out.extend(lifted)
            lifted.clear()
    if not in_figure:
        out.append(cleaned[at:])
    out.extend(lifted)
    return "".join(out)


def body_parts(body: str) -> list["str | FigureNode"]:
    """Sanitized text cut at its figure nodes: its HTML between them (str) and the nodes, in
    order. A figure tag that says no valid node is left out, with anything inside it."""
    if "<figure" not in (body or ""):
        return [body] if body else []
    parts: list[str | FigureNode] = []
    at, in_figure = 0, 0
    for tag in _TAG.finditer(body):
        if tag.group(2).lower() != "figure":
            continue
        if tag.group(1):  # an end tag
            if in_figure:
                in_figure -= 1
                at = tag.end() if not in_figure else at
            continue
        if not in_figure:
            parts.append(body[at : tag.start()])
            node = FigureNode.from_attributes(parse_attributes(tag.group(3)))
            if node is not None:
                parts.append(node)
            at = tag.end()
        in_figure += 1
    if not in_figure:
        parts.append(body[at:])
    return [part for part in parts if part != ""]


def figure_nodes(body: str) -> list[FigureNode]:
    """The figure nodes of sanitized text, in order: a node's index here is its position."""
    return [part for part in body_parts(body) if isinstance(part, FigureNode)]
