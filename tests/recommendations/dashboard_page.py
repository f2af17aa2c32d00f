"""Reading the moderators' dashboard as a test reads it: its tables and totals by id, parsed by
HTML5's own algorithm in strict mode (a parse error fails the test)."""

import datetime as dt

import html5lib
from django.urls import reverse

from recommendations.models import Experiment, ExperimentDay, SlotDay

DASHBOARD_URL = reverse("admin:recommendations_dashboard")
# A fixed "now" (noon in London): the period's days do not depend on when the tests run.
NOW = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)
TODAY = dt.date(2026, 11, 20)


SVG = "{http://www.w3.org/2000/svg}"


def charts(document) -> dict:
    """The page's SVG charts by id (their title's id without "-title")."""
    return {
        chart.get("aria-labelledby").split()[0].removesuffix("-title"): chart
        for chart in document.iter(f"{SVG}svg")
        if "chart" in chart.get("class", "").split()
    }


def svg_texts(chart, tag: str) -> list[str]:
    """The text of each `tag` element (text, title, desc) in the chart, in order."""
    return [text(element) for element in chart.iter(f"{SVG}{tag}")]


def parse(response):
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(response.content.decode())


def text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def by_id(document, element_id):
    return document.find(f".//*[@id='{element_id}']")


def table_rows(document, table_id) -> list[list[str]]:
    """Each body row's cells (its heading first), as the page writes them."""
    table = by_id(document, table_id)
    assert table is not None, f"no table #{table_id}"
    return [[text(cell) for cell in row] for row in table.find("tbody").findall("tr")]


def percent(clicks: int, impressions: int) -> str:
    """A rate as the dashboard writes it: none without impressions, nor with more clicks than
    impressions (a cached page whose impression beacon was blocked)."""
    if not impressions or clicks > impressions:
        return "no data"
    return f"{clicks / impressions * 100:.1f}%"


def row(clicks: int, impressions: int) -> list[str]:
    """The impressions, clicks and rate cells of a row, computed here from counts."""
    return [f"{impressions:,}", f"{clicks:,}", percent(clicks, impressions)]


def slot_day(source, target, *, days_ago=0, position=1, kind="suggested", shown=0, clicked=0):
    return SlotDay.objects.create(
        day=TODAY - dt.timedelta(days=days_ago),
        source=source,
        target=target,
        position=position,
        kind=kind,
        impressions=shown,
        clicks=clicked,
    )


def experiment_days(clicks, experiment=None, *, finished=False):
    """An experiment (a new one unless given) with a day's clicks per (article, team, clicks)."""
    if experiment is None:
        experiment = Experiment.objects.create(
            name="Fresh",
            variant_a="standard",
            variant_b="fresher",
            running=not finished,
            started_at=NOW - dt.timedelta(days=3),
            ended_at=NOW if finished else None,
        )
    for article, team, clicked in clicks:
        ExperimentDay.objects.create(
            experiment=experiment, day=TODAY, source=article, team=team, clicks=clicked
        )
    return experiment
