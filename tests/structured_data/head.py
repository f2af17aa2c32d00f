"""What a crawler or a link preview reads in a page: its <meta> and <link> tags, its JSON-LD."""

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Head:
    meta: dict[str, list[str]] = field(default_factory=dict)  # property or name: contents
    links: list[dict[str, str]] = field(default_factory=list)
    json_ld: list[dict] = field(default_factory=list)

    def one(self, key: str) -> str:
        [content] = self.meta[key]
        return content

    def link(self, rel: str, type_: str | None = None) -> list[str]:
        return [
            link["href"]
            for link in self.links
            if link.get("rel") == rel and (type_ is None or link.get("type") == type_)
        ]


class _HeadReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.head = Head()
        self._json_ld = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            key = attrs.get("property") or attrs["name"]
            self.head.meta.setdefault(key, []).append(attrs.get("content", ""))
        elif tag == "link":
            self.head.links.append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._json_ld = []

    def handle_data(self, data):
        if self._json_ld is not None:
            self._json_ld.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._json_ld is not None:
            self.head.json_ld.append(json.loads("".join(self._json_ld)))
            self._json_ld = None


def read_head(client, url: str) -> Head:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    reader = _HeadReader()
    reader.feed(response.content.decode())
    reader.close()
    return reader.head
