"""The moderators' dashboard (recommendations/admin_dashboard.py): every figure on the page
equals what the SlotDay rows of the period sum to, computed here independently."""

import datetime as dt
import random
import re
from collections import defaultdict

import pytest
import time_machine
from django.urls import reverse

from recommendations.dashboard_figures import MIN_IMPRESSIONS
from tests.factories import ArticleFactory, RelatedLinkFactory
from tests.recommendations.dashboard_page import (
    DASHBOARD_URL,
    NOW,
    SVG,
    TODAY,
    by_id,
    charts,
    experiment_days,
    parse,
    row,
    slot_day,
    svg_texts,
    table_rows,
    text,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]

KINDS = ("pinned", "approved", "suggested")
KIND_LABELS = {"pinned": "Pinned", "approved": "Approved", "suggested": "Suggested"}


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def rows():
    """150 rows of random counts over 120 days, six articles, five positions, three kinds."""
    chance = random.Random(20)
    articles = ArticleFactory.create_batch(6)
    made, keys = [], set()
    while len(made) < 150:
        source, target = chance.sample(articles, 2)
        days_ago, position, kind = chance.randrange(120), chance.randint(1, 5), chance.choice(KINDS)
        if (source, target, days_ago, position, kind) in keys:
            continue  # one row per slot per day
        keys.add((source, target, days_ago, position, kind))
        made.append(
            slot_day(
                source,
                target,
                days_ago=days_ago,
                position=position,
                kind=kind,
                shown=chance.randint(0, 60),
                clicked=chance.randint(0, 6),
            )
        )
    return made


def sums(rows, days, key) -> dict:
    """{key: [impressions, clicks]} of the rows of the last `days` days, by plain addition."""
    totals = defaultdict(lambda: [0, 0])
    for slot in rows:
        if (TODAY - slot.day).days < days:
            totals[key(slot)][0] += slot.impressions
            totals[key(slot)][1] += slot.clicks
    return totals


@pytest.mark.parametrize("days", [7, 28, 90])
def test_totals_and_sources_equal_the_rows(admin_client, rows, days):
    """Totals and the rates by source are the period's rows summed, whatever the period."""
    page = parse(admin_client.get(DASHBOARD_URL, {"days": days}))
    by_kind = sums(rows, days, lambda slot: slot.kind)
    shown = sum(counts[0] for counts in by_kind.values())
    clicked = sum(counts[1] for counts in by_kind.values())

    assert text(by_id(page, "total-impressions")) == f"{shown:,}"
    assert text(by_id(page, "total-clicks")) == f"{clicked:,}"
    assert text(by_id(page, "total-rate")) == row(clicked, shown)[2]
    assert table_rows(page, "by-kind") == [
        [KIND_LABELS[kind], *row(by_kind[kind][1], by_kind[kind][0])] for kind in KINDS
    ]


@pytest.mark.parametrize("days", [7, 28, 90])
def test_positions_and_days_equal_the_rows(admin_client, rows, days):
    """The rates by position (1 to the last with a row) and every day of the period, oldest
    first, days without rows at zero."""
    page = parse(admin_client.get(DASHBOARD_URL, {"days": days}))
    by_position = sums(rows, days, lambda slot: slot.position)
    by_day = sums(rows, days, lambda slot: slot.day)
    period = [TODAY - dt.timedelta(days=days - 1 - offset) for offset in range(days)]

    assert table_rows(page, "by-position") == [
        [str(position), *row(by_position[position][1], by_position[position][0])]
        for position in range(1, max(by_position) + 1)
    ]
    assert [cells[1:] for cells in table_rows(page, "by-day")] == [
        row(by_day[day][1], by_day[day][0]) for day in period
    ]
    assert any(by_day[day] == [0, 0] for day in period)  # the zeros were tested too


def link_rows(ranked) -> list[list[str]]:
    return [
        [f"{source.title} → {target.title}", *row(clicks, shown)]
        for (source, target), (shown, clicks) in ranked
    ]


