"""The endpoint behind "Find names in the text": the suggestions for the form's text as JSON,
for whoever may change the article (or add one); every bad request a JSON error, never a 500;
a fixed number of queries."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from featuring.decisions import featuring_reject
from tests.factories import ArticleFactory, ArtistFactory, ArtworkArtistFactory, ArtworkFactory
from tests.staff import staff_in

pytestmark = pytest.mark.django_db

BODY = "<p>Ai Weiwei made Sunflower Seeds. Later, Dropping a Han Dynasty Urn.</p>"


def url(article=None):
    name = "admin:featuring_featuringdecision_suggest"
    return reverse(name, args=[article.pk]) if article else reverse(name)


def text(**fields):
    return {"title": "A title", "standfirst": "", "body": BODY, **fields}


@pytest.fixture
def names():
    artist = ArtistFactory(name="Ai Weiwei")
    works = (
        ArtworkFactory(title="Sunflower Seeds"),
        ArtworkFactory(title="Dropping a Han Dynasty Urn"),
    )
    for work in works:  # titles of ordinary words are found where their artist is named
        ArtworkArtistFactory(artwork=work, artist=artist)
    return artist, *works


def test_the_form_text_is_answered_with_its_suggestions(admin_client, names):
    artist, seeds, urn = names
    article = ArticleFactory(body="<p>Nothing yet.</p>")
    featuring_reject(article=article, subject=urn, user=None)

    response = admin_client.post(url(article), text(settled=[f"artwork:{seeds.pk}"]))

    assert response.status_code == 200
    answer = response.json()
    assert [entry["key"] for entry in answer["suggestions"]] == [f"artist:{artist.pk}"]
    entry = answer["suggestions"][0]
    assert entry["url"] == reverse("admin:artists_artist_change", args=[artist.pk])
    assert (entry["name"], entry["found"], entry["field"]) == ("Ai Weiwei", "Ai Weiwei", "body")
    assert entry["before"] + entry["found"] + entry["after"] == "Ai Weiwei made Sunflower Seeds."
    assert answer["message"] == "1 name found that the article does not feature yet."
    assert response["Cache-Control"].startswith("max-age=0")


def test_an_add_form_asks_without_an_article(client, names):
    """A contributor writing a new article may ask."""
    staff_in(client, "Contributor")
    response = client.post(url(), text())
    assert response.status_code == 200
    assert len(response.json()["suggestions"]) == 3


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "x"}, "Send the article's standfirst, body."),
        (text(settled=["artist:x"]), "is not an artist or artwork"),
        (text(settled=["person:1"]), "is not an artist or artwork"),
        (text(settled=["artist:１２"]), "is not an artist or artwork"),
        (text(body="é" * 500_001), "too long to search"),
    ],
)
def test_input_it_cannot_read_is_a_400_saying_why(admin_client, data, message):
    response = admin_client.post(url(ArticleFactory()), data)
    assert response.status_code == 400
    assert message in response.json()["error"]


def test_hostile_text_is_answered_not_failed(admin_client, names):
    """NUL and control characters, markup and broken HTML are text to search, not a 500."""
    body = '<p onclick="x">Ai Weiwei\x00 made <em>Sunflower Seeds</em></p><script>'
    data = text(title="\x00Ai\x07 <b>Weiwei", body=body)
    response = admin_client.post(url(ArticleFactory()), data)
    assert response.status_code == 200
    assert f"artwork:{names[1].pk}" in [entry["key"] for entry in response.json()["suggestions"]]


def test_get_is_refused(admin_client):
    response = admin_client.get(url(ArticleFactory()))
    assert response.status_code == 405
    assert response["Allow"] == "POST"


@pytest.mark.parametrize("article_id", ["999999", "not-a-key"])
def test_an_article_that_does_not_exist_is_a_404(admin_client, article_id):
    name = "admin:featuring_featuringdecision_suggest"
    response = admin_client.post(reverse(name, args=[article_id]), text())
    assert response.status_code == 404
    assert "does not exist" in response.json()["error"]


def test_only_those_who_may_change_the_article(client):
    """A moderator (who may only view articles) and a contributor on a published article get a
    403; someone not logged in is sent to log in."""
    article = ArticleFactory()
    assert client.post(url(article), text()).status_code == 302
    staff_in(client, "Moderator")
    assert client.post(url(article), text()).status_code == 403
    staff_in(client, "Contributor", username="writer")
    assert client.post(url(article), text()).status_code == 403
    assert client.post(url(), text()).status_code == 200


def test_the_csrf_token_is_required(admin_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    assert client.post(url(ArticleFactory()), text()).status_code == 403


def _queries(client, article, body) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url(article), text(body=body))
    assert response.status_code == 200
    return len(queries)


def test_it_costs_the_same_whatever_the_text_names(admin_client, names):
    """The session, the user, the article and what it has settled: the same for one name as
    for many (the names come with the matcher, built once per process)."""
    article = ArticleFactory()
    admin_client.post(url(article), text())  # what is loaded once per process
    more = "".join(
        f"<p>{ArtistFactory(name=f'Painter Number {n}').name} too.</p>" for n in range(5)
    )
    admin_client.post(url(article), text(body=BODY + more))  # the new names
    one = _queries(admin_client, article, "<p>Ai Weiwei.</p>")
    many = _queries(admin_client, article, BODY + more)
    assert one == many
