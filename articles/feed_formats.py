"""The two feed formats, as Django's feed generators plus what they lack: every author of a
byline (not one joined name), the article's full text, and an enclosure without a length when
its size is unknown.

Items take two extra keywords from `articles.feeds.ArticleFeed.item_extra_kwargs`: `authors`
(names, in byline order) and `content` (the body as HTML, with absolute links).

Every value is plain text (`content` aside) and is escaped here, in one place, the same way
for the channel and its items: the XML writer escapes it for XML, and where readers take an
element as HTML it is escaped for HTML first. Every value also loses the characters XML cannot
carry (and those plain text never keeps), whatever the rows hold: a row written with
`update()` before text was cleaned on save must not make the feed fail.
"""

import html

from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed

from plaintext.text import drop_disallowed

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DUBLIN_CORE_NS = "http://purl.org/dc/elements/1.1/"
# What an enclosure's length is when the file's size is not stored (a rendition): the RSS
# Advisory Board's profile asks for 0 then; Atom, where the length is optional, leaves it out.
UNKNOWN_LENGTH = "0"


class SafeValues:
    """Escapes and strips every value of the feed and its items as they are given (see the
    module's docstring); the formats name the values their readers take as HTML."""

    html_feed_values: tuple[str, ...] = ()
    html_item_values: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.feed = _safe_values(self.feed, html_keys=self.html_feed_values)

    def add_item(self, *args, **kwargs):
        super().add_item(*args, **kwargs)
        self.items[-1] = _safe_values(self.items[-1], html_keys=self.html_item_values)


def _safe_values(values: dict, *, html_keys: tuple[str, ...]) -> dict:
    return {
        key: _as_html(_xml_safe(value)) if key in html_keys else _xml_safe(value)
        for key, value in values.items()
    }


def _xml_safe(value):
    if isinstance(value, str):
        return drop_disallowed(value)
    if isinstance(value, list | tuple):
        return type(value)(_xml_safe(each) for each in value)
    if isinstance(value, Enclosure):
        return Enclosure(*(_xml_safe(part) for part in (value.url, value.length, value.mime_type)))
    return value


def _as_html(value):
    """Plain text as HTML that shows that text: "<", ">" and "&" escaped (quotes need not be in
    an element's text, and a reader that takes the value as text would show "&#x27;")."""
    return html.escape(value, quote=False) if isinstance(value, str) else value


class RssFeed(SafeValues, Rss201rev2Feed):
    """RSS 2.0 with one <dc:creator> per author and the full text in <content:encoded>.

    Readers take the descriptions as HTML, and the titles too when they look like HTML (as
    feedparser does): all are escaped for HTML, so "<em>" in a title is shown, never applied."""

    html_feed_values = ("title", "description")
    html_item_values = ("title", "description")

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:content": CONTENT_NS, "xmlns:dc": DUBLIN_CORE_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item.get("authors", ()):
            handler.addQuickElement("dc:creator", name)
        if item.get("content"):
            handler.addQuickElement("content:encoded", item["content"])


class AtomFeed(SafeValues, Atom1Feed):
    """Atom 1.0 with one <author> per author, the full text in <content type="html">, and no
    length on an enclosure whose size is unknown.

    Titles are Atom's text constructs (type="text"), unambiguous; the summary is type="html"."""

    html_item_values = ("description",)

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "enclosures": ()})
        for name in item.get("authors", ()):
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.endElement("author")
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})
        for enclosure in item["enclosures"]:
            attributes = {"rel": "enclosure", "href": enclosure.url, "type": enclosure.mime_type}
            if enclosure.length != UNKNOWN_LENGTH:
                attributes["length"] = enclosure.length
            handler.addQuickElement("link", "", attributes)
