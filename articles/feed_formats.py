"""The two feed formats, as Django's feed generators plus what they lack: every author of a
byline (not one joined name), the article's full text, and an enclosure without a length when
its size is unknown.

Items take two extra keywords from `articles.feeds.ArticleFeed.item_extra_kwargs`: `authors`
(names, in byline order) and `content` (the body as HTML, with absolute links).
"""

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DUBLIN_CORE_NS = "http://purl.org/dc/elements/1.1/"
# What an enclosure's length is when the file's size is not stored (a rendition): the RSS
# Advisory Board's profile asks for 0 then; Atom, where the length is optional, leaves it out.
UNKNOWN_LENGTH = "0"


class RssFeed(Rss201rev2Feed):
    """RSS 2.0 with one <dc:creator> per author and the full text in <content:encoded>."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:content": CONTENT_NS, "xmlns:dc": DUBLIN_CORE_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item.get("authors", ()):
            handler.addQuickElement("dc:creator", name)
        if item.get("content"):
            handler.addQuickElement("content:encoded", item["content"])


class AtomFeed(Atom1Feed):
    """Atom 1.0 with one <author> per author, the full text in <content type="html">, and no
    length on an enclosure whose size is unknown."""

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
