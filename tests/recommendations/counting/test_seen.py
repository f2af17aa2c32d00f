"""The impression beacon /r/seen/: a POST of the block's token as plain text counts one
impression for each slot of the block (and per team during an experiment), answered 204 with
no cookie; anything else is refused with a clear status, and robots, prefetches and readers
who opted out are answered but not counted."""

import pytest
from django.test import Client

from recommendations.counting.beacon import MAX_BYTES
from recommendations.models import Experiment
from tests.factories import ArticleFactory
from tests.recommendations.counting.blocks import (
    READER,
    nothing_counted,
    slot_days,
    team_days,
    team_sources,
    three_targets,
    token_of,
)

pytestmark = pytest.mark.django_db
SEEN = "/r/seen/"


@pytest.fixture
def source():
    return ArticleFactory(title="The source")


@pytest.fixture
def targets():
    return three_targets()


def beacon(client, body, content_type="text/plain;charset=UTF-8", **headers):
    return client.post(SEEN, body, content_type=content_type, headers={**READER, **headers})


def test_a_beacon_counts_one_impression_per_slot(client, source, targets):
    token = token_of(source, targets, kinds=["pinned", "approved", "suggested"])
    response = beacon(client, token)
    assert response.status_code == 204 and response.content == b""
    beacon(client, token)
    assert slot_days() == [
        (1, targets[0].pk, "pinned", 2, 0),
        (2, targets[1].pk, "approved", 2, 0),
        (3, targets[2].pk, "suggested", 2, 0),
    ]


def test_in_an_experiment_each_team_counts_its_slots_shown(client, source, targets):
    experiment = Experiment.objects.create(
        name="E", variant_a="standard", variant_b="fresher", running=True
    )
    token = token_of(
        source, targets, kinds=["pinned", "suggested", "suggested"], teams=["", "a", "b"],
        experiment=experiment,
    )  # fmt: skip
    beacon(client, token)
    assert team_days() == {"a": (1, 0), "b": (1, 0)}
    two_for_a = token_of(source, targets, teams=["a", "b", "a"], experiment=experiment)
    beacon(client, two_for_a)
    assert team_days() == {"a": (3, 0), "b": (2, 0)}
    assert team_sources() == {source.pk}  # the block's article: the experiment's unit


def test_the_answer_sets_no_cookie_and_is_kept_by_no_cache(client, source, targets, settings):
    response = beacon(client, token_of(source, targets))
    assert not response.cookies and "Set-Cookie" not in response
    assert "Cookie" not in response.get("Vary", "")
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == settings.SECURE_REFERRER_POLICY


def test_no_csrf_token_is_needed(source, targets):
    """sendBeacon cannot send one, and the beacon carries no one's decision."""
    strict = Client(enforce_csrf_checks=True)
    assert beacon(strict, token_of(source, targets)).status_code == 204
    assert len(slot_days()) == 3


@pytest.mark.parametrize("method", ["get", "head", "put", "delete", "options"])
def test_only_post_is_allowed(client, method):
    response = getattr(client, method)(SEEN, headers=READER)
    assert response.status_code == 405
    assert "POST" in response["Allow"]


@pytest.mark.parametrize(
    "body",
    [
        "",
        "   ",
        "nonsense",
        "WzEsMCxbXV0:forged:signature",
        "<script>alert(1)</script>",
        "'; DROP TABLE recommendations_slotday; --",
        "token=" + "x" * 10,
    ],
)
def test_a_body_that_is_not_our_token_is_a_400(client, body):
    response = beacon(client, body)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert nothing_counted()


def test_an_altered_token_is_a_400(client, source, targets):
    token = token_of(source, targets)
    assert beacon(client, token[:-2] + ("xy" if token[-2:] != "xy" else "zz")).status_code == 400
    assert nothing_counted()


def test_a_body_that_is_not_ascii_is_a_400(client):
    response = beacon(client, "caf\u00e9".encode())
    assert response.status_code == 400 and b"not a block" in response.content
    assert beacon(client, b"\xff\xfe\x00").status_code == 400


def test_a_body_larger_than_the_limit_is_a_400_before_it_is_read(client, source, targets):
    token = token_of(source, targets)
    padded = token + " " * (MAX_BYTES + 1 - len(token))  # a valid token, padded past the limit
    response = beacon(client, padded)
    assert response.status_code == 400 and b"larger than 2048 bytes" in response.content
    assert beacon(client, "x" * 1_000_000).status_code == 400
    assert nothing_counted()
    assert beacon(client, token + " " * (MAX_BYTES - len(token))).status_code == 204


def test_a_content_length_that_lies_reads_no_more_than_the_limit(client, source, targets):
    """A body longer than its Content-Length says is read up to the limit at most."""
    token = token_of(source, targets)
    response = client.generic(
        "POST", SEEN, token.encode() + b"x" * 5000, content_type="text/plain",
        headers=READER, CONTENT_LENGTH=str(len(token)),
    )  # fmt: skip
    assert response.status_code == 204
    bad = client.generic("POST", SEEN, token, headers=READER, CONTENT_LENGTH="lots")
    assert bad.status_code == 400


@pytest.mark.parametrize(
    "headers",
    [
        {"User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"},
        {"User-Agent": "Mozilla/5.0 AppleWebKit/537.36 (compatible; GPTBot/1.2)"},
        {"User-Agent": "python-requests/2.32.3"},
        {"User-Agent": ""},
        {"Sec-Purpose": "prefetch;prerender"},
        {"Purpose": "prefetch"},
        {"DNT": "1"},
        {"Sec-GPC": "1"},
    ],
    ids=lambda headers: "-".join(f"{k}:{v[:20]}" for k, v in headers.items()),
)
def test_robots_prefetches_and_opted_out_readers_are_answered_but_not_counted(
    client, source, targets, headers
):
    assert beacon(client, token_of(source, targets), **headers).status_code == 204
    assert nothing_counted()


def test_a_block_whose_source_was_deleted_since_counts_nothing(client, source, targets):
    token = token_of(source, targets)
    source.delete()
    assert beacon(client, token).status_code == 204
    assert nothing_counted()
