"""Bad paths and parameters answer 404 or 400 (in the admin's lists, Django's "?e=1" redirect),
in DEBUG as in production: never a 500."""

import importlib
import io
import sys
from urllib.parse import unquote

import pytest
from django.contrib import admin
from django.contrib.admin import SimpleListFilter
from django.contrib.admin.utils import get_fields_from_path
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.wsgi import get_wsgi_application
from django.db import models
from django.test import Client
from django.urls import clear_url_caches, reverse

from adminsite.parameters import GuardedModelAdmin
from tests.factories import (
    ArticleFactory,
    ArtistFactory,
    ArtworkFactory,
    ArtworkImageFactory,
    RelatedLinkFactory,
)

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999999"
LONG = "x" * 10_000


@pytest.fixture(params=[False, True], ids=["production", "debug"])
def debug(request, settings):
    """Each test twice: DEBUG off (gunicorn in production) and on (`make run`)."""
    settings.DEBUG = request.param
    return request.param


@pytest.fixture
def content():
    article = ArticleFactory(tags=["photography"])
    artist = ArtistFactory(slug="ai-weiwei")
    return article, artist


# --- Public pages -------------------------------------------------------------------------------

PAGINATED = ["/articles/", "/artists/", "/artworks/", "/search/?q=body"]
BAD_PAGE_NUMBERS = [HUGE, "-1", "0", "abc", "%00", "1%00", "1e9", "1.5", "%EF%BC%92%00", LONG]


def test_a_bad_page_number_is_not_found_or_ignored(client, debug, content):
    article, _ = content
    lists = [
        *PAGINATED,
        article.section.get_absolute_url(),
        reverse("articles:tag-detail", args=[article.tags.get().slug]),
    ]
    for url in lists:
        for page in BAD_PAGE_NUMBERS:
            joiner = "&" if "?" in url else "?"
            response = client.get(f"{url}{joiner}page={page}")
            assert response.status_code in {200, 404}, (url, page[:20])


SEARCHES = [
    "q=%00",
    "q=a%00b",
    f"q={LONG}",
    "q=%ED%A0%80%EF%BF%BF",
    "q=body&kind=nonsense",
    "q=body&kind=%00",
    "q=body&section=no-such-section",
    "q=body&section=%00",
    f"q=body&section={LONG}",
    "q=body&kind=articles&section=..%2F..%2F",
    "q=body&page=%00",
    "kind=artists&section=x",
]


def test_the_search_takes_any_parameters(client, debug, content):
    for query in SEARCHES:
        assert client.get(f"/search/?{query}").status_code == 200, query[:40]


BAD_PATHS = [
    "/%00",
    "/articles/%00/",
    "/articles/a%00b/",
    f"/articles/{LONG}/",
    "/articles/%ED%A0%80/",
    "/articles/..%2F..%2Fnewsroom%2Fsettings.py/",
    "/sections/%00/",
    "/tags/%00/",
    "/tags/%F0%9F%8E%A8%00/",
    "/artists/%00/",
    "/artworks/%00/",
    "/preview/%00/",
    f"/preview/{LONG}/",
    "/feeds/sections/%00/rss/",
    "/feeds/tags/%00/atom/",
    "/feeds/artists/%00/rss/",
    "/sitemap-%00.xml",
    "/sitemap-nothing.xml",
    "/sitemap-articles.xml?p=%00",
    f"/sitemap-articles.xml?p={HUGE}",
]


def test_a_bad_path_is_not_found(client, debug, content):
    for path in BAD_PATHS:
        assert client.get(path).status_code in {301, 400, 404}, path[:40]


# --- Static files and media while developing ----------------------------------------------------

TRAVERSALS = [
    "../../newsroom/settings.py",
    "%2e%2e/%2e%2e/newsroom/settings.py",
    "..%2f..%2fnewsroom/settings.py",
    "%2e%2e%2f%2e%2e%2fnewsroom%2fsettings.py",
    "..\\..\\newsroom\\settings.py",
    "..%5c..%5cnewsroom%5csettings.py",
    "%c0%ae%c0%ae/%c0%ae%c0%ae/newsroom/settings.py",
    "css/../../../newsroom/settings.py",
    "../" * 12 + "etc/passwd",
    "/etc/passwd",
    "css/site.css%00",
    "css/site.css%00.png",
    "%00",
    LONG,
]


