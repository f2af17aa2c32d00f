"""Impressions and clicks added to the daily sums (SlotDay, ExperimentDay) with one statement per
table: `INSERT ... ON CONFLICT (...) DO UPDATE SET n = table.n + excluded.n`, which PostgreSQL
and SQLite (3.24 and later) both run. The database adds to the row under its own lock, so
clicks arriving at the same moment on several connections are all counted (no read, then
write, in Python: two of those would both read 41 and both write 42).

The rows are inserted from a VALUES list through a SELECT that keeps only those whose articles
(or experiment) still exist: a page kept by a browser or a CDN may send a token naming an
article deleted since, which must count nothing rather than fail on a foreign key. VALUES
columns are called column1, column2, ... by both databases. The SELECT's WHERE also spares
SQLite's parser the ambiguity between `INSERT ... SELECT` and `ON CONFLICT` (its docs ask for
one). Rows are sorted by key, so that two statements lock shared rows in the same order."""

from dataclasses import dataclass
from datetime import date

from django.db import connection

from articles.models import Article
from recommendations.models import Experiment, ExperimentDay, SlotDay


@dataclass(frozen=True, slots=True, order=True)
class SlotCount:
    day: date
    source_id: int
    target_id: int
    position: int
    kind: str
    impressions: int = 0
    clicks: int = 0


@dataclass(frozen=True, slots=True, order=True)
class TeamCount:
    experiment_id: int
    day: date
    source_id: int  # the article whose block it was: the experiment's unit
    team: str
    impressions: int = 0
    clicks: int = 0


_SLOT_KEY = ("day", "source", "target", "position", "kind")
_TEAM_KEY = ("experiment", "day", "source", "team")
_SUMS = ("impressions", "clicks")


def add_to_slot_days(counts: list[SlotCount]) -> None:
    """Add each count to its slot's row of the day (made at 0 first if there is none)."""
    if counts:
        rows = [
            (c.day, c.source_id, c.target_id, c.position, c.kind, c.impressions, c.clicks)
            for c in sorted(counts)
        ]
        # column2 and column3: the source and the target (the order of _SLOT_KEY).
        _upsert(SlotDay, _SLOT_KEY, rows, existing={2: Article, 3: Article})


def add_to_experiment_days(counts: list[TeamCount]) -> None:
    """Add each count to its team's row of the day in its experiment and source article."""
    if counts:
        rows = [
            (c.experiment_id, c.day, c.source_id, c.team, c.impressions, c.clicks)
            for c in sorted(counts)
        ]
        # column1, the experiment: only one running now (a page built before it stopped may
        # still be clicked); column3, the source article: one that still exists.
        _upsert(
            ExperimentDay,
            _TEAM_KEY,
            rows,
            existing={1: Experiment, 3: Article},
            true={1: "running"},
        )


def _upsert(
    model, key: tuple[str, ...], rows: list[tuple], *, existing: dict, true: dict | None = None
) -> None:
    """One INSERT ... ON CONFLICT of `rows` (the `key` fields' values, then _SUMS') into
    `model`'s table, keeping the rows whose VALUES column n names an existing `existing[n]`
    (whose boolean field `true[n]`, if given, is true)."""
    true = true or {}
    q = connection.ops.quote_name
    meta = model._meta
    table = q(meta.db_table)
    keys = [q(meta.get_field(name).column) for name in key]
    sums = [q(meta.get_field(name).column) for name in _SUMS]
    width = len(keys) + len(sums)
    values = ", ".join(["(" + ", ".join(["%s"] * width) + ")"] * len(rows))
    picked = ", ".join(f"v.column{n}" for n in range(1, width + 1))
    still_there = " AND ".join(
        f"EXISTS (SELECT 1 FROM {q(other._meta.db_table)} o"  # noqa: S608 (the comment below)
        f" WHERE o.{q(other._meta.pk.column)} = v.column{n}"
        + (f" AND o.{q(other._meta.get_field(true[n]).column)}" if n in true else "")
        + ")"
        for n, other in existing.items()
    )
    added = ", ".join(f"{name} = {table}.{name} + excluded.{name}" for name in sums)
    # Safe: every name in this statement is a table or column name from the models' _meta,
    # quoted by the database's own quote_name, or a fixed word of ours ("v", "o", "column<n>"
    # for n counted here); every value (days, ids, kinds, teams, counts) is a %s parameter
    # that the driver sends apart from the SQL. Nothing from the request is spliced in
    # (tests/recommendations/counting/test_upserts.py sends hostile kinds and teams).
    sql = (
        f"INSERT INTO {table} ({', '.join(keys + sums)}) "  # noqa: S608 (the comment above)
        f"SELECT {picked} FROM (VALUES {values}) v WHERE {still_there} "
        f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {added}"
    )
    params = [value for row in rows for value in row]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
