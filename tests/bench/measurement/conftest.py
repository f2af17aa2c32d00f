from random import Random

import pytest

from articles.models import Article
from bench.corpus.build import build_corpus
from bench.measurement.steps import sample_articles


@pytest.fixture
def tiny_corpus(db):
    """A few articles of the benchmark's corpus, one figure each, suggestions computed."""
    return build_corpus(
        articles=30, artists=6, tags=10, artworks=30, authors=5, figures_per_article=1,
        recommendations=True, seed=3,
    )  # fmt: skip


@pytest.fixture
def sampled(tiny_corpus):
    """Up to eight articles whose block shows something."""
    ids = sample_articles(Random(1), 8)
    return list(Article.objects.filter(pk__in=ids).order_by("pk"))
