"""What an interleaving experiment's clicks say: pure arithmetic, no database.

Team-draft interleaving (recommendations/interleaving.py) credits each click to the scoring
whose slot it was (pins count for neither). The coins of the draft are seeded by the experiment
and the source article, so every reader of one article sees the same interleaved block: clicks
come in clusters, one per source article, and are not independent coins. One popular article
whose draft happened to give A its first slot yields hundreds of "A" clicks that say one thing
(where A's link stood), not hundreds. A test that took each click for a fair coin would call a
difference where there is none far more often than it says (tests/recommendations/
test_experiment_validity.py: more than half the time, against 5% promised).

So the unit of the test is the source article, and articles are independent of each other:

- each article with clicks is won by the scoring with more of its clicks; an article whose
  clicks split evenly is tied and counts for neither;
- if the two scorings were equally good, each decided article would be a fair coin (the draft's
  coins are fair, so A and B are exchangeable within an article): A's wins among
  n = wins_A + wins_B follow Binomial(n, 1/2);
- the two-sided sign test over the decided articles: the probability, under the fair coin, of
  a split at least as lopsided as the one seen, p = min(1, 2 · P(X ≤ min(wins_A, wins_B))),
  X ~ Bin(n, 1/2). Exact (the binomial terms summed in log space, so that 0.5^n does not
  underflow) for n up to EXACT_UP_TO; beyond, the normal approximation with continuity
  correction, p = erfc(z / √2) with z = (|wins_A − n/2| − 1/2) / (√n / 2), which by then agrees
  with the exact value to within half a percent of itself (tests/recommendations/
  test_experiment_results.py);
- a 95% Wilson score interval for A's share of the decided articles (it stays inside [0, 1]
  and behaves at 0 and n, where the textbook Wald interval collapses);
- a verdict in words: below MIN_ARTICLES decided articles, too few to tell; p below ALPHA, the
  scoring that won more articles is preferred; otherwise no difference detected.

The clicks themselves are kept as a description: each scoring's total, A's share of them and
the preference Δ = (clicks_A − clicks_B) / (clicks_A + clicks_B), from −1 (every click B's) to
+1; no interval or p-value is given for them. Clicks counted before clicks were counted per
article (`unattributed`) are in the totals and out of the test.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass

# Exact binomial sums up to this many decided articles (n lgamma calls: well under a
# millisecond per thousand); the normal approximation beyond.
EXACT_UP_TO = 5000
MIN_ARTICLES = 10
ALPHA = 0.05
Z_95 = 1.959963984540054  # the standard normal's 97.5th percentile


@dataclass(frozen=True, slots=True)
class Result:
    # The test, over source articles.
    wins_a: int  # articles where A's slots had more clicks than B's
    wins_b: int
    ties: int  # articles with clicks, as many for A as for B
    p_value: float | None  # None without a decided article
    interval: tuple[float, float] | None  # 95% Wilson interval of A's share of decided articles
    exact: bool  # the p-value is the exact binomial one (False: normal approximation)
    verdict: str
    # The description, over clicks (those counted before per-article counting included).
    clicks_a: int
    clicks_b: int
    unattributed: int = 0  # clicks without a source article: in the totals, not in the test

    @property
    def decided(self) -> int:
        return self.wins_a + self.wins_b

    @property
    def articles_share_a(self) -> float | None:
        """A's share of the decided articles; None without any."""
        return share(self.wins_a, self.wins_b)

    @property
    def clicks(self) -> int:
        return self.clicks_a + self.clicks_b

    @property
    def share_a(self) -> float | None:
        """A's share of the clicks (a description, not the test); None without clicks."""
        return share(self.clicks_a, self.clicks_b)

    @property
    def share_b(self) -> float | None:
        return None if self.share_a is None else 1 - self.share_a

    @property
    def preference(self) -> float | None:
        """Δ of the clicks (a description, not the test)."""
        return preference(self.clicks_a, self.clicks_b)

    @property
    def method(self) -> str:
        """How the p-value was computed, in words."""
        if self.exact:
            return "exact binomial"
        return f"normal approximation, more than {EXACT_UP_TO:,} articles"


def share(count_a: int, count_b: int) -> float | None:
    n = count_a + count_b
    return count_a / n if n else None


def preference(clicks_a: int, clicks_b: int) -> float | None:
    """Δ = (clicks_A − clicks_B) / (clicks_A + clicks_B)."""
    n = clicks_a + clicks_b
    return (clicks_a - clicks_b) / n if n else None


