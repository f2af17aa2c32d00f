"""The evergreen flag: an article editors mark timeless is scored as if new wherever it is a
target (no recency decay), and turning the flag on or off rescores the lists it is in."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from recommendations import signals
from recommendations.models import RelatedLink
from recommendations.scoring import RARE_TAG_WEIGHT, Features, Scorer, Weights
from tests.factories import ArticleFactory, ArtistFactory
from tests.revisions.adminpages import form_data

NOW = datetime.datetime(2026, 12, 4, tzinfo=datetime.UTC)


def scorer(**counts):
    return Scorer(
        weights=Weights(tag=1.0, artist=1.5, artwork=1.5, section=0.25),
        floor=0.6,
        half_life_days=365,
        now=NOW,
        article_count=counts.get("articles", 1000),
        tag_counts=counts.get("tags", {}),
    )


def test_recency_is_one_for_an_evergreen_target():
    long_ago = NOW - datetime.timedelta(days=3650)
    assert scorer().recency(long_ago) == pytest.approx(0.5 + 0.5 * 0.5**10)
    assert scorer().recency(long_ago, evergreen=True) == 1.0


def test_rare_tags_are_named_in_a_match():
    """A tag on 3 of 1,000 articles is rare; one on 400 is not."""
    s = scorer(tags={1: 3, 2: 400})
    assert s.tag_weight(1) >= RARE_TAG_WEIGHT > s.tag_weight(2)
    source = Features(1, 1, NOW, frozenset({1, 2}), frozenset(), frozenset())
    target = Features(2, 1, NOW, frozenset({1, 2}), frozenset(), frozenset())
    assert s.relatedness(source, target).rare_tags == (1,)


@pytest.mark.django_db
def test_marking_an_article_evergreen_rescores_the_links_to_it(django_capture_on_commit_callbacks):
    artist = ArtistFactory()
    old = ArticleFactory(published_at=timezone.now() - datetime.timedelta(days=3000))
    with django_capture_on_commit_callbacks(execute=True):
        source = ArticleFactory()
        source.featured_artists.add(artist)
        old.featured_artists.add(artist)
    before = RelatedLink.objects.get(source=source, target=old).score

    with django_capture_on_commit_callbacks(execute=True):
        article = Article.objects.get(pk=old.pk)
        article.evergreen = True
        article.save()

    after = RelatedLink.objects.get(source=source, target=old).score
    assert after > before
    assert after == pytest.approx(RelatedLink.objects.get(source=old, target=source).score, 0.01)


@pytest.mark.django_db
def test_saving_without_changing_the_flag_queues_no_refresh(
    django_capture_on_commit_callbacks, monkeypatch
):
    article = ArticleFactory()
    queued = []
    monkeypatch.setattr(signals, "schedule_refresh", queued.append)
    with django_capture_on_commit_callbacks():
        Article.objects.get(pk=article.pk).save()
    assert queued == []
    with django_capture_on_commit_callbacks():
        changed = Article.objects.get(pk=article.pk)
        changed.evergreen = True
        changed.save()
    assert queued == [article.pk]


@pytest.mark.django_db
def test_an_editor_marks_an_article_evergreen_in_its_form(admin_client):
    article = ArticleFactory()
    url = reverse("admin:articles_article_change", args=[article.pk])
    page = admin_client.get(url)
    assert 'name="evergreen"' in page.content.decode()
    data = form_data(page)
    data["evergreen"] = "on"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Article.objects.get(pk=article.pk).evergreen
