"""The click redirect /r/<token>/<position>/: it sends a reader to the public article its signed
token names in that slot and counts the click (for the slot, and for its team during an
experiment), answers but never counts robots, prefetches and readers who opted out, and
cannot be made to send anyone anywhere else (open redirect)."""

from urllib.parse import urlsplit

import pytest
from django.core import signing
from django.db import connection

from recommendations import slots
from recommendations.models import Experiment
from tests.factories import ArticleFactory
from tests.recommendations.counting.blocks import (
    BROWSER,
    READER,
    nothing_counted,
    slot_days,
    team_days,
    team_sources,
    three_targets,
    token_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def source():
    return ArticleFactory(title="The source")


@pytest.fixture
def targets():
    return three_targets()


def click(client, token, position, **extra):
    headers = {**READER, **extra.pop("headers", {})}
    return client.get(f"/r/{token}/{position}/", headers=headers, **extra)


def test_a_click_redirects_to_the_slots_article_and_is_counted(client, source, targets):
    token = token_of(source, targets, kinds=["pinned", "approved", "suggested"])
    response = click(client, token, 2)
    assert response.status_code == 302
    assert response["Location"] == targets[1].get_absolute_url()
    assert slot_days() == [(2, targets[1].pk, "approved", 0, 1)]
    click(client, token, 2)
    click(client, token, 3)
    assert slot_days() == [
        (2, targets[1].pk, "approved", 0, 2),
        (3, targets[2].pk, "suggested", 0, 1),
    ]


def test_a_click_in_an_experiment_counts_for_its_slots_team(client, source, targets):
    experiment = Experiment.objects.create(
        name="E", variant_a="standard", variant_b="fresher", running=True
    )
    token = token_of(
        source, targets, kinds=["pinned", "suggested", "suggested"], teams=["", "b", "a"],
        experiment=experiment,
    )  # fmt: skip
    click(client, token, 2)
    click(client, token, 2)
    click(client, token, 3)
    assert team_days() == {"b": (0, 2), "a": (0, 1)}
    click(client, token, 1)  # the pin belongs to no team
    assert team_days() == {"b": (0, 2), "a": (0, 1)}
    assert team_sources() == {source.pk}  # the block's article: the experiment's unit
    assert [row[4] for row in slot_days()] == [1, 2, 1]


def test_a_click_after_the_experiment_stopped_counts_for_no_team(client, source, targets):
    """A page built while it ran may still be open: its slot counts, no team does."""
    experiment = Experiment.objects.create(
        name="E", variant_a="standard", variant_b="fresher", running=True
    )
    token = token_of(source, targets, teams=["a", "b", "a"], experiment=experiment)
    click(client, token, 1)
    Experiment.objects.filter(pk=experiment.pk).update(running=False)
    click(client, token, 2)
    assert team_days() == {"a": (0, 1)}
    assert [row[4] for row in slot_days()] == [1, 1]


def test_the_answer_is_kept_by_no_cache_indexed_by_no_engine_and_sets_no_cookie(
    client, source, targets, settings
):
    response = click(client, token_of(source, targets), 1)
    assert "no-store" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]
    assert response["Referrer-Policy"] == settings.SECURE_REFERRER_POLICY
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies and "Set-Cookie" not in response
    assert not hasattr(response.wsgi_request, "session") or not (
        response.wsgi_request.session.accessed
    )


def test_head_is_answered_but_not_counted(client, source, targets):
    """Browsers follow links with GET; a HEAD is a link checker or a preview."""
    response = client.head(f"/r/{token_of(source, targets)}/1/", headers=READER)
    assert response.status_code == 302 and response["Location"] == targets[0].get_absolute_url()
    assert nothing_counted()


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_other_methods_are_refused(client, source, targets, method):
    response = getattr(client, method)(f"/r/{token_of(source, targets)}/1/", headers=READER)
    assert response.status_code == 405
    assert nothing_counted()


