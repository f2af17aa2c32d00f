"""The moderators' dashboard in the admin (/admin/recommendations/dashboard/), and its panel on
the admin's home page: how "You may also like" is seen and clicked, from the daily aggregate
rows (recommendations/dashboard_figures.py), drawn as SVG on the server
(recommendations/dashboard_charts.py).

Whoever may view related links (moderators, editors) sees it; other staff get a 403, and the
admin's login stands before it for everyone else. The period is `?days=` 7, 28 or 90; any other
value shows the default period with a note saying so."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.template.response import TemplateResponse
from django.urls import reverse

from recommendations import dashboard_figures
from recommendations.dashboard_charts import dashboard_charts, rate_text
from recommendations.dashboard_figures import Counts
from recommendations.models import RelatedLink

URL_NAME = "recommendations_dashboard"
PANEL_DAYS = 7


def may_view(request) -> bool:
    return admin.site.get_model_admin(RelatedLink).has_view_permission(request)


def chosen_period(value: str | None) -> tuple[int, str]:
    """The period's days from `?days=`, and a note when the value was not one offered."""
    if value is None or value == "":
        return dashboard_figures.DEFAULT_PERIOD, ""
    if value in {str(days) for days in dashboard_figures.PERIODS}:
        return int(value), ""
    offered = ", ".join(str(days) for days in dashboard_figures.PERIODS)
    return (
        dashboard_figures.DEFAULT_PERIOD,
        f"The dashboard shows the last {offered} days, not “{value[:20]}”: here are the last "
        f"{dashboard_figures.DEFAULT_PERIOD} days.",
    )


def dashboard_view(request):
    if not may_view(request):
        raise PermissionDenied
    days, note = chosen_period(request.GET.get("days"))
    figures = dashboard_figures.figures(dashboard_figures.period(days))
    context = {
        **admin.site.each_context(request),
        "title": "“You may also like”: how readers use it",
        "opts": RelatedLink._meta,
        "figures": figures,
        "charts": dashboard_charts(figures),
        "periods": dashboard_figures.PERIODS,
        "period_note": note,
        "minimum": dashboard_figures.MIN_IMPRESSIONS,
        "minimum_views": dashboard_figures.MIN_VIEWS,
        "may_run_experiments": request.user.has_perm("recommendations.view_experiment"),
    }
    return TemplateResponse(request, "recommendations/dashboard.html", context)


def panel_context(request) -> dict | None:
    """The home page's panel: the last week's totals (one query) and the way to the dashboard."""
    if not may_view(request):
        return None
    span = dashboard_figures.period(PANEL_DAYS)
    sums = dashboard_figures.slot_days(span).aggregate(
        shown=Sum("impressions"), clicked=Sum("clicks")
    )
    counts = Counts(sums["shown"] or 0, sums["clicked"] or 0)
    return {
        "counts": counts,
        "rate": rate_text(counts.rate),
        "days": PANEL_DAYS,
        "url": reverse(f"admin:{URL_NAME}"),
    }
