"""Fetching a feed as a feed reader would: it must parse cleanly (feedparser's "bozo" flag)."""

import feedparser

FORMATS = ["rss", "atom"]


def read_feed(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def titles(feed) -> list[str]:
    return [entry.title for entry in feed.entries]
