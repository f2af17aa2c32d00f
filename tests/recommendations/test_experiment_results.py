"""The interleaving arithmetic (recommendations/experiment_results.py) on known inputs."""

import math
from fractions import Fraction

import pytest

from recommendations import experiment_results as results


def exact_two_sided(clicks_a: int, clicks_b: int) -> float:
    """The sign test by another road: whole numbers (math.comb) and exact fractions."""
    n = clicks_a + clicks_b
    term = tail = 1  # C(n, 0)
    for k in range(min(clicks_a, clicks_b)):
        term = term * (n - k) // (k + 1)  # C(n, k + 1), exactly
        tail += term
    assert term == math.comb(n, min(clicks_a, clicks_b))
    return float(min(Fraction(1), 2 * Fraction(tail, 2**n)))


def test_sixty_against_forty():
    """60 clicks for A and 40 for B: p ≈ 0.0569, no difference detected yet."""
    result = results.result(60, 40)

    assert result.p_value == pytest.approx(0.056887933640980, rel=1e-12)
    assert result.share_a == 0.6
    assert result.preference == pytest.approx(0.2)
    assert result.exact
    assert result.verdict == "no difference detected yet (p = 0.057; 100 clicks)"


def test_sixty_against_forty_wilson_interval():
    """The 95% Wilson interval of 60 out of 100 is 0.502 to 0.691 (published tables)."""
    low, high = results.wilson_interval(60, 40)

    assert low == pytest.approx(0.5020, abs=5e-5)
    assert high == pytest.approx(0.6906, abs=5e-5)


def test_no_clicks_at_all():
    """0 against 0: no share, no p-value, no interval, and no division by zero."""
    result = results.result(0, 0)

    assert (result.share_a, result.preference, result.p_value, result.interval) == (
        None,
        None,
        None,
        None,
    )
    assert result.verdict == "too few clicks to tell (0 clicks; at least 10 needed)"


def test_ten_against_none():
    """10 against 0: p = 2 / 2^10, A is preferred; the interval reaches 1 without passing it."""
    result = results.result(10, 0)

    assert result.p_value == pytest.approx(2 / 1024, rel=1e-12)
    assert result.preference == 1.0
    assert result.verdict == "A is preferred (p = 0.002)"
    low, high = result.interval
    assert high == pytest.approx(1.0)
    assert low == pytest.approx(0.7225, abs=5e-5)


def test_b_preferred():
    """The scoring with more clicks is the one named, B as well as A."""
    assert results.result(20, 45).verdict == "B is preferred (p = 0.003)"
    assert results.result(0, 30).verdict == "B is preferred (p < 0.001)"


def test_too_few_clicks_whatever_the_split():
    """Below ten clicks the verdict does not guess, even from 9 against 0."""
    assert results.result(9, 0).verdict == "too few clicks to tell (9 clicks; at least 10 needed)"
    assert results.result(1, 0).verdict == "too few clicks to tell (1 click; at least 10 needed)"


def test_a_draw_is_certainly_no_difference():
    """An even split has p = 1, and a finished experiment drops the "yet"."""
    result = results.result(19, 19, finished=True)

    assert result.p_value == 1.0
    assert result.preference == 0
    assert result.verdict == "no difference detected (p = 1.00; 38 clicks)"


@pytest.mark.parametrize(
    ("clicks_a", "clicks_b"),
    [(1, 0), (3, 7), (12, 5), (50, 50), (51, 49), (300, 250), (800, 700), (2480, 2520)],
)
def test_exact_p_values_match_whole_number_sums(clicks_a, clicks_b):
    """Summed in log space, the exact p-value equals the exact fraction's, both ways round."""
    expected = exact_two_sided(clicks_a, clicks_b)

    assert results.sign_test(clicks_a, clicks_b) == pytest.approx(expected, rel=1e-9)
    assert results.sign_test(clicks_b, clicks_a) == pytest.approx(expected, rel=1e-9)


def test_exact_up_to_the_threshold_then_normal():
    """Exact at EXACT_UP_TO clicks; one more and the normal approximation with continuity
    correction is used, which by then is within half a percent of the exact value."""
    n = results.EXACT_UP_TO
    at_threshold = results.result(n // 2 + 70, n // 2 - 70)
    beyond = results.result(n // 2 + 71, n // 2 - 70)

    assert at_threshold.exact
    assert at_threshold.p_value == pytest.approx(exact_two_sided(n // 2 + 70, n // 2 - 70))
    assert not beyond.exact
    assert beyond.p_value == pytest.approx(exact_two_sided(n // 2 + 71, n // 2 - 70), rel=5e-3)


def test_a_large_experiment_by_the_normal_approximation():
    """5,100 against 4,900: z = (100 − ½) / 50 = 1.99, p = erfc(1.99 / √2) ≈ 0.04659."""
    result = results.result(5100, 4900)

    assert result.p_value == pytest.approx(math.erfc(1.99 / math.sqrt(2)), rel=1e-12)
    assert result.p_value == pytest.approx(0.04659, abs=1e-5)
    assert result.p_value == pytest.approx(exact_two_sided(5100, 4900), rel=5e-3)
    assert result.verdict == "A is preferred (p = 0.047)"


def test_a_million_clicks_stay_fast_and_finite():
    """A million clicks at 50.1% for A: the approximation, not a million-term sum."""
    result = results.result(501_000, 499_000)

    assert 0 < result.p_value < 0.05
    assert result.interval[0] > 0.5


def test_negative_counts_are_refused():
    """Counts come from database sums and cannot be negative: a negative one is a bug."""
    with pytest.raises(ValueError, match="negative"):
        results.sign_test(-1, 3)
