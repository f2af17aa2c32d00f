"""Each link's impressions, clicks and click-through rate over the last 28 days, beside its
reason in the moderation queue and on the article's related-links inline.

The list's own query carries them: three correlated subqueries over the link's SlotDay rows (its
source and target, the days of the window; slotday_link_idx answers each), so a page of links
costs no query more than it did, and each column sorts in the database."""

from datetime import timedelta

from django.contrib import admin
from django.db.models import (
    Case,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, NullIf
from django.db.models.lookups import GreaterThan
from django.utils import timezone

from recommendations.dashboard_charts import percent
from recommendations.models import SlotDay

WINDOW_DAYS = 28


def _summed(field: str, first, last):
    link_days = (
        _link_days(first, last).values("source_id").annotate(total=Sum(field)).values("total")
    )
    return Coalesce(Subquery(link_days, output_field=IntegerField()), 0)


def _link_days(first, last):
    return SlotDay.objects.filter(
        source_id=OuterRef("source_id"),
        target_id=OuterRef("target_id"),
        day__gte=first,
        day__lte=last,
    ).order_by()


def _rate(first, last):
    """The rate as a subquery of its own, not from the two others: sorting the queue by it
    then runs one subquery per link, and PostgreSQL computes the page's other columns for the
    rows it shows only (an expression built on the two would run both again for every link).
    NULL without impressions (NULLIF: no division by zero on PostgreSQL), and NULL with more
    clicks than impressions (a page whose beacon was blocked): no rate is better than one above
    100%, as on the dashboard."""
    rates = (
        _link_days(first, last)
        .values("source_id")
        .annotate(
            rate=Case(
                When(
                    GreaterThan(Sum("clicks"), Sum("impressions")),
                    then=Value(None, output_field=FloatField()),
                ),
                default=Cast(Sum("clicks"), FloatField())
                / NullIf(Cast(Sum("impressions"), FloatField()), Value(0.0)),
            )
        )
        .values("rate")
    )
    return Subquery(rates, output_field=FloatField())


def with_counts(links):
    """`links` with `recent_impressions`, `recent_clicks` and `recent_rate` (None without
    impressions) over the last WINDOW_DAYS days, today included (the site's time zone)."""
    last = timezone.localdate()
    first = last - timedelta(days=WINDOW_DAYS - 1)
    return links.annotate(
        recent_impressions=_summed("impressions", first, last),
        recent_clicks=_summed("clicks", first, last),
        recent_rate=_rate(first, last),
    )


# Short headers: the queue's columns are tight; the list says above itself what they count.
@admin.display(description="Seen", ordering="recent_impressions")
def impressions_display(link) -> str:
    return _whole(getattr(link, "recent_impressions", None))


@admin.display(description="Clicks", ordering="recent_clicks")
def clicks_display(link) -> str:
    return _whole(getattr(link, "recent_clicks", None))


# Links without impressions (no rate) sort below a 0% rate, on SQLite and PostgreSQL alike.
@admin.display(description="CTR", ordering=Coalesce(F("recent_rate"), Value(-1.0)))
def rate_display(link) -> str:
    if getattr(link, "recent_impressions", None) is None:
        return "—"
    if link.recent_rate is None and (link.recent_clicks or 0) > (link.recent_impressions or 0):
        return "no data"  # clicked, but its impressions were not all told (a blocked beacon)
    return percent(link.recent_rate)


def _whole(count: int | None) -> str:
    return "—" if count is None else f"{count:,}"


COLUMNS = ["impressions_display", "clicks_display", "rate_display"]


class LinkCountsMixin:
    """On the queue (its change list only) and the inline: the columns and the annotations."""

    impressions_display = staticmethod(impressions_display)
    clicks_display = staticmethod(clicks_display)
    rate_display = staticmethod(rate_display)

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(
            request, {"counts_window_days": WINDOW_DAYS, **(extra_context or {})}
        )

    def get_queryset(self, request):
        links = super().get_queryset(request)
        if _counted_view(request):
            links = with_counts(links)
        return links


def _counted_view(request) -> bool:
    """The queue's list and the article's page (its inline) show the counts; a link's own page,
    the actions and the autocomplete do not need them."""
    match = request.resolver_match
    return match is not None and match.url_name in {
        "recommendations_relatedlink_changelist",
        "articles_article_change",
    }
