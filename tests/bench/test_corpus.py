"""The benchmark corpus: the shape it promises, the same for the same seed, and no side effects."""

from random import Random

import pytest

from articles.models import Article, TaggedArticle
from bench.corpus import build_corpus, pragma_sql
from bench.sampling import Zipf
from recommendations.models import RelatedLink

pytestmark = pytest.mark.django_db


def test_small_corpus_has_the_promised_shape(django_capture_on_commit_callbacks):
    """Every article is published with 5 to 10 tags; nothing queues a recommendation refresh."""
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        summary = build_corpus(articles=300, artists=50, tags=60, seed=3)

    assert summary.articles == Article.objects.published().count() == 300
    per_article = [len(set(a.tags.values_list("pk", flat=True))) for a in Article.objects.all()]
    assert min(per_article) >= 5 and max(per_article) <= 10
    assert TaggedArticle.objects.count() == summary.tag_links
    assert summary.top_tag_share > 0.3  # long-tailed: the top tag is on many articles
    assert callbacks == [] and not RelatedLink.objects.exists()


def test_zipf_draws_distinct_items_with_a_heavy_head():
    """The first item takes the largest share; draws within one call never repeat."""
    zipf = Zipf(list(range(100)), 1.0)
    rng = Random(1)
    draws = [zipf.distinct(rng, 5) for _ in range(2000)]

    assert all(len(set(d)) == 5 for d in draws)
    assert sum(0 in d for d in draws) > sum(99 in d for d in draws) * 5
    assert zipf.top_share() == pytest.approx(1 / sum(1 / r for r in range(1, 101)))


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("synchronous; DROP TABLE articles_article", "OFF"),
        ("user_version", "1"),
        ("journal_mode", "MEMORY; DROP TABLE articles_article"),
        ("cache_size", "1 -- comment"),
        ("cache_size", "'x'"),
    ],
)
def test_pragma_sql_refuses_anything_but_its_own_names_and_plain_values(name, value):
    """PRAGMA takes no query parameters, so the SQL is text: hostile names and values fail."""
    with pytest.raises(ValueError):
        pragma_sql(name, value)


def test_pragma_sql_builds_reads_and_writes():
    assert pragma_sql("journal_mode") == "PRAGMA journal_mode"
    assert pragma_sql("cache_size", -262144) == "PRAGMA cache_size = -262144"
    assert pragma_sql("journal_mode", "delete") == "PRAGMA journal_mode = delete"
