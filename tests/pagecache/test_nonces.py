"""A cached page never repeats a Content Security Policy nonce: each response has its own."""

import re

import pytest
from django.template import engines
from django.urls import path
from django.views.generic import TemplateView

from pagecache import declared
from tests.pagecache.pages import HIT, MISS

pytestmark = pytest.mark.django_db

PAGE = engines["django"].from_string(
    '<script nonce="{{ csp_nonce }}">window.ready = true;</script><p>{{ csp_nonce }}</p>'
)


class NonceView(TemplateView):
    def get(self, request, *args, **kwargs):
        from django.http import HttpResponse  # noqa: PLC0415

        return HttpResponse(PAGE.render({"csp_nonce": request._csp_nonce}, request))


urlpatterns = [path("with-nonce/", NonceView.as_view(), name="with-nonce")]


@pytest.fixture
def nonce_page(settings, monkeypatch):
    settings.ROOT_URLCONF = __name__
    if "django.middleware.csp.ContentSecurityPolicyMiddleware" not in settings.MIDDLEWARE:
        settings.MIDDLEWARE = [
            "django.middleware.csp.ContentSecurityPolicyMiddleware",
            *settings.MIDDLEWARE,
        ]
    from django.utils.csp import CSP  # noqa: PLC0415

    settings.SECURE_CSP = {"script-src": [CSP.SELF, CSP.NONCE]}
    monkeypatch.setitem(declared.VIEWS, "with-nonce", lambda kwargs: ())
    return "/with-nonce/"


def nonces_of(response) -> tuple[str, set[str]]:
    header = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    in_page = set(re.findall(r'nonce="([^"]+)"', response.content.decode()))
    return header, in_page


def test_each_response_from_the_cache_has_a_fresh_nonce_matching_its_header(client, nonce_page):
    seen = set()
    for expected in (MISS, HIT, HIT):
        response = client.get(nonce_page)
        assert response["X-Page-Cache"] == expected
        header, in_page = nonces_of(response)
        assert in_page == {header}, "the page's nonce must be the header's"
        assert "placeholder" not in response.content.decode()
        seen.add(header)
    assert len(seen) == 3


def test_the_etag_does_not_change_with_the_nonce(client, nonce_page):
    etags = {client.get(nonce_page)["ETag"] for _ in range(3)}
    assert len(etags) == 1
