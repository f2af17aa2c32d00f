"""What an interleaving experiment's clicks say: pure arithmetic, no database.

Team-draft interleaving (recommendations/interleaving.py) shows each reader one block drawn in
turn from both scorings' rankings and credits each click to the scoring whose slot it was
(pins count for neither). If the two scorings were equally good, each click would be a fair
coin: A's clicks among n = clicks_A + clicks_B follow Binomial(n, 1/2). So:

- A's share of the clicks: clicks_A / n;
- the preference Δ = (clicks_A − clicks_B) / n, from −1 (every click B's) to +1 (every
  click A's), 0 when they draw;
- the two-sided sign test: the probability, under the fair coin, of a split at least as
  lopsided as the one seen, p = min(1, 2 · P(X ≤ min(clicks_A, clicks_B))), X ~ Bin(n, 1/2).
  Exact (the binomial terms summed in log space, so that 0.5^n does not underflow) for n up to
  EXACT_UP_TO clicks; beyond, the normal approximation with continuity correction,
  p = erfc(z / √2) with z = (|clicks_A − n/2| − 1/2) / (√n / 2), which by then agrees with the
  exact value to within half a percent of itself (tests/recommendations/
  test_experiment_results.py);
- a 95% Wilson score interval for A's share (it stays inside [0, 1] and behaves at 0 and n,
  where the textbook Wald interval collapses);
- a verdict in words: below MIN_CLICKS clicks, too few to tell; p below ALPHA, the scoring
  with more clicks is preferred; otherwise no difference detected.
"""

import math
from dataclasses import dataclass

# Exact binomial sums up to this many clicks (n lgamma calls: well under a millisecond per
# thousand); the normal approximation beyond.
EXACT_UP_TO = 5000
MIN_CLICKS = 10
ALPHA = 0.05
Z_95 = 1.959963984540054  # the standard normal's 97.5th percentile


@dataclass(frozen=True, slots=True)
class Result:
    clicks_a: int
    clicks_b: int
    share_a: float | None  # None without clicks
    preference: float | None  # Δ, None without clicks
    p_value: float | None  # None without clicks
    interval: tuple[float, float] | None  # 95% Wilson interval of A's share
    exact: bool  # the p-value is the exact binomial one (False: normal approximation)
    verdict: str

    @property
    def clicks(self) -> int:
        return self.clicks_a + self.clicks_b

    @property
    def share_b(self) -> float | None:
        return None if self.share_a is None else 1 - self.share_a

    @property
    def method(self) -> str:
        """How the p-value was computed, in words."""
        if self.exact:
            return "exact binomial"
        return f"normal approximation, more than {EXACT_UP_TO:,} clicks"


def share(clicks_a: int, clicks_b: int) -> float | None:
    n = clicks_a + clicks_b
    return clicks_a / n if n else None


def preference(clicks_a: int, clicks_b: int) -> float | None:
    """Δ = (clicks_A − clicks_B) / (clicks_A + clicks_B)."""
    n = clicks_a + clicks_b
    return (clicks_a - clicks_b) / n if n else None


def sign_test(clicks_a: int, clicks_b: int) -> float | None:
    """The two-sided sign test's p-value against a fair split (None without clicks)."""
    _check(clicks_a, clicks_b)
    n = clicks_a + clicks_b
    if n == 0:
        return None
    if n > EXACT_UP_TO:
        return _normal_p(clicks_a, n)
    return _exact_p(min(clicks_a, clicks_b), n)


def wilson_interval(clicks_a: int, clicks_b: int, z: float = Z_95) -> tuple[float, float] | None:
    """The Wilson score interval of A's share of the clicks (95% by default)."""
    _check(clicks_a, clicks_b)
    n = clicks_a + clicks_b
    if n == 0:
        return None
    p = clicks_a / n
    z2 = z * z
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half = z / denominator * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def result(clicks_a: int, clicks_b: int, *, finished: bool = False) -> Result:
    """Everything the dashboard shows of an experiment's clicks, the verdict included
    (`finished`: the experiment has stopped, so no "yet")."""
    p = sign_test(clicks_a, clicks_b)
    return Result(
        clicks_a=clicks_a,
        clicks_b=clicks_b,
        share_a=share(clicks_a, clicks_b),
        preference=preference(clicks_a, clicks_b),
        p_value=p,
        interval=wilson_interval(clicks_a, clicks_b),
        exact=clicks_a + clicks_b <= EXACT_UP_TO,
        verdict=verdict(clicks_a, clicks_b, p, finished=finished),
    )


def verdict(clicks_a: int, clicks_b: int, p: float | None, *, finished: bool = False) -> str:
    n = clicks_a + clicks_b
    if p is None or n < MIN_CLICKS:
        return f"too few clicks to tell ({_clicks(n)}; at least {MIN_CLICKS} needed)"
    if p < ALPHA:
        winner = "A" if clicks_a > clicks_b else "B"
        return f"{winner} is preferred ({format_p(p)})"
    return f"no difference detected{'' if finished else ' yet'} ({format_p(p)}; {_clicks(n)})"


def format_p(p: float) -> str:
    """ "p = 0.41", "p = 0.057", "p = 0.003", "p < 0.001": enough digits to tell a value near
    ALPHA from ALPHA."""
    if p < 0.001:
        return "p < 0.001"
    if p < 0.1:
        return f"p = {p:.3f}"
    return f"p = {p:.2f}"


def _clicks(n: int) -> str:
    return "1 click" if n == 1 else f"{n:,} clicks"


def _check(clicks_a: int, clicks_b: int) -> None:
    if clicks_a < 0 or clicks_b < 0:
        raise ValueError("Click counts cannot be negative.")


def _log_pmf(k: int, n: int) -> float:
    """log P(X = k) for X ~ Bin(n, 1/2): log C(n, k) − n log 2."""
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1) - n * math.log(2)


def _exact_p(low: int, n: int) -> float:
    """2 · P(X ≤ low), capped at 1, summed in log space (log-sum-exp from the largest term)."""
    terms = [_log_pmf(k, n) for k in range(low + 1)]
    top = max(terms)
    tail = math.exp(top) * math.fsum(math.exp(term - top) for term in terms)
    return min(1.0, 2 * tail)


def _normal_p(clicks_a: int, n: int) -> float:
    z = (abs(clicks_a - n / 2) - 0.5) / (math.sqrt(n) / 2)
    if z <= 0:
        return 1.0
    return min(1.0, math.erfc(z / math.sqrt(2)))
