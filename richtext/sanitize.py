"""The server's allow-list for rich text: whatever the editor (or anyone) sends goes through it."""

import re
import unicodedata

import nh3

from plaintext.text import drop_disallowed
from richtext import figures

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "blockquote",
    "a",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=ALLOWED_URL_SCHEMES,
    # Outbound links must not pass on our readers' context or ranking to whoever they point at.
    link_rel="noopener noreferrer",
    # Drop the contents of these entirely rather than keeping their text.
    clean_content_tags={"script", "style", "iframe", "object", "embed", "template"},
    strip_comments=True,
)

# Rich text that may hold figure nodes (the article's body, RichTextField(figures=True)): the
# same allow-list and the figure element with its node's attributes, which lift_figures then
# checks, orders and places (richtext/figures.py).
_figure_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS | {"figure"},
    attributes={**ALLOWED_ATTRIBUTES, "figure": set(figures.ATTRIBUTES)},
    url_schemes=ALLOWED_URL_SCHEMES,
    link_rel="noopener noreferrer",
    clean_content_tags={"script", "style", "iframe", "object", "embed", "template"},
    strip_comments=True,
)

_EMPTY_PARAGRAPH = "<p></p>"
# Text and tags of sanitized HTML, apart: composing Unicode (NFC) across a ">" would join it with
# a following U+0338 into "≯" and break the tag.
_BETWEEN_ANGLE_BRACKETS = re.compile(r"[^<>]+")


def sanitize_html(html: str | None, *, allow_figures: bool = False) -> str:
    """Return html reduced to the allow-list, with the characters plain text drops dropped
    (plaintext.text) and its text composed (NFC); an editor's empty paragraph becomes ''.
    With `allow_figures`, figure nodes are kept as richtext/figures.py says."""
    if not html:
        return ""
    cleaner = _figure_cleaner if allow_figures else _cleaner
    cleaned = cleaner.clean(drop_disallowed(html))
    # Again after parsing: character references ("&#11;", "e&#x301;") are characters now.
    cleaned = _BETWEEN_ANGLE_BRACKETS.sub(
        lambda text: unicodedata.normalize("NFC", text[0]), drop_disallowed(cleaned)
    ).strip()
    if allow_figures:
        # Trimmed again: a node dropped at either end can leave the text beside it at the edge.
        cleaned = figures.lift_figures(cleaned).strip()
    return "" if cleaned == _EMPTY_PARAGRAPH else cleaned


def sanitize_body_html(html: str | None) -> str:
    """sanitize_html for rich text that may hold figure nodes."""
    return sanitize_html(html, allow_figures=True)


# What browsers ignore in an address before its scheme: spaces, tabs, newlines, control codes.
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")


def sanitize_url(url: str | None) -> str:
    """Return url unchanged, or '' when its scheme is not on the allow-list (javascript:,
    data:, vbscript:, in any spelling a browser would still run). Addresses without a scheme
    are left alone: they cannot run script."""
    if not url:
        return ""
    scheme = _SCHEME.match(_IGNORED_IN_URL.sub("", url).lower())
    if scheme and scheme.group(1) not in ALLOWED_URL_SCHEMES:
        return ""
    return url