@pytest.mark.parametrize(
    "headers",
    [
        {"User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"},
        {"User-Agent": "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"},
        {"User-Agent": "facebookexternalhit/1.1"},
        {"User-Agent": "curl/8.5.0"},
        {"User-Agent": ""},
        {"Sec-Purpose": "prefetch"},
        {"Sec-Purpose": "prefetch;prerender"},
        {"Purpose": "prefetch"},
        {"X-Purpose": "preview"},
        {"X-Moz": "prefetch"},
        {"DNT": "1"},
        {"Sec-GPC": "1"},
    ],
    ids=lambda headers: "-".join(f"{k}:{v[:20]}" for k, v in headers.items()) or "none",
)
def test_robots_prefetches_and_opted_out_readers_are_redirected_but_not_counted(
    client, source, targets, headers
):
    response = click(client, token_of(source, targets), 1, headers=headers)
    assert response.status_code == 302
    assert response["Location"] == targets[0].get_absolute_url()
    assert nothing_counted()


# Open redirect -----------------------------------------------------------------------------


def assert_not_found_nor_counted(response):
    assert response.status_code == 404
    assert "Location" not in response
    assert nothing_counted()


def test_an_altered_token_is_not_found(client, source, targets):
    token = token_of(source, targets)
    data, signature = token.rsplit(":", 1)
    flipped = signature[:-1] + ("A" if signature[-1] != "A" else "B")
    assert_not_found_nor_counted(click(client, f"{data}:{flipped}", 1))
    # The payload of another block under the same signature.
    other = token_of(targets[0], [source]).split(":")[0]
    assert_not_found_nor_counted(click(client, f"{other}:{token.split(':', 1)[1]}", 1))


@pytest.mark.parametrize(
    "token",
    [
        "nonsense",
        "",
        "WzEsMCxbXV0",  # a payload with no signature
        signing.dumps([1, 0, [[1, "s", ""]]], salt="another.salt"),  # signed for something else
        signing.dumps([1, 0, [[1, "s", ""]]], salt=slots.SALT, key="not-our-secret-key"),
        signing.dumps([1, 0, [[1, "zz", ""]]], salt=slots.SALT),  # ours, but malformed
        signing.dumps([1, 0, [[1, "s", "evil"]]], salt=slots.SALT),
        signing.dumps("https://evil.example/", salt=slots.SALT),
    ],
)
def test_a_token_we_did_not_make_is_not_found(client, token):
    assert_not_found_nor_counted(client.get(f"/r/{token}/1/", headers=READER))


@pytest.mark.parametrize("position", [0, 4, 99, 2**40])
def test_a_position_outside_the_block_is_not_found(client, source, targets, position):
    assert_not_found_nor_counted(click(client, token_of(source, targets), position))


@pytest.mark.parametrize("path", ["-1/", "one/", "1", "1/extra/"])
def test_a_malformed_position_is_not_found(client, source, targets, path):
    response = client.get(f"/r/{token_of(source, targets)}/{path}", headers=READER)
    assert response.status_code in (301, 404)
    assert urlsplit(response.get("Location", "")).netloc == ""
    assert nothing_counted()


@pytest.mark.parametrize(
    "state",
    [{"draft": True}, {"scheduled": True}],
    ids=["draft", "scheduled"],
)
def test_a_target_that_is_not_public_now_is_not_found(client, source, state):
    hidden = ArticleFactory(**state)
    assert_not_found_nor_counted(click(client, token_of(source, [hidden]), 1))


def test_a_target_deleted_since_is_not_found(client, source, targets):
    token = token_of(source, targets)
    targets[0].delete()
    assert_not_found_nor_counted(click(client, token, 1))


def test_a_target_unpublished_since_is_not_found(client, source, targets):
    from articles import services as publishing  # noqa: PLC0415

    token = token_of(source, targets)
    publishing.article_unpublish(article=targets[0], user=None)
    assert_not_found_nor_counted(click(client, token, 1))


@pytest.mark.parametrize(
    "path",
    [
        "/r//evil.example/1/",
        "/r/%2F%2Fevil.example/1/",
        "/r/https:%2F%2Fevil.example/1/",
        "/r/%5C%5Cevil.example/1/",
        "/r/..%2F..%2F%2Fevil.example/1/",
        "//evil.example/r/x/1/",
    ],
)
def test_addresses_of_another_site_in_the_path_go_nowhere(client, path):
    response = client.get(path, headers=READER)
    assert response.status_code in (301, 404)
    assert urlsplit(response.get("Location", "")).netloc == ""
    assert nothing_counted()


@pytest.mark.parametrize(
    "query",
    [
        "?next=https://evil.example/",
        "?next=//evil.example",
        "?url=https://evil.example/&redirect=https://evil.example/&to=//evil.example",
    ],
)
def test_query_parameters_cannot_choose_the_destination(client, source, targets, query):
    response = client.get(f"/r/{token_of(source, targets)}/1/{query}", headers=READER)
    assert response.status_code == 302
    assert response["Location"] == targets[0].get_absolute_url()


