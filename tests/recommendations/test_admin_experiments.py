"""Experiments in the admin (recommendations/admin_experiments.py): the form, the start and
stop buttons, who may use them, and the result on the experiment's page and the dashboard."""

import datetime as dt
import math

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from recommendations.models import Experiment, ExperimentDay
from tests.adminforms import form_errors
from tests.factories import ArticleFactory
from tests.recommendations.dashboard_page import DASHBOARD_URL, parse, text
from tests.staff import staff_in

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:recommendations_experiment_add")


def change_url(experiment):
    return reverse("admin:recommendations_experiment_change", args=[experiment.pk])


def switch_url(experiment, switch):
    return reverse(f"admin:recommendations_experiment_{switch}", args=[experiment.pk])


def make(name="Fresher", a="standard", b="fresher") -> Experiment:
    return Experiment.objects.create(name=name, variant_a=a, variant_b=b)


def said(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_add_form_offers_the_scorings_and_saves_an_experiment(moderator):
    """A moderator names two scorings from the list; the experiment is saved, not started."""
    client, _person = moderator
    page = client.get(ADD_URL).content.decode()
    assert (
        '<option value="fresher">Fresher: standard with a 180-day freshness decay</option>' in page
    )

    response = client.post(
        ADD_URL, {"name": "Fresher", "variant_a": "standard", "variant_b": "fresher"}
    )

    assert response.status_code == 302
    stored = Experiment.objects.get()
    assert (stored.variant_a, stored.variant_b, stored.running, stored.started_at) == (
        "standard",
        "fresher",
        False,
        None,
    )


def test_two_equal_scorings_are_one_clear_error(admin_client):
    """The same scoring twice: one message, on scoring B; nothing saved."""
    response = admin_client.post(
        ADD_URL, {"name": "Same", "variant_a": "standard", "variant_b": "standard"}
    )

    assert form_errors(response) == {
        "variant_b": ["Choose a scoring other than A: the two must differ."]
    }
    assert not Experiment.objects.exists()


def test_a_scoring_not_listed_is_a_clear_error(admin_client):
    """A scoring the list does not offer is refused on its field; nothing saved."""
    response = admin_client.post(
        ADD_URL, {"name": "Odd", "variant_a": "<script>", "variant_b": "standard"}
    )

    errors = form_errors(response)
    assert list(errors) == ["variant_a"]
    assert "Select a valid choice." in errors["variant_a"][0]
    assert (
        "Select a valid choice. &lt;script&gt; is not one of the available choices."
        in response.content.decode()
    )
    assert not Experiment.objects.exists()


def test_start_and_stop_buttons(moderator):
    """The page offers Start before, Stop during, neither after; each is a POST that says what
    happened and comes back to the page."""
    client, person = moderator
    experiment = make()
    page = client.get(change_url(experiment)).content.decode()
    assert f'action="{switch_url(experiment, "start")}"' in page
    assert switch_url(experiment, "stop") not in page

    response = client.post(switch_url(experiment, "start"))

    assert response.status_code == 302 and response.url == change_url(experiment)
    assert said(response) == ["Started “Fresher”: readers' blocks now compare its two scorings."]
    experiment.refresh_from_db()
    assert (experiment.running, experiment.started_by) == (True, person)
    page = client.get(change_url(experiment)).content.decode()
    assert f'action="{switch_url(experiment, "stop")}"' in page
    assert switch_url(experiment, "start") not in page

    response = client.post(switch_url(experiment, "stop"))

    assert said(response) == ["Stopped “Fresher”: readers' blocks are standard again."]
    experiment.refresh_from_db()
    assert experiment.ended_at is not None and not experiment.running
    page = client.get(change_url(experiment)).content.decode()
    assert (
        switch_url(experiment, "start") not in page and switch_url(experiment, "stop") not in page
    )


def test_a_refused_start_is_a_message_not_an_error_page(admin_client):
    """Starting while another runs comes back to the page with the reason."""
    Experiment.objects.create(
        name="First",
        variant_a="standard",
        variant_b="fresher",
        running=True,
        started_at=timezone.now(),
    )
    second = make("Second", b="score-only")

    response = admin_client.post(switch_url(second, "start"))

    assert response.status_code == 302
    assert said(response) == ["“First” is running: stop it first."]
    assert Experiment.objects.get(pk=second.pk).started_at is None


def test_start_and_stop_only_by_post(admin_client):
    """A link followed (GET) starts nothing: 405. An unknown experiment: 404."""
    experiment = make()

    assert admin_client.get(switch_url(experiment, "start")).status_code == 405
    assert admin_client.post(f"{ADD_URL}../9999/start/").status_code == 404
    assert admin_client.post(f"{ADD_URL}../abc/start/").status_code == 404
    assert Experiment.objects.get().started_at is None


def test_start_needs_the_csrf_token():
    """The buttons post the page's CSRF token; a post from elsewhere without it is refused."""
    client = Client(enforce_csrf_checks=True)
    staff_in(client, "Moderator")
    experiment = make()

    assert client.post(switch_url(experiment, "start")).status_code == 403
    assert Experiment.objects.get().started_at is None


def test_a_contributor_may_neither_see_nor_start_experiments(client):
    """Staff without the experiments' permissions get 403 on the list and the buttons."""
    staff_in(client, "Contributor")
    experiment = make()

    assert client.get(reverse("admin:recommendations_experiment_changelist")).status_code == 403
    assert client.post(switch_url(experiment, "start")).status_code == 403
    assert Experiment.objects.get().started_at is None


def test_scorings_are_read_only_once_started(admin_client, admin_user):
    """Once started, the scorings compared stay what they were: shown, not editable, and a
    post that tries to change them changes nothing but the name."""
    experiment = make()
    admin_client.post(switch_url(experiment, "start"))

    page = admin_client.get(change_url(experiment)).content.decode()
    assert 'name="variant_a"' not in page and 'name="variant_b"' not in page
    assert '<div class="readonly">Fresher: standard with a 180-day freshness decay</div>' in page
    admin_client.post(
        change_url(experiment),
        {"name": "Renamed", "variant_a": "score-only", "variant_b": "more-diverse"},
    )

    experiment.refresh_from_db()
    assert (experiment.name, experiment.variant_a, experiment.variant_b) == (
        "Renamed",
        "standard",
        "fresher",
    )


def test_a_running_experiment_cannot_be_deleted(admin_client):
    """Stop it first: readers' pages name it."""
    experiment = make()
    admin_client.post(switch_url(experiment, "start"))

    response = admin_client.post(
        reverse("admin:recommendations_experiment_delete", args=[experiment.pk]), {"post": "yes"}
    )

    assert response.status_code == 403
    assert Experiment.objects.filter(pk=experiment.pk).exists()


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


def test_a_started_experiment_is_renamed_from_the_form_it_shows(admin_client):
    """The page of a started experiment posts its name only: that saves."""
    experiment = make()
    admin_client.post(switch_url(experiment, "start"))
    response = admin_client.post(change_url(experiment), {"name": "Renamed"})
    assert response.status_code == 302
    experiment.refresh_from_db()
    assert experiment.name == "Renamed" and experiment.running


def test_a_form_posted_after_the_start_does_not_undo_it(admin_client, admin_user):
    """Someone started the experiment while another had its form open: that form's post (with
    the scorings it showed) keeps it running, renames it, and leaves its scorings as started."""
    from recommendations.experiments import experiment_start  # noqa: PLC0415

    experiment = make()
    experiment_start(Experiment.objects.get(pk=experiment.pk), by=admin_user)
    response = admin_client.post(
        change_url(experiment),
        {"name": "Renamed", "variant_a": "score-only", "variant_b": "more-diverse"},
    )
    assert response.status_code == 302
    experiment.refresh_from_db()
    assert experiment.running and experiment.started_at is not None
    assert (experiment.name, experiment.variant_a, experiment.variant_b) == (
        "Renamed",
        "standard",
        "fresher",
    )
