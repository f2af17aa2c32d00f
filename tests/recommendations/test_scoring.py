"""Scoring on crafted cases: rarity, artists over sections, the floor, recency."""

import datetime as dt

import pytest

from recommendations.scoring import Features, Scorer, Weights

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
WEIGHTS = Weights(tag=1.0, artist=1.5, artwork=1.5, section=0.25)


def article(pk, *, section=1, tags=(), artists=(), artworks=(), age_days=0):
    return Features(
        id=pk,
        section_id=section,
        published_at=NOW - dt.timedelta(days=age_days),
        tags=frozenset(tags),
        artists=frozenset(artists),
        artworks=frozenset(artworks),
    )


def scorer(*, tag_counts=None, articles=1000, floor=0.6, half_life=365):
    return Scorer(
        weights=WEIGHTS,
        floor=floor,
        half_life_days=half_life,
        now=NOW,
        article_count=articles,
        tag_counts=tag_counts or {},
    )


def test_rare_shared_tag_outranks_a_common_one():
    """A tag on 2 of 1,000 articles counts for far more than one on half of them."""
    rare, common = 1, 2
    s = scorer(tag_counts={rare: 2, common: 500}, floor=0.05)
    source = article(1, tags=[rare, common], section=1)
    shares_rare = article(2, tags=[rare], section=2)
    shares_common = article(3, tags=[common], section=3)

    best = s.best(source, [shares_common, shares_rare], 4)

    assert [match.target_id for match in best] == [2, 3]
    assert s.tag_weight(rare) > 0.8
    assert s.tag_weight(common) < 0.11


def test_shared_artist_outranks_shared_section():
    """Sharing an artist is strong; sharing only a section is weak."""
    s = scorer(floor=0.2)
    source = article(1, section=1, artists=[7])
    same_artist = article(2, section=2, artists=[7])
    same_section = article(3, section=1)

    best = s.best(source, [same_section, same_artist], 4)

    assert [match.target_id for match in best] == [2, 3]
    assert best[0].score > best[1].score


def test_below_the_floor_nothing_shows():
    """Weak matches are left out rather than padding the block."""
    s = scorer(tag_counts={5: 400}, floor=0.6)
    source = article(1, tags=[5], section=1)
    weak = [article(2, tags=[5], section=1), article(3, section=1)]

    assert s.best(source, weak, 4) == []


def test_never_the_article_itself():
    """A source never recommends itself, however much it shares with itself."""
    s = scorer()
    source = article(1, artists=[1], tags=[1])
    assert s.best(source, [source], 4) == []


def test_shared_artwork_is_weighted_like_an_artist():
    """A shared featured artwork passes the floor on its own."""
    s = scorer()
    match = s.relatedness(article(1, artworks=[9]), article(2, section=2, artworks=[9]))
    assert match.score == pytest.approx(1.5)
    assert match.artworks == (9,)


@pytest.mark.parametrize(
    ("age_days", "factor"), [(0, 1.0), (365, 0.75), (730, 0.625), (36500, 0.5)]
)
def test_recency_is_a_gentle_preference(age_days, factor):
    """Recency multiplies by 1 today, 0.75 at one half-life, and never less than 0.5."""
    assert scorer().recency(NOW - dt.timedelta(days=age_days)) == pytest.approx(factor, abs=1e-3)


def test_recency_orders_equally_related_targets():
    """Of two equally related targets the newer one comes first."""
    s = scorer()
    source = article(1, artists=[3])
    old = article(2, section=2, artists=[3], age_days=2000)
    new = article(3, section=2, artists=[3], age_days=10)

    assert [m.target_id for m in s.best(source, [old, new], 4)] == [3, 2]


def test_old_but_related_still_passes_the_floor():
    """The floor judges relatedness, not age: an archive piece that is truly related shows."""
    s = scorer(tag_counts={1: 2})
    source = article(1, tags=[1])
    archive = article(2, section=2, tags=[1], age_days=20 * 365)

    assert [m.target_id for m in s.best(source, [archive], 4)] == [2]


def test_best_respects_the_limit_and_reports_what_is_shared():
    """The best `limit` targets, each with the tags, artists and section they share."""
    s = scorer(tag_counts={1: 3, 2: 3})
    source = article(1, section=4, tags=[1, 2], artists=[8])
    targets = [article(n, section=4, tags=[1], artists=[8]) for n in range(2, 8)]

    best = s.best(source, targets, 3)

    assert len(best) == 3
    assert best[0].tags == (1,) and best[0].artists == (8,) and best[0].same_section


def test_excluded_targets_leave_room_for_the_next_best():
    """Targets a person decided on are skipped, and the limit counts only the others."""
    s = scorer()
    source = article(1, artists=[5])
    targets = [article(n, section=2, artists=[5], age_days=n) for n in range(2, 6)]

    best = s.best(source, targets, 2, excluding={2})

    assert [m.target_id for m in best] == [3, 4]
