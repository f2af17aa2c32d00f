"""The addresses a page, feed or sitemap links to, as a browser, feed reader or crawler finds
them, and following them."""

import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import urlsplit

# The addresses that carry a slug: what the Unicode slugs must keep working.
SLUG_PATHS = ("/articles/", "/sections/", "/tags/", "/artists/", "/artworks/", "/feeds/")


class _Hrefs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.hrefs += [value for name, value in attrs if name == "href" and value]


def addresses_in(response) -> list[str]:
    """This site's addresses (path and query, as sent) in an HTML page's hrefs, or in an XML
    document's <loc>, <link> and href= (sitemaps, RSS, Atom)."""
    assert response.status_code == 200, response.status_code
    if "html" in response["Content-Type"]:
        parser = _Hrefs()
        parser.feed(response.content.decode())
        found = parser.hrefs
    else:
        root = ET.fromstring(response.content)  # noqa: S314 (the app's own output, in a test)
        found = [
            element.text
            for element in root.iter()
            if element.tag.rpartition("}")[2] in {"loc", "link"} and element.text
        ]
        found += [element.get("href") for element in root.iter() if element.get("href")]
    paths = []
    for address in found:
        parts = urlsplit(address.strip())
        if parts.netloc in {"", "testserver"} and parts.path.startswith("/"):
            paths.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return paths


def slug_addresses_in(response) -> set[str]:
    return {path for path in addresses_in(response) if path.startswith(SLUG_PATHS)}


def statuses(client, paths) -> dict[str, int]:
    """Each address followed: its status code."""
    return {path: client.get(path).status_code for path in sorted(paths)}
