"""Search finds only what the public may see: the published() truth table, at query time."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, ArtistFactory, ArtworkFactory
from tests.search.searching import found

pytestmark = pytest.mark.django_db

Status = Article.Status
HOUR = datetime.timedelta(hours=1)

STATES = {
    "draft": ({"status": Status.DRAFT}, False),
    "draft, no time": ({"status": Status.DRAFT, "published_at": None}, False),
    "in review": ({"status": Status.REVIEW}, False),
    "unpublished": ({"status": Status.UNPUBLISHED}, False),
    "scheduled": ({"published_at": lambda: timezone.now() + HOUR}, False),
    "published": ({}, True),
}


@pytest.mark.parametrize("state", list(STATES))
def test_status_truth_table(client, state):
    """An article is found exactly when it is published and its time has come."""
    fields, shown = STATES[state]
    fields = {name: value() if callable(value) else value for name, value in fields.items()}
    article = ArticleFactory(title="Quokka portraits", body="<p>Quokka.</p>", **fields)
    ArticleFactory(title="Quokka landscapes")  # something is always found

    results = found(client, "quokka")

    assert (article.get_absolute_url() in results) is shown
    assert len(results) == (2 if shown else 1)


def test_scheduled_article_is_found_from_its_time_on(client):
    """No reindexing: the article scheduled for later is found once its time has passed."""
    go_live = timezone.now().replace(microsecond=0) + HOUR
    article = ArticleFactory(title="Marmoset etchings", published_at=go_live)

    with time_machine.travel(go_live - datetime.timedelta(seconds=1), tick=False):
        assert found(client, "marmoset") == []
    with time_machine.travel(go_live, tick=False):
        assert found(client, "marmoset") == [article.get_absolute_url()]


def test_unpublishing_hides_an_article_at_once(client):
    """Unpublished, an article leaves the results with nothing else to do."""
    article = ArticleFactory(title="Pangolin drawings")
    assert found(client, "pangolin") == [article.get_absolute_url()]

    article.status = Status.UNPUBLISHED
    article.save()

    assert found(client, "pangolin") == []


def test_artists_and_artworks_are_public(client):
    """Artists and artworks have no status: they are found."""
    artist = ArtistFactory(name="Ottoline Wombat")
    artwork = ArtworkFactory(title="Wombat at dusk")

    assert set(found(client, "wombat")) == {artist.get_absolute_url(), artwork.get_absolute_url()}
