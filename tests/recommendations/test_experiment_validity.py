"""The experiments' test is valid (recommendations/experiment_results.py): simulated
experiments, seeded, pure arithmetic. Under "no difference" with clicks clustered by source
article (as they are: every reader of one article sees the same interleaved block), the sign
test over articles calls a difference about as rarely as it promises (5%), where a test that
took every click for a fair coin calls one most of the time; and under a real difference it
finds it.

The simulated site: ARTICLES source articles whose block views fall off steeply with their rank
(a few popular articles hold most of the views), each block SLOTS slots drafted as
recommendations/interleaving.py drafts them (in each round of two a fair coin says which
scoring picks first). A slot's click-through rate is its position's (readers click the first
slots more) times an attractiveness drawn at random for each article and slot (some links
just appeal more), so one article's clicks hang together: its draft and its links decide
hundreds of clicks at once."""

import random

from recommendations import experiment_results

ARTICLES = 150
SLOTS = 6
POSITION = (1.0, 0.7, 0.5, 0.4, 0.3, 0.25)  # clicks by position, relative to the first slot
BASE_RATE = 0.01  # the first slot's click-through rate, before attractiveness
RUNS = 400
POWER_RUNS = 200


def draft(chance: random.Random) -> list[str]:
    """The teams of one block's slots: each round of two, a fair coin picks who goes first."""
    teams = []
    for _round in range(SLOTS // 2):
        first = "a" if chance.random() < 0.5 else "b"
        teams += [first, "b" if first == "a" else "a"]
    return teams


def experiment(chance: random.Random, *, lift_a: float = 1.0) -> list[tuple[int, int]]:
    """One simulated experiment: (clicks_A, clicks_B) of each source article. `lift_a`: how
    much more often A's picks are clicked than B's (1: equally good)."""
    per_article = []
    for rank in range(1, ARTICLES + 1):
        views = int(40_000 / rank**1.1)  # 40,000 for the first, 150 for the last
        clicks = {"a": 0, "b": 0}
        for position, team in enumerate(draft(chance)):
            rate = BASE_RATE * POSITION[position] * chance.lognormvariate(0, 1)
            rate *= lift_a if team == "a" else 1
            clicks[team] += chance.binomialvariate(views, min(rate, 1.0))
        per_article.append((clicks["a"], clicks["b"]))
    return per_article


def per_click_p(per_article: list[tuple[int, int]]) -> float:
    """The former test: every click a fair coin, Binomial(all clicks, 1/2)."""
    return experiment_results.sign_test(
        sum(a for a, _b in per_article), sum(b for _a, b in per_article)
    )


def test_under_no_difference_the_articles_test_keeps_its_promise_and_the_clicks_test_does_not():
    """400 experiments where A and B are equally good: the sign test over articles finds a
    difference in at most 7% of them (5% promised, the exact test is a little conservative);
    the per-click test, on the same clicks, in more than half."""
    chance = random.Random(20)
    false_by_article = false_by_click = 0
    clicks = []
    for _run in range(RUNS):
        per_article = experiment(chance)
        false_by_article += experiment_results.result(per_article).p_value < 0.05
        false_by_click += per_click_p(per_article) < 0.05
        clicks.append(sum(a + b for a, b in per_article))

    assert false_by_article / RUNS <= 0.07
    assert false_by_click / RUNS > 0.5
    assert min(clicks) > 2_000  # thousands of clicks each: not a small-sample artefact


def test_a_real_difference_is_found():
    """200 experiments where A's picks are clicked 1.5 times as often as B's: the sign test
    over 150 articles says A is preferred in more than 80% of them, and never B."""
    chance = random.Random(21)
    verdicts = [
        experiment_results.result(experiment(chance, lift_a=1.5)).verdict
        for _run in range(POWER_RUNS)
    ]

    found = sum(verdict.startswith("A is preferred") for verdict in verdicts)
    assert found / POWER_RUNS > 0.8
    assert not any(verdict.startswith("B is preferred") for verdict in verdicts)
