"""What one impression of a block, or one click on a slot, adds to the daily sums: its slots'
rows (SlotDay) and, during an experiment, its teams' rows for its source article
(ExperimentDay). Nothing else is written: no row says who, from where or with what
(docs/privacy.md), and no content changes, so no cached page is made stale (the sums are
declared to the page cache as shown on no page, recommendations/counting/cached_pages.py).

Each is one short transaction of its own whose first statement is a write: on SQLite, a
transaction that reads first and writes later cannot wait for another writer (SQLite refuses
its upgrade at once, "database is locked"), while one that starts with a write waits its turn
(views.py keeps the request's reads out of it)."""

from collections import Counter
from datetime import date

from django.db import transaction

from recommendations.counting.upserts import (
    SlotCount,
    TeamCount,
    add_to_experiment_days,
    add_to_slot_days,
)
from recommendations.slots import Block, Slot

TEAMS = ("a", "b")


@transaction.atomic
def block_seen(*, block: Block, day: date) -> None:
    """One impression for each slot of the block, and for each team of an experiment as many
    as it has slots in the block (a team's click-through rate is its clicks per slot shown)."""
    add_to_slot_days([_slot_count(block, slot, day, impressions=1) for slot in block.slots])
    if block.experiment_id is not None:
        shown = Counter(slot.team for slot in block.slots if slot.team in TEAMS)
        add_to_experiment_days(
            [
                TeamCount(block.experiment_id, day, block.source_id, team, impressions=count)
                for team, count in shown.items()
            ]
        )


@transaction.atomic
def slot_clicked(*, block: Block, slot: Slot, day: date) -> None:
    """One click on the slot; and one for its team when the block was in an experiment."""
    add_to_slot_days([_slot_count(block, slot, day, clicks=1)])
    if block.experiment_id is not None and slot.team in TEAMS:
        add_to_experiment_days(
            [TeamCount(block.experiment_id, day, block.source_id, slot.team, clicks=1)]
        )


def _slot_count(block: Block, slot: Slot, day: date, **sums) -> SlotCount:
    return SlotCount(day, block.source_id, slot.target_id, slot.position, slot.kind, **sums)
