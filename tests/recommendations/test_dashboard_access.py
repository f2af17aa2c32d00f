"""Who reads the moderators' dashboard, and the ways to it: the queue's tools and the admin's
home page."""

import pytest
import time_machine
from django.urls import reverse

from tests.factories import ArticleFactory
from tests.recommendations.dashboard_page import DASHBOARD_URL, NOW, slot_day
from tests.staff import staff_in

pytestmark = pytest.mark.django_db


def test_the_address():
    """The dashboard lives under the app's own address in the admin."""
    assert DASHBOARD_URL == "/admin/recommendations/dashboard/"


@pytest.mark.parametrize("role", ["Moderator", "Editor"])
def test_moderators_and_editors_read_it(client, role):
    """Whoever may view related links opens the dashboard."""
    staff_in(client, role)

    assert client.get(DASHBOARD_URL).status_code == 200


def test_a_contributor_gets_403(client):
    """Staff who may not view related links are refused, not shown a page."""
    staff_in(client, "Contributor")

    assert client.get(DASHBOARD_URL).status_code == 403


def test_anonymous_readers_get_the_login(client):
    """Without a login, the admin's login page, coming back to the dashboard."""
    response = client.get(DASHBOARD_URL)

    assert response.status_code == 302
    assert response.url == f"{reverse('admin:login')}?next={DASHBOARD_URL}"


def test_the_queue_links_to_it(client):
    """The moderation queue offers the dashboard among its tools."""
    staff_in(client, "Moderator")

    page = client.get(reverse("admin:recommendations_relatedlink_changelist")).content.decode()

    assert f'<li><a href="{DASHBOARD_URL}">Dashboard</a></li>' in page


def test_the_home_page_panel_shows_the_last_week(client):
    """The admin's home page shows the last seven days' totals and the way to the dashboard,
    to those who may read it."""
    staff_in(client, "Moderator")
    source, target = ArticleFactory(), ArticleFactory()
    slot_day(source, target, days_ago=0, shown=1200, clicked=30)
    slot_day(source, target, days_ago=7, shown=5000, clicked=5000)

    with time_machine.travel(NOW, tick=False):
        page = client.get(reverse("admin:index")).content.decode()

    assert 'id="recommendations-panel"' in page
    assert (
        "Last 7 days: <strong>1,200</strong> impressions, <strong>30</strong> clicks, "
        "click-through rate <strong>2.5%</strong>." in page
    )
    assert f'href="{DASHBOARD_URL}"' in page
    assert "recommendations/dashboard" in page  # its stylesheet


def test_no_panel_for_those_who_may_not_read_it(client):
    """A contributor's home page has no dashboard panel."""
    staff_in(client, "Contributor")

    page = client.get(reverse("admin:index")).content.decode()

    assert 'id="recommendations-panel"' not in page
