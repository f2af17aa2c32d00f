"""A change list's date hierarchy lists the same years, months and days as Django's, found by
index: periods in the site's time zone (an article published at 23:30 UTC on 30 June is in
July in London), with a filter or a search applied, and with no dates at all."""

import datetime

import pytest
from django.contrib.admin.templatetags.admin_list import date_hierarchy
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from adminsite.dates import indexed
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
TIMES = [
    datetime.datetime(2019, 3, 4, 12, 0, tzinfo=UTC),
    datetime.datetime(2021, 12, 31, 23, 30, tzinfo=UTC),  # 2021 in London (winter: UTC)
    datetime.datetime(2022, 6, 30, 23, 30, tzinfo=UTC),  # 1 July 2022 in London (BST)
    datetime.datetime(2022, 7, 1, 0, 30, tzinfo=UTC),
    datetime.datetime(2022, 7, 15, 9, 0, tzinfo=UTC),
    datetime.datetime(2024, 2, 29, 10, 0, tzinfo=UTC),
]
URL = reverse("admin:articles_article_changelist")


@pytest.fixture
def articles(settings):
    settings.PAGE_CACHE = False
    made = []
    for index, at in enumerate(TIMES):
        made.append(ArticleFactory(title=f"Piece {index}", published_at=at))
    ArticleFactory(title="Draft", draft=True, published_at=None)
    return made


def _choices(cl):
    return date_hierarchy(cl)["choices"], date_hierarchy(indexed(cl))["choices"]


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"published_at__year": "2022"},
        {"published_at__year": "2022", "published_at__month": "7"},
        {"published_at__year": "2022", "published_at__month": "6"},
        {"published_at__year": "2021", "published_at__month": "12"},
        {"published_at__year": "2024", "published_at__month": "2"},
        {"q": "Piece 2"},
        {"stands": "public"},
        {"published_at__year": "1999"},
    ],
)
def test_the_same_periods_as_djangos(admin_client, articles, params):
    response = admin_client.get(URL, params)
    assert response.status_code == 200
    django_choices, ours = _choices(response.context["cl"])
    assert ours == django_choices


def test_years_in_the_sites_time_zone(admin_client, articles):
    response = admin_client.get(URL, {"published_at__year": "2022", "published_at__month": "7"})
    days = [choice["title"] for choice in _choices(response.context["cl"])[1]]
    assert days == ["1 July", "15 July"]


def test_one_query_for_the_periods(admin_client, articles):
    """The years come from one query of EXISTS probes, not from every row."""
    admin_client.get(URL)
    with CaptureQueriesContext(connection) as queries:
        admin_client.get(URL)
    sql = [q["sql"] for q in queries.captured_queries]
    assert not any("DISTINCT" in s and "published_at" in s for s in sql)
    assert sum("EXISTS" in s and "period_0" in s for s in sql) == 1
