"""Deep pages of a change list read their keys first: the same rows in the same order as the
page sliced in full, in lists with joins, searches, sorting by a column and editable columns."""

import pytest
from django.contrib import admin
from django.core.paginator import Paginator
from django.urls import reverse

from adminsite import pagination
from articles.models import Article
from tests.factories import ArticleFactory, RelatedLinkFactory, SectionFactory

pytestmark = pytest.mark.django_db


def _rows(client, url, params):
    response = client.get(url, params)
    assert response.status_code == 200
    cl = response.context["cl"]
    return [obj.pk for obj in cl.result_list], response.content.decode()


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("admin:articles_article_changelist", {"p": "3"}),
        ("admin:articles_article_changelist", {"p": "2", "o": "2.-5"}),  # section, updated_at
        ("admin:articles_article_changelist", {"p": "2", "q": "Same"}),
        ("admin:recommendations_relatedlink_changelist", {"p": "3"}),  # editable columns
        ("admin:recommendations_relatedlink_changelist", {"p": "2", "o": "-1"}),
    ],
)
def test_a_deep_page_is_the_page_sliced_in_full(admin_client, monkeypatch, settings, name, params):
    settings.PAGE_CACHE = False
    sections = [SectionFactory(), SectionFactory()]
    articles = [
        ArticleFactory(title="Same title" if i % 2 else f"Title {i}", section=sections[i % 2])
        for i in range(12)
    ]
    for source in articles[:6]:
        for target in articles[6:]:
            RelatedLinkFactory(source=source, target=target)
    url = reverse(name)
    admin = admin_client.get(url).context["cl"].model_admin
    monkeypatch.setattr(type(admin), "list_per_page", 4)

    monkeypatch.setattr(pagination, "KEYS_FIRST_FROM", 10**9)  # never: sliced in full
    sliced, sliced_html = _rows(admin_client, url, params)
    monkeypatch.setattr(pagination, "KEYS_FIRST_FROM", 1)  # from the second page on
    keys_first, keys_first_html = _rows(admin_client, url, params)

    assert sliced and keys_first == sliced
    assert _table(keys_first_html) == _table(sliced_html)


def _table(html: str) -> str:
    start = html.index('<table id="result_list"')
    return html[start : html.index("</table>", start)]


def test_the_site_gives_every_admin_the_paginator():
    assert admin.site.get_model_admin(Article).paginator is pagination.KeysFirstPaginator
    assert issubclass(pagination.KeysFirstPaginator, Paginator)