def test_best_and_worst_links_equal_the_rows(admin_client, rows):
    """Links with at least the minimum of impressions, best and worst by rate with their
    figures; a link below the minimum is in neither list, a link among the best not again among
    the worst."""
    page = parse(admin_client.get(DASHBOARD_URL, {"days": 90}))
    by_link = sums(rows, 90, lambda slot: (slot.source, slot.target))
    eligible = [
        (pair, counts)
        for pair, counts in by_link.items()
        if counts[0] >= MIN_IMPRESSIONS and counts[1] <= counts[0]
    ]

    def rate(item):
        (source, target), (shown, clicks) = item
        return clicks / shown

    best = sorted(
        eligible, key=lambda item: (-rate(item), -item[1][1], -item[1][0], *pk_pair(item))
    )[:10]
    worst = sorted(eligible, key=lambda item: (rate(item), -item[1][0], *pk_pair(item)))[:10]
    listed = {pair for pair, _counts in best}

    assert len(eligible) > 10 and len(by_link) > len(eligible)
    assert table_rows(page, "best-links") == link_rows(best)
    assert table_rows(page, "worst-links") == link_rows(
        [item for item in worst if item[0] not in listed]
    )


def pk_pair(item):
    (source, target), _counts = item
    return source.pk, target.pk


def test_articles_nobody_clicks_equal_the_rows(admin_client, rows):
    """Sources whose block was seen at least the minimum number of times without a click, most
    seen first. A view of a block is one impression of its first slot (each view counts one for
    every slot), not the impressions of all its slots."""
    quiet, busy = ArticleFactory(title="Quiet"), ArticleFactory(title="Busy")
    target = ArticleFactory()
    short = ArticleFactory(title="Six slots, four views")
    added = [
        slot_day(quiet, target, shown=MIN_IMPRESSIONS),
        slot_day(quiet, target, position=2, shown=5),
        slot_day(busy, target, shown=400, clicked=1),
        slot_day(ArticleFactory(title="Barely seen"), target, shown=MIN_IMPRESSIONS - 1),
        # A block of six slots seen four times: 24 slot impressions, but 4 views, too few.
        *(slot_day(short, ArticleFactory(), position=n, shown=4) for n in range(1, 7)),
    ]
    page = parse(admin_client.get(DASHBOARD_URL, {"days": 90}))
    views = sums(rows + added, 90, lambda slot: slot.source if slot.position == 1 else None)
    clicks = sums(rows + added, 90, lambda slot: slot.source)
    expected = sorted(
        (
            (source, views[source][0])
            for source in clicks
            if views[source][0] >= MIN_IMPRESSIONS and clicks[source][1] == 0
        ),
        key=lambda item: (-item[1], item[0].pk),
    )

    assert table_rows(page, "unclicked") == [
        [source.title, f"{shown:,}", "In the queue"] for source, shown in expected
    ]
    assert quiet in [source for source, _shown in expected]
    assert clicks[short][0] > MIN_IMPRESSIONS and short not in dict(expected)
    headings = [text(cell) for cell in by_id(page, "unclicked").find("thead/tr")]
    assert headings == ["Article", "Views of its block", "Its links"]


def test_the_period_counts_today_and_the_days_before_it(admin_client):
    """The last 7 days are today and the six before it, in the site's time zone: a row eight
    days old is out, one six days old is in; at 23:30 in London on a winter day, today is still
    that day."""
    source, target = ArticleFactory(), ArticleFactory()
    slot_day(source, target, days_ago=6, shown=10, clicked=1)
    slot_day(source, target, days_ago=7, shown=1000, clicked=1000)

    with time_machine.travel(dt.datetime(2026, 11, 20, 23, 30, tzinfo=dt.UTC), tick=False):
        page = parse(admin_client.get(DASHBOARD_URL, {"days": "7"}))

    assert text(by_id(page, "total-impressions")) == "10"
    assert table_rows(page, "by-day")[0][1:] == ["10", "1", "10.0%"]


