"""The plain text of an article's fields as the matcher reads them, and the sentence a name is
shown in."""

from featuring.sentences import MAX_LENGTH, sentence_of
from featuring.texts import body_field, body_text, plain_field


def test_the_body_is_its_text_one_line_per_block():
    """Tags go, entities are read, each block ends a line: words of two paragraphs never join."""
    html = (
        "<h2>Intro</h2><p>Ai&nbsp;Weiwei &amp; <b>friends</b></p><ul><li>one</li><li>two</li></ul>"
    )
    assert body_text(html) == "Intro\nAi\xa0Weiwei & friends\none\ntwo\n"
    assert body_text("<p>Hepworth</p><p>Wakefield</p>") == "Hepworth\nWakefield\n"
    assert body_text("line<br>break") == "line\nbreak"


def test_links_and_italics_are_spans_of_that_text():
    field = body_field('<p>See <a href="/x/">Ai <em>Weiwei</em></a> and <em>Remembering</em>.</p>')
    assert field.text == "See Ai Weiwei and Remembering.\n"
    link = field.text.index("Ai Weiwei")
    assert field.is_skipped(link, link + 2)
    assert not field.is_skipped(0, 3)
    title = field.text.index("Remembering")
    assert field.is_emphasised(title, title + len("Remembering"))
    assert not field.is_emphasised(title - 4, title + len("Remembering"))


def test_paragraphs_are_counted():
    field = body_field("<p>one</p><p>two</p><blockquote>three</blockquote>")
    assert [field.paragraph(field.text.index(word)) for word in ("one", "two", "three")] == [
        0,
        1,
        2,
    ]
    assert plain_field("standfirst", "a\nb").paragraph(2) == 1


def test_hostile_and_broken_html_is_read_without_error():
    """Unclosed tags run to the end, scripts and styles are not text, stray brackets are text."""
    field = body_field("<p>Ai <em>Weiwei <script>alert('Ai Weiwei')</script><style>p{}</style> & <")
    assert "alert" not in field.text and "p{}" not in field.text
    assert field.is_emphasised(field.text.index("Weiwei"), field.text.index("Weiwei") + 6)
    assert body_field("</a></em><a>unclosed link").is_skipped(0, 3)
    assert body_field("").text == "" and body_field(None).text == ""


def test_the_sentence_of_a_name():
    text = "J.M.W. Turner painted it. It was c. 1840, said St. Ives. Then Hepworth came!\nNext"
    assert sentence_of(text, 0, 13) == "J.M.W. Turner painted it."
    at = text.index("Ives")
    assert sentence_of(text, at, at + 4) == "It was c. 1840, said St. Ives."
    at = text.index("Hepworth")
    assert sentence_of(text, at, at + 8) == "Then Hepworth came!"


def test_a_long_sentence_is_cut_around_the_name():
    text = " ".join(["word"] * 200) + " Hepworth " + " ".join(["more"] * 200) + "."
    at = text.index("Hepworth")
    sentence = sentence_of(text, at, at + 8)
    assert len(sentence) <= MAX_LENGTH
    assert "Hepworth" in sentence
    assert sentence.startswith("…word") and sentence.endswith("more…")
