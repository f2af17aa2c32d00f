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
