"""The normalizer's truth table: how names and text are compared, and the offsets back into the
text as written."""

import pytest

from featuring.normalizing import normal_form, normalize


@pytest.mark.parametrize(
    ("written", "normal"),
    [
        ("Ai Weiwei", "ai weiwei"),
        ("AI WEIWEI", "ai weiwei"),
        ("Weiwei's", "weiwei"),
        ("Weiwei’s", "weiwei"),
        ("Beuys'", "beuys"),
        ("  Ai\t\n Weiwei  ", "ai weiwei"),
        ("Self-Portrait", "self portrait"),
        ("J.M.W. Turner", "j m w turner"),
        ("Hepworth, Dame Barbara", "hepworth dame barbara"),
        ("Paul Cézanne", "paul cezanne"),
        ("Manuel Álvarez Bravo", "manuel alvarez bravo"),
        ("Straße", "strasse"),
        ("Æsop Øster Łódź", "aesop oster lodz"),
        ("Gilbert & George", "gilbert george"),
        ("Adam’s Apple", "adam apple"),
        ("Untitled No. 3", "untitled no 3"),
        ("O'Keeffe", "o keeffe"),
        ("it's", "it"),
        ("‘Remembering’", "remembering"),
        ("$he", "he"),
        ("...", ""),
        ("", ""),
    ],
)
def test_normal_form(written, normal):
    """Case, accents, punctuation and possessives do not count; whole words are kept."""
    assert normal_form(written) == normal
    assert normalize(written).text.strip() == normal


@pytest.mark.parametrize(
    "text",
    [
        "Weiwei's seeds, AI  WEIWEI!",
        "Straße Æsop’s  Cézanne",
        "ﬁne words",
        "J.M.W. Turner’s Burg Katz",
        "日本の美術 and Hokusai",
    ],
)
def test_offsets_lead_back_to_the_words_as_written(text):
    """Every normalized word maps back to the original word it came from."""
    normalized = normalize(text)
    position = 1
    for word in normalized.text.split():
        start, end = normalized.span(position, position + len(word))
        assert normal_form(text[start:end]) == word
        position += len(word) + 1


def test_the_normalized_text_is_padded_for_whole_words():
    """ " ai weiwei " is found in " ai weiwei at tate ", never inside a longer word."""
    assert normalize("Ai Weiwei at Tate").text == " ai weiwei at tate "
    assert " art " not in normalize("a party").text
