"""During an experiment, the interleaved draft keeps the series cap as the
standard ranking does: a second part of a series waits while a link of another series or of
none is left, even when that link is a near-duplicate (ranking.py's order of the rules)."""

import datetime

from recommendations import ranking
from recommendations.interleaving import team_draft
from recommendations.variants import VARIANTS

NOW = datetime.datetime(2026, 12, 4, 12, tzinfo=datetime.UTC)


def candidate(target, score, *, series=None, artists=(), section=None):
    return ranking.Candidate(
        target, "suggested", None, score, NOW, False, section or target,
        frozenset(artists), {}, series,
    )  # fmt: skip


# A and B: two parts of series 9; C: no series, a near-duplicate of A (same artist, section).
A = candidate(1, 0.9, series=9, artists=[5], section=10)
B = candidate(2, 0.8, series=9, artists=[6], section=11)
C = candidate(3, 0.7, artists=[5], section=10)
BY_ID = {c.target_id: c for c in (A, B, C)}


def held_back(target, placed):
    return ranking.held_back(BY_ID[target], [BY_ID[t] for t in placed])


def test_the_standard_ranking_shows_one_part_of_the_series_then_the_near_duplicate():
    order = ranking.ranked([A, B, C], VARIANTS["standard"], NOW)
    assert [c.target_id for c in order][:2] == [1, 3]


def test_the_interleaved_draft_keeps_the_series_cap_too():
    ranking_ids = [1, 2, 3]  # both scorings rank the parts first
    drawn = team_draft(ranking_ids, ranking_ids, 2, seed="1:1", held_back=held_back)
    assert [target for target, _ in drawn] == [1, 3]  # not two parts of series 9
