"""Odd input on the series pages, feeds and the article form's part."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.adminforms import form_errors
from tests.articles.test_admin import ADD_URL, article_data
from tests.factories import ArticleFactory, SeriesFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def series():
    series = SeriesFactory(title="Letters", slug="letters")
    ArticleFactory(series=series, series_part=1)
    return series


@pytest.mark.parametrize(
    "query", ["?page=abc", "?page=0", "?page=99999999999999999999", "?page=%00", "?page=-1"]
)
def test_odd_pages_of_a_series_are_never_a_500(client, series, query):
    assert client.get(series.get_absolute_url() + query).status_code in (200, 301, 302, 400, 404)


@pytest.mark.parametrize("slug", ["let%00ters", "x" * 3000, "%F0%9F%8E%A8", "l%C3%A9tters"])
def test_odd_series_slugs_are_a_404(client, series, slug):
    for url in (f"/series/{slug}/", f"/feeds/series/{slug}/rss/"):
        assert client.get(url).status_code in (400, 404), url


@pytest.mark.parametrize("part", ["99999999999999999999"])
def test_a_huge_part_number_is_a_form_error(admin_client, part):
    series = SeriesFactory()
    response = admin_client.post(
        ADD_URL, article_data(series=series.pk, series_part=part, status=Article.Status.DRAFT)
    )
    assert response.status_code == 200
    assert "series_part" in form_errors(response)


@pytest.mark.parametrize("value", ["99999999999999999999"])
def test_huge_numbers_in_the_series_admin_are_form_errors(admin_client, value):
    response = admin_client.post(
        reverse("admin:articles_series_add"),
        {"title": "Notes", "slug": "", "description": "", "order": value,
         "planned_parts": value, "is_public": "on"},
    )  # fmt: skip
    assert response.status_code == 200
