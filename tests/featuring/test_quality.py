"""Precision and recall of find_mentions() over the labelled set (tests/fixtures/featuring/),
printed (pytest -s) and required: precision >= 0.95, recall >= 0.90, over the whole set and
over the articles held out while tuning."""

import pytest

from tests.featuring import labelled

PRECISION = 0.95
RECALL = 0.90


@pytest.mark.parametrize("split", ["tune", "holdout", None], ids=["tuning", "held-out", "all"])
def test_precision_and_recall(split):
    """The matcher finds what editors would tick, and little else."""
    score = labelled.score(split)
    report = f"{split or 'all'}: {score}; wrong {score.wrong}; missed {score.missed}"
    print(f"\nFeaturing matcher, {report}")
    assert score.articles >= (30 if split else 60), report
    assert score.precision >= PRECISION, report
    assert score.recall >= RECALL, report


def test_every_label_names_one_object_of_the_catalogue():
    """The set is sound: each label resolves (labelled._resolve asserts it), each article has
    text, and both parts are there."""
    articles = labelled.articles()
    assert {article.split for article in articles} == {"tune", "holdout"}
    assert len({article.id for article in articles}) == len(articles)
    assert all(article.body for article in articles)
