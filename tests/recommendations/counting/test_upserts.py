"""The daily sums are added to by the database, one statement per table: new rows are made,
existing ones added to, rows naming articles deleted since are skipped, hostile values are
stored as values, and clicks on many connections at once are all counted."""

import datetime
import threading

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from recommendations.counting.upserts import (
    SlotCount,
    TeamCount,
    add_to_experiment_days,
    add_to_slot_days,
)
from recommendations.models import Experiment, ExperimentDay, SlotDay
from tests.factories import ArticleFactory
from tests.recommendations.counting.blocks import READER, token_of

DAY = datetime.date(2026, 3, 14)


@pytest.fixture
def articles(db):
    return [ArticleFactory() for _ in range(3)]


@pytest.fixture
def experiment(db):
    return Experiment.objects.create(
        name="Fresh or not", variant_a="standard", variant_b="fresher", running=True
    )


def test_a_count_makes_its_row_and_the_next_adds_to_it(articles):
    source, target, _ = articles
    add_to_slot_days([SlotCount(DAY, source.pk, target.pk, 1, "pinned", impressions=1)])
    add_to_slot_days([SlotCount(DAY, source.pk, target.pk, 1, "pinned", impressions=2, clicks=1)])
    row = SlotDay.objects.get()
    assert (row.day, row.position, row.kind, row.impressions, row.clicks) == (
        DAY,
        1,
        "pinned",
        3,
        1,
    )


def test_every_key_part_makes_a_row_of_its_own(articles):
    source, one, two = articles
    later = DAY + datetime.timedelta(days=1)
    add_to_slot_days(
        [
            SlotCount(DAY, source.pk, one.pk, 1, "pinned", impressions=1),
            SlotCount(later, source.pk, one.pk, 1, "pinned", impressions=1),
            SlotCount(DAY, source.pk, one.pk, 2, "pinned", impressions=1),
            SlotCount(DAY, source.pk, one.pk, 1, "approved", impressions=1),
            SlotCount(DAY, source.pk, two.pk, 1, "pinned", impressions=1),
            SlotCount(DAY, one.pk, two.pk, 1, "pinned", impressions=1),
        ]
    )
    assert SlotDay.objects.count() == 6
    assert set(SlotDay.objects.values_list("impressions", flat=True)) == {1}


def test_a_whole_block_is_one_statement_per_table(articles, experiment):
    source, one, two = articles
    with CaptureQueriesContext(connection) as queries:
        add_to_slot_days(
            [
                SlotCount(DAY, source.pk, one.pk, 1, "suggested", impressions=1),
                SlotCount(DAY, source.pk, two.pk, 2, "suggested", impressions=1),
            ]
        )
        add_to_experiment_days(
            [
                TeamCount(experiment.pk, DAY, source.pk, "a", impressions=1),
                TeamCount(experiment.pk, DAY, source.pk, "b", impressions=1),
            ]
        )
    statements = [query["sql"] for query in queries.captured_queries]
    assert len(statements) == 2
    assert all("ON CONFLICT" in sql for sql in statements)
    assert dict(ExperimentDay.objects.values_list("team", "impressions")) == {"a": 1, "b": 1}


