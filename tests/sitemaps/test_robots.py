"""/robots.txt keeps crawlers out of the admin and preview links and points at the sitemap."""

import pytest

pytestmark = pytest.mark.django_db


def test_robots_txt_points_at_the_sitemap_and_disallows_private_paths(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Disallow: /preview/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_the_sitemap_address_follows_the_request_s_host_and_scheme(client, settings):
    settings.ALLOWED_HOSTS = ["example.org"]
    response = client.get("/robots.txt", headers={"host": "example.org"}, secure=True)

    assert "Sitemap: https://example.org/sitemap.xml" in response.content.decode().splitlines()
