"""The page benchmark's corpus at each size (bench/pages/steps.py)."""

from types import SimpleNamespace

from bench.pages.steps import corpus_arguments


def test_the_issues_small_corpus_at_2000_articles():
    args = SimpleNamespace(articles=[2_000], seed=1)
    assert corpus_arguments(args) == {
        "articles": 2_000,
        "seed": 1,
        "recommendations": True,
        "tags": 200,
        "artists": 400,
        "figures_per_article": 1,
    }


def test_the_default_corpus_above():
    args = SimpleNamespace(articles=[100_000], seed=1)
    assert corpus_arguments(args) == {"articles": 100_000, "seed": 1, "recommendations": True}