def test_nothing_to_add_runs_no_statement(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        add_to_slot_days([])
        add_to_experiment_days([])


def test_team_counts_add_up(articles, experiment):
    source = articles[0]
    add_to_experiment_days([TeamCount(experiment.pk, DAY, source.pk, "a", impressions=3)])
    add_to_experiment_days([TeamCount(experiment.pk, DAY, source.pk, "a", clicks=1)])
    add_to_experiment_days([TeamCount(experiment.pk, DAY, source.pk, "b", impressions=2)])
    assert {row.team: (row.impressions, row.clicks) for row in ExperimentDay.objects.all()} == {
        "a": (3, 1),
        "b": (2, 0),
    }


def test_team_counts_are_kept_per_source_article(articles, experiment):
    """The same team on the same day has a row per source article (the experiment's unit), and
    each adds up on its own."""
    one, two, _ = articles
    later = DAY + datetime.timedelta(days=1)
    add_to_experiment_days(
        [
            TeamCount(experiment.pk, DAY, one.pk, "a", clicks=1),
            TeamCount(experiment.pk, DAY, two.pk, "a", clicks=2),
            TeamCount(experiment.pk, later, one.pk, "a", clicks=4),
        ]
    )
    add_to_experiment_days([TeamCount(experiment.pk, DAY, two.pk, "a", clicks=8)])
    assert sorted(ExperimentDay.objects.values_list("day", "source_id", "team", "clicks")) == [
        (DAY, one.pk, "a", 1),
        (DAY, two.pk, "a", 10),
        (later, one.pk, "a", 4),
    ]


def test_rows_from_before_sources_were_counted_are_left_alone(articles, experiment):
    """A row without a source (counted before the migration) is not added to: a new count for
    the same experiment, day and team makes its article's own row."""
    source = articles[0]
    before = ExperimentDay.objects.create(
        experiment=experiment, day=DAY, team="a", impressions=50, clicks=5
    )
    add_to_experiment_days([TeamCount(experiment.pk, DAY, source.pk, "a", clicks=1)])
    before.refresh_from_db()
    assert (before.impressions, before.clicks) == (50, 5)
    assert ExperimentDay.objects.get(source=source).clicks == 1


@pytest.mark.django_db(transaction=True)
def test_rows_naming_an_article_or_experiment_deleted_since_are_skipped():
    """Committed (transaction=True), so PostgreSQL's deferred foreign keys are checked too."""
    source, target, gone = ArticleFactory(), ArticleFactory(), ArticleFactory()
    gone_id = gone.pk
    gone.delete()
    experiment = Experiment.objects.create(
        name="Over", variant_a="standard", variant_b="fresher", running=True
    )
    over = experiment.pk
    experiment.delete()
    add_to_slot_days(
        [
            SlotCount(DAY, source.pk, target.pk, 1, "suggested", clicks=1),
            SlotCount(DAY, source.pk, gone_id, 2, "suggested", clicks=1),
            SlotCount(DAY, gone_id, target.pk, 1, "suggested", clicks=1),
        ]
    )
    running = Experiment.objects.create(
        name="On", variant_a="standard", variant_b="fresher", running=True
    )
    add_to_experiment_days(
        [
            TeamCount(over, DAY, source.pk, "a", clicks=1),
            TeamCount(running.pk, DAY, gone_id, "a", clicks=1),
            TeamCount(running.pk, DAY, source.pk, "b", clicks=1),
        ]
    )
    assert list(SlotDay.objects.values_list("target_id", "clicks")) == [(target.pk, 1)]
    assert list(ExperimentDay.objects.values_list("experiment_id", "source_id", "team")) == [
        (running.pk, source.pk, "b")
    ]


@pytest.mark.parametrize("hostile", ["');--", '" OR 1=1', "x'||'y", "%s%s", "excluded", "1); DROP"])
def test_hostile_kinds_and_teams_are_stored_as_values(articles, experiment, hostile):
    """The statement's values are parameters: SQL in them is text (10 characters at most, the
    kind column's size; a team is one character, so one of them)."""
    source, target, _ = articles
    add_to_slot_days([SlotCount(DAY, source.pk, target.pk, 1, hostile, clicks=1)])
    add_to_slot_days([SlotCount(DAY, source.pk, target.pk, 1, hostile, clicks=1)])
    add_to_experiment_days([TeamCount(experiment.pk, DAY, source.pk, hostile[0], clicks=1)])
    add_to_experiment_days([TeamCount(experiment.pk, DAY, source.pk, hostile[0], clicks=1)])
    assert list(SlotDay.objects.values_list("kind", "clicks")) == [(hostile, 2)]
    assert list(ExperimentDay.objects.values_list("source_id", "team", "clicks")) == [
        (source.pk, hostile[0], 2)
    ]
    assert SlotDay.objects.count() == 1 and ExperimentDay.objects.count() == 1


THREADS, CLICKS = 8, 25


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite's in-memory test database is shared by the threads in one connection-level"
    " cache that refuses a second writer at once ('database table is locked') instead of"
    " waiting: it cannot run concurrent writers; PostgreSQL runs this in CI",
)
def test_clicks_on_many_connections_at_once_are_all_counted():
    """8 readers on 8 connections click 25 times each, all released together: 200 clicks, and
    200 for the team in its source article's row."""
    experiment = Experiment.objects.create(
        name="Busy", variant_a="standard", variant_b="fresher", running=True
    )
    source, target = ArticleFactory(), ArticleFactory()
    token = token_of(source, [target], teams=["a"], experiment=experiment)
    start = threading.Barrier(THREADS)
    statuses, errors = [], []

    def reader():
        try:
            client = Client(headers=READER)
            start.wait(10)
            for _ in range(CLICKS):
                statuses.append(client.get(f"/r/{token}/1/").status_code)
        except Exception as error:  # reported below, with the counts
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=reader) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert statuses == [302] * THREADS * CLICKS
    assert SlotDay.objects.get().clicks == THREADS * CLICKS
    assert ExperimentDay.objects.get(team="a", source=source).clicks == THREADS * CLICKS
