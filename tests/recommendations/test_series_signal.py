"""A shared series in "You may also like": a strong signal, told in words, and at most one
unpinned card of a series while other links are left."""

import datetime

import pytest

from recommendations import ranking
from recommendations.reasons import describe_reasons, reader_note
from recommendations.scoring import Features, Scorer, Weights
from recommendations.variants import VARIANTS
from tests.factories import ArticleFactory, RelatedLinkFactory, SeriesFactory

NOW = datetime.datetime(2026, 12, 4, 12, tzinfo=datetime.UTC)
WEIGHTS = Weights(tag=1.0, artist=1.5, artwork=1.5, section=0.25)


def scorer():
    return Scorer(
        weights=WEIGHTS, floor=0.6, half_life_days=365, now=NOW, article_count=100,
        tag_counts={},
    )  # fmt: skip


def features(pk, *, series=None, artists=(), section=None):
    return Features(
        pk, section or pk, NOW, frozenset(), frozenset(artists), frozenset(), series_id=series
    )


def test_a_shared_series_weighs_more_than_a_shared_artist_and_passes_the_floor():
    source = features(1, series=9, artists=[5])
    same_series, same_artist = features(2, series=9), features(3, artists=[5])

    best = scorer().best(source, [same_artist, same_series], 4)

    assert [m.target_id for m in best] == [2, 3]
    assert best[0].same_series and not best[1].same_series
    assert WEIGHTS.series >= WEIGHTS.artist


def test_the_series_reason_comes_first_in_words():
    reasons = {"series": "Letters from Beijing", "artists": ["Ai Weiwei"], "section": "Art"}

    assert describe_reasons(reasons) == (
        "part of the same series (Letters from Beijing); shares the artist Ai Weiwei; "
        "same section (Art)"
    )
    assert reader_note("suggested", reasons) == "More from Letters from Beijing"


def candidate(target, score, *, series=None, kind="suggested", position=None):
    return ranking.Candidate(
        target, kind, position, score, NOW, False, target, frozenset(), {}, series
    )


def test_at_most_one_unpinned_card_of_a_series_while_others_are_left():
    """Three parts of series 9 score best; the block shows one of them, then the others."""
    pool = [candidate(1, 0.9, series=9), candidate(2, 0.8, series=9), candidate(3, 0.7, series=9),
            candidate(4, 0.3), candidate(5, 0.2)]  # fmt: skip

    order = ranking.ranked(pool, VARIANTS["standard"], NOW)

    assert [c.target_id for c in order][:3] == [1, 4, 5]
    assert {c.target_id for c in order[3:]} == {2, 3}  # still shown when nothing else is left


def test_pins_of_a_series_stay_where_they_are():
    pins = [candidate(1, 0.1, series=9, kind="pinned", position=1)]
    pool = [*pins, candidate(2, 0.9, series=9), candidate(3, 0.2)]

    order = ranking.ranked(pool, VARIANTS["standard"], NOW, placed=pins)

    assert ranking.pinned_first(pool) == pins
    assert [c.target_id for c in order] == [2, 3]  # the pin is not counted against the series


@pytest.mark.django_db
def test_the_block_reads_the_targets_series_in_its_one_query(django_assert_num_queries):
    from recommendations.selectors import block_for  # noqa: PLC0415

    series = SeriesFactory()
    source = ArticleFactory()
    for score, part in ((0.9, 1), (0.8, 2)):
        target = ArticleFactory(series=series, series_part=part)
        RelatedLinkFactory(source=source, target=target, score=score, status="suggested")
    other = ArticleFactory()
    RelatedLinkFactory(source=source, target=other, score=0.1, status="suggested")
    block_for(source)  # compiled once

    with django_assert_num_queries(1):
        block = block_for(source, size=2)

    targets = [slot.target_id for slot in block.slots]
    assert len(targets) == 2 and other.pk in targets
