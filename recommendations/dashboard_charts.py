"""The dashboard's charts (recommendations/charts.py) from its figures
(recommendations/dashboard_figures.py): what each shows, its title and its description in
words, with the same numbers as the tables beside them."""

from recommendations import charts
from recommendations.dashboard_figures import Counts, Figures, LinkFigures


def percent(rate: float | None) -> str:
    """A share or a rate as the page writes it: "4.2%", "—" for none."""
    return "—" if rate is None else f"{rate * 100:.1f}%"


def rate_text(rate: float | None) -> str:
    """A click-through rate as the dashboard writes it: "4.2%", or "no data" when there is none
    (no impressions, or fewer than clicks: dashboard_figures.Counts.rate)."""
    return "no data" if rate is None else percent(rate)


def whole(value: float) -> str:
    return f"{round(value):,}"


def _rates(entries: list[tuple[str, Counts]]) -> str:
    return "; ".join(
        f"{name}: {rate_text(counts.rate)} ({counts.clicks:,} clicks of {counts.impressions:,} "
        "impressions)"
        for name, counts in entries
    )


def link_label(link: LinkFigures) -> str:
    source = link.source.title if link.source else f"article {link.source_id} (deleted)"
    target = link.target.title if link.target else f"article {link.target_id} (deleted)"
    return f"{source} → {target}"


def dashboard_charts(figures: Figures) -> dict[str, charts.Chart]:
    kinds = [(label, counts) for _kind, label, counts in figures.by_kind]
    positions = [(f"Slot {position}", counts) for position, counts in figures.by_position]
    days = figures.by_day
    every = 1 if len(days) <= 7 else 7
    found = {
        "by_kind": charts.bar_chart(
            id="chart-kind",
            title="Click-through rate by source",
            description=_rates(kinds),
            items=[(label, counts.rate) for label, counts in kinds],
            label=percent,
        ),
        "by_position": charts.bar_chart(
            id="chart-position",
            title="Click-through rate by position",
            description=_rates(positions),
            items=[(str(position), counts.rate) for position, counts in figures.by_position],
            label=percent,
        ),
    }
    day_names = [f"{day.day} {day:%b}" for day, _counts in days]
    broken = " Days without impressions have no rate: the line breaks."
    for key, title, values, label in (
        ("impressions", "Impressions per day", [c.impressions for _d, c in days], whole),
        ("clicks", "Clicks per day", [c.clicks for _d, c in days], whole),
        ("rate", "Click-through rate per day", [c.rate for _d, c in days], percent),
    ):
        found[f"trend_{key}"] = charts.line_chart(
            id=f"chart-trend-{key}",
            title=title,
            description=(
                f"{title}, {day_names[0]} to {day_names[-1]}; the table below gives each "
                "day's figures." + (broken if key == "rate" else "")
            ),
            points=list(zip(day_names, values, strict=True)),
            label=label,
            x_label_every=every,
        )
    # One scale for both lists, side by side on the page.
    highest = max((link.counts.rate or 0 for link in figures.best + figures.worst), default=0)
    for key, title, links in (
        ("best", "Best links by click-through rate", figures.best),
        ("worst", "Worst links by click-through rate", figures.worst),
    ):
        if links:
            found[key] = charts.ranked_bar_chart(
                id=f"chart-{key}",
                title=title,
                description=_rates([(link_label(link), link.counts) for link in links]),
                items=[(link_label(link), link.counts.rate) for link in links],
                label=percent,
                scale_to=highest,
            )
    return found
