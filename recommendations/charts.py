"""Small SVG charts drawn on the server: bars and lines, for the moderators' dashboard.

This module computes the geometry (every coordinate as a string with one decimal, so that no
locale setting can turn a point into a comma); the templates under
templates/recommendations/charts/ write the SVG with Django's autoescaping, so a label or a
title (an article's headline) reaches the page escaped like any other text, and nothing here is
marked safe. Each chart has a title and a description for assistive technology
(role="img"); the page shows the same numbers in a table beside it.

Sizes are in the SVG's own units (its viewBox): the stylesheet scales a chart to the width of
its box, so the text stays in proportion with the bars."""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# The room around a chart's plot for its axis labels.
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 12, 28


@dataclass(frozen=True, slots=True)
class Tick:
    position: str  # y of a horizontal grid line, or x of a vertical one
    text: str


@dataclass(frozen=True, slots=True)
class Bar:
    label: str  # as drawn (a long one cut)
    value_text: str
    x: str
    y: str
    width: str
    height: str
    label_x: str
    label_y: str
    value_x: str
    value_y: str
    full_label: str = ""  # the label whole, in the bar's tooltip, when it was cut


@dataclass(frozen=True, slots=True)
class Chart:
    id: str
    title: str
    description: str
    width: int
    height: int
    ticks: tuple[Tick, ...]  # horizontal grid lines (value axis)
    left: str  # the plot's edges
    right: str
    top: str
    bottom: str
    bars: tuple[Bar, ...] = ()
    horizontal: bool = False  # bars grow rightwards, one row per label
    # Line charts: the line's segments (broken where a value is missing) and its dots.
    segments: tuple[str, ...] = ()
    dots: tuple[tuple[str, str, str], ...] = ()  # (x, y, the point's words)
    x_ticks: tuple[Tick, ...] = ()


def fmt(value: float) -> str:
    return f"{value:.1f}"


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 times a power of ten that is at least `value` (1 for 0)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value * (1 - 1e-12):
            return step * power
    return 10 * power


def _value_ticks(top_value: float, to_y: Callable[[float], float], label) -> tuple[Tick, ...]:
    return tuple(Tick(fmt(to_y(top_value * i / 4)), label(top_value * i / 4)) for i in range(5))


def bar_chart(
    *,
    id: str,
    title: str,
    description: str,
    items: Sequence[tuple[str, float | None]],
    label: Callable[[float], str],
    width: int = 480,
    height: int = 220,
) -> Chart:
    """Vertical bars, one per (label, value); a value of None draws no bar and says "no data"."""
    top_value = nice_ceiling(max((value or 0 for _name, value in items), default=0))
    left, right, top, bottom = LEFT, width - RIGHT, TOP + 8, height - BOTTOM

    def to_y(value: float) -> float:
        return bottom - (bottom - top) * value / top_value

    slot = (right - left) / max(len(items), 1)
    bar_width = min(slot * 0.6, 64)
    bars = []
    for index, (name, value) in enumerate(items):
        centre = left + slot * (index + 0.5)
        y = to_y(value or 0)
        bars.append(
            Bar(
                label=name,
                value_text="no data" if value is None else label(value),
                x=fmt(centre - bar_width / 2),
                y=fmt(y),
                width=fmt(bar_width),
                height=fmt(bottom - y),
                label_x=fmt(centre),
                label_y=fmt(bottom + 16),
                value_x=fmt(centre),
                value_y=fmt(y - 4),
            )
        )
    return Chart(
        id=id,
        title=title,
        description=description,
        width=width,
        height=height,
        ticks=_value_ticks(top_value, to_y, label),
        left=fmt(left),
        right=fmt(right),
        top=fmt(top),
        bottom=fmt(bottom),
        bars=tuple(bars),
    )


def ranked_bar_chart(
    *,
    id: str,
    title: str,
    description: str,
    items: Sequence[tuple[str, float]],
    label: Callable[[float], str],
    width: int = 480,
    label_chars: int = 60,
    scale_to: float = 0,
) -> Chart:
    """Horizontal bars, one row per (label, value), the label above its bar: for long labels
    (a link's two headlines), cut to `label_chars` characters with an ellipsis. `scale_to`: a
    value the scale must reach too (two charts side by side on one scale)."""
    row = 34
    top, left, right = TOP, 8, width - 56
    height = top + row * max(len(items), 1) + 8
    top_value = nice_ceiling(max([scale_to, *(value for _name, value in items)]))
    bars = []
    for index, (name, value) in enumerate(items):
        y = top + row * index
        length = (right - left) * value / top_value
        bars.append(
            Bar(
                label=_cut(name, label_chars),
                value_text=label(value),
                x=fmt(left),
                y=fmt(y + 16),
                width=fmt(length),
                height=fmt(12),
                label_x=fmt(left),
                label_y=fmt(y + 12),
                value_x=fmt(left + length + 4),
                value_y=fmt(y + 26),
                full_label=name,
            )
        )
    return Chart(
        id=id,
        title=title,
        description=description,
        width=width,
        height=height,
        ticks=(),
        left=fmt(left),
        right=fmt(right),
        top=fmt(top),
        bottom=fmt(height - 8),
        bars=tuple(bars),
        horizontal=True,
    )


def line_chart(
    *,
    id: str,
    title: str,
    description: str,
    points: Sequence[tuple[str, float | None]],
    label: Callable[[float], str],
    x_label_every: int = 7,
    width: int = 960,
    height: int = 180,
) -> Chart:
    """One line through (x label, value) points, evenly spaced; a None value breaks the line
    (a day without impressions has no click-through rate)."""
    top_value = nice_ceiling(max((value or 0 for _name, value in points), default=0))
    left, right, top, bottom = LEFT + 8, width - RIGHT - 8, TOP, height - BOTTOM

    def to_y(value: float) -> float:
        return bottom - (bottom - top) * value / top_value

    step = (right - left) / max(len(points) - 1, 1)
    segments, current, dots, x_ticks = [], [], [], []
    for index, (name, value) in enumerate(points):
        x = left + step * index if len(points) > 1 else (left + right) / 2
        if index % x_label_every == 0 or index == len(points) - 1:
            x_ticks.append(Tick(fmt(x), name))
        if value is None:
            if current:
                segments.append(" ".join(current))
            current = []
            continue
        current.append(f"{fmt(x)},{fmt(to_y(value))}")
        dots.append((fmt(x), fmt(to_y(value)), f"{name}: {label(value)}"))
    if current:
        segments.append(" ".join(current))
    return Chart(
        id=id,
        title=title,
        description=description,
        width=width,
        height=height,
        ticks=_value_ticks(top_value, to_y, label),
        left=fmt(left),
        right=fmt(right),
        top=fmt(top),
        bottom=fmt(bottom),
        segments=tuple(segments),
        dots=tuple(dots),
        x_ticks=tuple(x_ticks),
    )


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
