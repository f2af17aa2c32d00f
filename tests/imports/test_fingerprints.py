"""The rule that keeps editors' changes: a field is written only when it still holds what the
import last wrote (or, never written by it, is empty)."""

from decimal import Decimal

import pytest

from artworks.models import ArtworkArtist
from imports.fingerprints import fingerprint, merge


def test_equal_values_have_equal_fingerprints_whatever_their_type():
    """A decimal read back from the database equals the one written; a tuple equals a list."""
    assert fingerprint(Decimal("533.00")) == fingerprint(Decimal("533"))
    assert fingerprint(("a", "b")) == fingerprint(["a", "b"])
    assert fingerprint(ArtworkArtist.Role.AFTER) == fingerprint("after")
    assert fingerprint("") != fingerprint(None)
    assert fingerprint("533") != fingerprint(Decimal("533"))
    assert len(fingerprint("x" * 10_000)) == 16


A, B, C = "Table", "Table II", "Table (edited)"


@pytest.mark.parametrize(
    ("now", "new", "last", "written", "kept"),
    [
        pytest.param(A, A, A, None, False, id="same-again"),
        pytest.param(A, B, A, B, False, id="untouched-follows-the-source"),
        pytest.param(C, B, A, None, True, id="edited-is-kept"),
        pytest.param(C, A, A, None, True, id="edited-is-kept-when-the-source-stays"),
        pytest.param("", A, A, None, True, id="emptied-by-the-editor-stays-empty"),
        pytest.param("", A, None, A, False, id="never-written-and-empty-is-filled"),
        pytest.param(C, A, None, None, True, id="never-written-and-filled-is-kept"),
        pytest.param(B, B, A, None, False, id="editor-agrees-with-the-source"),
    ],
)
def test_merge(now, new, last, written, kept):
    """One field: what is written, and whether an editor's value was kept."""
    stored = {} if last is None else {"title": fingerprint(last)}

    result = merge(current={"title": now}, incoming={"title": new}, stored=stored)

    assert result.changes == ({} if written is None else {"title": written})
    assert bool(result.kept) is kept


def test_fingerprints_follow_what_the_record_holds():
    """After a merge the stored fingerprint is of the value the field holds, when that is the
    source's; an editor's value leaves it as the import last wrote it."""
    stored = {"title": fingerprint(A), "medium": fingerprint("Wood")}

    result = merge(
        current={"title": C, "medium": "Wood"},
        incoming={"title": B, "medium": "Oak"},
        stored=stored,
    )

    assert result.fingerprints == {"title": fingerprint(A), "medium": fingerprint("Oak")}
    assert result.writes


def test_nothing_to_write_when_all_agree():
    stored = {"title": fingerprint(A)}

    result = merge(current={"title": A}, incoming={"title": A}, stored=stored)

    assert not result.writes
