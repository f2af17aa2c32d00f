"""Fetching pages as an anonymous reader and telling whether the cache served them."""

HIT, MISS = "HIT", "MISS"


def fetch(client, url, **headers):
    response = client.get(url, headers=headers)
    return response


def served(client, url) -> tuple[str, str]:
    """(how the page cache answered, the page's text) for a 200 page."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response["X-Page-Cache"], response.content.decode()


def warm(client, *urls) -> None:
    """Build each page, then prove the next request is a hit."""
    for url in urls:
        served(client, url)
        how, _ = served(client, url)
        assert how == HIT, f"{url} was not cached"


def fresh(client, url, *, shows=(), hides=()):
    """The page was rebuilt after a change (a MISS), showing and hiding what it must."""
    how, page = served(client, url)
    assert how == MISS, f"{url} was served from the cache after the change"
    for text in shows:
        assert text in page, f"{text!r} missing from {url}"
    for text in hides:
        assert text not in page, f"{text!r} still on {url}"


def still_cached(client, *urls):
    for url in urls:
        assert served(client, url)[0] == HIT, f"{url} lost its cached copy"
