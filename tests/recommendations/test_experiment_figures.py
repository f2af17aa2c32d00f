"""An experiment's result on the dashboard and on its own page (templates/recommendations/
experiment_result.html, from recommendations/dashboard_figures.py): every figure equals what its
ExperimentDay rows sum to per team and per source article, computed here independently."""

import datetime as dt
import math

import pytest
from django.urls import reverse
from django.utils import timezone

from recommendations.models import Experiment, ExperimentDay
from tests.factories import ArticleFactory
from tests.recommendations.dashboard_page import DASHBOARD_URL, parse, text

pytestmark = pytest.mark.django_db


def change_url(experiment):
    return reverse("admin:recommendations_experiment_change", args=[experiment.pk])


def add_days(experiment, rows, *, source=None):
    """ExperimentDay rows as (days ago, team, impressions, clicks), for one source article
    (None: rows counted before clicks were counted per article)."""
    today = timezone.localdate()
    for day, team, shown, clicked in rows:
        ExperimentDay.objects.create(
            experiment=experiment,
            day=today - dt.timedelta(days=day),
            source=source,
            team=team,
            impressions=shown,
            clicks=clicked,
        )


def finished_experiment(name="Fresher <b>bold</b>") -> Experiment:
    now = timezone.now()
    return Experiment.objects.create(
        name=name,
        variant_a="standard",
        variant_b="fresher",
        started_at=now - dt.timedelta(days=2),
        ended_at=now,
    )


