"""The Content Security Policy: a nonce on every public and admin page, and every inline
script carrying it (security/csp.py, SECURE_CSP in newsroom/settings.py)."""

import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.urls import reverse

from sitesettings.models import SiteSettings
from tests.factories import (
    ArticleFactory,
    ArticleFigureFactory,
    ArtistFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
)

pytestmark = pytest.mark.django_db

HEADER = "Content-Security-Policy"


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.tags.append(dict(attrs))


def inline_scripts(html: str) -> list[dict]:
    """The attributes of every <script> without a src: those the nonce must vouch for."""
    parser = _Scripts()
    parser.feed(html)
    return [attrs for attrs in parser.tags if "src" not in attrs]


def policy(response) -> dict[str, list[str]]:
    directives = (part.strip().split() for part in response[HEADER].split(";") if part.strip())
    return {name: values for name, *values in directives}


def header_nonce(response) -> str:
    [nonce] = re.findall(r"'nonce-([^']+)'", " ".join(policy(response)["script-src"]))
    return nonce


@pytest.fixture
def content():
    SiteSettings.current()  # created before any page is built, as on a site in use
    artist = ArtistFactory(name="Ai Weiwei")
    artwork = ArtworkFactory(title="Dropping a Han Dynasty Urn")
    ArtworkArtistFactory(artwork=artwork, artist=artist)
    article = ArticleFactory(title="Never Sorry", tags=["photography"])
    ArticleFigureFactory(article=article, artwork=artwork)
    article.featured_artists.add(artist)
    return {"article": article, "artist": artist, "artwork": artwork}


PUBLIC_PAGES = {
    "home": lambda c: reverse("articles:home"),
    "article": lambda c: c["article"].get_absolute_url(),
    "artist": lambda c: c["artist"].get_absolute_url(),
    "artwork": lambda c: c["artwork"].get_absolute_url(),
    "search": lambda c: reverse("search:search") + "?q=urn",
    "not found": lambda c: "/no-such-page/",
}


def assert_nonced(response):
    """The policy names a nonce, and every inline script of the page carries exactly it."""
    nonce = header_nonce(response)
    scripts = inline_scripts(response.content.decode())
    assert [s for s in scripts if s.get("nonce") != nonce] == []
    return scripts


@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_every_public_page_has_a_nonce_that_its_inline_scripts_carry(client, content, page):
    """Home, article, artist, artwork, search and the 404 page: the policy has a nonce even
    where no script uses it, and no inline script goes without it."""
    response = client.get(PUBLIC_PAGES[page](content))
    assert response.status_code == (404 if page == "not found" else 200)
    assert_nonced(response)


def test_pages_with_json_ld_carry_the_nonce_on_it(client, content):
    """The article, artist and artwork pages do have inline scripts (their JSON-LD): the check
    above is not vacuous there."""
    for page in ("article", "artist", "artwork"):
        scripts = assert_nonced(client.get(PUBLIC_PAGES[page](content)))
        assert [s["type"] for s in scripts] == ["application/ld+json"], page


def test_a_page_from_the_cache_gets_a_new_nonce_that_its_scripts_carry(client, content):
    """The page cache serves the stored page with the response's own nonce, header and page
    alike, never the nonce of the response that was stored."""
    url = content["article"].get_absolute_url()
    first, second = client.get(url), client.get(url)
    assert second["X-Page-Cache"] == "HIT"
    assert header_nonce(first) != header_nonce(second)
    assert assert_nonced(second)


def test_the_admin_login_page_has_a_nonce(client):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 200
    assert_nonced(response)


def test_the_admin_article_change_form_nonces_its_inline_scripts(admin_client, content):
    """The change form has the prose editor's import map, an inline script, with the nonce."""
    url = reverse("admin:articles_article_change", args=[content["article"].pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    scripts = assert_nonced(response)
    assert {"type": "importmap", "nonce": header_nonce(response)} in scripts


def test_a_response_that_is_not_html_names_no_nonce(client):
    """The nonce is for pages: robots.txt gets the policy without one (nothing to vouch for)."""
    response = client.get("/robots.txt")
    assert "'nonce-" not in response[HEADER]


def test_the_policy_allows_no_inline_script_no_plugins_no_framing():
    csp = settings.SECURE_CSP
    assert csp["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["img-src"] == ["'self'", "data:"]


def test_the_header_has_the_directives(client):
    directives = policy(client.get(reverse("articles:home")))
    assert directives["script-src"][0] == "'self'"
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]


def test_csp_comes_before_the_page_cache_which_stays_last():
    """The page cache swaps the nonce in stored pages (pagecache/nonces.py): the CSP
    middleware must wrap it, and set the header after it has served or stored a page."""
    middleware = settings.MIDDLEWARE
    csp = middleware.index("django.middleware.csp.ContentSecurityPolicyMiddleware")
    assert middleware.index("security.csp.NonceOnEveryPageMiddleware") == csp + 1
    assert middleware[-1] == "pagecache.middleware.PageCacheMiddleware"
