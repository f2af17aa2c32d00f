"""The block's tokens are signed with SECRET_KEY (recommendations/slots.py: django.core.signing's
Signer, which also verifies with SECRET_KEY_FALLBACKS). Pages kept in the cache before a key
rotation carry tokens signed with the old key: while it is a fallback their clicks still
redirect and count, and their beacons count; once it is dropped a click is a 404 and a beacon a
400, never a 500."""

import pytest

from recommendations import slots
from tests.factories import ArticleFactory
from tests.recommendations.counting.blocks import (
    READER,
    block_of,
    nothing_counted,
    slot_days,
    three_targets,
)

pytestmark = pytest.mark.django_db

OLD = "the-key-before-the-rotation-0123456789-abcdefghijklmnopqrstuvwxyz"
NEW = "the-key-after-the-rotation-0123456789-abcdefghijklmnopqrstuvwxyz!"


@pytest.fixture
def old_token(settings):
    """A token signed before the rotation, and the block's targets."""
    targets = three_targets()
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = OLD, []
    token = slots.dump(block_of(ArticleFactory(title="The source"), targets))
    settings.SECRET_KEY = NEW
    return token, targets


def click(client, token):
    return client.get(f"/r/{token}/2/", headers=READER)


def beacon(client, token):
    return client.post("/r/seen/", token, content_type="text/plain", headers=READER)


def test_an_old_token_counts_while_the_old_key_is_a_fallback(client, settings, old_token):
    token, targets = old_token
    settings.SECRET_KEY_FALLBACKS = [OLD]
    response = click(client, token)
    assert response.status_code == 302
    assert response["Location"] == targets[1].get_absolute_url()
    assert beacon(client, token).status_code == 204
    assert [row[3:] for row in slot_days()] == [(1, 0), (1, 1), (1, 0)]
    # What is signed now is signed with the new key, whatever the fallbacks.
    assert slots.dump(slots.load(token)) != token


def test_an_old_token_is_refused_once_the_old_key_is_dropped(client, settings, old_token):
    token, _ = old_token
    settings.SECRET_KEY_FALLBACKS = []
    response = click(client, token)
    assert response.status_code == 404
    assert "no-store" in response["Cache-Control"] and not response.cookies
    assert beacon(client, token).status_code == 400
    assert nothing_counted()


def test_a_token_signed_with_a_key_never_ours_is_refused(client, settings, old_token):
    token, _ = old_token
    settings.SECRET_KEY_FALLBACKS = ["some-other-key-that-never-signed-anything-0123456789"]
    assert click(client, token).status_code == 404
    assert beacon(client, token).status_code == 400
    assert nothing_counted()
