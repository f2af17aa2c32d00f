"""The block's diversity rules hold across the two teams of an experiment's draft
(interleaving.team_draft with ranking.held_back): a team passes over a near-duplicate of a link
already placed, or a link on an artist who already has ARTIST_CAP links (pins included), while
it has another left; with nothing else left it still fills the slot. Each pick stays its
team's, and the teams stay within one pick of each other."""

import datetime
import random

import pytest
from django.utils import timezone

from recommendations import ranking, selectors
from recommendations.interleaving import team_draft
from recommendations.models import Experiment, RelatedLink
from recommendations.selectors import block_for
from tests.factories import ArticleFactory, ArtistFactory, SectionFactory

A_FIRST = next(s for s in map(str, range(100)) if random.Random(s).random() < 0.5)
B_FIRST = next(s for s in map(str, range(100)) if random.Random(s).random() >= 0.5)


def twins(*pairs):
    """A held_back of known near-duplicate pairs."""
    alike = {frozenset(pair) for pair in pairs}
    return lambda target, placed: any(frozenset((target, p)) in alike for p in placed)


def test_without_rules_the_second_team_takes_the_near_duplicate():
    """The draft as it was: A = 1 2 3 4 5, B = 2 1 3 4 5, 1 and 2 near-duplicates."""
    placed = team_draft([1, 2, 3, 4, 5], [2, 1, 3, 4, 5], 4, seed=A_FIRST)
    assert placed[:2] == [(1, "a"), (2, "b")]


@pytest.mark.parametrize("seed, first", [(A_FIRST, (1, "a")), (B_FIRST, (2, "b"))])
def test_the_other_team_passes_over_a_near_duplicate_of_the_first_pick(seed, first):
    placed = team_draft([1, 2, 3, 4, 5], [2, 1, 3, 4, 5], 4, seed=seed, held_back=twins((1, 2)))
    assert placed[:2] == [first, (3, "b" if first[1] == "a" else "a")]
    assert {1, 2} - {target for target, _ in placed}  # never both twins
    assert sorted(team for _, team in placed) == ["a", "a", "b", "b"]  # fair: two picks each


def test_a_team_picks_its_own_best_allowed_link_and_keeps_the_credit():
    """B ranks 2 (a twin of A's 1) then 5: it takes 5, its own choice, not A's next."""
    placed = team_draft([1, 3, 4, 5], [2, 5, 3, 4], 2, seed=A_FIRST, held_back=twins((1, 2)))
    assert placed == [(1, "a"), (5, "b")]


def test_with_nothing_else_left_the_slot_is_still_filled():
    placed = team_draft([1, 2], [2, 1], 4, seed=A_FIRST, held_back=twins((1, 2)))
    assert sorted(placed) == [(1, "a"), (2, "b")]


def test_held_back_on_known_candidates():
    def card(target, artists, tags, section):
        return ranking.Candidate(
            target, "suggested", None, 1.0, None, False, section, frozenset(artists),
            {"tags": tags},
        )  # fmt: skip

    pin = card(1, {7}, ["a", "b"], 1)
    one = card(2, {7}, ["c", "d"], 2)
    near = card(3, {8}, ["c", "d"], 2)  # the same traits but the artist: 0.8 x 2/4 + 0.2 = 0.6
    twin = card(4, {7}, ["c", "d"], 2)  # the same as `one`: likeness 1
    third = card(5, {7}, ["x", "y"], 3)  # artist 7's third link
    other = card(6, {9}, ["z"], 4)
    assert not ranking.held_back(one, [pin])  # artist 7's second link: allowed
    assert ranking.held_back(twin, [pin, one])  # near-duplicate of `one`
    assert not ranking.held_back(near, [pin, one])  # alike, below 0.75
    assert ranking.held_back(third, [pin, one])  # ARTIST_CAP, the pin included
    assert not ranking.held_back(third, [pin])
    assert not ranking.held_back(other, [pin, one, twin, third])
    assert not ranking.held_back(other, [])


@pytest.fixture
def artist_heavy_source(db, settings, monkeypatch):
    """A pin on artist X, then X's two strongest links: one old (the standard scoring's first),
    one new (the fresher scoring's first, its rival decayed), unlike each other; and three
    weaker links on three other artists. Each scoring alone shows X twice: the pin and its own
    first."""
    settings.RECOMMENDATIONS_BLOCK_SIZE = 4
    # The scorings of each experiment id are kept per process; ids come again after a rollback.
    monkeypatch.setattr(selectors, "_experiments", {})
    now = timezone.now()
    x = ArtistFactory(name="X")
    source = ArticleFactory()

    def target(name, artist, score, days, tags, **link):
        article = ArticleFactory(
            title=name, section=SectionFactory(), published_at=now - datetime.timedelta(days=days)
        )
        article.featured_artists.add(artist)
        RelatedLink.objects.create(
            source=source, target=article, score=score, reasons={"tags": tags}, **link
        )
        return article

    pin = target("Pin on X", x, 0.1, 10, ["p1", "p2"], status="pinned", position=0)
    old = target("Old on X", x, 3.0, 1500, ["o1", "o2", "o3"])
    new = target("New on X", x, 2.6, 5, ["n1", "n2", "n3"])
    others = [target(f"Other {n}", ArtistFactory(), 1.0 - n / 10, 5, [f"t{n}"]) for n in range(3)]
    Experiment.objects.create(name="Fresh", variant_a="standard", variant_b="fresher", running=True)
    return source, x, pin, old, new, others


def test_the_experiments_block_shows_no_third_link_on_one_artist(artist_heavy_source):
    source, x, pin, old, new, _ = artist_heavy_source
    block = block_for(source)
    assert block.slots[0].target_id == pin.pk and block.slots[0].team == ""  # never moved
    shown = [slot.target_id for slot in block.slots]
    on_x = set(x.featured_in.values_list("pk", flat=True)) & set(shown)
    assert len(shown) == 4
    assert len(on_x) == 2  # the pin and one of the two, not both
    assert len({old.pk, new.pk} & set(shown)) == 1
    teams = [slot.team for slot in block.slots[1:]]
    assert sorted(teams) in (["a", "a", "b"], ["a", "b", "b"])
    # The one on X that is shown is the pick of the team whose first it is.
    shown_x = block.slots[1]
    assert shown_x.target_id in (old.pk, new.pk)
    assert shown_x.team == ("a" if shown_x.target_id == old.pk else "b")
