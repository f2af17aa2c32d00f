"""The block's ranking (recommendations/ranking.py): near-duplicates pushed down, pins never
moved, approved links before suggestions, freshness and the evergreen flag; pure functions on
known candidates, then the public block on real rows."""

import datetime

import pytest
from django.utils import timezone

from recommendations import ranking
from recommendations.models import RelatedLink
from recommendations.selectors import block_for
from recommendations.variants import VARIANTS
from tests.factories import ArticleFactory, ArtistFactory, SectionFactory

NOW = datetime.datetime(2026, 12, 4, 12, tzinfo=datetime.UTC)
STANDARD, SCORE_ONLY = VARIANTS["standard"], VARIANTS["score-only"]
FRESHER = VARIANTS["fresher"]


def candidate(target, score, *, kind="suggested", artists=(), section=1, age_days=10, **more):
    return ranking.Candidate(
        target_id=target,
        kind=kind,
        position=more.get("position"),
        score=score,
        published_at=NOW - datetime.timedelta(days=age_days),
        evergreen=more.get("evergreen", False),
        section_id=section,
        artists=frozenset(artists),
        reasons=more.get("reasons", {}),
    )


def ids(candidates):
    return [c.target_id for c in candidates]


def test_four_articles_on_one_artist_do_not_fill_the_block():
    """The four best links are all on artist 7 in one section; two weaker ones are on others.
    Score alone shows the four; the standard scoring shows two of them and the two others."""
    same = [candidate(n, 3.0 - n / 10, artists=[7]) for n in range(1, 5)]
    others = [candidate(10, 1.9, artists=[8], section=2), candidate(11, 1.8, artists=[9])]
    pool = same + others

    assert ids(ranking.ranked(pool, SCORE_ONLY, NOW))[:4] == [1, 2, 3, 4]
    shown = ids(ranking.ranked(pool, STANDARD, NOW))[:4]
    assert shown[0] == 1  # the best link still leads
    assert {10, 11} <= set(shown)
    assert len({1, 2, 3, 4} & set(shown)) == 2


def test_likeness_counts_artists_shared_works_tags_and_section():
    one = candidate(1, 1, artists=[7], reasons={"tags": ["ink"], "artworks": ["Urn"]})
    twin = candidate(2, 1, artists=[7], reasons={"tags": ["ink"], "artworks": ["Urn"]})
    stranger = candidate(3, 1, artists=[8], section=2, reasons={"tags": ["oil"]})
    assert ranking.likeness(one, twin) == pytest.approx(1.0)
    assert ranking.likeness(one, stranger) == 0
    assert ranking.likeness(one, candidate(4, 1)) == pytest.approx(ranking.SECTION_SHARE)


def test_diversity_never_leaves_a_slot_empty():
    """When every link is on the same artist, the block is still full, best first."""
    pool = [candidate(n, 5 - n, artists=[7]) for n in range(1, 6)]
    assert ids(ranking.ranked(pool, STANDARD, NOW)) == [1, 2, 3, 4, 5]


def test_pins_are_never_ranked_but_count_as_shown():
    """Pins keep their order and are not in the ranking; a link like a pin is pushed down."""
    pin = candidate(1, 0.1, kind="pinned", position=0, artists=[7])
    late_pin = candidate(2, 9.0, kind="pinned", position=1, artists=[8])
    like_pin = candidate(3, 3.0, artists=[7])
    unlike = candidate(4, 2.5, artists=[9], section=2)
    pool = [late_pin, like_pin, pin, unlike]

    pins = ranking.pinned_first(pool)
    assert ids(pins) == [1, 2]
    assert ids(ranking.ranked(pool, STANDARD, NOW, placed=pins)) == [4, 3]
    assert ids(ranking.ranked(pool, SCORE_ONLY, NOW, placed=pins)) == [3, 4]


def test_approved_links_come_before_suggestions_in_their_order():
    pool = [
        candidate(1, 5.0, artists=[1], section=1),
        candidate(2, 0.7, kind="approved", artists=[2], section=2),
        candidate(3, 0.9, kind="approved", position=0, artists=[3], section=3),
    ]
    for variant in (STANDARD, SCORE_ONLY):
        assert ids(ranking.ranked(pool, variant, NOW)) == [3, 2, 1]


def test_freshness_decays_old_targets_but_not_evergreen_ones():
    old = candidate(1, 2.0, age_days=1000, artists=[1])
    new = candidate(2, 1.5, age_days=1, artists=[2], section=2)
    old_evergreen = candidate(3, 2.0, age_days=1000, artists=[3], section=3, evergreen=True)

    assert ranking.freshness(old, STANDARD, NOW) == 1  # the standard scoring adds no decay
    assert ranking.freshness(new, FRESHER, NOW) == pytest.approx(
        FRESHER.freshness_floor + (1 - FRESHER.freshness_floor) * 0.5 ** (1 / 180)
    )
    assert ranking.freshness(old, FRESHER, NOW) < 0.3
    assert ranking.freshness(old_evergreen, FRESHER, NOW) == 1
    assert ids(ranking.ranked([old, new], STANDARD, NOW)) == [1, 2]
    assert ids(ranking.ranked([old, new, old_evergreen], FRESHER, NOW)) == [3, 2, 1]


