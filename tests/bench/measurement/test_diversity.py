"""What a scoring's blocks show (bench/measurement/diversity.py), on blocks made by hand."""

import pytest

from bench.measurement.diversity import diversity
from recommendations.models import RelatedLink
from tests.factories import ArticleFactory, ArtistFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def source_and_targets():
    """A source and four targets: the first two on one artist in one section, the other two
    each on an artist of its own in sections of their own."""
    shared, section = ArtistFactory(), SectionFactory()
    source = ArticleFactory()
    targets = [ArticleFactory(section=section), ArticleFactory(section=section)]
    targets += [ArticleFactory(section=SectionFactory()) for _ in range(2)]
    for number, target in enumerate(targets):
        target.featured_artists.add(shared if number < 2 else ArtistFactory())
        RelatedLink.objects.create(source=source, target=target, score=1 - number / 10)
    return source, targets


def test_near_duplicates_against_a_diverse_block(source_and_targets):
    source, targets = source_and_targets
    alike = {source.pk: (targets[0].pk, targets[1].pk)}
    apart = {source.pk: (targets[0].pk, targets[2].pk)}

    near = diversity(alike, baseline=alike)
    diverse = diversity(apart, baseline=alike)

    # One artist of one each, the same section: (1 - 0.2) x 1/1 + 0.2.
    assert near["likeness"] == pytest.approx(1.0)
    assert near["artist_twice"] == 1 and near["sections_per_block"] == 1
    assert near["other_links"] == 0
    assert diverse["likeness"] == 0.0
    assert diverse["artist_twice"] == 0 and diverse["sections_per_block"] == 2
    assert diverse["other_links"] == 1 and diverse["cards_per_block"] == 2


def test_the_same_links_in_another_order_are_not_other_links(source_and_targets):
    source, targets = source_and_targets
    ids = tuple(target.pk for target in targets)

    found = diversity({source.pk: ids[::-1]}, baseline={source.pk: ids})

    assert found["other_links"] == 0 and found["blocks"] == 1
    # Six pairs, one of them alike (1.0): the mean is 1/6.
    assert found["likeness"] == pytest.approx(1 / 6)
