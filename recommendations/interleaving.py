"""Team-draft interleaving (Radlinski, Kurup and Joachims 2008): two scorings compared on the
same blocks. The unpinned slots are filled in rounds; in each round a coin says which scoring
picks first, and each scoring picks its best link not already placed. Every slot is credited
to the scoring ("team") that picked it, and every click to the team of its slot
(recommendations/counting/): the scoring whose links readers click more is preferred. Each
reader sees a block both scorings had a fair share in, so far fewer readers are needed than for
an A/B split (experiment_results.py tells the result and its confidence).

Pins are not in the test: they keep their slots and belong to no team.

The block's diversity rules (ranking.py: one unpinned part of a series, no near-duplicate of a
link shown, no third link on one artist) hold across the teams: each scoring's ranking keeps
them on its own, but one team's pick may break them next to the other's. So a team passes over
a link that `held_back` says would break them after the links placed so far (the pins
included), while it has any other left, and picks its best link that breaks none; with nothing
else left, its best that breaks only the weaker rules (the series cap goes first, as in
ranked()), else its best as before (the rules never empty a slot). The pick is still the
team's own, and credited to it.

The coins are drawn from a generator seeded by the experiment and the source article: a page
built again (the page cache rebuilds it after any change) shows the same block, and across the
site's many articles the coins are fair."""

import random
from collections.abc import Callable, Sequence


def team_draft(
    ranking_a: Sequence[int],
    ranking_b: Sequence[int],
    slots: int,
    *,
    seed: str,
    held_back: Callable[[int, list[int]], int] | None = None,
) -> list[tuple[int, str]]:
    """Up to `slots` (target id, team) pairs drawn from two rankings of the same links.
    `held_back(target, placed)`: how firmly the block's rules hold `target` back after the
    targets `placed` so far (0: not at all; a higher number, more firmly; None: nothing is held
    back). A team takes its best link of the lowest such rank."""
    coin = random.Random(seed)  # noqa: S311 (a fair coin for an experiment, not a secret)
    placed: list[tuple[int, str]] = []
    taken: set[int] = set()
    picks = {"a": 0, "b": 0}
    rankings = {"a": list(ranking_a), "b": list(ranking_b)}
    cursor = {"a": 0, "b": 0}

    def next_of(team):
        ranking = rankings[team]
        while cursor[team] < len(ranking) and ranking[cursor[team]] in taken:
            cursor[team] += 1
        left = [target for target in ranking[cursor[team] :] if target not in taken]
        if not left:
            return None
        if held_back is not None:
            placed_ids = [target for target, _ in placed]
            ranks = [held_back(t, placed_ids) for t in left]
            return left[ranks.index(min(ranks))]
        return left[0]

    while len(placed) < slots:
        if next_of("a") is None and next_of("b") is None:
            break
        if picks["a"] != picks["b"]:
            team = "a" if picks["a"] < picks["b"] else "b"
        else:
            team = "a" if coin.random() < 0.5 else "b"
        if next_of(team) is None:  # this scoring has nothing left: the other picks
            team = "b" if team == "a" else "a"
        target = next_of(team)
        taken.add(target)
        placed.append((target, team))
        picks[team] += 1
    return placed
