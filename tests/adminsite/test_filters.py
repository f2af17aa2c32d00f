"""A filter by a column's values lists them by walking the column's index: the same values in
the same order as Django's SELECT DISTINCT, whatever they hold (quotes, SQL, other scripts,
empty), and Django's query where no index leads with the column."""

import pytest
from django.contrib import admin
from django.contrib.admin.filters import AllValuesFieldListFilter
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from adminsite import filters
from artists.models import Artist
from artworks.models import Artwork
from tests.factories import ArtistFactory, ArtworkFactory

pytestmark = pytest.mark.django_db

HOSTILE = [
    "Painting",
    "painting",
    "",
    "'; DROP TABLE artworks_artwork; --",
    '"quoted" \\ back',
    "Skulptur – 彫刻",
    "Zz",
    "%_",
]


def _choices(filter_class, request, model, field_name):
    model_admin = admin.site.get_model_admin(model)
    field = model._meta.get_field(field_name)
    return list(filter_class(field, request, {}, model, model_admin, field_name).lookup_choices)


@pytest.mark.parametrize(("model", "name"), [(Artwork, "classification"), (Artist, "nationality")])
def test_the_values_are_djangos(rf, admin_user, model, name):
    for value in HOSTILE:
        if model is Artwork:
            ArtworkFactory(classification=value)
        else:
            ArtistFactory(nationality=value)
    request = rf.get("/")
    request.user = admin_user

    ours = _choices(filters.IndexedValuesFilter, request, model, name)
    djangos = _choices(AllValuesFieldListFilter, request, model, name)

    assert ours == djangos
    assert sorted(ours) == sorted(HOSTILE)
    assert model.objects.count() == len(HOSTILE)  # the table is still there


def test_the_change_list_walks_the_index(admin_client, settings):
    settings.PAGE_CACHE = False
    for value in HOSTILE:
        ArtworkFactory(classification=value)
    url = reverse("admin:artworks_artwork_changelist")

    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(url)

    assert response.status_code == 200
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    assert "WITH RECURSIVE" in sql and 'DISTINCT "artworks_artwork"."classification"' not in sql
    assert "DROP TABLE" in response.content.decode().replace("&#x27;", "'")


def test_only_columns_an_index_leads_with():
    assert filters.takes(Artwork._meta.get_field("classification"))
    assert not filters.takes(Artwork._meta.get_field("medium"))  # no index: Django's query
    assert not filters.takes(Artwork._meta.get_field("unit"))  # choices: no query at all
