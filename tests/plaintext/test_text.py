"""clean_text: what plain text keeps of what people paste."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plaintext.text import clean_text, drop_disallowed

# Characters no stored text keeps: C0 and C1 controls but tab and newline, a lone surrogate,
# noncharacters (U+FFFE and U+FFFF are not allowed in XML).
DROPPED = [*map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)])]
DROPPED += ["\ud800", "\udfff", "\ufdd0", "\ufffe", "\uffff", "\U0001fffe", "\U0010ffff"]


@pytest.mark.parametrize("character", DROPPED)
def test_control_characters_surrogates_and_noncharacters_are_dropped(character):
    """A vertical tab from Shift+Enter, a form feed, an escape, NEL: gone, not turned to space."""
    assert clean_text(f"Urn{character}s") == "Urns"


@pytest.mark.parametrize(
    ("pasted", "kept"),
    [
        ("one\r\ntwo\rthree\nfour", "one\ntwo\nthree\nfour"),
        ("a\tb", "a\tb"),
        ("  \t\n Title \n\u00a0\u3000", "Title"),
        ("Cafe\u0301", "Café"),
        ("\u212bngstr\u00f6m", "Ångström"),  # the Angstrom sign is the letter Å
        ("\u200fשלום\u200f and \u202bالفن\u202c", "\u200fשלום\u200f and \u202bالفن\u202c"),
        ("zero\u200bwidth, soft\u00adhyphen, joiner 👩\u200d🎨", None),
        ("現代美術 🎨", None),
    ],
)
def test_what_people_mean_is_kept(pasted, kept):
    """Line breaks become "\\n", accents are composed, edges trimmed; tabs, right-to-left and
    other format characters, CJK and emoji stay as typed."""
    assert clean_text(pasted) == (pasted if kept is None else kept)


def refused(character: str) -> bool:
    """What XML 1.0 or plain text refuses, said independently of plaintext.text."""
    code = ord(character)
    category = unicodedata.category(character)
    noncharacter = 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE
    return (category == "Cc" and character not in "\t\n") or category == "Cs" or noncharacter


# Any character, surrogates included, with the troublesome ones often.
TEXT = st.text(
    st.one_of(
        st.characters(exclude_categories=()),
        st.sampled_from([*DROPPED, "\r", "\n", "\t", " ", "\u0301", "\u0338", ">", "\u212b"]),
    )
)


@given(TEXT)
def test_clean_text_is_idempotent_and_leaves_nothing_xml_refuses(text):
    """Cleaning clean text changes nothing, and what comes out is composed, trimmed, and
    holds no character that XML 1.0 or plain text refuses."""
    cleaned = clean_text(text)

    assert clean_text(cleaned) == cleaned
    assert unicodedata.is_normalized("NFC", cleaned)
    assert cleaned == cleaned.strip()
    assert not any(refused(character) for character in cleaned)
    cleaned.encode("utf-8")  # no lone surrogate left to fail on


@given(TEXT)
def test_drop_disallowed_drops_only_the_refused_characters(text):
    """For HTML and feeds: only the refused characters go (line breaks become "\\n"), nothing
    else moves or is composed."""
    unified = text.replace("\r\n", "\n").replace("\r", "\n")

    assert drop_disallowed(text) == "".join(c for c in unified if not refused(c))
