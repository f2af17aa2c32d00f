"""What the moderators' dashboard shows (recommendations/admin_dashboard.py), read from the
daily aggregate rows (SlotDay, ExperimentDay) in a fixed handful of grouped queries (ten at
most): the database sums, Python only arranges the rows each query returns (one per day,
kind and position of the period, per link or article listed, per experiment's team, per
experiment's source article with a click).

A period is the last 7, 28 or 90 days in the site's time zone, today included."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import F, FloatField, Q, QuerySet, Sum
from django.db.models.functions import Cast
from django.utils import timezone

from articles.models import Article
from recommendations import experiment_results
from recommendations.models import Experiment, ExperimentDay, RelatedLink, SlotDay, SlotKind

PERIODS = (7, 28, 90)
DEFAULT_PERIOD = 28
# A link enters the best and worst lists from this many impressions in the period, an article
# the unclicked list from this many views of its block: below it, one click more or less would
# top or sink it.
MIN_IMPRESSIONS = 20
MIN_VIEWS = MIN_IMPRESSIONS
SHOWN_LINKS = 10
SHOWN_UNCLICKED = 20
SHOWN_EXPERIMENTS = 10


@dataclass(frozen=True, slots=True)
class Counts:
    impressions: int = 0
    clicks: int = 0

    @property
    def rate(self) -> float | None:
        """Click-through rate: clicks per impression. None ("no data") without impressions, and
        with more clicks than impressions: a page kept by a cache still counts its clicks when
        its impression beacon was blocked, so its impressions are short and no rate can be
        told (never one above 100%)."""
        if not self.impressions or self.clicks > self.impressions:
            return None
        return self.clicks / self.impressions

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.impressions + other.impressions, self.clicks + other.clicks)


@dataclass(frozen=True, slots=True)
class Period:
    days: int
    first: date
    last: date

    def dates(self) -> list[date]:
        return [self.first + timedelta(days=offset) for offset in range(self.days)]


@dataclass(frozen=True, slots=True)
class LinkFigures:
    source_id: int
    target_id: int
    counts: Counts
    source: Article | None = None
    target: Article | None = None
    link_id: int | None = None  # the RelatedLink of the pair, when it still exists


@dataclass(frozen=True, slots=True)
class ArticleFigures:
    article_id: int
    counts: Counts  # the views of its block (slot 1's impressions) and its blocks' clicks
    article: Article | None = None


@dataclass(frozen=True, slots=True)
class ExperimentFigures:
    experiment: Experiment
    a: Counts
    b: Counts
    result: experiment_results.Result


@dataclass
class Figures:
    period: Period
    by_kind: list[tuple[str, str, Counts]]  # (kind, label, counts) in SlotKind's order
    by_position: list[tuple[int, Counts]]  # 1..the last position with a row
    by_day: list[tuple[date, Counts]]  # every day of the period, zero where no row
    best: list[LinkFigures] = field(default_factory=list)
    worst: list[LinkFigures] = field(default_factory=list)
    unclicked: list[ArticleFigures] = field(default_factory=list)
    unclicked_count: int = 0
    experiments: list[ExperimentFigures] = field(default_factory=list)

    @property
    def total(self) -> Counts:
        return sum((counts for _kind, _label, counts in self.by_kind), Counts())


def period(days: int, today: date | None = None) -> Period:
    """The last `days` days up to today (the site's time zone), today included."""
    today = today or timezone.localdate()
    return Period(days, today - timedelta(days=days - 1), today)


def slot_days(span: Period) -> QuerySet[SlotDay]:
    return SlotDay.objects.filter(day__gte=span.first, day__lte=span.last)


def figures(span: Period) -> Figures:
    rows = slot_days(span)
    kinds, positions, days = _slot_sums(rows)
    last_position = max(positions, default=0)
    result = Figures(
        period=span,
        by_kind=[(kind.value, kind.label, kinds.get(kind.value, Counts())) for kind in SlotKind],
        by_position=[
            (position, positions.get(position, Counts()))
            for position in range(1, last_position + 1)
        ],
        by_day=[(day, days.get(day, Counts())) for day in span.dates()],
    )
    if result.total.impressions:
        _links_and_articles(rows, result)
    result.experiments = experiments_figures()
    return result


def experiments_figures(experiments=None) -> list[ExperimentFigures]:
    """The running experiment and the last ones finished (or those given), each over its whole
    run, with what its clicks say."""
    if experiments is None:
        experiments = list(
            Experiment.objects.filter(started_at__isnull=False).order_by(
                "-running", F("ended_at").desc(nulls_first=True), "-started_at", "-pk"
            )[:SHOWN_EXPERIMENTS]
        )
    if not experiments:
        return []
    ids = [experiment.pk for experiment in experiments]
    teams, before = _team_sums(ids)
    articles = _article_clicks(ids)
    shown = []
    for experiment in experiments:
        key = experiment.pk
        outcome = experiment_results.result(
            articles.get(key, []),
            unattributed=(before.get((key, "a"), 0), before.get((key, "b"), 0)),
            finished=not experiment.running and bool(experiment.ended_at),
        )
        a, b = teams.get((key, "a"), Counts()), teams.get((key, "b"), Counts())
        shown.append(ExperimentFigures(experiment, a, b, outcome))
    return shown


def _team_sums(ids: list[int]) -> tuple[dict, dict]:
    """Each experiment's team's impressions and clicks, by (experiment, team), and the clicks
    among them counted before clicks were counted per article (rows without a source), in one
    query: a row per team."""
    teams, before = {}, {}
    rows = (
        ExperimentDay.objects.filter(experiment__in=ids)
        .values("experiment_id", "team")
        .annotate(
            shown=Sum("impressions"),
            clicked=Sum("clicks"),
            unattributed=Sum("clicks", filter=Q(source__isnull=True), default=0),
        )
        .order_by()
    )
    for row in rows:
        key = row["experiment_id"], row["team"]
        teams[key] = Counts(row["shown"], row["clicked"])
        before[key] = row["unattributed"]
    return teams, before


def _article_clicks(ids: list[int]) -> dict[int, list[tuple[int, int]]]:
    """Each experiment's (clicks_A, clicks_B) per source article with a click, in one grouped
    query: a row per experiment and article clicked (the test's unit), never a row per day;
    articles seen but never clicked decide nothing and are left in the database."""
    a = Sum("clicks", filter=Q(team="a"), default=0)
    b = Sum("clicks", filter=Q(team="b"), default=0)
    rows = (
        ExperimentDay.objects.filter(experiment__in=ids, source__isnull=False)
        .values("experiment_id", "source_id")
        .annotate(clicked=Sum("clicks"), a=a, b=b)
        .filter(clicked__gt=0)
        .order_by()
        .values_list("experiment_id", "a", "b")
    )
    articles: dict[int, list[tuple[int, int]]] = {}
    for experiment_id, clicks_a, clicks_b in rows:
        articles.setdefault(experiment_id, []).append((clicks_a, clicks_b))
    return articles


def _slot_sums(rows: QuerySet[SlotDay]) -> tuple[dict, dict, dict]:
    """The period's sums by kind, by position and by day, from one pass over its rows: the
    database sums by (day, kind, position), a few hundred groups at most (90 days, three kinds,
    a handful of positions), which are added up here three ways."""
    kinds, positions, days = {}, {}, {}
    grouped = (
        rows.values("day", "kind", "position")
        .annotate(shown=Sum("impressions"), clicked=Sum("clicks"))
        .order_by()
    )
    for row in grouped:
        counts = Counts(row["shown"], row["clicked"])
        for sums, key in ((kinds, row["kind"]), (positions, row["position"]), (days, row["day"])):
            sums[key] = sums.get(key, Counts()) + counts
    return kinds, positions, days


def _rate():
    """Clicks per impression of grouped rows, as a float on SQLite and PostgreSQL alike (an
    integer division would round every rate to 0)."""
    return Cast(Sum("clicks"), FloatField()) / Cast(Sum("impressions"), FloatField())


def _links_and_articles(rows: QuerySet[SlotDay], result: Figures) -> None:
    # Links with more clicks than impressions have no rate (Counts.rate) and are not ranked.
    links = (
        rows.values("source_id", "target_id")
        .annotate(shown=Sum("impressions"), clicked=Sum("clicks"))
        .filter(shown__gte=MIN_IMPRESSIONS, clicked__lte=F("shown"))
        .annotate(rate=_rate())
    )
    best = list(
        links.order_by("-rate", "-clicked", "-shown", "source_id", "target_id")[:SHOWN_LINKS]
    )
    listed = {(row["source_id"], row["target_id"]) for row in best}
    # The worst, apart from links already among the best (a short list would show twice).
    worst = [
        row
        for row in links.order_by("rate", "-shown", "source_id", "target_id")[:SHOWN_LINKS]
        if (row["source_id"], row["target_id"]) not in listed
    ]
    # An article's block views are its slot 1's impressions: each view counts an impression
    # for every slot of the block (counting/services.py), so the sum over all slots would be
    # the views times the block's length.
    sources = (
        rows.values("source_id")
        .annotate(shown=Sum("impressions", filter=Q(position=1), default=0), clicked=Sum("clicks"))
        .filter(shown__gte=MIN_VIEWS, clicked=0)
    )
    unclicked = list(sources.order_by("-shown", "source_id")[:SHOWN_UNCLICKED])
    result.unclicked_count = (
        len(unclicked) if len(unclicked) < SHOWN_UNCLICKED else sources.order_by().count()
    )
    ids = {row[key] for row in best + worst for key in ("source_id", "target_id")}
    ids |= {row["source_id"] for row in unclicked}
    articles = Article.objects.only("id", "title").in_bulk(ids) if ids else {}
    pairs = {(row["source_id"], row["target_id"]) for row in best + worst}
    link_ids = _link_ids(pairs)

    def link(row) -> LinkFigures:
        pair = (row["source_id"], row["target_id"])
        return LinkFigures(
            *pair,
            Counts(row["shown"], row["clicked"]),
            articles.get(pair[0]),
            articles.get(pair[1]),
            link_ids.get(pair),
        )

    result.best = [link(row) for row in best]
    result.worst = [link(row) for row in worst]
    result.unclicked = [
        ArticleFigures(
            row["source_id"], Counts(row["shown"], row["clicked"]), articles.get(row["source_id"])
        )
        for row in unclicked
    ]


def _link_ids(pairs: set[tuple[int, int]]) -> dict[tuple[int, int], int]:
    """The RelatedLink of each (source, target) pair that still has one, in one query."""
    if not pairs:
        return {}
    match = Q()
    for source_id, target_id in pairs:
        match |= Q(source_id=source_id, target_id=target_id)
    rows = RelatedLink.objects.filter(match).values_list("source_id", "target_id", "pk")
    return {(source_id, target_id): pk for source_id, target_id, pk in rows}
