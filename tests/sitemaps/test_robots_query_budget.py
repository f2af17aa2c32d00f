"""/robots.txt is a template with no data in it: the request's transaction and nothing else."""

import pytest

from tests.querybudgets import ATOMIC_REQUEST, article_with_everything, site_settings_exist

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("count", [0, 5])
def test_robots_txt_query_budget(client, django_assert_num_queries, settings, count):
    settings.PAGE_CACHE = False
    for _ in range(count):
        article_with_everything()
    site_settings_exist()

    with django_assert_num_queries(ATOMIC_REQUEST):
        response = client.get("/robots.txt")

    assert response.status_code == 200
