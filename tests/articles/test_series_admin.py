"""Series in the admin: their own pages, and an article's series and part on its form, whose
mistakes come back as form errors naming what is wrong."""

import pytest
from django.urls import reverse

from articles.models import Article
from articles.series import Series
from tests.adminforms import article_form_data, form_errors
from tests.articles.test_admin import ADD_URL, article_data
from tests.factories import ArticleFactory, SeriesFactory
from tests.staff import staff_in

DRAFT = {"status": Article.Status.DRAFT}  # no pre-publish checks in the way

pytestmark = pytest.mark.django_db


def test_series_admin_lists_searches_and_adds(admin_client):
    series = SeriesFactory(title="Letters from Beijing", planned_parts=4)
    ArticleFactory(series=series, series_part=1)
    ArticleFactory(series=series, series_part=2)
    SeriesFactory(title="Studio visits")
    changelist = reverse("admin:articles_series_changelist")

    found = admin_client.get(changelist, {"q": "beijing"})

    assert found.status_code == 200
    assert [s.title for s in found.context["cl"].result_list] == ["Letters from Beijing"]
    assert found.context["cl"].result_list[0].part_count == 2
    added = admin_client.post(
        reverse("admin:articles_series_add"),
        {
            "title": "Notes from Venice",
            "slug": "",
            "description": "",
            "order": "0",
            "is_public": "on",
        },  # fmt: skip
    )
    assert added.status_code == 302
    assert Series.objects.get(title="Notes from Venice").slug == "notes-from-venice"


def test_series_autocomplete_for_the_article_form(admin_client):
    SeriesFactory(title="Letters from Beijing")
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "letters",
            "app_label": "articles",
            "model_name": "article",
            "field_name": "series",
        },  # fmt: skip
    )
    assert [r["text"] for r in response.json()["results"]] == ["Letters from Beijing"]


def test_article_form_has_the_series_fields_in_the_content_group(admin_client):
    content = admin_client.get(ADD_URL).content.decode()

    assert 'name="series"' in content
    assert 'name="series_part"' in content
    assert "desk-group-content" in content.split('name="series"')[0].rsplit("<fieldset", 1)[1]


def test_article_saved_in_a_series(admin_client):
    series = SeriesFactory()

    response = admin_client.post(ADD_URL, article_data(series=series.pk, series_part="2", **DRAFT))

    assert response.status_code == 302, form_errors(response)
    article = Article.objects.get()
    assert (article.series, article.series_part) == (series, 2)


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"series_part": "2"}, "series", "Choose the series"),
        ({"series": "SERIES"}, "series_part", "Give its part number"),
        ({"series": "SERIES", "series_part": "0"}, "series_part", "numbered from 1"),
    ],
)
def test_series_without_part_or_part_without_series_is_a_form_error(
    admin_client, fields, field, words
):
    series = SeriesFactory()
    fields = {k: (str(series.pk) if v == "SERIES" else v) for k, v in fields.items()}

    response = admin_client.post(ADD_URL, article_data(**fields, **DRAFT))

    errors = form_errors(response)
    assert list(errors) == [field]
    assert words in " ".join(errors[field])
    assert not Article.objects.exists()


def test_a_part_another_article_holds_is_a_form_error_naming_it(client):
    """The unique part is refused on the form, naming the article that holds it and the next
    free number, for an editor as for a superuser; nothing is saved."""
    staff_in(client, "Editor")
    series = SeriesFactory(title="Letters from Beijing")
    ArticleFactory(series=series, series_part=1, title="The first <letter>")
    ArticleFactory(series=series, series_part=3)

    response = client.post(ADD_URL, article_data(series=series.pk, series_part="1", **DRAFT))

    errors = form_errors(response)
    assert list(errors) == ["series_part"]
    message = errors["series_part"][0]
    assert "Part 1 of “Letters from Beijing” is “The first <letter>”" in message
    assert "the next free one is 4" in message
    assert Article.objects.count() == 2


def test_an_article_keeps_its_own_part_when_saved_again(admin_client):
    series = SeriesFactory()
    article = ArticleFactory(series=series, series_part=1)
    url = reverse("admin:articles_article_change", args=[article.pk])
    stored = Article.objects.get(pk=article.pk)

    data = article_form_data(stored, series=str(series.pk), series_part="1", **DRAFT)
    response = admin_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
