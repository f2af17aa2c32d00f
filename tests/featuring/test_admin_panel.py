"""The "Featuring suggestions" panel of the article's change form: the saved text's suggestions
shown (escaped), the decisions posted with the form saved with the article (or not at all when
the form is refused), on the add form too, and only for those who may change the article."""

import pytest
from django.urls import reverse

from articles.models import Article
from featuring.models import FeaturingDecision
from tests.adminforms import article_form_data, form_errors, management_form
from tests.factories import ArticleFactory, ArtistFactory, ArtworkArtistFactory, ArtworkFactory
from tests.staff import staff_in

pytestmark = pytest.mark.django_db

PREFIX = "featuring_decisions"
BODY = "<p>Ai Weiwei made Sunflower Seeds for the Turbine Hall.</p>"
Decision = FeaturingDecision.Decision


@pytest.fixture
def names():
    """An artist and a work of theirs whose title is ordinary words: found where the artist is
    named nearby."""
    artist, artwork = ArtistFactory(name="Ai Weiwei"), ArtworkFactory(title="Sunflower Seeds")
    ArtworkArtistFactory(artwork=artwork, artist=artist)
    return artist, artwork


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def with_decisions(data: dict, *decisions) -> dict:
    """The form's data with the panel's rows: (kind, key, decision) each."""
    data = {**data, **management_form(PREFIX, total=len(decisions))}
    for index, (kind, key, decision) in enumerate(decisions):
        data[f"{PREFIX}-{index}-{kind}"] = str(key)
        data[f"{PREFIX}-{index}-decision"] = decision
    return data


def panel(response):
    return next(
        inline
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == PREFIX
    )


def test_the_change_page_shows_the_saved_texts_suggestions(admin_client, names):
    artist, artwork = names
    article = ArticleFactory(body=BODY)

    response = admin_client.get(change_url(article))

    content = response.content.decode()
    keys = [entry["key"] for entry in panel(response).formset.suggestions]
    assert keys == [f"artist:{artist.pk}", f"artwork:{artwork.pk}"]
    assert "Find names in the text" in content
    assert "<mark>Ai Weiwei</mark> made Sunflower Seeds for the Turbine Hall." in content
    assert reverse("admin:artists_artist_change", args=[artist.pk]) in content
    suggest = reverse("admin:featuring_featuringdecision_suggest", args=[article.pk])
    assert f'data-suggest-url="{suggest}"' in content


def test_names_and_sentences_are_escaped(admin_client):
    """A name with an ampersand, found in a title of markup, is shown as text: the sentence's
    script and image are escaped, never run."""
    ArtistFactory(name="Gilbert & George")
    article = ArticleFactory(
        title="<script>alert(1)</script> Gilbert & George <img src=x onerror=alert(2)>"
    )

    content = admin_client.get(change_url(article)).content.decode()

    assert len(panel_of(admin_client, article)) == 1
    assert "<script>alert(1)" not in content
    assert "<img src=x" not in content
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt; <mark>Gilbert &amp; George</mark> &lt;img" in content
    )
    assert 'data-name="Gilbert &amp; George"' in content


def panel_of(client, article):
    return panel(client.get(change_url(article))).formset.suggestions


def test_accepted_and_rejected_are_saved_with_the_article(admin_client, admin_user, names):
    """Accept features the artist (the form's picker holds it, and the decision adds it all
    the same); Reject is remembered; after the save neither is suggested again, also after a
    later edit that names them again."""
    artist, artwork = names
    article = ArticleFactory(body=BODY)
    data = with_decisions(
        article_form_data(article, featured_artists=[str(artist.pk)]),
        ("artist", artist.pk, Decision.ACCEPTED),
        ("artwork", artwork.pk, Decision.REJECTED),
    )

    response = admin_client.post(change_url(article), data)

    assert response.status_code == 302, form_errors(response)
    assert list(article.featured_artists.all()) == [artist]
    assert not article.featured_artworks.exists()
    decisions = {(d.kind, d.decision, d.decided_by) for d in FeaturingDecision.objects.all()}
    assert decisions == {
        ("artist", Decision.ACCEPTED, admin_user),
        ("artwork", Decision.REJECTED, admin_user),
    }
    assert panel_of(admin_client, article) == []

    article.refresh_from_db()
    again = article_form_data(article, body=BODY + "<p>Sunflower Seeds, again.</p>")
    assert admin_client.post(change_url(article), again).status_code == 302
    assert panel_of(admin_client, article) == []


