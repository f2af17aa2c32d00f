"""Finding articles in the admin (articles/admin_dashboard.py): the "where it stands" and
"whose" filters, search over the body and the byline, articles named with section, date and
slug in the list and the pickers, and the duplicate-title check the form asks while typing."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleAuthorFactory, ArticleFactory, AuthorFactory, SectionFactory
from tests.querybudgets import ATOMIC_REQUEST
from tests.staff import staff_in

pytestmark = pytest.mark.django_db

CHANGELIST_URL = reverse("admin:articles_article_changelist")
TITLE_CHECK_URL = reverse("admin:articles_article_title_check")
NOW = datetime.datetime(2026, 12, 3, 10, 0, tzinfo=datetime.UTC)
HOUR = datetime.timedelta(hours=1)
Status = Article.Status


@pytest.fixture
def editor(client):
    return staff_in(client, "Editor")


def listed(client, **params) -> list[str]:
    response = client.get(CHANGELIST_URL, params)
    assert response.status_code == 200
    return sorted(article.title for article in response.context["cl"].result_list)


@pytest.fixture
def one_of_each():
    with time_machine.travel(NOW, tick=False):
        ArticleFactory(title="Draft", status=Status.DRAFT)
        ArticleFactory(title="In review", status=Status.REVIEW)
        ArticleFactory(title="Scheduled", published_at=NOW + HOUR)
        ArticleFactory(title="Public", published_at=NOW - HOUR)
        ArticleFactory(title="Archived", status=Status.UNPUBLISHED)


@pytest.mark.parametrize(
    ("stands", "titles"),
    [
        ("draft", ["Draft"]),
        ("review", ["In review"]),
        ("scheduled", ["Scheduled"]),
        ("public", ["Public"]),
        ("archived", ["Archived"]),
    ],
)
def test_where_it_stands(client, editor, one_of_each, stands, titles):
    with time_machine.travel(NOW, tick=False):
        assert listed(client, stands=stands) == titles


def test_a_scheduled_article_leaves_scheduled_when_its_time_comes(client, editor, one_of_each):
    with time_machine.travel(NOW + 2 * HOUR, tick=False):
        assert listed(client, stands="scheduled") == []
        assert listed(client, stands="public") == ["Public", "Scheduled"]


def test_an_unknown_place_is_the_admin_own_error_not_a_500(client, editor):
    response = client.get(CHANGELIST_URL, {"stands": "nowhere"})

    assert response.status_code == 302
    assert response.url.endswith("?e=1")


def test_whose_mine_is_created_or_last_changed_by_me(client, editor):
    colleague = staff_in(None, "Editor", "colleague")
    ArticleFactory(title="Created by me", created_by=editor)
    ArticleFactory(title="Theirs", created_by=colleague)
    changed = ArticleFactory(title="Changed by me", created_by=colleague)
    changed.updated_by = editor
    changed.save()

    assert listed(client, whose="mine") == ["Changed by me", "Created by me"]


def test_search_finds_the_body_and_the_byline_once_each(client, editor):
    ArticleFactory(title="One", body="<p>The water lilies at dawn.</p>")
    two = ArticleFactory(title="Two")
    ArticleAuthorFactory(article=two, author=AuthorFactory(name="Ada Smithson"))
    ArticleAuthorFactory(article=two, author=AuthorFactory(name="Bo Smithson"))
    ArticleFactory(title="Three")

    assert listed(client, q="lilies") == ["One"]
    assert listed(client, q="smithson") == ["Two"]


def test_search_has_a_fixed_number_of_queries(client, editor, django_assert_max_num_queries):
    def fill(n):
        for _ in range(n):
            article = ArticleFactory(body="<p>Lilies.</p>")
            ArticleAuthorFactory(article=article, author=AuthorFactory(name="Lily Smith"))

    fill(2)
    with django_assert_max_num_queries(ATOMIC_REQUEST + 12) as few:
        client.get(CHANGELIST_URL, {"q": "lil"})
    fill(8)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(CHANGELIST_URL, {"q": "lil"})


def test_the_list_shows_each_slug(client, editor):
    ArticleFactory(title="Monet", slug="monet-at-giverny")

    html = client.get(CHANGELIST_URL).content.decode()

    assert '<span class="article-slug">/monet-at-giverny/</span>' in html


def test_the_article_picker_names_section_date_and_slug(client, editor):
    section = SectionFactory(name="Reviews")
    with time_machine.travel(NOW, tick=False):
        ArticleFactory(title="Monet", slug="monet", section=section, published_at=NOW - HOUR)
        ArticleFactory(title="Monet", slug="monet-2", section=section, status=Status.DRAFT)

    response = client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "recommendations",
            "model_name": "relatedlink",
            "field_name": "target",
            "term": "Monet",
        },
    )

    assert response.status_code == 200
    assert sorted(result["text"] for result in response.json()["results"]) == [
        "Monet — Reviews, 3 Dec 2026 (draft) · /monet-2/",
        "Monet — Reviews, 3 Dec 2026 · /monet/",
    ]


def test_other_pickers_keep_their_names(client, editor):
    SectionFactory(name="Reviews")

    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "articles", "model_name": "article", "field_name": "section", "term": "R"},
    )

    assert [result["text"] for result in response.json()["results"]] == ["Reviews"]


def test_title_check_names_the_others_and_proposes_a_free_slug(client, editor):
    other = ArticleFactory(title="Monet at Giverny", slug="monet-at-giverny")
    mine = ArticleFactory(title="Something else", slug="something-else")

    answer = client.get(
        TITLE_CHECK_URL, {"title": "monet  at giverny", "article": str(mine.pk)}
    ).json()

    assert [match["url"] for match in answer["matches"]] == [
        reverse("admin:articles_article_change", args=[other.pk])
    ]
    assert answer["matches"][0]["label"].startswith("Monet at Giverny — ")
    assert answer["slug"] == "monet-at-giverny-2"


def test_title_check_does_not_warn_of_the_article_itself(client, editor):
    article = ArticleFactory(title="Monet at Giverny", slug="monet-at-giverny")

    answer = client.get(TITLE_CHECK_URL, {"title": article.title, "article": article.pk}).json()

    assert answer == {"matches": [], "slug": "monet-at-giverny"}


@pytest.mark.parametrize("article", ["", "abc", "99999999999999999999999", "-1"])
def test_title_check_takes_any_article_parameter(client, editor, article):
    ArticleFactory(title="Monet")

    response = client.get(TITLE_CHECK_URL, {"title": "Monet", "article": article})

    assert response.status_code == 200
    assert len(response.json()["matches"]) == 1


def test_title_check_is_for_those_who_write(client):
    staff_in(client, "Moderator")

    assert client.get(TITLE_CHECK_URL, {"title": "Monet"}).status_code == 403


def test_title_check_is_for_staff_only(client):
    response = client.get(TITLE_CHECK_URL, {"title": "Monet"})

    assert response.status_code == 302
    assert "/login/" in response.url


def test_the_form_title_field_knows_where_to_ask(client, editor):
    article = ArticleFactory()

    html = client.get(reverse("admin:articles_article_change", args=[article.pk])).content
    add = client.get(reverse("admin:articles_article_add")).content.decode()

    assert f'data-title-check="{TITLE_CHECK_URL}"' in html.decode()
    assert f'data-article="{article.pk}"' in html.decode()
    assert 'data-article=""' in add
    assert "articles/admin/title-check.js" in add


def test_the_article_picker_has_a_fixed_number_of_queries(
    client, editor, django_assert_max_num_queries
):
    params = {
        "app_label": "recommendations",
        "model_name": "relatedlink",
        "field_name": "target",
        "term": "Monet",
    }
    for _ in range(2):
        ArticleFactory(title="Monet", section=SectionFactory())
    with django_assert_max_num_queries(ATOMIC_REQUEST + 12) as few:
        client.get(reverse("admin:autocomplete"), params)
    for _ in range(10):
        ArticleFactory(title="Monet", section=SectionFactory())
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("admin:autocomplete"), params)
    assert len(response.json()["results"]) == 12
