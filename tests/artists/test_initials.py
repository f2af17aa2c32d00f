"""Where the A-Z files an artist: by the first letter of the sort name, accents folded."""

import pytest
from django.urls import reverse

from artists.models import initial_of
from tests.factories import ArtistFactory


@pytest.mark.parametrize(
    ("sort_name", "initial"),
    [
        ("Ai, Weiwei", "A"),
        ("de Kooning, Willem", "D"),
        ("Émile, Bernard", "E"),
        ("Øster, Lene", "O"),
        ("Łukasz, Anna", "L"),
        ("1010", "#"),
        ("  Riley, Bridget", "R"),
        ("", "#"),
    ],
)
def test_initial_of(sort_name, initial):
    """Names file under their first letter without its accent; others under '#'."""
    assert initial_of(sort_name) == initial


@pytest.mark.django_db
def test_a_to_z_ignores_case_and_accents(client):
    """'de Kooning' sorts among the Ds and 'Émile' is found under E."""
    ArtistFactory(name="Willem de Kooning", sort_name="de Kooning, Willem")
    ArtistFactory(name="Marlene Dumas", sort_name="Dumas, Marlene")
    ArtistFactory(name="Bernard Émile", sort_name="Émile, Bernard")
    ArtistFactory(name="Rachel Whiteread", sort_name="Whiteread, Rachel")

    everyone = client.get(reverse("artists:artist-list")).content.decode()
    under_e = client.get(reverse("artists:artist-list"), {"letter": "e"}).content.decode()

    assert everyone.index("Willem de Kooning") < everyone.index("Marlene Dumas")
    assert everyone.index("Marlene Dumas") < everyone.index("Rachel Whiteread")
    assert "Bernard Émile" in under_e
    assert "Rachel Whiteread" not in under_e
