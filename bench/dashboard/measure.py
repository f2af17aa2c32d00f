"""What the benchmark times, in the process that owns the filled database: the dashboard's
figures and page for each period, the home page's panel, and the moderation queue's first page
in its default order and sorted by each count (the counts are correlated subqueries)."""

import statistics
import time

from django.db import connection
from django.test import Client
from django.urls import reverse


def timed(function, runs: int) -> dict:
    function()  # warm: caches, the planner's first look
    times = []
    # Counted by a wrapper: a request's start empties connection.queries.
    queries = []
    with connection.execute_wrapper(
        lambda execute, sql, *rest: queries.append(sql) or execute(sql, *rest)
    ):
        function()
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return {
        "median_ms": statistics.median(times),
        "max_ms": max(times),
        "queries": len(queries),
    }


def measure(*, runs: int) -> dict:
    from django.contrib.auth.models import User  # noqa: PLC0415 (Django is set up by now)

    from recommendations import admin_dashboard, dashboard_figures  # noqa: PLC0415
    from recommendations.admin import RelatedLinkAdmin  # noqa: PLC0415

    client = Client()
    client.force_login(User.objects.create_superuser("bench", "bench@example.org", "x"))
    dashboard = reverse("admin:recommendations_dashboard")
    queue = reverse("admin:recommendations_relatedlink_changelist")

    def get(url, **params):
        def fetch():
            response = client.get(url, params, secure=True)  # production redirects http
            assert response.status_code == 200, (url, params, response.status_code)

        return fetch

    results = {}
    for days in dashboard_figures.PERIODS:
        span = dashboard_figures.period(days)
        results[f"figures {days} days"] = timed(
            lambda span=span: dashboard_figures.figures(span), runs
        )
        results[f"dashboard page, {days} days"] = timed(get(dashboard, days=days), runs)

    class Request:
        user = User.objects.get(username="bench")

    results["home page panel"] = timed(lambda: admin_dashboard.panel_context(Request), runs)
    results["queue, first page"] = timed(get(queue), runs)
    for name in ("impressions_display", "rate_display"):
        column = RelatedLinkAdmin.list_display.index(name) + 1
        results[f"queue sorted by {name.split('_')[0]}"] = timed(get(queue, o=f"-{column}"), runs)
    results["plans"] = _plans()
    return results


def _plans() -> dict:
    """The database's plan for the period's grouped sum (dashboard_figures._slot_sums): does it
    read an index?"""
    from django.db.models import Sum  # noqa: PLC0415

    from recommendations import dashboard_figures  # noqa: PLC0415

    rows = dashboard_figures.slot_days(dashboard_figures.period(28))
    grouped = rows.values("day", "kind", "position").annotate(shown=Sum("impressions")).order_by()
    return {"by day, kind and position, 28 days": grouped.explain().splitlines()[:8]}
