"""The measurement benchmark's Django steps (bench/measurement/steps.py): the corpus, and
which articles it times."""

from random import Random

import pytest

from articles.models import Article
from bench.measurement.steps import corpus_arguments, sample_articles
from recommendations.models import RelatedLink

pytestmark = pytest.mark.django_db


def test_the_corpus_of_issue_17_up_to_2000_articles_the_default_above():
    assert corpus_arguments(2000, 1) == {
        "articles": 2000, "seed": 1, "recommendations": True, "tags": 200, "artists": 400,
        "figures_per_article": 1,
    }  # fmt: skip
    assert corpus_arguments(100_000, 2) == {"articles": 100_000, "seed": 2, "recommendations": True}


def test_only_articles_whose_block_shows_something_are_sampled(tiny_corpus):
    """An article whose every link is rejected has no block: it is never drawn."""
    sources = list(RelatedLink.objects.values_list("source_id", flat=True).distinct())
    silent = sources[0]
    RelatedLink.objects.filter(source_id=silent).update(status=RelatedLink.Status.REJECTED)

    drawn = sample_articles(Random(1), 1000)

    assert drawn == sorted(drawn) and silent not in drawn
    assert set(drawn) == set(sources) - {silent}
    assert sample_articles(Random(1), 3) == sample_articles(Random(1), 3)  # the seed decides
    assert len(sample_articles(Random(1), 3)) == 3
    assert Article.objects.filter(pk__in=drawn).count() == len(drawn)