def test_host_headers_cannot_choose_the_destination(client, source, targets):
    token = token_of(source, targets)
    forwarded = click(
        client, token, 1, headers={"X-Forwarded-Host": "evil.example", "Forwarded": "host=evil"}
    )
    assert forwarded.status_code == 302
    assert forwarded["Location"] == targets[0].get_absolute_url()
    other_host = client.get(
        f"/r/{token}/1/", headers={"User-Agent": BROWSER}, HTTP_HOST="evil.example"
    )
    assert other_host.status_code == 400  # not one of ALLOWED_HOSTS
    assert "Location" not in other_host


def test_the_destination_is_always_a_path_on_this_site(client, source):
    """Whatever the target's slug holds, the Location is a path of ours."""
    odd = [
        ArticleFactory(slug="evil-example-com"),
        ArticleFactory(slug="http-evil-example"),
        ArticleFactory(slug="ação-café"),
    ]
    token = token_of(source, odd)
    for position in (1, 2, 3):
        location = click(client, token, position)["Location"]
        assert location.startswith("/") and not location.startswith("//")
        assert urlsplit(location).netloc == "" and urlsplit(location).scheme == ""


def test_robots_txt_keeps_crawlers_out_of_the_redirect(client):
    assert "Disallow: /r/" in client.get("/robots.txt").content.decode().splitlines()


@pytest.mark.django_db(transaction=True)
def test_counts_are_transactions_of_their_own_outside_the_requests(client, monkeypatch):
    """The count's transaction is the outermost one and starts with its write: on SQLite a
    transaction that read first cannot wait for another writer ("database is locked"; 90 of
    200 concurrent clicks failed so before, on the embedded default)."""
    from recommendations.counting import services  # noqa: PLC0415

    source, targets = ArticleFactory(), three_targets()
    token = token_of(source, targets)
    depths = []
    add = services.add_to_slot_days

    def spied(counts):
        depths.append(len(connection.atomic_blocks))
        add(counts)

    monkeypatch.setattr(services, "add_to_slot_days", spied)
    assert click(client, token, 1).status_code == 302
    seen = client.post("/r/seen/", token, content_type="text/plain", headers=READER)
    assert seen.status_code == 204
    assert depths == [1, 1]
    assert [row[3:] for row in slot_days()] == [(1, 1), (1, 0), (1, 0)]


@pytest.mark.parametrize("site", ["cross-site", "same-site"])
def test_a_request_another_site_made_is_answered_not_counted(client, source, targets, site):
    """An <img> on another site pointing at a click address, a no-cors POST of a copied
    token: the browser says Sec-Fetch-Site; only our own pages' requests count."""
    token = token_of(source, targets)
    response = click(client, token, 1, headers={"Sec-Fetch-Site": site})
    assert response.status_code == 302
    seen = client.post(
        "/r/seen/", token, content_type="text/plain", headers={**READER, "Sec-Fetch-Site": site}
    )
    assert seen.status_code == 204
    assert nothing_counted()
    click(client, token, 1, headers={"Sec-Fetch-Site": "same-origin"})
    assert [row[4] for row in slot_days()] == [1]


def test_a_count_the_database_cannot_take_never_keeps_a_reader_from_the_article(
    client, source, targets, monkeypatch
):
    from django.db import OperationalError  # noqa: PLC0415

    from recommendations.counting import services  # noqa: PLC0415

    def locked(**values):
        raise OperationalError("database is locked")

    monkeypatch.setattr(services, "slot_clicked", locked)
    monkeypatch.setattr(services, "block_seen", locked)
    token = token_of(source, targets)
    response = click(client, token, 1)
    assert response.status_code == 302
    assert response["Location"] == targets[0].get_absolute_url()
    seen = client.post("/r/seen/", token, content_type="text/plain", headers=READER)
    assert seen.status_code == 204


def test_a_404_sets_no_cookie_and_is_kept_by_no_cache(client):
    client.cookies["csrftoken"] = "bad"
    response = client.get("/r/garbage/1/", headers=READER)
    assert response.status_code == 404
    assert not response.cookies and "Cookie" not in response.get("Vary", "")
    assert "no-store" in response["Cache-Control"]