def test_accept_features_even_without_the_picker(admin_client, names):
    """A decision row alone (the picker not updated) still features the artwork."""
    _, artwork = names
    article = ArticleFactory(body=BODY)
    data = with_decisions(article_form_data(article), ("artwork", artwork.pk, Decision.ACCEPTED))
    assert admin_client.post(change_url(article), data).status_code == 302
    assert list(article.featured_artworks.all()) == [artwork]


def test_a_stale_form_saves_no_decision(admin_client, names):
    """Someone saved since the form was opened: the form is refused, and so are its decisions;
    the panel shows the form again with the rows still in it."""
    artist, _ = names
    article = ArticleFactory(body=BODY)
    data = with_decisions(article_form_data(article), ("artist", artist.pk, Decision.REJECTED))
    article.save()  # someone else's save

    response = admin_client.post(change_url(article), data)

    assert "edit conflict" in str(form_errors(response)) or form_errors(response)["__all__"]
    assert not FeaturingDecision.objects.exists()
    assert f'name="{PREFIX}-0-artist" value="{artist.pk}"' in response.content.decode()
    # What the refused form decided is not suggested while it is shown again.
    assert [e["key"] for e in panel(response).formset.suggestions] == [f"artwork:{names[1].pk}"]


def test_an_unsaved_article_saves_its_decisions_when_first_saved(admin_client, names):
    artist, artwork = names
    data = with_decisions(
        article_form_data(body=BODY),
        ("artist", artist.pk, Decision.ACCEPTED),
        ("artwork", artwork.pk, Decision.REJECTED),
    )

    response = admin_client.post(reverse("admin:articles_article_add"), data)

    assert response.status_code == 302, form_errors(response)
    article = Article.objects.get(slug="the-urn")
    assert list(article.featured_artists.all()) == [artist]
    assert FeaturingDecision.objects.get(artwork=artwork).article == article


def test_the_add_form_has_the_panel(admin_client):
    response = admin_client.get(reverse("admin:articles_article_add"))
    assert panel(response).formset.suggestions == []
    suggest = reverse("admin:featuring_featuringdecision_suggest")
    assert f'data-suggest-url="{suggest}"' in response.content.decode()


def test_a_decision_on_something_deleted_since_is_an_error_beside_it(admin_client, names):
    artist, _ = names
    article = ArticleFactory(body=BODY)
    data = with_decisions(article_form_data(article), ("artist", 999999, Decision.REJECTED))

    response = admin_client.post(change_url(article), data)

    assert "no longer exists" in str(form_errors(response)[f"{PREFIX}-0-artist"])
    assert "no longer exists" in response.content.decode()
    assert not FeaturingDecision.objects.exists()


def test_a_decision_on_neither_or_both_is_refused(admin_client, names):
    artist, artwork = names
    article = ArticleFactory(body=BODY)
    data = with_decisions(article_form_data(article), ("artist", artist.pk, Decision.REJECTED))
    data[f"{PREFIX}-0-artwork"] = str(artwork.pk)
    response = admin_client.post(change_url(article), data)
    assert "one artist or one artwork" in str(form_errors(response))
    assert not FeaturingDecision.objects.exists()


def test_a_post_without_the_panel_decides_nothing_and_saves(admin_client):
    """Scripts and clients from before the panel post no rows: the article saves."""
    article = ArticleFactory(body=BODY)
    data = article_form_data(article, title="Renamed")
    assert admin_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.title == "Renamed"


def test_only_those_who_may_change_the_article_see_it(client, names):
    """A moderator sees the article read-only and no panel; a contributor on their draft may
    decide; on a published article they may not."""
    article = ArticleFactory(body=BODY)
    staff_in(client, "Moderator")
    content = client.get(change_url(article)).content.decode()
    assert "Find names in the text" not in content

    writer = staff_in(client, "Contributor", username="writer")
    draft = ArticleFactory(body=BODY, draft=True)
    assert "Find names in the text" not in client.get(change_url(article)).content.decode()
    response = client.get(change_url(draft))
    assert len(panel(response).formset.suggestions) == 2
    data = with_decisions(article_form_data(draft), ("artist", names[0].pk, Decision.REJECTED))
    assert client.post(change_url(draft), data).status_code == 302
    assert FeaturingDecision.objects.get().decided_by == writer