@pytest.mark.parametrize(
    "days", ["", "365", "abc", "7; DROP TABLE", "-7", "28.0", "<script>alert(1)</script>"]
)
def test_a_period_not_offered_falls_back_to_28_days_with_a_note(admin_client, days):
    """Anything but 7, 28 or 90 shows the last 28 days and says so; never a 500."""
    source, target = ArticleFactory(), ArticleFactory()
    slot_day(source, target, days_ago=27, shown=3)
    slot_day(source, target, days_ago=28, shown=50)

    response = admin_client.get(DASHBOARD_URL, {"days": days})

    assert response.status_code == 200
    page = parse(response)
    assert text(by_id(page, "total-impressions")) == "3"
    assert len(table_rows(page, "by-day")) == 28
    current = page.find(".//nav[@aria-label='Period']//a[@aria-current='page']")
    assert text(current) == "Last 28 days"
    note = page.find(".//p[@role='status']")
    assert (note is None) == (days == "")
    if days:
        assert "here are the last 28 days" in text(note)
        assert "<script>alert" not in response.content.decode()


def test_no_data_yet_says_so(admin_client):
    """Without rows: zeros, a rate of "—" rather than a division by zero, and a clear note."""
    response = admin_client.get(DASHBOARD_URL)

    assert response.status_code == 200
    page = parse(response)
    assert [text(by_id(page, f"total-{name}")) for name in ("impressions", "clicks", "rate")] == [
        "0",
        "0",
        "no data",
    ]
    assert "No data yet" in text(by_id(page, "no-data"))
    assert by_id(page, "by-kind") is None
    assert "No experiment has run yet." in text(by_id(page, "no-experiments"))


def test_hostile_titles_are_escaped_in_the_charts_and_tables(admin_client):
    """A headline holding markup reaches the SVG labels, their titles and the tables as text."""
    hostile = '<script>alert("x")</script><svg onload=alert(1)> & "quotes"'
    source = ArticleFactory(title=hostile)
    target = ArticleFactory(title="</text></svg><img src=x onerror=alert(2)>")
    slot_day(source, target, shown=MIN_IMPRESSIONS, clicked=2)

    response = admin_client.get(DASHBOARD_URL)
    content = response.content.decode()

    assert "<script>alert" not in content
    assert "<svg onload" not in content
    assert "<img src=x" not in content
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in content
    page = parse(response)  # strict: escaped markup cannot break the page's structure
    label = f"{hostile} → </text></svg><img src=x onerror=alert(2)>"
    chart = charts(page)["chart-best"]
    assert svg_texts(chart, "text") == [label[:59] + "…", "10.0%"]
    assert svg_texts(chart, "title")[1] == f"{label}: 10.0%"
    assert label in svg_texts(chart, "desc")[0]
    assert table_rows(page, "best-links")[0][0] == label


def test_every_chart_is_an_image_with_a_title_and_a_description(admin_client, rows):
    """role="img", named by its <title> and described by its <desc>, which give the numbers."""
    page = parse(admin_client.get(DASHBOARD_URL, {"days": 90}))
    found = charts(page)

    assert sorted(found) == [
        "chart-best",
        "chart-kind",
        "chart-position",
        "chart-trend-clicks",
        "chart-trend-impressions",
        "chart-trend-rate",
        "chart-worst",
    ]
    for name, chart in found.items():
        assert chart.get("role") == "img"
        assert chart.get("aria-labelledby") == f"{name}-title {name}-desc"
        assert chart.find(f"{SVG}title").get("id") == f"{name}-title"
        assert chart.find(f"{SVG}desc").get("id") == f"{name}-desc"
        assert all(svg_texts(chart, "title")) and all(svg_texts(chart, "desc"))
    described = svg_texts(found["chart-kind"], "desc")[0]
    assert described.startswith("Pinned: ") and " impressions" in described