def sign_test(wins_a: int, wins_b: int) -> float | None:
    """The two-sided sign test's p-value against a fair split of the n = wins_a + wins_b
    decided articles (None without any)."""
    _check(wins_a, wins_b)
    n = wins_a + wins_b
    if n == 0:
        return None
    if n > EXACT_UP_TO:
        return _normal_p(wins_a, n)
    return _exact_p(min(wins_a, wins_b), n)


def wilson_interval(wins_a: int, wins_b: int, z: float = Z_95) -> tuple[float, float] | None:
    """The Wilson score interval of A's share of the decided articles (95% by default)."""
    _check(wins_a, wins_b)
    n = wins_a + wins_b
    if n == 0:
        return None
    p = wins_a / n
    z2 = z * z
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half = z / denominator * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def wins(per_article: Iterable[tuple[int, int]]) -> tuple[int, int, int]:
    """(articles A won, articles B won, articles tied) from each article's (clicks_A, clicks_B);
    an article without clicks is none of them."""
    won_a = won_b = tied = 0
    for clicks_a, clicks_b in per_article:
        _check(clicks_a, clicks_b)
        if clicks_a > clicks_b:
            won_a += 1
        elif clicks_b > clicks_a:
            won_b += 1
        elif clicks_a:
            tied += 1
    return won_a, won_b, tied


def result(
    per_article: Iterable[tuple[int, int]],
    *,
    unattributed: tuple[int, int] = (0, 0),
    finished: bool = False,
) -> Result:
    """Everything the dashboard shows of an experiment: the test over its source articles, each
    given as (clicks_A, clicks_B), and the click totals, which add the clicks counted before
    clicks were counted per article (`unattributed`, as (clicks_A, clicks_B)) and leave them out
    of the test. `finished`: the experiment has stopped, so no "yet" in the verdict."""
    per_article = list(per_article)
    _check(*unattributed)
    won_a, won_b, tied = wins(per_article)
    p = sign_test(won_a, won_b)
    return Result(
        wins_a=won_a,
        wins_b=won_b,
        ties=tied,
        p_value=p,
        interval=wilson_interval(won_a, won_b),
        exact=won_a + won_b <= EXACT_UP_TO,
        verdict=verdict(won_a, won_b, p, finished=finished),
        clicks_a=sum(a for a, _b in per_article) + unattributed[0],
        clicks_b=sum(b for _a, b in per_article) + unattributed[1],
        unattributed=sum(unattributed),
    )


def verdict(wins_a: int, wins_b: int, p: float | None, *, finished: bool = False) -> str:
    n = wins_a + wins_b
    if p is None or n < MIN_ARTICLES:
        return f"too few articles to tell ({_decided(n)}; at least {MIN_ARTICLES} needed)"
    if p < ALPHA:
        winner = "A" if wins_a > wins_b else "B"
        return f"{winner} is preferred ({format_p(p)}; {_decided(n)})"
    return f"no difference detected{'' if finished else ' yet'} ({format_p(p)}; {_decided(n)})"


def format_p(p: float) -> str:
    """ "p = 0.41", "p = 0.057", "p = 0.003", "p < 0.001": enough digits to tell a value near
    ALPHA from ALPHA."""
    if p < 0.001:
        return "p < 0.001"
    if p < 0.1:
        return f"p = {p:.3f}"
    return f"p = {p:.2f}"


def _decided(n: int) -> str:
    return "1 article decided" if n == 1 else f"{n:,} articles decided"


def _check(count_a: int, count_b: int) -> None:
    if count_a < 0 or count_b < 0:
        raise ValueError("Counts of clicks or articles cannot be negative.")


def _log_pmf(k: int, n: int) -> float:
    """log P(X = k) for X ~ Bin(n, 1/2): log C(n, k) − n log 2."""
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1) - n * math.log(2)


def _exact_p(low: int, n: int) -> float:
    """2 · P(X ≤ low), capped at 1, summed in log space (log-sum-exp from the largest term)."""
    terms = [_log_pmf(k, n) for k in range(low + 1)]
    top = max(terms)
    tail = math.exp(top) * math.fsum(math.exp(term - top) for term in terms)
    return min(1.0, 2 * tail)


def _normal_p(wins_a: int, n: int) -> float:
    z = (abs(wins_a - n / 2) - 0.5) / (math.sqrt(n) / 2)
    if z <= 0:
        return 1.0
    return min(1.0, math.erfc(z / math.sqrt(2)))
