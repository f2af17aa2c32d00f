"""What the page benchmark asks for (bench/pages/sampling.py), on a tiny corpus."""

from random import Random

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Count

from articles.models import Article, ArticleFigure
from bench.pages.sampling import (
    ADMIN_USERNAME,
    articles_with_figures,
    common_words,
    sample_urls,
    selective_names,
    staff_user,
)

pytestmark = pytest.mark.django_db


def test_distinct_urls_of_each_kind(tiny_corpus):
    urls = sample_urls(Random(1), count=5, kinds=["article", "tag", "artist", "articles_deep"])

    assert len(urls["article"]) == len(set(urls["article"])) == 5
    assert all(url.startswith("/articles/") for url in urls["article"])
    assert len(set(urls["tag"])) == 5 and len(set(urls["artist"])) == 5
    assert all("?page=" in url for url in urls["articles_deep"])


def test_the_same_seed_asks_for_the_same_pages(tiny_corpus):
    kinds = ["article", "section", "artwork"]
    assert sample_urls(Random(3), count=4, kinds=kinds) == sample_urls(
        Random(3), count=4, kinds=kinds
    )


def test_fewer_urls_where_the_corpus_has_fewer(tiny_corpus):
    urls = sample_urls(Random(1), count=500, kinds=["article", "home"])
    assert len(urls["article"]) == 24 and urls["home"] == ["/"]


def test_common_words_are_the_most_used_tags_single_words(tiny_corpus):
    words = common_words(3)
    assert len(words) == 3 and all(word.isalpha() for word in words)
    most_used = Article.objects.filter(tags__name=words[0]).count()  # the top tag: on most articles
    assert most_used > 24 / 3


def test_selective_names_come_fewest_articles_first(tiny_corpus):
    names = selective_names(20)

    def articles_featuring(name):
        return Article.objects.filter(featured_artists__name=name).count()

    counts = [articles_featuring(name) for name in names]
    assert len(names) >= 5 and counts == sorted(counts) and counts[0] >= 1


def test_articles_are_given_four_figures_when_the_corpus_has_too_few(tiny_corpus):
    chosen, given = articles_with_figures(Random(1), 3)

    assert len(chosen) == 3 and given == 3  # one figure each in this corpus
    shown = dict(
        Article.objects.filter(pk__in=chosen).annotate(n=Count("figures")).values_list("pk", "n")
    )
    assert set(shown.values()) == {4}
    positions = ArticleFigure.objects.filter(article_id=chosen[0]).values_list("position")
    assert sorted(p for (p,) in positions) == [0, 1, 2, 3]
    again, given_again = articles_with_figures(Random(1), 3)
    assert given_again == 0 and len(again) == 3  # now the corpus has them


def test_the_staff_user_is_made_once_without_a_password(db):
    first, second = staff_user(), staff_user()
    user = get_user_model().objects.get(pk=first)
    assert first == second and user.username == ADMIN_USERNAME
    assert user.is_superuser and not user.has_usable_password()
