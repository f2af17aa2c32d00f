"""Each link's impressions, clicks and rate over the last 28 days, beside its reason in the
moderation queue and on the article's related-links inline (recommendations/admin_counts.py)."""

import re

import html5lib
import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from recommendations import admin_counts
from recommendations.admin import RelatedLinkAdmin
from tests.factories import ArticleFactory, RelatedLinkFactory
from tests.recommendations.dashboard_page import NOW, slot_day

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]

QUEUE_URL = reverse("admin:recommendations_relatedlink_changelist")


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def counted():
    """Three links: one seen 100 times and clicked 5 (4 days' rows, one outside the 28 days),
    one seen 40 times and clicked 4, one never seen (a row of zeros)."""
    first, second, unseen = RelatedLinkFactory.create_batch(3)
    for days_ago, position, shown, clicked in ((0, 1, 60, 3), (27, 2, 40, 2), (28, 1, 999, 99)):
        slot_day(
            first.source,
            first.target,
            days_ago=days_ago,
            position=position,
            shown=shown,
            clicked=clicked,
        )
    slot_day(first.source, first.target, days_ago=3, kind="approved", shown=0, clicked=0)
    slot_day(second.source, second.target, days_ago=10, shown=40, clicked=4)
    # A row without impressions: the rate is unknown, not a division by zero.
    slot_day(unseen.source, unseen.target, days_ago=2, shown=0, clicked=0)
    # The same target from another source, and the reverse pair: neither is `second`'s.
    slot_day(ArticleFactory(), second.target, shown=500, clicked=50)
    slot_day(second.target, second.source, shown=700, clicked=70)
    return first, second, unseen


def column(name: str) -> str:
    """The `o` parameter that sorts the queue by a column (after the action checkbox)."""
    return str(RelatedLinkAdmin.list_display.index(name) + 1)


def cells(response, link) -> list[str]:
    """The queue's count cells of a link's row, as the page writes them."""
    document = html5lib.parse(response.content.decode(), namespaceHTMLElements=False)
    for row in document.iter("tr"):
        if row.find(f".//input[@name='_selected_action'][@value='{link.pk}']") is not None:
            return [
                "".join(row.find(f"td[@class='field-{name}']").itertext())
                for name in admin_counts.COLUMNS
            ]
    raise AssertionError(f"no row for link {link.pk}")


def test_queue_shows_the_last_28_days_of_each_link(admin_client, counted):
    """Seen, clicks and rate beside the reason: the link's own rows of the 28 days summed,
    whatever their position or kind; a link never seen shows zeros and no rate."""
    first, second, unseen = counted

    response = admin_client.get(QUEUE_URL)

    assert cells(response, first) == ["100", "5", "5.0%"]
    assert cells(response, second) == ["40", "4", "10.0%"]
    assert cells(response, unseen) == ["0", "0", "—"]
    headers = list(RelatedLinkAdmin.list_display)
    assert headers.index("reasons_display") + 1 == headers.index("impressions_display")


def test_a_link_clicked_more_than_seen_has_no_rate(admin_client):
    """Clicks with fewer impressions (a page whose beacon was blocked) are "no data", never a
    rate above 100%, and sort with the links that have no rate."""
    blocked, seen = RelatedLinkFactory.create_batch(2)
    slot_day(blocked.source, blocked.target, shown=0, clicked=3)
    slot_day(seen.source, seen.target, shown=10, clicked=0)

    response = admin_client.get(QUEUE_URL, {"o": column("rate_display")})

    assert cells(response, blocked) == ["0", "3", "no data"]
    assert cells(response, seen) == ["10", "0", "0.0%"]
    assert [link.pk for link in response.context["cl"].result_list] == [blocked.pk, seen.pk]


@pytest.mark.parametrize(
    ("name", "ascending"),
    [
        ("impressions_display", ["unseen", "second", "first"]),
        ("clicks_display", ["unseen", "second", "first"]),
        ("rate_display", ["unseen", "first", "second"]),
    ],
)
def test_queue_sorts_by_each_count(admin_client, counted, name, ascending):
    """Each count column sorts the queue both ways; links never seen sort below a 0% rate."""
    links = dict(zip(["first", "second", "unseen"], counted, strict=True))

    up = admin_client.get(QUEUE_URL, {"o": column(name)})
    down = admin_client.get(QUEUE_URL, {"o": f"-{column(name)}"})

    assert [link.pk for link in up.context["cl"].result_list] == [
        links[key].pk for key in ascending
    ]
    assert [link.pk for link in down.context["cl"].result_list] == [
        links[key].pk for key in reversed(ascending)
    ]


def test_the_counts_cost_the_queue_no_query(admin_client, counted, monkeypatch):
    """The counts ride in the list's own query: the page costs as many queries with them as
    without them, and as many for thirty links with rows as for three."""
    admin_client.get(QUEUE_URL)  # the session and the user, read once before counting
    with monkeypatch.context() as patched:
        patched.setattr(admin_counts, "_counted_view", lambda request: False)
        with CaptureQueriesContext(connection) as without:
            admin_client.get(QUEUE_URL)
    with CaptureQueriesContext(connection) as three:
        admin_client.get(QUEUE_URL)
    for link in RelatedLinkFactory.create_batch(27):
        slot_day(link.source, link.target, shown=30, clicked=1)
    with CaptureQueriesContext(connection) as thirty:
        response = admin_client.get(QUEUE_URL)

    assert len(response.context["cl"].result_list) == 30
    assert len(three) == len(without) == len(thirty)
    counting = [
        query["sql"]
        for query in thirty.captured_queries
        if "recommendations_slotday" in query["sql"]
    ]
    assert len(counting) == 1
    assert counting[0].startswith('SELECT "recommendations_relatedlink"."id"')


def test_the_article_inline_shows_each_link_counts(admin_client, counted):
    """The article's own related links show the same counts, from the inline's one query."""
    first, _second, _unseen = counted
    other = RelatedLinkFactory(source=first.source)
    slot_day(other.source, other.target, days_ago=1, shown=25, clicked=0)

    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(
            reverse("admin:articles_article_change", args=[first.source_id])
        )

    document = html5lib.parse(response.content.decode(), namespaceHTMLElements=False)
    shown = {}
    for row in document.iter("tr"):
        link_id = [
            field.get("value")
            for field in row.iter("input")
            if re.fullmatch(r"related_links-\d+-id", field.get("name", ""))
        ]
        if link_id:
            shown[link_id[0]] = [
                "".join(row.find(f"td[@class='field-{name}']").itertext()).strip()
                for name in admin_counts.COLUMNS
            ]
    assert shown == {str(first.pk): ["100", "5", "5.0%"], str(other.pk): ["25", "0", "0.0%"]}
    counting = [query for query in queries if "recommendations_slotday" in query["sql"]]
    assert len(counting) == 1  # the inline's own query, not one per link
