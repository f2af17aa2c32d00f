"""The SVG charts' geometry (recommendations/charts.py)."""

import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from recommendations import charts


def label(value):
    return f"{value:.0f}"


@pytest.mark.parametrize(
    ("value", "ceiling"),
    [
        (0, 1),
        (0.03, 0.05),
        (0.05, 0.05),
        (0.051, 0.1),
        (7, 10),
        (11, 20),
        (21, 25),
        (26, 50),
        (100, 100),
        (1234, 2000),
    ],
)
def test_nice_ceiling(value, ceiling):
    """The value axis ends at 1, 2, 2.5 or 5 times a power of ten, never below the highest value."""
    assert charts.nice_ceiling(value) == pytest.approx(ceiling)


def test_bars_stand_on_the_axis_in_proportion():
    """Each bar's height is its share of the axis; a missing value draws nothing and says so."""
    chart = charts.bar_chart(
        id="c", title="t", description="d", items=[("a", 10), ("b", 5), ("c", None)], label=label
    )

    heights = [float(bar.height) for bar in chart.bars]
    plot = float(chart.bottom) - float(chart.top)
    assert heights == [pytest.approx(plot), pytest.approx(plot / 2), 0]
    assert [bar.value_text for bar in chart.bars] == ["10", "5", "no data"]
    assert [tick.text for tick in chart.ticks] == ["0", "2", "5", "8", "10"]
    for bar in chart.bars:
        assert 0 <= float(bar.x) and float(bar.x) + float(bar.width) <= chart.width


def test_a_missing_value_breaks_the_line():
    """A day without a rate splits the line in two, and has no dot."""
    chart = charts.line_chart(
        id="c",
        title="t",
        description="d",
        points=[("1", 1.0), ("2", 2.0), ("3", None), ("4", 4.0)],
        label=label,
        x_label_every=2,
    )

    assert [len(segment.split()) for segment in chart.segments] == [2, 1]
    assert [words for _x, _y, words in chart.dots] == ["1: 1", "2: 2", "4: 4"]
    assert [tick.text for tick in chart.x_ticks] == ["1", "3", "4"]


def test_long_labels_are_cut_with_their_whole_text_kept():
    """A ranked bar's label is cut to fit; its tooltip keeps it whole."""
    name = "A headline that goes on and on → another headline that goes on and on and on"
    chart = charts.ranked_bar_chart(
        id="c", title="t", description="d", items=[(name, 0.5)], label=label, label_chars=30
    )

    (bar,) = chart.bars
    assert bar.label == name[:29].rstrip() + "…" and len(bar.label) <= 30
    assert bar.full_label == name


def test_coordinates_are_plain_numbers_whatever_the_locale(settings):
    """Every coordinate the template writes is a plain number with a point, even where the
    language writes a decimal comma and thousands are separated."""
    settings.USE_THOUSAND_SEPARATOR = True
    chart = charts.line_chart(
        id="c",
        title="t",
        description="d",
        points=[(str(day), 1234.56 * day) for day in range(30)],
        label=label,
    )
    with translation.override("de"):
        svg = render_to_string("recommendations/charts/chart.html", {"chart": chart})

    values = re.findall(r' (?:x|y|x1|x2|y1|y2|cx|cy|width|height)="([^"]*)"', svg)
    points = " ".join(re.findall(r'points="([^"]*)"', svg)).replace(",", " ").split()
    assert len(values) > 60 and len(points) == 60
    assert all(re.fullmatch(r"-?\d+(\.\d)?", value) for value in values + points)


def test_two_ranked_charts_share_one_scale():
    """The worst links' bars are drawn on the best links' scale when asked to."""
    alone = charts.ranked_bar_chart(
        id="w", title="t", description="d", items=[("x", 0.07)], label=label
    )
    shared = charts.ranked_bar_chart(
        id="w", title="t", description="d", items=[("x", 0.07)], label=label, scale_to=0.13
    )

    assert float(shared.bars[0].width) == pytest.approx(float(alone.bars[0].width) * 0.1 / 0.2)
