"""Experiments in the admin (recommendations/admin_experiments.py): the form, the start and
stop buttons and who may use them (their result: test_experiment_figures.py)."""

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from recommendations.models import Experiment
from tests.adminforms import form_errors
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
