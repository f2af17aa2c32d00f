"""The site settings every page shows are kept in the cache (pagecache/fragments.py), and an
edit shows on the very next page, with the page cache off as on."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sitesettings.models import SiteSettings

pytestmark = pytest.mark.django_db


@pytest.fixture(params=[False, True], ids=["page-cache-off", "page-cache-on"])
def page_cache(request, settings):
    settings.PAGE_CACHE = request.param


def test_the_settings_cost_no_query_once_kept(client, settings):
    """After the first page, the settings are read from the cache."""
    settings.PAGE_CACHE = False
    SiteSettings.current()
    client.get(reverse("articles:home"))

    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("articles:home"))

    assert response.status_code == 200
    assert not [q for q in queries.captured_queries if "sitesettings" in q["sql"]]


def test_an_edit_shows_on_the_next_page(client, page_cache):
    settings_row = SiteSettings.current()
    client.get(reverse("articles:home"))

    settings_row.publisher_name = "The Gazette & Co"
    settings_row.footer_blurb = "Printed <weekly>"
    settings_row.save()

    page = client.get(reverse("articles:home")).content.decode()
    assert "<title>The Gazette &amp; Co</title>" in page
    assert "Printed &lt;weekly&gt;" in page
