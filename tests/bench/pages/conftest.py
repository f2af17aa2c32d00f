from random import Random

import pytest
from django.contrib.auth import get_user_model

from bench.corpus.build import build_corpus
from bench.pages.kinds import KINDS
from bench.pages.sampling import articles_with_figures, sample_urls, staff_user


@pytest.fixture
def tiny_corpus(db):
    """A few articles of the benchmark's corpus, one figure each, suggestions computed."""
    return build_corpus(
        articles=24, artists=12, tags=15, artworks=30, authors=5, figures_per_article=1,
        recommendations=True, seed=2,
    )  # fmt: skip


@pytest.fixture
def tiny_site(tiny_corpus):
    """The URLs of every kind of page on the tiny corpus, and the benchmark's staff user."""
    rng = Random(5)
    admin_articles, _ = articles_with_figures(rng, 3)
    kinds = [kind.key for kind in KINDS]
    urls = sample_urls(rng, count=3, kinds=kinds, admin_articles=admin_articles)
    return urls, get_user_model().objects.get(pk=staff_user())
