"""The block's cost under each scoring (bench/measurement/blocks.py) on a tiny corpus: one
query per block with its cards kept, whatever the scoring; the experiment left stopped."""

import pytest

from bench.measurement.blocks import SCORINGS, rotated, time_blocks, time_pages, with_ratios
from bench.measurement.counting import READER
from recommendations.models import Experiment

pytestmark = pytest.mark.django_db


def test_rotated_puts_each_first_in_turn():
    assert rotated(("a", "b", "c"), 0) == ["a", "b", "c"]
    assert rotated(("a", "b", "c"), 1) == ["b", "c", "a"]
    assert rotated(("a", "b", "c"), 5) == ["c", "a", "b"]


def test_ratios_are_to_the_base():
    found = with_ratios({"x": {"median_ms": 2.0}, "y": {"median_ms": 3.0}}, "x")
    assert found["x"]["ratio"] == 1.0 and found["y"]["ratio"] == 1.5


def test_every_scoring_costs_one_query_once_the_cards_are_kept(sampled):
    assert sampled, "the tiny corpus has blocks"

    found = time_blocks(sampled, rounds=2)

    assert set(found) == set(SCORINGS)
    for name in SCORINGS:
        assert found[name]["count"] == 2 * len(sampled)
        assert found[name]["max_queries"] == 1, name
        assert found[name]["blocks"] == len(sampled) and found[name]["empty"] == 0
    assert found["score-only"]["ratio"] == 1.0 and found["score-only"]["other_links"] == 0
    experiment = Experiment.objects.get()
    assert not experiment.running  # switched on for its rounds only
    assert (experiment.variant_a, experiment.variant_b) == ("standard", "fresher")


def test_a_block_with_cards_to_build_is_seen_as_more_than_one_query(sampled, settings):
    """The one-query figure is measured, not assumed: with no cache every block builds its
    cards, and the benchmark sees the second query."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

    found = time_blocks(sampled[:2], rounds=1)

    assert found["standard"]["max_queries"] == 2


def test_cold_pages_under_both_scorings(sampled):
    urls = [article.get_absolute_url() for article in sampled[:3]]

    found = time_pages(urls, rounds=2, headers=READER)

    assert found["errors"] == 0 and found["urls"] == 3
    assert found["pages"]["score-only"]["count"] == found["pages"]["standard"]["count"] == 6
    assert found["pages"]["score-only"]["ratio"] == 1.0
    assert found["pages"]["standard"]["median_queries"] > 1  # built, not served from the cache
