"""The links of a change list's rows: one address reversed a list, the same links as Django's
(adminsite/result_links.py)."""

from types import SimpleNamespace

import pytest
from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse, set_script_prefix

from adminsite import result_links
from adminsite.result_links import ResultLinksChangeList
from articles.models import Article
from artists.models import Artist
from tests.factories import ArticleFactory, ArtistFactory

pytestmark = pytest.mark.django_db


def _list(model, user):
    request = RequestFactory().get("/")
    request.user = user
    return admin.site.get_model_admin(model).get_changelist_instance(request)


def _djangos(monkeypatch):
    """Django's own url_for_result for every list: a reverse() a row."""
    monkeypatch.setattr(ResultLinksChangeList, "url_for_result", ChangeList.url_for_result)


class _Reversed:
    def __init__(self, monkeypatch, module):
        self.count = 0
        original = module.reverse

        def counted(*args, **kwargs):
            self.count += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(module, "reverse", counted)


def test_every_registered_list_links_its_rows_this_way(admin_user):
    for model in admin.site._registry:
        changelist = admin.site.get_model_admin(model).get_changelist(None)
        assert issubclass(changelist, ResultLinksChangeList), model


@pytest.mark.parametrize("model", [Artist, Article])
def test_a_list_is_the_same_with_one_address_reversed(admin_client, monkeypatch, model):
    from django.contrib.admin.views import main  # noqa: PLC0415

    factory = ArtistFactory if model is Artist else ArticleFactory
    for _ in range(3):
        factory()
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    per_row = _Reversed(monkeypatch, main)
    once = _Reversed(monkeypatch, result_links)

    ours = admin_client.get(url).content.decode()
    assert (per_row.count, once.count) == (0, 1)

    _djangos(monkeypatch)
    djangos = admin_client.get(url).content.decode()
    assert per_row.count >= 3  # one (or more) a row

    assert _without_tokens(ours) == _without_tokens(djangos)
    for obj in model.objects.all():
        assert f'href="{reverse(_change(model), args=[obj.pk])}"' in ours


def _change(model):
    return f"admin:{model._meta.app_label}_{model._meta.model_name}_change"


def _without_tokens(html: str) -> str:
    import re  # noqa: PLC0415

    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return re.sub(r'nonce="[^"]+"', "", html)


@pytest.mark.parametrize(
    "key",
    [
        7,
        "42",
        "with_underscore-and-dash",
        "a/b?c=<script>alert(1)</script>",
        "O'Keeffe\"; DROP TABLE artists_artist; --",
        "été 100%",
        "0rowkey0",
        "#",
    ],
)
def test_each_key_is_linked_as_django_links_it(admin_user, key):
    changelist = _list(Artist, admin_user)
    row = SimpleNamespace(id=key)

    assert changelist.url_for_result(row) == ChangeList.url_for_result(changelist, row)


def test_an_empty_key_fails_as_with_django(admin_user):
    changelist = _list(Artist, admin_user)

    with pytest.raises(NoReverseMatch):
        changelist.url_for_result(SimpleNamespace(id=""))


def test_the_script_prefix_of_the_request_is_kept(admin_user):
    set_script_prefix("/newsroom/")
    try:
        changelist = _list(Artist, admin_user)
        link = changelist.url_for_result(SimpleNamespace(id=12))
    finally:
        set_script_prefix("/")

    assert link == "/newsroom/admin/artists/artist/12/change/"


def test_a_list_with_its_own_links_keeps_them(admin_user):
    class Elsewhere(ChangeList):
        def url_for_result(self, result):
            return f"/elsewhere/{result.id}/"

    changelist = _list(Artist, admin_user)
    changelist.__class__ = result_links.with_result_links(Elsewhere)

    assert changelist.url_for_result(SimpleNamespace(id=3)) == "/elsewhere/3/"
