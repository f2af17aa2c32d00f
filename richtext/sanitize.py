"""The server's allow-list for rich text: whatever the editor (or anyone) sends goes through it."""

import nh3

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

_EMPTY_PARAGRAPH = "<p></p>"


def sanitize_html(html: str | None) -> str:
    """Return html reduced to the allow-list; an editor's empty paragraph becomes ''."""
    if not html:
        return ""
    cleaned = _cleaner.clean(html).strip()
    return "" if cleaned == _EMPTY_PARAGRAPH else cleaned