def test_a_fixed_handful_of_queries_whatever_the_rows(admin_client, django_assert_max_num_queries):
    """The page's figures come from grouped queries: as many for 150 rows as the limit allows
    for one, and no query per row, link, article or experiment."""
    source, target = ArticleFactory(), ArticleFactory()
    slot_day(source, target, shown=MIN_IMPRESSIONS)
    running = experiment_days([(source, "a", 3)])
    admin_client.get(DASHBOARD_URL)  # the session and the user, read once before counting

    with django_assert_max_num_queries(QUERY_BUDGET) as few:
        admin_client.get(DASHBOARD_URL)
    articles = ArticleFactory.create_batch(10)
    for index in range(200):
        slot_day(
            articles[index % 10],
            articles[(index + 1 + index // 10) % 10],
            days_ago=index % 28,
            position=1 + index % 4,
            shown=30,
            clicked=index % 3,
        )
    experiment_days([(article, team, 2) for article in articles for team in "ab"], running)
    experiment_days([(article, "a", 1) for article in articles], finished=True)
    with django_assert_max_num_queries(QUERY_BUDGET) as many:
        admin_client.get(DASHBOARD_URL)

    assert len(many.captured_queries) <= len(few.captured_queries) + 3  # lists that were empty


# The session and the user (2), the request's SAVEPOINT and RELEASE (2, ATOMIC_REQUESTS), the
# figures' ten queries at most (dashboard_figures.py; two of them for the experiments' sums).
QUERY_BUDGET = 14


def test_clicks_without_impressions_have_no_rate(admin_client):
    """A cached page whose impression beacon was blocked still counts its clicks: a row with
    clicks and no impressions, or a link with more clicks than impressions, has "no data" for a
    rate, never one above 100% nor a division by zero, and such a link is not ranked."""
    source, target, other = ArticleFactory(), ArticleFactory(), ArticleFactory()
    slot_day(source, target, kind="pinned", position=2, shown=0, clicked=3, days_ago=1)
    slot_day(other, target, kind="approved", shown=MIN_IMPRESSIONS, clicked=MIN_IMPRESSIONS + 5)

    response = admin_client.get(DASHBOARD_URL)

    assert response.status_code == 200
    page = parse(response)
    assert text(by_id(page, "total-rate")) == "no data"  # 45 clicks, 20 impressions
    assert table_rows(page, "by-kind")[0] == ["Pinned", "0", "3", "no data"]
    assert table_rows(page, "by-position") == [
        ["1", "20", "25", "no data"],
        ["2", "0", "3", "no data"],
    ]
    assert [cells[1:] for cells in table_rows(page, "by-day")[-2:]] == [
        ["0", "3", "no data"],
        ["20", "25", "no data"],
    ]
    assert by_id(page, "best-links") is None and by_id(page, "worst-links") is None
    assert (
        "Pinned: no data (3 clicks of 0 impressions)"
        in svg_texts(charts(page)["chart-kind"], "desc")[0]
    )
    figures = [text(cell) for tag in ("td", "dd") for cell in page.iter(tag)]
    figures += svg_texts(charts(page)["chart-position"], "desc")
    assert not any(re.search(r"\b[1-9]\d{2,}\.\d%", figure) for figure in figures)


def test_the_unclicked_articles_lead_to_their_links_in_the_queue(admin_client):
    """Each unclicked article's "In the queue" opens the queue filtered to its own links."""
    quiet, target = ArticleFactory(title="Quiet"), ArticleFactory()
    RelatedLinkFactory(source=quiet, target=target)
    RelatedLinkFactory(source=target, target=quiet)
    slot_day(quiet, target, shown=MIN_IMPRESSIONS)
    page = parse(admin_client.get(DASHBOARD_URL))
    link = by_id(page, "unclicked").find(".//a[.='In the queue']").get("href")

    response = admin_client.get(link)

    assert response.status_code == 200
    assert [(each.source, each.target) for each in response.context["cl"].result_list] == [
        (quiet, target)
    ]


def test_best_links_lead_to_the_link_itself(admin_client):
    """A listed link that still exists leads to its own page in the admin."""
    source, target = ArticleFactory(), ArticleFactory()
    link = RelatedLinkFactory(source=source, target=target)
    slot_day(source, target, shown=MIN_IMPRESSIONS, clicked=1)

    page = parse(admin_client.get(DASHBOARD_URL))

    anchors = [a.get("href") for a in by_id(page, "best-links").iter("a")]
    assert anchors == [reverse("admin:recommendations_relatedlink_change", args=[link.pk])]
