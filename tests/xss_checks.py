"""What a browser would run in a page: event handlers and script addresses in real tags, and
scripts that call alert(). Used wherever a test puts hostile text into content."""

import re
from html.parser import HTMLParser

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data"}
# What a browser ignores in a URL before the scheme: leading spaces and controls, tabs, newlines.
IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20]")
# Data blocks (JSON-LD) are never run by a browser; a payload escaped inside one is harmless.
DATA_BLOCK_TYPES = {"application/ld+json", "application/json"}
RAW_SCRIPT = re.compile(
    r"<script(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>[^<]*alert", re.IGNORECASE
)
RAW_JAVASCRIPT_HREF = re.compile(r"href\s*=\s*[\"']?\s*javascript:", re.IGNORECASE)


class _DangerFinder(HTMLParser):
    """Collects what a browser would run: event handlers and script addresses in real tags,
    and scripts that call alert()."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in URL_ATTRIBUTES and value is not None:
                scheme = IGNORED_IN_SCHEME.sub("", value).lower()
                if scheme.startswith(("javascript:", "vbscript:", "data:text/html")):
                    self.found.append(f"<{tag} {name}={value!r}>")
        self._in_script = tag == "script" and dict(attrs).get("type") not in DATA_BLOCK_TYPES

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert(" in data:
            self.found.append(f"<script>{data.strip()[:80]}</script>")


def dangers(html: str) -> list[str]:
    """Everything in html that would run script in a browser."""
    finder = _DangerFinder()
    finder.feed(html)
    finder.close()
    found = finder.found
    found += [f"raw: {match.group(0)}" for match in RAW_SCRIPT.finditer(html)]
    found += [f"raw: {match.group(0)}" for match in RAW_JAVASCRIPT_HREF.finditer(html)]
    return found
