"""Fetching a feed as a feed reader would: it must parse cleanly (feedparser's "bozo" flag)."""

import feedparser
import html5lib

FORMATS = ["rss", "atom"]


def read_feed(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def titles(feed) -> list[str]:
    return [entry.title for entry in feed.entries]


def shown(detail) -> str:
    """The text a reader shows for a value (feedparser's `title_detail`, `summary_detail`...):
    the value when it is text, the text of its HTML when the reader takes it as HTML."""
    if detail.type == "text/html":
        return "".join(_fragment(detail.value).itertext())
    return detail.value


def html_elements(value: str) -> list[str]:
    """The names of the elements a value holds when it is read as HTML."""
    return [element.tag for element in _fragment(value).iter()][1:]  # [0]: the fragment


def _fragment(value: str):
    return html5lib.parseFragment(value, namespaceHTMLElements=False)
