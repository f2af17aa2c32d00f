"""Starting and stopping an experiment (recommendations/models.py: Experiment), and which one
runs, for the admin.

An experiment runs once: started, it compares its two scorings on live traffic until it is
stopped, and its clicks stay its record (a finished experiment is not started again: make a new
one). At most one runs at a time; the database's partial unique constraint is the last guard
against two people starting two at once.

Starting or stopping changes every block that shows links the scorings rank: those pages are
invalidated (pagecache.invalidate.pages_showing: the articles with a link a reader may see,
now and again after the commit), and `experiment_switched` is sent once the change is
committed, for readers that keep their own copy of which experiment runs."""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.dispatch import Signal
from django.utils import timezone

from articles.models import Article
from pagecache import invalidate as pages
from recommendations.models import Experiment, RelatedLink
from recommendations.variants import VARIANTS

# Sent after the commit that started or stopped `experiment` (sender: Experiment).
experiment_switched = Signal()

ANOTHER_RUNNING_MESSAGE = "Another experiment is running: stop it first."


class ExperimentError(Exception):
    """A start or stop that cannot be done; the message says why, for the person who tried."""


def running_experiment() -> Experiment | None:
    """The experiment running now, or None."""
    return Experiment.objects.filter(running=True).first()


def experiment_start(experiment: Experiment, *, by: AbstractBaseUser) -> Experiment:
    """Start an experiment that never ran, while no other runs."""
    _check_permission(by)
    with transaction.atomic():
        locked = Experiment.objects.select_for_update().get(pk=experiment.pk)
        if locked.started_at is not None:
            raise ExperimentError(
                "This experiment has run already: its clicks are its record. "
                "Add a new experiment to compare the scorings again."
            )
        unknown = [key for key in (locked.variant_a, locked.variant_b) if key not in VARIANTS]
        if unknown:
            raise ExperimentError(
                f"The scoring {unknown[0]!r} is no longer offered: choose another."
            )
        other = _another_running(locked)
        if other is not None:
            raise ExperimentError(f"“{other}” is running: stop it first.")
        locked.running = True
        locked.started_at = timezone.now()
        locked.started_by = by
        try:
            with transaction.atomic():
                locked.save(update_fields=["running", "started_at", "started_by"])
        except IntegrityError as error:
            # Someone started another between the check and the save.
            raise ExperimentError(ANOTHER_RUNNING_MESSAGE) from error
        _blocks_changed(locked)
    _copy_state(locked, experiment)
    return experiment


def experiment_stop(experiment: Experiment, *, by: AbstractBaseUser) -> Experiment:
    """Stop a running experiment: readers see the standard scoring again."""
    _check_permission(by)
    with transaction.atomic():
        locked = Experiment.objects.select_for_update().get(pk=experiment.pk)
        if not locked.running:
            raise ExperimentError(
                "This experiment has stopped already."
                if locked.ended_at
                else "This experiment has not started."
            )
        locked.running = False
        locked.ended_at = timezone.now()
        locked.ended_by = by
        locked.save(update_fields=["running", "ended_at", "ended_by"])
        _blocks_changed(locked)
    _copy_state(locked, experiment)
    return experiment


def _check_permission(user: AbstractBaseUser) -> None:
    if not user.has_perm("recommendations.change_experiment"):
        raise PermissionDenied("Only those who may change experiments start and stop them.")


def _another_running(experiment: Experiment) -> Experiment | None:
    return Experiment.objects.filter(running=True).exclude(pk=experiment.pk).first()


def _blocks_changed(experiment: Experiment) -> None:
    """Every page whose block shows a link the scorings rank is stale: the articles with a link
    readers may see under the moderation policy (pinned links among them: the block's
    measurement token names the experiment too)."""
    sources = (
        RelatedLink.objects.shown(policy=settings.RECOMMENDATIONS_MODERATION)
        .values_list("source_id", flat=True)
        .distinct()
        .order_by()
    )
    pages.pages_showing(Article, list(sources))
    transaction.on_commit(
        lambda: experiment_switched.send(sender=Experiment, experiment=experiment)
    )


def _copy_state(source: Experiment, target: Experiment) -> None:
    for name in ("running", "started_at", "started_by", "ended_at", "ended_by"):
        setattr(target, name, getattr(source, name))
