"""The article's change page costs a fixed number of queries, at most 28 with four figures:
the same with one figure, author, link and related link as with four figures, three authors,
three links, six related links and six revisions, for a superuser and for an editor."""

import pytest
import reversion
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article
from tests.factories import (
    ArticleAuthorFactory,
    ArticleFigureFactory,
    ArticleLinkFactory,
    ArtistFactory,
    ExhibitionFactory,
    ImageFactory,
    RelatedLinkFactory,
)
from tests.querybudgets import article_with_everything, artwork_with_everything
from tests.staff import staff_in

pytestmark = pytest.mark.django_db

# The session and the user (2); the SAVEPOINT / RELEASE pairs of ATOMIC_REQUESTS and of the
# revisioned view (4); the article (1); its tags, featured artists and artworks (3) and its
# featured exhibitions with their venues (1: the picker names each by its venue); its byline
# with authors (1); its figures with their artworks, images and credited artists (3); its links
# (1) and related links with their targets (1); the checks' tag names and namesakes (2: they
# take the figures and byline from the inlines); the stored address (1); a working copy (1);
# the sections to choose from (1); the tags chosen (1: the pickers of one object, and of
# featured artists and artworks, show what the rows loaded, adminsite/primed.py); the
# publishing record (1); the state of its outbound links (1: links/admin_panel.py) and the
# check for dead ones among them (1: links/prepublish.py); "What readers see now", the block
# as the public page builds it (1: recommendations/admin_block.py) and its targets' titles (1).
CHANGE_PAGE_BUDGET = 28
# An article whose text names artists or artworks it does not feature: what it features, shows
# in its figures or has decided on, for its "Featuring suggestions" (one UNION ALL,
# featuring/suggestions.py); the names themselves come from the matcher, built once per process.
SUGGESTIONS = 1
EDITOR_PERMISSIONS = 2  # their own and their groups' permissions


def _grow(article, *, figures: int, authors: int, links: int, related: int, revisions: int):
    for _ in range(figures):
        artwork = artwork_with_everything()
        lead = artwork.images.first()
        ArticleFigureFactory(article=article, artwork=artwork, artwork_image=lead)
    ArticleFigureFactory(article=article, artwork=None, image=ImageFactory(), alt_text="A room")
    for _ in range(authors):
        ArticleAuthorFactory(article=article)
    for _ in range(links):
        ArticleLinkFactory(article=article)
    for _ in range(related):
        RelatedLinkFactory(source=article)
    for _ in range(revisions):
        with reversion.create_revision():
            article.save()


def _queries(client, article) -> int:
    url = reverse("admin:articles_article_change", args=[article.pk])
    client.get(url)  # what is loaded once per process (content types, permissions)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["superuser", "Editor"])
def test_article_change_page_costs_the_same_with_more_parts(client, admin_user, role, settings):
    settings.PAGE_CACHE = False
    if role == "superuser":
        client.force_login(admin_user)
    else:
        staff_in(client, role)
    few = article_with_everything(tags=["photography"])  # two figures of artworks, two authors
    few.featured_artists.add(ArtistFactory())
    few.featured_artworks.add(artwork_with_everything())
    few.featured_exhibitions.add(ExhibitionFactory())
    _grow(few, figures=0, authors=0, links=1, related=1, revisions=1)
    many = article_with_everything(tags=["photography", "urns"])
    many.featured_artists.add(ArtistFactory(), ArtistFactory())
    many.featured_artworks.add(artwork_with_everything(), artwork_with_everything())
    many.featured_exhibitions.add(*(ExhibitionFactory() for _ in range(3)))  # three venues
    # Four figures of artworks and an upload, five authors, three links, six related links.
    _grow(many, figures=2, authors=3, links=3, related=6, revisions=6)
    assert many.figures.count() == 5

    budget = CHANGE_PAGE_BUDGET + (EDITOR_PERMISSIONS if role == "Editor" else 0)
    assert (_queries(client, few), _queries(client, many)) == (budget, budget)


def test_article_change_page_with_suggestions_costs_one_more(admin_client, settings):
    """One query more for a text that names artists, the same whether it names one or five."""
    settings.PAGE_CACHE = False
    names = ["Hannah Höch", "Kurt Schwitters", "Sophie Taeuber-Arp", "Raoul Hausmann", "Hans Arp"]
    for name in names:
        ArtistFactory(name=name)
    none, one, five = (article_with_everything() for _ in range(3))
    Article.objects.filter(pk=none.pk).update(body="<p>Nobody cut paper.</p>")
    Article.objects.filter(pk=one.pk).update(body=f"<p>{names[0]} cut paper.</p>")
    Article.objects.filter(pk=five.pk).update(body=f"<p>{', '.join(names)} cut paper.</p>")

    suggested = admin_client.get(reverse("admin:articles_article_change", args=[five.pk]))
    assert suggested.content.decode().count('data-featuring-decide="accepted"') == 5
    without = _queries(admin_client, none)
    assert (_queries(admin_client, one), _queries(admin_client, five)) == (
        without + SUGGESTIONS,
        without + SUGGESTIONS,
    )
