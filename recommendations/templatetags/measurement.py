"""Filters for the figures of "You may also like" in the admin (the dashboard, the experiments'
pages): rates, counts, preferences and p-values written the same way everywhere."""

from django import template

from recommendations import experiment_results
from recommendations.dashboard_charts import percent as percent_text
from recommendations.dashboard_charts import rate_text
from recommendations.variants import VARIANTS

register = template.Library()


@register.filter
def percent(rate: float | None) -> str:
    """0.0421 → "4.2%"; None (no impressions, no clicks) → "—"."""
    return percent_text(rate)


@register.filter
def rate(value: float | None) -> str:
    """A click-through rate: 0.0421 → "4.2%"; None (no impressions, or fewer than clicks) →
    "no data"."""
    return rate_text(value)


@register.filter
def whole(count: int | None) -> str:
    """1234 → "1,234"."""
    return "—" if count is None else f"{count:,}"


@register.filter
def signed(value: float | None) -> str:
    """A preference from −1 to 1: "+0.20", "−0.05", "0.00"."""
    if value is None:
        return "—"
    if round(value, 2) == 0:
        return "0.00"
    return f"{value:+.2f}".replace("-", "−")


@register.filter
def p_value(value: float | None) -> str:
    return "—" if value is None else experiment_results.format_p(value)


@register.filter
def interval(bounds: tuple[float, float] | None) -> str:
    return "—" if bounds is None else f"{percent_text(bounds[0])} to {percent_text(bounds[1])}"


@register.filter
def scoring(key: str) -> str:
    """A scoring's label, or its key when it is no longer offered."""
    variant = VARIANTS.get(key)
    return variant.label if variant else f"{key} (no longer offered)"
