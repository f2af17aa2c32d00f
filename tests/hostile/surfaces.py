"""Every surface a reader, a feed reader or a crawler sees, fetched and checked the way they read
it: HTML5 parsed by the specification's algorithm (html5lib, strict: a parse error is a
failure), feeds and sitemaps as XML, JSON-LD as JSON; and nothing of the input as markup."""

import json
from urllib.parse import urlsplit
from xml.dom import minidom
from xml.parsers.expat import ExpatError

import html5lib
from django.urls import reverse

from tests.hostile.strategies import MARKER_ATTRIBUTE, MARKER_ELEMENT

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "srcset"}
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
DATA_BLOCK_TYPES = {"application/ld+json", "application/json"}
# XML elements whose text a feed reader renders as HTML.
HTML_IN_XML = {"description", "content", "summary", "content:encoded", "subtitle"}


def public_urls(world: dict) -> dict[str, str]:
    """The address of every public page type, feed and sitemap that shows the world's content."""
    article, section, tag = world["article"], world["section"], world["tag"]
    artist, artwork = world["artist"], world["artwork"]
    urls = {
        "home": reverse("articles:home"),
        "article list": reverse("articles:article-list"),
        "article": article.get_absolute_url(),
        "section": section.get_absolute_url(),
        "tag": reverse("articles:tag-detail", args=[tag.slug]),
        "artist list": reverse("artists:artist-list"),
        "artist": artist.get_absolute_url(),
        "artwork list": reverse("artworks:artwork-list"),
        "artwork": artwork.get_absolute_url(),
        "search": reverse("search:search") + "?q=urn",
        "rss": reverse("feeds:latest-rss"),
        "atom": reverse("feeds:latest-atom"),
        "section rss": reverse("feeds:section-rss", args=[section.slug]),
        "section atom": reverse("feeds:section-atom", args=[section.slug]),
        "tag rss": reverse("feeds:tag-rss", args=[tag.slug]),
        "tag atom": reverse("feeds:tag-atom", args=[tag.slug]),
        "artist rss": reverse("feeds:artist-rss", args=[artist.slug]),
        "artist atom": reverse("feeds:artist-atom", args=[artist.slug]),
        "sitemap": reverse("sitemap-index"),
    }
    for name in ("articles", "sections", "tags", "artists", "artworks"):
        urls[f"sitemap {name}"] = reverse("sitemap-section", kwargs={"section": name})
    return urls


def problems_of(client, urls: dict[str, str]) -> dict[str, list[str]]:
    """Fetch each address; map each one that fails to what is wrong with it."""
    problems = {}
    for name, url in urls.items():
        response = client.get(url)
        if response.status_code != 200:
            problems[name] = [f"status {response.status_code}"]
            continue
        found = problems_in_response(response)
        if found:
            problems[name] = found
    return problems


def problems_in_response(response) -> list[str]:
    content_type = response.headers.get("Content-Type", "")
    body = response.content.decode("utf-8")
    if content_type.startswith("text/html"):
        return html_problems(body)
    if "xml" in content_type:
        return xml_problems(body)
    return []


def html_problems(html: str, *, fragment: bool = False) -> list[str]:
    """Parse errors by HTML5's algorithm; markup, handlers and script addresses from the input;
    JSON-LD that is not JSON."""
    parser = html5lib.HTMLParser(strict=not fragment, namespaceHTMLElements=False)
    try:
        tree = parser.parseFragment(html) if fragment else parser.parse(html)
    except html5lib.html5parser.ParseError as error:
        line, column = parser.errors[-1][0] if parser.errors else (0, 0)
        context = html.splitlines()[line - 1][max(column - 60, 0) : column + 20] if line else ""
        return [f"HTML parse error {error} at {line}:{column}: {context!r}"]
    found = []
    for element in tree.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == MARKER_ELEMENT:
            found.append(f"<{tag}> from the input")
        for name, value in element.attrib.items():
            if name == MARKER_ATTRIBUTE or name.startswith("on"):
                found.append(f"<{tag} {name}={value!r}> from the input")
            if name in URL_ATTRIBUTES and _runs_script(value):
                found.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            kind = element.attrib.get("type", "")
            text = element.text or ""
            if kind == "application/ld+json":
                try:
                    json.loads(text)
                except ValueError as error:
                    found.append(f"JSON-LD does not parse: {error}: {text[:120]!r}")
            elif kind not in DATA_BLOCK_TYPES and "alert(" in text:
                found.append(f"<script>{text[:80]}</script>")
    return found


def xml_problems(xml: str) -> list[str]:
    """Well-formed XML; no element from the input; the HTML that feeds carry free of it too."""
    try:
        # Our own feeds and sitemaps, not untrusted XML: expat's plain well-formedness check.
        document = minidom.parseString(xml.encode("utf-8"))  # noqa: S318
    except ExpatError as error:
        return [f"XML does not parse: {error}"]
    found = []
    for element in document.getElementsByTagName("*"):
        if element.tagName.split(":")[-1] == MARKER_ELEMENT:
            found.append(f"<{element.tagName}> from the input")
        if element.tagName in HTML_IN_XML:
            text = "".join(node.data for node in element.childNodes if node.nodeType in (3, 4))
            found += [f"in <{element.tagName}>: {p}" for p in html_problems(text, fragment=True)]
        for name, value in element.attributes.items():
            if name in {"href", "url", "src"} and _runs_script(value):
                found.append(f"<{element.tagName} {name}={value!r}>")
    return found


def _runs_script(value: str) -> bool:
    cleaned = "".join(ch for ch in value if ord(ch) > 0x20).lower()
    return cleaned.startswith(SCRIPT_SCHEMES)


def same_site_links(html: str) -> list[str]:
    """Every address on our own site that a page links to (for following them)."""
    tree = html5lib.HTMLParser(namespaceHTMLElements=False).parse(html)
    links = []
    for element in tree.iter("a"):
        href = element.attrib.get("href", "")
        parts = urlsplit(href)
        if href and not parts.scheme and not parts.netloc and parts.path.startswith("/"):
            links.append(href)
    return links
