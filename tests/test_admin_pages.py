"""Every page of the admin loads for a superuser: list, add and change, for every model."""

from datetime import timedelta

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from featuring.models import FeaturingDecision
from recommendations.models import Experiment, ExperimentDay, SlotDay
from sitesettings.models import SiteSettings
from tests.factories import (
    ArticleAuthorFactory,
    ArticleFactory,
    ArticleFigureFactory,
    ArticleLinkFactory,
    ArtistFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
    ArtworkImageFactory,
    AuthorFactory,
    ExhibitionFactory,
    ImageFactory,
    LinkUseFactory,
    RelatedLinkFactory,
    SectionFactory,
    SeriesFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db


def _article():
    article = ArticleFactory(tags=["photography"])
    ArticleAuthorFactory(article=article)
    ArticleFigureFactory(article=article)
    ArticleFigureFactory(article=article, artwork=None, image=ImageFactory(), alt_text="A view")
    ArticleLinkFactory(article=article)
    article.featured_artists.add(ArtistFactory())
    return article


def _artwork():
    artwork = ArtworkFactory(tags=["urns"])
    ArtworkArtistFactory(artwork=artwork)
    ArtworkImageFactory(artwork=artwork)
    return artwork


def _experiment(user):
    """A finished experiment with clicks for both scorings: its page shows its result."""
    now = timezone.now()
    experiment = Experiment.objects.create(
        name="Fresher against standard",
        variant_a="standard",
        variant_b="fresher",
        started_at=now - timedelta(days=3),
        ended_at=now,
        started_by=user,
    )
    for team, clicks in (("a", 60), ("b", 40)):
        ExperimentDay.objects.create(
            experiment=experiment, day=now.date(), team=team, impressions=900, clicks=clicks
        )
    return experiment


# One way to make a row of each registered model. A model registered later without an entry here
# fails test_every_registered_model_has_a_maker, so the admin tests grow with the admin.
MAKERS = {
    "auth.Group": lambda user: Group.objects.create(name="Editors"),
    "auth.User": lambda user: user,
    "taggit.Tag": lambda user: Tag.objects.create(name="Photography", slug="photography"),
    "sitesettings.SiteSettings": lambda user: SiteSettings.current(),
    "artists.Artist": lambda user: ArtistFactory(tags=["pop-art"]),
    "artworks.Artwork": lambda user: _artwork(),
    "artworks.ArtworkImage": lambda user: ArtworkImageFactory(),
    "exhibitions.Venue": lambda user: VenueFactory(),
    "exhibitions.Exhibition": lambda user: ExhibitionFactory(artists=[ArtistFactory()]),
    "articles.Section": lambda user: SectionFactory(),
    "articles.Author": lambda user: AuthorFactory(),
    "articles.Series": lambda user: SeriesFactory(),
    "articles.Article": lambda user: _article(),
    "recommendations.RelatedLink": lambda user: RelatedLinkFactory(),
    "recommendations.Experiment": _experiment,
    "featuring.FeaturingDecision": lambda user: FeaturingDecision.objects.create(
        article=ArticleFactory(), artist=ArtistFactory(), decision="rejected", decided_by=user
    ),
    # A dead link used by an article: what the editors' queue lists.
    "links.Link": lambda user: (
        LinkUseFactory(link__status="gone", link__dead=True, link__http_status=404).link
    ),
}
# Made elsewhere: the site settings are one row; decisions are made on the article's form;
# links by the inventory, from what the content uses.
NO_ADD_PAGE = {"sitesettings.SiteSettings", "featuring.FeaturingDecision", "links.Link"}

REGISTERED = sorted(model._meta.label for model in admin.site._registry)


def _slot_days(user):
    """A week of counts under one article's block: the dashboard's charts and tables fill."""
    source, targets = ArticleFactory(), [ArticleFactory() for _ in range(3)]
    today = timezone.localdate()
    for day in range(7):
        for position, (target, kind) in enumerate(
            zip(targets, ("pinned", "approved", "suggested"), strict=True), start=1
        ):
            SlotDay.objects.create(
                day=today - timedelta(days=day),
                source=source,
                target=target,
                position=position,
                kind=kind,
                impressions=40 + day,
                clicks=position + day % 3,
            )


# One way to fill each page an app adds beside its models' (admin.site.add_view).
VIEW_MAKERS = {"recommendations_dashboard": _slot_days}


def _admin_url(label, view, *args):
    app_label, model_name = label.lower().split(".")
    return reverse(f"admin:{app_label}_{model_name}_{view}", args=args)


def test_every_registered_model_has_a_maker():
    """The admin page tests below cover every model registered in the admin."""
    assert sorted(MAKERS) == REGISTERED
    assert sorted(VIEW_MAKERS) == sorted(admin.site._app_views)


@pytest.mark.parametrize("name", sorted(VIEW_MAKERS))
def test_every_added_view_loads_with_figures(admin_client, admin_user, name):
    VIEW_MAKERS[name](admin_user)
    assert admin_client.get(reverse(f"admin:{name}")).status_code == 200


def test_admin_index_loads(admin_client):
    """The admin home page loads for a superuser."""
    response = admin_client.get(reverse("admin:index"))

    assert response.status_code == 200


@pytest.mark.parametrize("label", REGISTERED)
def test_changelist_loads(admin_client, admin_user, label):
    """Each model's list page loads with a row in it (settings go straight to their form)."""
    obj = MAKERS[label](admin_user)

    response = admin_client.get(_admin_url(label, "changelist"), follow=True)

    assert response.status_code == 200
    assert str(obj) in response.content.decode()


@pytest.mark.parametrize("label", REGISTERED)
def test_add_page_loads(admin_client, label):
    """Each model's add page loads, except those of rows made elsewhere (NO_ADD_PAGE)."""
    response = admin_client.get(_admin_url(label, "add"))

    expected = 403 if label in NO_ADD_PAGE else 200
    assert response.status_code == expected


@pytest.mark.parametrize("label", REGISTERED)
def test_change_page_loads(admin_client, admin_user, label):
    """Each model's change page loads for an existing row."""
    obj = MAKERS[label](admin_user)

    response = admin_client.get(_admin_url(label, "change", obj.pk))

    assert response.status_code == 200


def test_site_settings_changelist_redirects_to_the_one_row(admin_client):
    """The site-settings list page goes straight to the settings form."""
    response = admin_client.get(_admin_url("sitesettings.SiteSettings", "changelist"))

    assert response.status_code == 302
    assert response.url == _admin_url(
        "sitesettings.SiteSettings", "change", SiteSettings.current().pk
    )


def test_article_change_page_shows_its_inlines(admin_client):
    """The article form shows its byline, figures and outbound links with their rows."""
    article = _article()
    link = article.links.get()
    author = article.article_authors.get().author

    response = admin_client.get(_admin_url("articles.Article", "change", article.pk))

    assert response.status_code == 200
    content = response.content.decode()
    assert 'name="article_authors-TOTAL_FORMS" value="1"' in content
    assert 'name="figures-TOTAL_FORMS" value="2"' in content
    assert 'name="links-TOTAL_FORMS" value="1"' in content
    assert link.title in content
    assert author.name in content


def test_artwork_change_page_shows_its_inlines(admin_client):
    """The artwork form shows its artist credits and images, and its composed caption."""
    artwork = _artwork()

    response = admin_client.get(_admin_url("artworks.Artwork", "change", artwork.pk))

    content = response.content.decode()
    assert 'name="artist_credits-TOTAL_FORMS" value="1"' in content
    assert 'name="images-TOTAL_FORMS" value="1"' in content
    assert artwork.caption.line1 in content