@pytest.fixture
def finished():
    """A finished experiment over two days and 40 source articles: A wins 26 of them (3 clicks
    against 1), B 10 (0 against 2), 4 are tied (1 against 1)."""
    experiment = finished_experiment()
    for index in range(40):
        a, b = (3, 1) if index < 26 else (0, 2) if index < 36 else (1, 1)
        source = ArticleFactory(title=f"Source {index}")
        # Each article's clicks split over the two days, to be summed per article.
        add_days(
            experiment,
            [(1, "a", 10, a - a // 2), (0, "a", 12, a // 2), (1, "b", 9, b), (0, "b", 11, 0)],
            source=source,
        )
    return experiment


def expected_figures(experiment) -> tuple[list[list[str]], str, str, str]:
    """The table, the verdict, the test and the description, computed here from the rows by
    plain addition and the sign test's exact sum (math.comb)."""
    totals = {"a": [0, 0], "b": [0, 0]}
    per_article = {}
    for row in ExperimentDay.objects.filter(experiment=experiment):
        totals[row.team][0] += row.impressions
        totals[row.team][1] += row.clicks
        per_article.setdefault(row.source_id, {"a": 0, "b": 0})[row.team] += row.clicks
    won_a = sum(1 for clicks in per_article.values() if clicks["a"] > clicks["b"])
    won_b = sum(1 for clicks in per_article.values() if clicks["b"] > clicks["a"])
    tied = sum(1 for clicks in per_article.values() if clicks["a"] == clicks["b"] > 0)
    n = won_a + won_b
    p = min(1, 2 * sum(math.comb(n, k) for k in range(min(won_a, won_b) + 1)) / 2**n)
    clicks_a, clicks_b = totals["a"][1], totals["b"][1]
    share = clicks_a / (clicks_a + clicks_b)
    table = [
        [
            "A: Standard: score, then near-duplicates pushed down",
            f"{totals['a'][0]:,}",
            str(clicks_a),
            f"{share * 100:.1f}%",
        ],
        [
            "B: Fresher: standard with a 180-day freshness decay",
            f"{totals['b'][0]:,}",
            str(clicks_b),
            f"{(1 - share) * 100:.1f}%",
        ],
    ]
    assert 0.001 <= p < 0.05  # as the fixture is made: a verdict, written with three digits
    preferred = "A" if won_a > won_b else "B"
    verdict = f"Result: {preferred} is preferred (p = {p:.3f}; {n} articles decided)."
    tested = (
        f"A preferred on {won_a} articles, B on {won_b}, {tied} tied; p = {p:.3f} (two-sided "
        f"sign test over articles, exact binomial); A's share of decided articles "
        f"{won_a / n * 100:.1f}% (95% interval "
    )
    described = (
        f"The clicks, as a description, not the test: A's share {share * 100:.1f}%; preference "
        f"Δ = (A − B) / (A + B) = {(clicks_a - clicks_b) / (clicks_a + clicks_b):+.2f}."
    )
    return table, verdict, tested, described


def result_of(page, experiment):
    return page.find(f".//div[@data-experiment='{experiment.pk}']")


def test_the_result_on_the_dashboard(moderator, finished):
    """Each team's sums over the whole run and its share of the clicks; the verdict; the test
    over source articles (won, tied, p, A's share of decided articles and its interval); the
    clicks' Δ as a description: all as the rows sum up."""
    client, _person = moderator
    table, verdict, tested, described = expected_figures(finished)

    page = parse(client.get(DASHBOARD_URL, {"days": 7}))

    result = result_of(page, finished)
    assert "Fresher <b>bold</b>" in text(result.find("h3"))
    assert [[text(cell) for cell in row] for row in result.find("table/tbody")] == table
    assert text(result.find("p[@class='experiment-verdict']")) == verdict
    assert verdict == "Result: A is preferred (p = 0.011; 36 articles decided)."
    assert text(result.find("p[@class='experiment-articles']")) == (tested + "56.0% to 84.2%).")
    assert text(result.find("p[@class='experiment-figures']")) == described
    assert result.find("p[@class='experiment-before']") is None


def test_the_result_on_the_experiment_page(admin_client, finished):
    """The experiment's own page shows the same result under its form."""
    _table, verdict, _tested, _described = expected_figures(finished)

    page = parse(admin_client.get(change_url(finished)))

    assert text(result_of(page, finished).find("p[@class='experiment-verdict']")) == verdict


def test_clicks_counted_before_the_articles_are_in_the_totals_and_out_of_the_test(admin_client):
    """Rows without a source article (counted before the migration) add to the teams' sums, are
    named in a note, and leave the test to the articles: 500 clicks for B there do not make B
    preferred."""
    experiment = finished_experiment("Older")
    add_days(experiment, [(1, "a", 4000, 20), (1, "b", 4000, 500)])
    for _index in range(12):
        add_days(experiment, [(0, "a", 30, 2), (0, "b", 30, 1)], source=ArticleFactory())

    page = parse(admin_client.get(DASHBOARD_URL))

    result = result_of(page, experiment)
    assert [[text(cell) for cell in row][1:3] for row in result.find("table/tbody")] == [
        ["4,360", "44"],
        ["4,360", "512"],
    ]
    assert text(result.find("p[@class='experiment-verdict']")) == (
        "Result: A is preferred (p < 0.001; 12 articles decided)."
    )
    assert text(result.find("p[@class='experiment-before']")) == (
        "520 clicks counted before clicks were counted per article are in the totals above and "
        "left out of the test."
    )


def test_only_ties_give_no_p_value(admin_client):
    """Articles with clicks, all split evenly: counted as tied, and no test to show yet."""
    experiment = finished_experiment("Even")
    add_days(experiment, [(0, "a", 20, 2), (0, "b", 20, 2)], source=ArticleFactory())

    result = result_of(parse(admin_client.get(change_url(experiment))), experiment)

    assert text(result.find("p[@class='experiment-articles']")) == (
        "A preferred on 0 articles, B on 0, 1 tied."
    )


def test_too_few_articles_and_ties_are_said_plainly(admin_client):
    """Three articles decided and one tied: the counts are shown, the verdict waits."""
    experiment = finished_experiment("Short")
    for a, b in ((5, 0), (0, 1), (2, 0), (3, 3)):
        add_days(experiment, [(0, "a", 20, a), (0, "b", 20, b)], source=ArticleFactory())

    result = result_of(parse(admin_client.get(change_url(experiment))), experiment)

    assert text(result.find("p[@class='experiment-verdict']")) == (
        "Result: too few articles to tell (3 articles decided; at least 10 needed)."
    )
    assert text(result.find("p[@class='experiment-articles']")).startswith(
        "A preferred on 2 articles, B on 1, 1 tied; p = 1.00 (two-sided sign test over articles"
    )
