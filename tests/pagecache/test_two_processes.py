"""Two web processes against one PostgreSQL and one Redis, as docker-compose.yml scales them:
an edit made through one process is seen fresh through the other on its very next request."""

import os
import uuid

import psycopg2
import pytest
from psycopg2 import sql

from tests.redis_server import delete_prefixed, redis_url_or_skip
from tests.webprocess import (
    Visitor,
    WebProcess,
    form_field_list,
    form_fields,
    manage,
    production_env,
)

SERVER = os.environ.get("NEWSROOM_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")

SEED = """
from django.contrib.auth.models import User
from articles.models import Article, Section
from artists.models import Artist
from django.utils import timezone
from sitesettings.models import SiteSettings
SiteSettings.current()
User.objects.create_superuser("admin", "admin@example.org", "a-long-test-password-1")
section = Section.objects.create(name="Reviews", slug="reviews")
artist = Artist.objects.create(name="Ai Weiwei", sort_name="Ai Weiwei", slug="ai-weiwei")
for slug, title in [("urn", "Urn Story"), ("seeds", "Seeds Story"), ("other", "Other Story")]:
    article = Article.objects.create(
        title=title, slug=slug, section=section, status="published",
        published_at=timezone.now() - timezone.timedelta(days=1),
    )
    if slug != "other":
        article.featured_artists.add(artist)
print(artist.pk)
"""


def postgres_or_skip():
    try:
        psycopg2.connect(f"{SERVER}/postgres", connect_timeout=3).close()
    except psycopg2.OperationalError as error:
        message = f"PostgreSQL is not answering at {SERVER} ({error})."
        if os.environ.get("NEWSROOM_REQUIRE_REDIS"):  # CI: the services must be there
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture
def shared_services(tmp_path):
    """A new database on the PostgreSQL server, migrated and seeded, and a key prefix of our
    own on Redis; both removed afterwards."""
    postgres_or_skip()
    redis_url = redis_url_or_skip()
    name, prefix = f"newsroom_two_{uuid.uuid4().hex[:10]}", f"two-{uuid.uuid4().hex[:10]}"
    admin = psycopg2.connect(f"{SERVER}/postgres", connect_timeout=3)
    admin.autocommit = True
    with admin.cursor() as cursor:  # a name we made, quoted by psycopg2 as an identifier
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    env = production_env(
        DATABASE_URL=f"{SERVER}/{name}",
        REDIS_URL=redis_url,
        CACHE_KEY_PREFIX=prefix,
        MEDIA_ROOT=str(tmp_path / "media"),
        STATIC_ROOT=str(tmp_path / "static"),
        NEWSROOM_VAR_DIR=str(tmp_path / "var"),
        TASKS_BACKEND="immediate",
        LOG_LEVEL="WARNING",
    )
    try:
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "collectstatic", "--noinput", "-v0")
        artist_pk = int(manage(env, "shell", "-c", SEED).split()[-1])
        yield env, artist_pk
    finally:
        delete_prefixed(redis_url, prefix)
        with admin.cursor() as cursor:
            cursor.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
        admin.close()


def page(visitor, path) -> tuple[int, str, str]:
    response, content = visitor.get(path)
    return response.status, response.getheader("X-Page-Cache"), content


def test_an_edit_through_one_process_is_fresh_through_the_other(shared_services, tmp_path):
    env, artist_pk = shared_services
    with (
        WebProcess(env, log=tmp_path / "a.log") as one,
        WebProcess(env, log=tmp_path / "b.log") as two,
    ):
        reader = Visitor(two.port)
        for path in ["/articles/urn/", "/articles/seeds/", "/articles/other/", "/"]:
            page(reader, path)
            status, how, content = page(reader, path)
            assert (status, how) == (200, "HIT"), path
        assert "Ai Weiwei" in page(reader, "/articles/urn/")[2]

        editor = Visitor(one.port)
        editor.log_in("admin", "a-long-test-password-1")
        change = f"/admin/artists/artist/{artist_pk}/change/"
        response, form = editor.get(change)
        assert response.status == 200
        fields = [
            (name, "Ai Wei Wei" if name == "name" else value)
            for name, value in form_field_list(form, "artist_form")
        ]
        response, _ = editor.post(change, fields + [("_save", "Save")])
        assert response.status == 302, "the admin refused the edit"

        for path in ["/articles/urn/", "/articles/seeds/"]:
            status, how, content = page(reader, path)
            assert status == 200 and how == "MISS", path
            assert "Ai Wei Wei" in content and "Ai Weiwei" not in content, path
        assert page(reader, "/articles/other/")[1] == "HIT"  # does not feature the artist

        articles = "/admin/articles/article/"
        response, listing = editor.get(articles)
        token = form_fields(listing, "changelist-form")["csrfmiddlewaretoken"]
        response, content = editor.post(
            articles,
            {"action": "unpublish", "_selected_action": ["1"], "csrfmiddlewaretoken": token},
        )
        assert response.status == 302
        assert page(reader, "/articles/urn/")[0] == 404
        status, how, home = page(reader, "/")
        assert status == 200 and how == "MISS" and "Urn Story" not in home
