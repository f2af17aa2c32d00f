"""Accepting and rejecting a suggestion: the featured lists, the remembered decision, who and
when, one decision per article and object, and forms opened before it made stale."""

import pytest
from django.db import IntegrityError, transaction

from featuring.decisions import featuring_accept, featuring_reject
from featuring.models import FeaturingDecision
from tests.factories import ArticleFactory, ArtistFactory, ArtworkFactory, SectionFactory

pytestmark = pytest.mark.django_db

Decision = FeaturingDecision.Decision


def test_accepting_features_the_artist_or_artwork_and_remembers_who(admin_user):
    article = ArticleFactory()
    artist, artwork = ArtistFactory(), ArtworkFactory()

    by_artist = featuring_accept(article=article, subject=artist, user=admin_user)
    featuring_accept(article=article, subject=artwork, user=admin_user)

    assert list(article.featured_artists.all()) == [artist]
    assert list(article.featured_artworks.all()) == [artwork]
    assert (by_artist.decision, by_artist.decided_by, by_artist.kind) == (
        Decision.ACCEPTED,
        admin_user,
        "artist",
    )
    assert by_artist.decided_at is not None


def test_rejecting_is_remembered_and_features_nothing(admin_user):
    article = ArticleFactory()
    artwork = ArtworkFactory()

    featuring_reject(article=article, subject=artwork, user=admin_user)

    assert not article.featured_artworks.exists()
    row = FeaturingDecision.objects.get()
    assert (row.article, row.artwork, row.artist, row.decision) == (
        article,
        artwork,
        None,
        Decision.REJECTED,
    )


def test_one_decision_per_article_and_object_the_latest_kept(admin_user):
    """Deciding again on the same object changes the one row; another article has its own."""
    article, other = ArticleFactory(), ArticleFactory()
    artist = ArtistFactory()
    featuring_accept(article=article, subject=artist, user=admin_user)
    featuring_reject(article=article, subject=artist, user=None)
    featuring_reject(article=other, subject=artist, user=admin_user)

    assert FeaturingDecision.objects.filter(article=article).count() == 1
    assert FeaturingDecision.objects.get(article=article).decision == Decision.REJECTED
    assert FeaturingDecision.objects.get(article=article).decided_by is None
    assert FeaturingDecision.objects.filter(article=other).count() == 1


def test_a_decision_makes_forms_opened_before_it_stale(admin_user):
    """The article's save count moves: a form opened before cannot save its older featured
    lists over the decision (articles/forms.py refuses it)."""
    article = ArticleFactory()
    opened_at = article.lock_version
    featuring_accept(article=article, subject=ArtistFactory(), user=admin_user)
    article.refresh_from_db()
    assert article.lock_version > opened_at


def test_only_saved_articles_artists_and_artworks():
    artist = ArtistFactory()
    unsaved = ArticleFactory.build(section=SectionFactory())
    with pytest.raises(ValueError, match="Save the article"):
        featuring_reject(article=unsaved, subject=artist, user=None)
    with pytest.raises(TypeError, match="not Section"):
        featuring_reject(article=ArticleFactory(), subject=SectionFactory(), user=None)


@pytest.mark.parametrize("both", [True, False])
def test_the_database_holds_exactly_one_object_per_decision(both):
    """Neither or both of artist and artwork is refused by the check constraint."""
    article = ArticleFactory()
    subjects = {"artist": ArtistFactory(), "artwork": ArtworkFactory()} if both else {}
    with pytest.raises(IntegrityError), transaction.atomic():
        FeaturingDecision.objects.create(article=article, decision=Decision.REJECTED, **subjects)


def test_the_database_holds_one_decision_per_article_and_object():
    article, artist = ArticleFactory(), ArtistFactory()
    FeaturingDecision.objects.create(article=article, artist=artist, decision=Decision.REJECTED)
    with pytest.raises(IntegrityError), transaction.atomic():
        FeaturingDecision.objects.create(article=article, artist=artist, decision=Decision.ACCEPTED)
