"""Starting and stopping an experiment (recommendations/experiments.py): the rules, the
database's last guard, and the pages they make stale."""

import pytest
from django.core.exceptions import PermissionDenied

from recommendations import experiments
from recommendations.experiments import (
    ExperimentError,
    experiment_start,
    experiment_stop,
    running_experiment,
)
from recommendations.models import Experiment, RelatedLink
from sitesettings.models import SiteSettings
from tests.factories import ArticleFactory, RelatedLinkFactory
from tests.pagecache.pages import HIT, MISS, served, warm
from tests.staff import staff_in

pytestmark = pytest.mark.django_db


def make(name="Fresher", a="standard", b="fresher") -> Experiment:
    return Experiment.objects.create(name=name, variant_a=a, variant_b=b)


def test_start_then_stop_records_when_and_who(moderator):
    """Starting runs it (when, who); stopping ends it (when, who); running_experiment() follows."""
    _client, person = moderator
    experiment = make()
    assert running_experiment() is None

    experiment_start(experiment, by=person)

    stored = Experiment.objects.get()
    assert (stored.running, stored.started_by, stored.ended_at) == (True, person, None)
    assert stored.started_at is not None and experiment.running
    assert running_experiment() == experiment

    experiment_stop(experiment, by=person)

    stored.refresh_from_db()
    assert (stored.running, stored.ended_by) == (False, person)
    assert stored.ended_at >= stored.started_at
    assert running_experiment() is None


def test_an_experiment_runs_once(admin_user):
    """A finished experiment is not started again, nor a running one twice, nor stopped twice."""
    experiment = make()
    with pytest.raises(ExperimentError, match="has not started"):
        experiment_stop(experiment, by=admin_user)
    experiment_start(experiment, by=admin_user)
    with pytest.raises(ExperimentError, match="has run already"):
        experiment_start(experiment, by=admin_user)
    experiment_stop(experiment, by=admin_user)

    with pytest.raises(ExperimentError, match="has run already"):
        experiment_start(experiment, by=admin_user)
    with pytest.raises(ExperimentError, match="stopped already"):
        experiment_stop(experiment, by=admin_user)
    assert Experiment.objects.get().running is False


def test_one_runs_at_a_time(admin_user):
    """While one runs, another is refused with its name; once stopped, the other may start."""
    first, second = make("First"), make("Second", b="score-only")
    experiment_start(first, by=admin_user)

    with pytest.raises(ExperimentError, match="“First” is running: stop it first."):
        experiment_start(second, by=admin_user)
    assert Experiment.objects.get(pk=second.pk).started_at is None

    experiment_stop(first, by=admin_user)
    experiment_start(second, by=admin_user)
    assert running_experiment() == second


def test_the_constraint_is_the_last_guard(admin_user, monkeypatch):
    """Two starts at once both pass the check; the partial unique constraint refuses the second,
    which becomes the clear message, not a 500, and leaves the experiment as it was."""
    first, second = make("First"), make("Second", b="score-only")
    experiment_start(first, by=admin_user)
    monkeypatch.setattr(experiments, "_another_running", lambda experiment: None)

    with pytest.raises(ExperimentError, match="^Another experiment is running: stop it first.$"):
        experiment_start(second, by=admin_user)

    second.refresh_from_db()
    assert (second.running, second.started_at) == (False, None)
    assert running_experiment() == first


def test_a_scoring_no_longer_offered_is_refused(admin_user):
    """A scoring removed from the code since the experiment was made cannot be started."""
    experiment = make(b="retired-scoring")

    with pytest.raises(ExperimentError, match="'retired-scoring' is no longer offered"):
        experiment_start(experiment, by=admin_user)


def test_only_those_who_may_change_experiments(client):
    """A contributor may not start or stop one (the admin checks too; the service is the door)."""
    contributor = staff_in(None, "Contributor")
    experiment = make()

    with pytest.raises(PermissionDenied):
        experiment_start(experiment, by=contributor)
    assert Experiment.objects.get().started_at is None


@pytest.fixture
def cached(settings, client):
    """The page cache on, and two article pages cached: one with a link in its block, one
    without any link."""
    settings.PAGE_CACHE = True
    SiteSettings.current()
    linked = ArticleFactory(slug="linked")
    RelatedLink.objects.all().delete()
    RelatedLinkFactory(source=linked, target=ArticleFactory(slug="target"))
    alone = ArticleFactory(slug="alone")
    RelatedLink.objects.filter(source=alone).delete()
    warm(client, linked.get_absolute_url(), alone.get_absolute_url())
    return linked, alone


@pytest.mark.parametrize("switch", ["start", "stop"])
def test_starting_and_stopping_make_the_blocks_pages_stale(
    client, admin_user, cached, switch, django_capture_on_commit_callbacks
):
    """Pages whose block shows a link are built again, after the commit too; a page without a
    block stays cached; `experiment_switched` is sent once committed."""
    linked, alone = cached
    experiment = make()
    if switch == "stop":
        experiment_start(experiment, by=admin_user)
        warm(client, linked.get_absolute_url())
    heard = []

    def hear(sender, experiment, **kwargs):
        heard.append(experiment.running)

    experiments.experiment_switched.connect(hear)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            (experiment_start if switch == "start" else experiment_stop)(experiment, by=admin_user)
            assert heard == []  # not before the commit
    finally:
        experiments.experiment_switched.disconnect(hear)

    assert heard == [switch == "start"]
    assert served(client, linked.get_absolute_url())[0] == MISS
    assert served(client, alone.get_absolute_url())[0] == HIT


def test_a_refused_start_makes_nothing_stale(client, admin_user, cached):
    """A start the rules refuse changes no page."""
    linked, _alone = cached
    experiment_start(make("First"), by=admin_user)
    warm(client, linked.get_absolute_url())

    with pytest.raises(ExperimentError):
        experiment_start(make("Second", b="score-only"), by=admin_user)

    assert served(client, linked.get_absolute_url())[0] == HIT