@pytest.mark.django_db
def test_the_public_block_is_diverse_and_keeps_its_pins(settings):
    """On real rows: a pin on artist A stays first; the three near-duplicates of it (artist A,
    same section) give way to links on other artists."""
    settings.RECOMMENDATIONS_BLOCK_SIZE = 4
    section = SectionFactory()
    artist, others = ArtistFactory(), [ArtistFactory() for _ in range(3)]
    source = ArticleFactory(section=section)
    pinned = ArticleFactory(section=section)
    pinned.featured_artists.add(artist)
    twins = []
    for n in range(3):
        twin = ArticleFactory(section=section)
        twin.featured_artists.add(artist)
        twins.append(twin)
        RelatedLink.objects.create(source=source, target=twin, score=3 - n / 10)
    varied = []
    for n, other in enumerate(others):
        article = ArticleFactory(section=SectionFactory())
        article.featured_artists.add(other)
        varied.append(article)
        RelatedLink.objects.create(source=source, target=article, score=2 - n / 10)
    RelatedLink.objects.create(
        source=source, target=pinned, score=0.1, status=RelatedLink.Status.PINNED, position=0
    )

    slots = block_for(source).slots
    assert [s.target_id for s in slots][0] == pinned.pk
    assert slots[0].kind == "pinned"
    shown = {s.target_id for s in slots[1:]}
    assert len(shown & {t.pk for t in twins}) <= 1
    assert len(shown & {a.pk for a in varied}) >= 2

    settings.RECOMMENDATIONS_VARIANT = "score-only"
    assert [s.target_id for s in block_for(source).slots] == [pinned.pk] + [t.pk for t in twins]


@pytest.mark.django_db
def test_an_evergreen_target_is_not_decayed_in_the_block(settings):
    settings.RECOMMENDATIONS_VARIANT = "fresher"
    source = ArticleFactory()
    long_ago = timezone.now() - datetime.timedelta(days=3000)
    old = ArticleFactory(published_at=long_ago)
    classic = ArticleFactory(published_at=long_ago, evergreen=True)
    recent = ArticleFactory()
    for target, score in ((old, 2.0), (classic, 1.6), (recent, 1.2)):
        RelatedLink.objects.create(source=source, target=target, score=score)

    assert [s.target_id for s in block_for(source).slots] == [classic.pk, recent.pk, old.pk]


def test_near_duplicates_wait_even_for_a_much_weaker_link():
    """Four near-identical links (one artist, one section, the same shared tags) far above a
    weak one: the weak one is shown second, and the near-duplicates fill what is left."""
    reasons = {"tags": ["porcelain", "protest"]}
    twins = [candidate(n, 3.0 - n / 10, artists=[7], reasons=reasons) for n in range(1, 5)]
    weak = candidate(10, 0.7, artists=[8], section=2)
    order = ids(ranking.ranked([*twins, weak], STANDARD, NOW))
    assert order[:2] == [1, 10]
    assert order[2:] == [2, 3, 4]


def test_an_artist_has_at_most_two_links_while_others_are_left():
    """Links on one artist but otherwise unalike (other sections, other shared tags): two of
    them, then the others, then the third."""
    same_artist = [
        candidate(n, 3.0 - n / 10, artists=[7], section=n, reasons={"tags": [f"t{n}"]})
        for n in range(1, 4)
    ]
    others = [candidate(10, 0.8, artists=[8], section=20), candidate(11, 0.7, section=21)]
    assert ids(ranking.ranked([*same_artist, *others], STANDARD, NOW)) == [1, 2, 10, 11, 3]


def test_a_pinned_artist_counts_toward_the_cap():
    pins = [candidate(1, 0, kind="pinned", position=0, artists=[7], section=5)]
    pool = [
        *pins,
        candidate(2, 3.0, artists=[7], section=2, reasons={"tags": ["a"]}),
        candidate(3, 2.9, artists=[7], section=3, reasons={"tags": ["b"]}),
        candidate(4, 0.5, artists=[9], section=4),
    ]
    assert ids(ranking.ranked(pool, STANDARD, NOW, placed=pins)) == [2, 4, 3]


def test_alike_approved_links_are_not_dropped_for_suggestions():
    """Four approved links in one section, each pair sharing two of their four tags (likeness
    0.6: alike, not near-duplicates), stay ahead of four unrelated suggestions, under every
    scoring."""
    tags = [["a", "b", "c"], ["a", "b", "d"], ["a", "c", "d"], ["b", "c", "d"]]
    approved = [
        candidate(n, 1.0, kind="approved", reasons={"tags": tags[n - 1]}) for n in range(1, 5)
    ]
    suggested = [candidate(10 + n, 3.0, artists=[n], section=10 + n) for n in range(4)]
    for key in ("standard", "more-diverse", "fresher"):
        order = ids(ranking.ranked([*approved, *suggested], VARIANTS[key], NOW))
        assert set(order[:4]) == {1, 2, 3, 4}, key