def wsgi_get(application, raw_path: str) -> tuple[str, bytes]:
    """A GET as runserver's server hands it to the application (path percent-decoded)."""
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": unquote(raw_path, "iso-8859-1"),
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "127.0.0.1:8000",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
    }
    started = []
    body = b"".join(application(environ, lambda status, headers, *_: started.append(status)))
    return started[0], body


@pytest.fixture
def runserver_application(settings):
    """What `make run` serves: the site wrapped in the static files handler, DEBUG on."""
    settings.DEBUG = True
    return StaticFilesHandler(get_wsgi_application())


def test_runserver_answers_a_path_out_of_the_static_files_with_404(runserver_application):
    for path in TRAVERSALS:
        status, body = wsgi_get(runserver_application, f"/static/{path}")
        assert status.startswith("404 "), (path[:40], status)
        assert b"SECRET_KEY" not in body and b"root:" not in body


def test_runserver_still_serves_static_files(runserver_application):
    status, body = wsgi_get(runserver_application, "/static/css/site.css")
    assert status.startswith("200 ") and body


def test_the_site_answers_a_path_out_of_the_static_files_with_404(debug):
    """Through WhiteNoise, which looks in the finders too while DEBUG is on."""
    client = Client()  # a new client: its middleware reads DEBUG as it is now
    for path in TRAVERSALS:
        response = client.get(f"/static/{path}")
        assert response.status_code == 404, path[:40]
        body = b"".join(response)
        assert b"SECRET_KEY" not in body and b"root:" not in body


