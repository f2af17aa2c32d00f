"""The counting endpoints in one process (bench/measurement/counting.py): what the sums must
grow by, and on a tiny corpus every click and beacon counted, against warm article pages."""

import datetime

import pytest

from bench.measurement.blocks import experiment_id, leave_running
from bench.measurement.counting import (
    block_item,
    difference,
    expected,
    sums,
    time_counting,
    tokens_for,
)
from recommendations import slots
from recommendations.counting import services
from recommendations.models import SlotDay
from sitesettings.models import SiteSettings

pytestmark = pytest.mark.django_db

OUTSIDE = {"token": "t1", "teams": ["", "", ""]}
DRAWN = {"token": "t2", "teams": ["", "a", "b", "a"]}
DAY = datetime.date(2026, 12, 4)


def test_what_the_sums_must_grow_by():
    sent = [("click", OUTSIDE, 2), ("beacon", OUTSIDE, 0), ("click", DRAWN, 3)]
    sent += [("beacon", DRAWN, 0), ("click", DRAWN, 1), ("page", DRAWN, 1)]

    assert expected(sent) == {
        "clicks": 3,
        "impressions": 3 + 4,
        # Team b: one click (slot 3), one slot shown; team a: no click, two slots shown.
        "teams": {"a": [0, 2], "b": [1, 1]},
    }


def test_difference_of_two_readings():
    before = {"clicks": 2, "impressions": 10, "teams": {"a": [1, 4], "b": [0, 3]}}
    after = {"clicks": 5, "impressions": 18, "teams": {"a": [2, 6], "b": [1, 5]}, "slot_rows": 9}

    assert difference(after, before) == {
        "clicks": 3,
        "impressions": 8,
        "teams": {"a": [1, 2], "b": [1, 2]},
    }


def test_items_carry_the_block_as_readers_see_it(sampled):
    items = tokens_for(sampled)

    assert [item["drawn"] for item in items[:4]] == ["standard", "experiment"] * 2
    assert all(team == "" for item in items[::2] for team in item["teams"])
    assert {"a", "b"} <= {team for item in items[1::2] for team in item["teams"]}
    assert items[0] == {**block_item(sampled[0]), "drawn": "standard"}


def test_every_click_and_beacon_is_counted(sampled):
    SiteSettings.current()  # as the measuring step does: its creation is a change
    items = [item for item in tokens_for(sampled) if item["drawn"] == "standard"]

    found = time_counting(items, rounds=2)

    assert found["errors"] == {"page": 0, "click": 0, "beacon": 0}
    assert found["exact"], (found["counted"], found["expected"])
    assert found["counted"]["clicks"] == 2 * len(items) == sums()["clicks"]
    assert found["page_hits"] == 2 * len(items)  # warm: every timed page from the cache
    assert found["requests"]["page"]["ratio"] == 1.0
    assert found["requests"]["click"]["max_queries"] >= 2  # the article read, the upsert


def test_a_count_lost_is_not_exact(sampled, monkeypatch):
    """Were the beacon to count nothing, the benchmark would say so."""
    items = [item for item in tokens_for(sampled) if item["drawn"] == "standard"][:2]
    monkeypatch.setattr(services, "block_seen", lambda **kwargs: None)

    found = time_counting(items, rounds=1)

    assert not found["exact"]
    assert found["counted"]["impressions"] == 0 < found["expected"]["impressions"]
    assert SlotDay.objects.exists()  # the clicks were counted


def test_drawn_blocks_count_for_their_teams_once_the_experiment_is_left_running(sampled):
    """The concurrent run sends clicks and beacons of the drawn blocks after the measuring
    step: they count for the teams only while the experiment runs, so that step leaves it
    running; stopped, they would count for no team and the run could never be exact."""
    SiteSettings.current()
    items = [item for item in tokens_for(sampled) if item["drawn"] == "experiment"][:3]
    sent = [("click", item, position) for item in items for position in (1, 2)]
    sent += [("beacon", item, 0) for item in items]

    def send():
        before = sums()
        for kind, item, position in sent:
            block = slots.load(item["token"])
            if kind == "click":
                services.slot_clicked(block=block, slot=block.slot(position), day=DAY)
            else:
                services.block_seen(block=block, day=DAY)
        return difference(sums(), before)

    assert send()["teams"] == {"a": [0, 0], "b": [0, 0]}  # stopped: no team counts
    leave_running(experiment_id())
    assert send() == expected(sent)
