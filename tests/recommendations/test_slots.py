"""The block's token (recommendations/slots.py): what the click redirect and the impression
beacon count from, so it must come back exactly, refuse anything altered, and be the same
token for the same block (a page built again is the same page)."""

import pytest
from django.core import signing

from recommendations import slots

BLOCK = slots.Block(
    12,
    (
        slots.Slot(1, 34, "pinned"),
        slots.Slot(2, 56, "suggested", "a"),
        slots.Slot(3, 78, "approved", "b"),
    ),
    3,
)


def test_a_token_carries_the_block_back():
    token = slots.dump(BLOCK)
    assert slots.load(token) == BLOCK
    assert slots.load(token).slot(2) == slots.Slot(2, 56, "suggested", "a")
    assert slots.load(token).slot(0) is None and slots.load(token).slot(4) is None


def test_the_same_block_is_the_same_token():
    assert slots.dump(BLOCK) == slots.dump(BLOCK)
    assert slots.dump(slots.Block(12, BLOCK.slots)) != slots.dump(BLOCK)


@pytest.mark.parametrize(
    "token",
    [
        "",
        "x",
        "not:a:token",
        slots.dump(BLOCK) + "x",
        slots.dump(BLOCK)[:-1] + ("A" if slots.dump(BLOCK)[-1] != "A" else "B"),
        "." + slots.dump(BLOCK)[2:],
        signing.Signer(salt="another").sign_object([12, 0, [[34, "p", ""]]], compress=True),
        signing.Signer(salt=slots.SALT).sign_object([12, 0, [[34, "z", ""]]]),  # unknown kind
        signing.Signer(salt=slots.SALT).sign_object([12, 0, [[34, "p", "c"]]]),  # unknown team
        signing.Signer(salt=slots.SALT).sign_object([12, 0, [[34, "p"]]]),  # short row
        signing.Signer(salt=slots.SALT).sign_object({"source": 12}),
        signing.Signer(salt=slots.SALT).sign_object(["x", 0, []]),
    ],
)
def test_anything_altered_or_not_ours_is_refused(token):
    assert slots.load(token) is None
