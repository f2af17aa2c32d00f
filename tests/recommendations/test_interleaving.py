"""Team-draft interleaving (recommendations/interleaving.py) on known rankings, and the public
block while an experiment runs: pins kept out of the test, each other slot credited to the
scoring that drafted it, the same block on every build of the page."""

import random

import pytest
from django.template import Context, Template

from recommendations.interleaving import team_draft
from recommendations.models import Experiment, RelatedLink
from recommendations.selectors import block_for
from tests.factories import ArticleFactory, ArtistFactory, SectionFactory


def assert_is_a_team_draft(placed, ranking_a, ranking_b):
    """Each pick is its team's best link not placed before it, and the teams stay within one
    pick of each other while both have links left."""
    seen = []
    counts = {"a": 0, "b": 0}
    for target, team in placed:
        ranking = ranking_a if team == "a" else ranking_b
        assert target == next(t for t in ranking if t not in seen)
        seen.append(target)
        counts[team] += 1
    assert len(set(seen)) == len(seen)
    return counts


def test_identical_rankings_give_that_ranking():
    placed = team_draft([1, 2, 3, 4], [1, 2, 3, 4], 4, seed="x")
    assert [target for target, _ in placed] == [1, 2, 3, 4]
    counts = assert_is_a_team_draft(placed, [1, 2, 3, 4], [1, 2, 3, 4])
    assert counts == {"a": 2, "b": 2}


def test_known_draft_when_a_picks_first():
    """A = 1 2 3 4, B = 2 1 4 3. If A wins the first coin: A takes 1, B takes 2; the second
    coin decides who takes 3 (A) or 4 (B) first, the other then takes its next."""
    seed = next(s for s in map(str, range(100)) if random.Random(s).random() < 0.5)
    placed = team_draft([1, 2, 3, 4], [2, 1, 4, 3], 4, seed=seed)
    assert placed[:2] == [(1, "a"), (2, "b")]
    assert sorted(placed[2:]) == [(3, "a"), (4, "b")]


def test_teams_balance_over_many_blocks_and_are_fair():
    firsts = {"a": 0, "b": 0}
    for n in range(2000):
        placed = team_draft([1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1], 4, seed=f"e:{n}")
        counts = assert_is_a_team_draft(placed, [1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1])
        assert counts == {"a": 2, "b": 2}
        firsts[placed[0][1]] += 1
    assert 900 < firsts["a"] < 1100  # a fair coin: 1000 expected, sd 22


def test_a_ranking_run_dry_lets_the_other_pick():
    placed = team_draft([1], [2, 3, 4], 4, seed="s")
    assert sorted(t for t, _ in placed) == [1, 2, 3, 4]
    assert dict(placed)[1] == "a"
    assert all(team == "b" for target, team in placed if target != 1)


def test_fewer_links_than_slots_and_the_same_seed_the_same_draft():
    assert team_draft([], [], 4, seed="s") == []
    assert len(team_draft([1, 2], [2, 1], 4, seed="s")) == 2
    assert team_draft([1, 2, 3], [3, 2, 1], 3, seed="k") == team_draft(
        [1, 2, 3], [3, 2, 1], 3, seed="k"
    )


@pytest.fixture
def source_with_links(db, settings):
    """A source with a pin and six suggestions, four of them on one artist."""
    settings.RECOMMENDATIONS_BLOCK_SIZE = 4
    section = SectionFactory()
    artist = ArtistFactory()
    source = ArticleFactory(section=section)
    pin = ArticleFactory()
    RelatedLink.objects.create(
        source=source, target=pin, score=0.1, status=RelatedLink.Status.PINNED, position=0
    )
    for n in range(6):
        target = ArticleFactory(section=section if n < 4 else SectionFactory())
        target.featured_artists.add(artist if n < 4 else ArtistFactory())
        RelatedLink.objects.create(source=source, target=target, score=3 - n / 10)
    return source, pin


def test_the_block_during_an_experiment(source_with_links):
    source, pin = source_with_links
    outside = block_for(source)
    assert outside.experiment_id is None
    assert all(slot.team == "" for slot in outside.slots)

    experiment = Experiment.objects.create(
        name="Diversity", variant_a="score-only", variant_b="more-diverse", running=True
    )
    block = block_for(source)

    assert block.experiment_id == experiment.pk
    assert block.slots[0].target_id == pin.pk and block.slots[0].team == ""  # pins: no team
    teams = [slot.team for slot in block.slots[1:]]
    assert sorted(teams) in (["a", "a", "b"], ["a", "b", "b"])
    assert [s.position for s in block.slots] == [1, 2, 3, 4]
    assert block_for(source) == block  # the same draft on every build

    experiment.running = False
    experiment.save()
    assert block_for(source).experiment_id is None


def test_the_block_during_an_experiment_costs_no_more_queries(
    source_with_links, django_assert_num_queries
):
    source, _ = source_with_links
    Experiment.objects.create(name="E", variant_a="standard", variant_b="fresher", running=True)
    template = Template(
        "{% load recommendation_tags %}{% related_block article as block %}"
        '{% include "recommendations/related_block.html" %}'
    )
    template.render(Context({"article": source}))  # cards built and kept, the scorings read
    with django_assert_num_queries(1):
        html = template.render(Context({"article": source}))
    assert html.count('class="card__link"') == 4
