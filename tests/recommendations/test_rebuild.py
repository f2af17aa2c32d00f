"""The full rebuild's fast paths: worker processes and plain-row inserts."""

import pytest

from recommendations import rebuild
from recommendations.models import RelatedLink
from tests.factories import ArticleFactory, ArtistFactory


def related_articles(count: int, *, artist_name: str = "Ai Weiwei", tags=()):
    artist = ArtistFactory(name=artist_name)
    articles = [ArticleFactory(tags=list(tags)) for _ in range(count)]
    for article in articles:
        article.featured_artists.add(artist)
    return articles


def stored():
    return sorted(
        RelatedLink.objects.values_list("source_id", "target_id", "score", "reasons", "status")
    )


@pytest.mark.django_db(transaction=True)
def test_worker_processes_store_what_a_single_process_stores(monkeypatch):
    """Forked workers and the serial path store the same links."""
    monkeypatch.setattr(rebuild, "CHUNK", 3)  # several chunks for a few articles
    related_articles(7)

    serial = rebuild.rebuild(workers=0)
    serial_links = stored()
    parallel = rebuild.rebuild(workers=2)

    assert serial.suggestions == parallel.suggestions == 7 * 6
    assert stored() == serial_links


@pytest.mark.django_db
def test_reasons_with_awkward_names_are_stored_intact():
    """Quotes, commas, newlines, backslashes and non-Latin names survive the plain-row insert."""
    name = 'O\'Keeffe, "Georgia"\n\\ 艾未未 ; DROP TABLE x; --'
    related_articles(2, artist_name=name, tags=["Tag; with 'quotes'"])

    rebuild.rebuild(workers=0)

    reasons = RelatedLink.objects.first().reasons
    assert reasons["artists"] == [name]
    assert reasons["tags"] == ["Tag; with 'quotes'"]
