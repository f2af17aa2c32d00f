"""Suggestions for an article's "Featuring": what its text names, minus what it features, shows
in its figures or has a decision on; for the saved article and for the text of an unsaved form."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from featuring.decisions import featuring_accept, featuring_reject
from featuring.suggestions import article_suggestions, settled
from tests.factories import (
    ArticleFactory,
    ArticleFigureFactory,
    ArtistFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
)

pytestmark = pytest.mark.django_db

BODY = (
    "<p>The show opens in May. AI WEIWEI made Sunflower Seeds for the Turbine Hall, "
    "a hundred million seeds of porcelain. Nobody walked on them for long.</p>"
)


@pytest.fixture
def names():
    """An artist and a work of theirs whose title is ordinary words: found where the artist is
    named nearby."""
    artist, artwork = ArtistFactory(name="Ai Weiwei"), ArtworkFactory(title="Sunflower Seeds")
    ArtworkArtistFactory(artwork=artwork, artist=artist)
    return artist, artwork


def suggested(article, **text):
    text = {
        "title": article.title,
        "standfirst": article.standfirst,
        "body": article.body,
        **text,
    }
    return [(s.kind, s.object_id) for s in article_suggestions(article=article, **text)]


def test_names_in_the_text_are_suggested_with_their_sentence(names):
    """The artist and the artwork the body names, in reading order, each with the sentence it
    is in and the words as written marked."""
    artist, artwork = names
    article = ArticleFactory(body=BODY)

    found = article_suggestions(
        article=article, title=article.title, standfirst=article.standfirst, body=article.body
    )

    assert [(s.kind, s.object_id, s.name) for s in found] == [
        ("artist", artist.pk, "Ai Weiwei"),
        ("artwork", artwork.pk, "Sunflower Seeds"),
    ]
    first = found[0]
    assert first.field == "body"
    assert first.found == "AI WEIWEI"
    assert "Turbine Hall" in first.after
    assert first.sentence.startswith(first.before)
    assert first.key == f"artist:{artist.pk}"


def test_what_the_article_features_or_its_figures_show_is_not_suggested(names):
    """Featured artists and artworks, and the artworks its figures show, are settled."""
    artist, artwork = names
    article = ArticleFactory(body=BODY)
    article.featured_artists.add(artist)
    assert suggested(article) == [("artwork", artwork.pk)]

    ArticleFigureFactory(article=article, artwork=artwork)
    assert suggested(article) == []


def test_decided_names_are_never_suggested_again_even_after_edits(names, admin_user):
    """A rejection is remembered: the rejected artwork named again in a later edit, in the
    title this time, is still not suggested; an accepted artist is featured and settled."""
    artist, artwork = names
    article = ArticleFactory(body=BODY)
    featuring_reject(article=article, subject=artwork, user=admin_user)
    assert suggested(article) == [("artist", artist.pk)]

    featuring_accept(article=article, subject=artist, user=admin_user)
    article.refresh_from_db()
    article.title = "Sunflower Seeds, again"
    article.body = BODY + "<p>Sunflower Seeds was swept up in 2010.</p>"
    article.save()
    assert suggested(article) == []
    assert list(article.featured_artists.all()) == [artist]


def test_the_text_of_an_unsaved_form_is_read_as_given(names):
    """An add form's text (no article yet), and what that form already holds, settled."""
    artist, artwork = names

    found = article_suggestions(article=None, title="", standfirst="", body=BODY)
    assert [(s.kind, s.object_id) for s in found] == [
        ("artist", artist.pk),
        ("artwork", artwork.pk),
    ]
    held = article_suggestions(
        article=None, title="", standfirst="", body=BODY, settled_in_form={("artist", artist.pk)}
    )
    assert [(s.kind, s.object_id) for s in held] == [("artwork", artwork.pk)]


def test_an_artwork_the_unsaved_body_shows_as_a_figure_is_not_suggested(names):
    """A figure node placed in the form's body (not saved yet) shows the artwork: featured."""
    artist, artwork = names
    node = f'<figure data-artwork="{artwork.pk}" data-size="wide"></figure>'
    missing = '<figure data-artwork="999999"></figure>'

    found = article_suggestions(article=None, title="", standfirst="", body=BODY + node + missing)

    assert [(s.kind, s.object_id) for s in found] == [("artist", artist.pk)]


def test_a_saved_article_is_read_as_the_form_now_holds_it(names):
    """The text given is what is searched, not the stored text; the stored decisions count."""
    artist, _ = names
    article = ArticleFactory(body="<p>Nothing to see.</p>")
    assert suggested(article) == []
    assert suggested(article, standfirst="Ai Weiwei, at home.") == [("artist", artist.pk)]


def test_linked_and_hostile_text_is_read_as_text(names):
    """Names inside links are not suggested; markup typed into the form is sanitised as a save
    would, so a script's text is no name and breaks nothing."""
    artist, artwork = names
    body = (
        '<p><a href="https://example.org/">Ai Weiwei</a> and <script>Sunflower Seeds</script>'
        "<img src=x onerror=alert(1)>.</p>"
    )
    assert article_suggestions(article=None, title="", standfirst="", body=body) == []


def test_nothing_to_read_costs_no_query():
    with CaptureQueriesContext(connection) as queries:
        assert article_suggestions(article=None, title="", standfirst=" ", body="") == []
    assert len(queries) == 0


def test_what_is_settled_is_read_in_one_query(names, admin_user):
    artist, artwork = names
    article = ArticleFactory()
    other = ArtworkFactory()
    article.featured_artists.add(artist)
    ArticleFigureFactory(article=article, artwork=other)
    featuring_reject(article=article, subject=artwork, user=admin_user)

    with CaptureQueriesContext(connection) as queries:
        held = settled(article)
    assert held == {("artist", artist.pk), ("artwork", other.pk), ("artwork", artwork.pk)}
    assert len(queries) == 1
