"""The interleaving arithmetic (recommendations/experiment_results.py) on known inputs: the
sign test over source articles, and the clicks as a description."""

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


def articles(won_a: int, won_b: int, tied: int = 0) -> list[tuple[int, int]]:
    """Source articles as (clicks_A, clicks_B): won by A, by B, and tied, with uneven clicks."""
    return [(3, 1)] * won_a + [(0, 2)] * won_b + [(4, 4)] * tied


def test_sixty_articles_against_forty():
    """A wins 60 articles and B 40: p ≈ 0.0569, no difference detected yet."""
    result = results.result(articles(60, 40, tied=7))

    assert (result.wins_a, result.wins_b, result.ties, result.decided) == (60, 40, 7, 100)
    assert result.p_value == pytest.approx(0.056887933640980, rel=1e-12)
    assert result.articles_share_a == 0.6
    assert result.exact
    assert result.verdict == "no difference detected yet (p = 0.057; 100 articles decided)"


def test_the_clicks_are_a_description():
    """The click totals, A's share of them and Δ come from every article, ties included."""
    result = results.result(articles(60, 40, tied=7))

    assert (result.clicks_a, result.clicks_b) == (60 * 3 + 7 * 4, 60 * 1 + 40 * 2 + 7 * 4)
    assert result.share_a == pytest.approx(208 / 376)
    assert result.preference == pytest.approx((208 - 168) / 376)


def test_the_article_is_the_unit_not_the_click():
    """One popular article with 300 clicks for A and twelve won by B, one click each: the
    clicks say A (300 against 12), the articles say B, 12 against 1 (p = 2 · 13 / 2^13)."""
    result = results.result([(300, 0)] + [(0, 1)] * 12)

    assert (result.clicks_a, result.clicks_b) == (300, 12)
    assert result.p_value == pytest.approx(2 * 14 / 2**13, rel=1e-12)
    assert result.verdict == "B is preferred (p = 0.003; 13 articles decided)"


def test_wins_ties_and_articles_without_clicks():
    """More clicks wins the article; an even split is a tie; 0 against 0 is nothing."""
    assert results.wins([(2, 1), (1, 2), (5, 5), (0, 0), (1, 0), (0, 7)]) == (2, 2, 1)
    assert results.wins([]) == (0, 0, 0)


def test_clicks_counted_before_the_articles_are_in_the_totals_not_in_the_test():
    """Clicks without a source article add to the totals and change nothing in the test."""
    without = results.result(articles(12, 3))
    with_them = results.result(articles(12, 3), unattributed=(0, 500))

    assert (with_them.clicks_a, with_them.clicks_b) == (without.clicks_a, without.clicks_b + 500)
    assert with_them.unattributed == 500
    assert with_them.p_value == without.p_value
    assert with_them.verdict == without.verdict == "A is preferred (p = 0.035; 15 articles decided)"


def test_sixty_against_forty_wilson_interval():
    """The 95% Wilson interval of 60 out of 100 is 0.502 to 0.691 (published tables)."""
    low, high = results.wilson_interval(60, 40)

    assert low == pytest.approx(0.5020, abs=5e-5)
    assert high == pytest.approx(0.6906, abs=5e-5)
    assert results.result(articles(60, 40)).interval == (low, high)


def test_no_clicks_at_all():
    """No article, or only articles without clicks: no share, no p-value, no interval, and no
    division by zero."""
    for per_article in ([], [(0, 0), (0, 0)]):
        result = results.result(per_article)

        assert (result.share_a, result.preference, result.p_value, result.interval) == (
            None,
            None,
            None,
            None,
        )
        assert result.articles_share_a is None
        assert result.verdict == "too few articles to tell (0 articles decided; at least 10 needed)"


def test_only_ties_decide_nothing():
    """Articles whose clicks split evenly count for neither scoring: nothing to test yet."""
    result = results.result([(3, 3)] * 40)

    assert (result.ties, result.decided, result.p_value) == (40, 0, None)
    assert result.share_a == 0.5
    assert result.verdict.startswith("too few articles to tell")


def test_ten_articles_against_none():
    """10 against 0: p = 2 / 2^10, A is preferred; the interval reaches 1 without passing it."""
    result = results.result(articles(10, 0))

    assert result.p_value == pytest.approx(2 / 1024, rel=1e-12)
    assert result.articles_share_a == 1.0
    assert result.verdict == "A is preferred (p = 0.002; 10 articles decided)"
    low, high = result.interval
    assert high == pytest.approx(1.0)
    assert low == pytest.approx(0.7225, abs=5e-5)


def test_b_preferred():
    """The scoring that won more articles is the one named, B as well as A."""
    assert results.result(articles(20, 45)).verdict == (
        "B is preferred (p = 0.003; 65 articles decided)"
    )
    assert results.result(articles(0, 30)).verdict == (
        "B is preferred (p < 0.001; 30 articles decided)"
    )


def test_too_few_articles_whatever_the_split():
    """Below ten decided articles the verdict does not guess, even from 9 against 0, however
    many clicks they had."""
    assert results.result([(100, 0)] * 9).verdict == (
        "too few articles to tell (9 articles decided; at least 10 needed)"
    )
    assert results.result([(1, 0)]).verdict == (
        "too few articles to tell (1 article decided; at least 10 needed)"
    )


def test_a_draw_is_certainly_no_difference():
    """An even split has p = 1, and a finished experiment drops the "yet"."""
    result = results.result(articles(19, 19), finished=True)

    assert result.p_value == 1.0
    assert result.articles_share_a == 0.5
    assert result.verdict == "no difference detected (p = 1.00; 38 articles decided)"


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
    """Exact at EXACT_UP_TO decided articles; one more and the normal approximation with
    continuity correction is used, which by then is within half a percent of the exact value."""
    n = results.EXACT_UP_TO
    at_threshold = results.result(articles(n // 2 + 70, n // 2 - 70))
    beyond = results.result(articles(n // 2 + 71, n // 2 - 70))

    assert at_threshold.exact
    assert at_threshold.p_value == pytest.approx(exact_two_sided(n // 2 + 70, n // 2 - 70))
    assert not beyond.exact
    assert beyond.p_value == pytest.approx(exact_two_sided(n // 2 + 71, n // 2 - 70), rel=5e-3)


def test_a_large_experiment_by_the_normal_approximation():
    """5,100 articles against 4,900: z = (100 − ½) / 50 = 1.99, p = erfc(1.99 / √2) ≈ 0.04659."""
    result = results.result(articles(5100, 4900))

    assert result.p_value == pytest.approx(math.erfc(1.99 / math.sqrt(2)), rel=1e-12)
    assert result.p_value == pytest.approx(0.04659, abs=1e-5)
    assert result.p_value == pytest.approx(exact_two_sided(5100, 4900), rel=5e-3)
    assert result.verdict == "A is preferred (p = 0.047; 10,000 articles decided)"
    assert result.method == "normal approximation, more than 5,000 articles"


def test_a_million_articles_stay_fast_and_finite():
    """A million decided articles at 50.1% for A: the approximation, not a million-term sum."""
    result = results.result([(1, 0)] * 501_000 + [(0, 1)] * 499_000)

    assert 0 < result.p_value < 0.05
    assert result.interval[0] > 0.5


def test_negative_counts_are_refused():
    """Counts come from database sums and cannot be negative: a negative one is a bug."""
    with pytest.raises(ValueError, match="negative"):
        results.sign_test(-1, 3)
    with pytest.raises(ValueError, match="negative"):
        results.result([(2, -1)])
    with pytest.raises(ValueError, match="negative"):
        results.result([], unattributed=(-1, 0))
