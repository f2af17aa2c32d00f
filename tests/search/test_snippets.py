"""Snippets show the matches in <mark> and nothing else as markup."""

import re

import pytest

from search.snippets import START, STOP, excerpt, highlight
from tests.factories import ArticleFactory
from tests.search.searching import snippets


def test_highlight_escapes_everything_but_its_marks():
    """Text from the database is escaped; only the markers become <mark>."""
    marked = f'<script>alert(1)</script> & "{START}painting{STOP}" <b>{START}x'

    html = highlight(marked)

    assert html == (
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;<mark>painting</mark>&quot; &lt;b&gt;x"
    )


def test_highlight_marks_only_what_is_inside_a_pair():
    assert highlight(f"{STOP}a{START}<i>{STOP}{START}") == "a<mark>&lt;i&gt;</mark>"


def test_excerpt_cuts_around_the_first_match():
    text = "Lorem ipsum " * 40 + "the Painting itself " + "dolor sit " * 40

    cut = excerpt(text, ["painting"], width=120)

    assert f"{START}Painting{STOP}" in cut
    assert cut.startswith("… ") and cut.endswith(" …")
    assert len(cut) < 140


def test_excerpt_without_a_match_is_the_start():
    assert excerpt("Short text.", ["absent"]) == "Short text."


@pytest.mark.django_db
def test_snippets_from_the_body_are_escaped(client):
    """Text in a body that looks like HTML is shown as text: only <mark> is markup."""
    ArticleFactory(
        title="Notes",
        standfirst="",
        body="<p>On &lt;b&gt;painting&lt;/b&gt; &amp; drawing: "
        "&lt;img src=x onerror=alert(1)&gt; more painting.</p>",
    )

    [snippet] = snippets(client, "painting")

    assert set(re.findall(r"</?([a-z]+)", snippet)) == {"mark"}
    assert "<mark>painting</mark>" in snippet
    assert "&amp; drawing" in snippet
    assert "&lt;img src=x onerror=alert(1)&gt;" in snippet


@pytest.mark.django_db
def test_snippets_mark_other_forms_and_accents_of_the_words(client):
    """The snippet marks what the search matched: another form of the word, accents or not."""
    ArticleFactory(
        title="Notes",
        standfirst="",
        body="<p>She kept painting the École des Beaux-Arts until dusk.</p>",
    )

    [snippet] = snippets(client, "paintings ecole")

    assert "<mark>painting</mark>" in snippet
    assert "<mark>École</mark>" in snippet
