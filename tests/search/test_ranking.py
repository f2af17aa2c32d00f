"""What is found and in what order: the same on both databases (full text on PostgreSQL, FTS5
on SQLite)."""

import pytest

from tests.factories import ArticleFactory, ArtistFactory
from tests.search.searching import found

pytestmark = pytest.mark.django_db


def test_every_word_must_match(client):
    """Two words find what holds both, not what holds one."""
    both = ArticleFactory(title="Harbour lights", body="<p>A study of fog.</p>")
    ArticleFactory(title="Harbour walls", body="<p>Stone.</p>")

    assert found(client, "harbour fog") == [both.get_absolute_url()]


def test_title_match_outranks_body_match(client):
    """The article with the word in its title comes before one with it in the body only,
    however often the body says it."""
    in_body = ArticleFactory(
        title="Notes from the studio",
        body="<p>" + "The ceramics were fired twice. Ceramics again. " * 5 + "</p>",
    )
    in_title = ArticleFactory(title="Ceramics now", body="<p>A long essay on clay.</p>")

    assert found(client, "ceramics") == [in_title.get_absolute_url(), in_body.get_absolute_url()]


def test_case_does_not_matter(client):
    """Upper or lower case, the same results."""
    article = ArticleFactory(title="Cyanotype summer")

    assert found(client, "CYANOTYPE") == found(client, "cyanotype") == [article.get_absolute_url()]


def test_stemming_finds_other_forms_of_a_word(client):
    """'paintings' finds 'painting', 'photographing' finds 'photographs'."""
    painting = ArticleFactory(title="A painting in the attic")
    photographs = ArticleFactory(title="Early photographs")

    assert found(client, "paintings") == [painting.get_absolute_url()]
    assert found(client, "photographing") == [photographs.get_absolute_url()]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Kunstler", "Der Künstler und sein Modell"),
        ("Jose", "José at the easel"),
        ("künstler", "A kunstler without accents"),
        ("Ecole", "L'École de Paris"),
    ],
)
def test_accents_do_not_matter(client, typed, stored):
    """Accents typed or not, stored or not, the same word."""
    article = ArticleFactory(title=stored)

    assert found(client, typed) == [article.get_absolute_url()]


@pytest.mark.parametrize("typed", ["Ai Wei Wei", "Weiwie", "ai weiwei", "Ai Weiwie"])
def test_misspelt_artist_names_find_the_artist_first(client, typed):
    """An artist's name with a typo or spaced differently still finds the artist, first."""
    artist = ArtistFactory(name="Ai Weiwei", sort_name="Ai, Weiwei")
    ArtistFactory(name="Marina Abramović", sort_name="Abramović, Marina")

    results = found(client, typed)

    assert results[:1] == [artist.get_absolute_url()]
    assert len(results) == 1


def test_misspelt_artist_name_finds_articles_featuring_them(client):
    """The articles that feature an artist are found by the artist's name, misspelt."""
    artist = ArtistFactory(name="Ai Weiwei", sort_name="Ai, Weiwei")
    article = ArticleFactory(title="Sunflower seeds revisited")
    article.featured_artists.add(artist)

    assert found(client, "Weiwie") == [artist.get_absolute_url(), article.get_absolute_url()]


def test_standfirst_and_artist_names_outrank_body(client):
    """Weights: the standfirst (B) before the body (C)."""
    in_body = ArticleFactory(title="Notes", standfirst="", body="<p>About lithographs.</p>")
    in_standfirst = ArticleFactory(title="Notes", standfirst="On lithographs.", body="")

    assert found(client, "lithograph") == [
        in_standfirst.get_absolute_url(),
        in_body.get_absolute_url(),
    ]


def test_tags_are_searched(client):
    """An article is found by its tags."""
    article = ArticleFactory(title="Notes", tags=["Brutalism"])

    assert found(client, "brutalism") == [article.get_absolute_url()]


def test_quotes_or_and_minus_as_a_web_search_reads_them(client):
    """ "a phrase", `or` between alternatives, -word for a word that must not be there."""
    lights = ArticleFactory(title="Harbour lights", body="<p>A study of fog.</p>")
    walls = ArticleFactory(title="Harbour walls", body="<p>Stone.</p>")
    over = ArticleFactory(title="Lights over the harbour", body="<p>Dusk.</p>")

    others = {walls.get_absolute_url(), over.get_absolute_url()}

    assert found(client, '"harbour lights"') == [lights.get_absolute_url()]
    assert set(found(client, "harbour -fog")) == others
    assert set(found(client, "stone or dusk")) == others