@pytest.fixture
def development_urls(settings, tmp_path):
    """newsroom/urls.py as read with DEBUG on: it serves uploads under MEDIA_URL."""
    settings.DEBUG = True
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media" / "images").mkdir(parents=True)
    (tmp_path / "media" / "images" / "a.txt").write_text("an upload")
    urls = importlib.import_module("newsroom.urls")
    importlib.reload(urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(urls)
    clear_url_caches()


def test_media_served_while_developing_answers_a_path_out_of_it_with_404(client, development_urls):
    for path in TRAVERSALS:
        assert client.get(f"/media/{path}").status_code == 404, path[:40]


def test_media_served_while_developing_still_serves_uploads(client, development_urls):
    response = client.get("/media/images/a.txt")
    assert response.status_code == 200 and b"".join(response) == b"an upload"


# --- The admin's lists ---------------------------------------------------------------------------

# Parameters every change list gets: ordering, page, search, lookups Django allows on any field.
ANY_LIST = [
    "o=garbage",
    "o=-99999999999999999999",
    "o=1.x.-.",
    "o=%00",
    f"p={HUGE}",
    "p=-1",
    "p=abc",
    "p=%00",
    "q=%00",
    "q=a%00b",
    f"q={LONG}",
    f"id__in={HUGE}",
    f"pk__in=1,{HUGE}",
    "id__in=1,abc",
    "id__exact=%00",
    f"id__gt={HUGE}",
    "id__regex=(",
    "pk__iregex=[",
    f"all=&p={HUGE}",
    f"_facets=1&id__in={HUGE}",
    "nothing_here=1",
    f"e=1&id__in={HUGE}",
    "_to_field=nonsense",
    "%00=1",
]
TEXT_LOOKUPS = ["regex=(", "iregex=[", "search=x", "trigram_similar=x", "unaccent=x", "in=a,%00"]
DATES = [
    "year=99999999999999",
    "year=9999",
    "year=0",
    "year=-5",
    "year=abc",
    f"year=2024&{{field}}__month={HUGE}",
    "year=2024&{field}__month=13",
    "year=9999&{field}__month=12",
    "year=9999&{field}__month=12&{field}__day=31",
    "year=2024&{field}__month=2&{field}__day=30",
    "year=1&{field}__month=1&{field}__day=1",
    f"year__gt={HUGE}",
    f"year__in=1,{HUGE}",
    f"month={HUGE}",
    "gte=0001-01-01T00:00:00%2B14:00",
    "lt=9999-12-31T23:59:59-12:00",
    "gte=notadate",
    "gte=99999-01-01",
]


def bad_filters(model_admin, request) -> list[str]:
    """Wrong values for each filter of this list and its date hierarchy, and lookups its text
    fields do not need."""
    params = []
    for item in model_admin.get_list_filter(request):
        if isinstance(item, type) and issubclass(item, SimpleListFilter):
            name = item.parameter_name
            params += [f"{name}=abc", f"{name}={HUGE}", f"{name}=%00"]
            continue
        path = item[0] if isinstance(item, (list, tuple)) else item
        field = get_fields_from_path(model_admin.model, path)[-1]
        if field.is_relation:
            params += [f"{path}__id__exact=abc", f"{path}__id__exact={HUGE}", f"{path}=1.5"]
            params += [f"{path}__isnull=maybe", f"{path}__id__in=1,{HUGE}"]
        elif isinstance(field, models.BooleanField):
            params += [f"{path}__exact=maybe", f"{path}__exact=2", f"{path}__exact={HUGE}"]
        elif isinstance(field, (models.DateField, models.DateTimeField)):
            params += [f"{path}__{each.format(field=path)}" for each in DATES]
        else:
            params += [f"{path}__exact=%00", f"{path}__exact={LONG}", f"{path}={HUGE}"]
    if model_admin.date_hierarchy:
        field = model_admin.date_hierarchy
        params += [f"{field}__{each.format(field=field)}" for each in DATES]
    for field in model_admin.model._meta.get_fields():
        if isinstance(field, (models.CharField, models.TextField)):
            params += [f"{field.name}__{lookup}" for lookup in TEXT_LOOKUPS]
            break
    return params


def registered():
    return sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def some_of_everything():
    RelatedLinkFactory()
    ArtworkImageFactory(artwork=ArtworkFactory(tags=["urns"]))
    ArtistFactory(tags=["pop-art"])
    ArticleFactory(tags=["photography"])


@pytest.mark.parametrize(
    "model", [model for model, _ in registered()], ids=lambda model: model._meta.label
)
def test_no_change_list_fails_on_its_parameters(admin_client, debug, model, rf):
    """Every list of the admin, ours and installed apps' (taggit's tags, auth's users and
    groups), answers each bad parameter with its page, "?e=1" or a 400."""
    some_of_everything()
    model_admin = admin.site._registry[model]
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    plain = admin_client.get(url)  # the site settings' list leads to its one row
    for query in ANY_LIST + bad_filters(model_admin, rf.get(url)):
        response = admin_client.get(f"{url}?{query}")
        assert response.status_code in {200, 302, 400}, query
        if response.status_code == 302:
            assert response["Location"] in {f"{url}?e=1", plain.get("Location")}, query


def test_an_overflowing_year_gets_the_lists_own_error_page(admin_client, debug):
    """The address of the issue: Django's redirect to the list without filters, with a note."""
    url = reverse("admin:articles_article_changelist")
    response = admin_client.get(f"{url}?published_at__year=99999999999999")
    assert response.status_code == 302 and response["Location"] == f"{url}?e=1"
    assert admin_client.get(response["Location"]).status_code == 200


def test_every_model_admin_is_guarded():
    """Registering is the one door: an admin registered by any app gets the guarded lists."""
    assert all(isinstance(model_admin, GuardedModelAdmin) for _, model_admin in registered())
    assert {model._meta.label for model, _ in registered()} >= {
        "taggit.Tag",
        "auth.User",
        "auth.Group",
    }


PREFILLED = [
    f"section={HUGE}",
    "section=abc",
    "published_at=99999-01-01",
    "published_at=2024-01-01",
    f"featured_artists=1,{HUGE}",
    "featured_artists=abc",
    f"tags={HUGE}",
    "tags=abc,def",
    "status=bogus",
    "title=%00",
]


def test_the_add_form_ignores_prefilled_values_it_cannot_hold(admin_client, debug):
    """Prefilled values (what the admin's "add another" links pass) it cannot hold are left
    out; a NUL character is a 400 anywhere in the admin."""
    for query in PREFILLED:
        response = admin_client.get(f"{reverse('admin:articles_article_add')}?{query}")
        assert response.status_code in {200, 400}, query
    prefilled = admin_client.get(f"{reverse('admin:articles_article_add')}?title=Prefilled")
    assert 'value="Prefilled"' in prefilled.content.decode()


AUTOCOMPLETES = [
    "term=%00&app_label=articles&model_name=article&field_name=featured_artists",
    "term=a%00&app_label=recommendations&model_name=relatedlink&field_name=source",
    f"term={LONG}&app_label=recommendations&model_name=relatedlink&field_name=source",
    f"term=x&app_label=recommendations&model_name=relatedlink&field_name=source&page={HUGE}",
    "term=x&app_label=%00&model_name=article&field_name=source",
]


def test_the_autocomplete_answers_bad_parameters_with_400_or_nothing_found(admin_client, debug):
    for query in AUTOCOMPLETES:
        response = admin_client.get(f"/admin/autocomplete/?{query}")
        assert response.status_code in {200, 400, 403, 404}, query[:60]
