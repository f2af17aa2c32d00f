"""Every admin change list costs a fixed number of queries, with 2 rows or 20, with or without
a search term: no column, filter or count that costs a query per row or grows with the table."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, Permission, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from taggit.models import Tag

from featuring.models import FeaturingDecision
from links.models import Link
from recommendations.models import Experiment
from sitesettings.models import SiteSettings
from tests.factories import (
    ArticleFactory,
    ArtistFactory,
    ArtworkImageFactory,
    AuthorFactory,
    ExhibitionFactory,
    LinkUseFactory,
    RelatedLinkFactory,
    SectionFactory,
    SeriesFactory,
)
from tests.querybudgets import article_with_everything, artwork_with_everything

pytestmark = pytest.mark.django_db


def _group(i, user):
    group = Group.objects.create(name=f"Group {i}")
    group.permissions.set(Permission.objects.all()[:3])
    return group


def _user(i, user):
    person = User.objects.create_user(f"user-{i}", is_staff=True)
    person.groups.add(Group.objects.get_or_create(name="Editors")[0])
    return person


def _article(i, user):
    article = article_with_everything(tags=["photography", f"tag {i}"])
    article.updated_by = user
    article.save()
    # A lead figure with its image chosen (a foreign key the list's thumbnail follows).
    lead = article.figures.order_by("position").first()
    lead.artwork_image = lead.artwork.images.first()
    lead.save()
    article.featured_artists.add(ArtistFactory())
    return article


def _dead_link(i, user):
    use = LinkUseFactory(link__url=f"https://gone-{i}.example/page", link__status="gone")
    Link.objects.filter(pk=use.link_id).update(dead=True)
    LinkUseFactory(link=use.link, used_by=ArtistFactory(), field="website")
    return use.link


def _series(i):
    series = SeriesFactory()
    ArticleFactory(series=series, series_part=1)
    return series


# How to make the i-th row of each registered model (with what its list shows), and a search
# term that finds some of them. A model registered later without an entry here fails
# test_every_registered_model_has_a_budget, so this test grows with the admin.
MAKERS = {
    "auth.Group": (_group, "group"),
    "auth.User": (_user, "user"),
    "taggit.Tag": (lambda i, user: Tag.objects.create(name=f"Tag {i}", slug=f"tag-{i}"), "tag"),
    "artists.Artist": (lambda i, user: ArtistFactory(tags=["pop-art", f"own {i}"]), "artist"),
    "artworks.Artwork": (lambda i, user: artwork_with_everything(tags=["urns"]), "artwork"),
    "artworks.ArtworkImage": (lambda i, user: ArtworkImageFactory(), "artwork"),
    "exhibitions.Venue": (
        lambda i, user: ExhibitionFactory(venue__city=f"City {i}").venue,
        "gallery",
    ),
    "exhibitions.Exhibition": (
        lambda i, user: ExhibitionFactory(venue__city=f"City {i}", artists=[ArtistFactory()]),
        "exhibition",
    ),
    "articles.Section": (lambda i, user: SectionFactory(), "section"),
    "articles.Author": (lambda i, user: AuthorFactory(), "author"),
    "articles.Series": (lambda i, user: _series(i), "series"),
    "articles.Article": (_article, "article"),
    "recommendations.RelatedLink": (
        lambda i, user: RelatedLinkFactory(moderated_by=user, status="approved"),
        "article",
    ),
    "featuring.FeaturingDecision": (
        lambda i, user: FeaturingDecision.objects.create(
            article=ArticleFactory(), artist=ArtistFactory(), decision="rejected", decided_by=user
        ),
        "article",
    ),
    # A dead address used by an article and an artist: what the editors' queue lists.
    "links.Link": (_dead_link, "example"),
    "recommendations.Experiment": (
        lambda i, user: Experiment.objects.create(
            name=f"Experiment {i}", variant_a="standard", variant_b="fresher"
        ),
        "experiment",
    ),
}

# What every change list costs as a superuser: the session and the user (2), the SAVEPOINT /
# RELEASE pair of ATOMIC_REQUESTS (2), a count of the rows listed or found (1) and the page of
# rows with what list_select_related joins (1). The admins of content keep no count of the
# whole table (show_full_result_count off); Django's and taggit's own admins count it again.
BASE = 6
# RevisionedAdmin's change list runs in a transaction of its own (its SAVEPOINT / RELEASE).
REVISIONED = 2

BUDGETS = {
    "auth.Group": BASE + 1,  # the whole table's count
    "auth.User": BASE + 2,  # the whole table's count, the groups of the filter
    "taggit.Tag": BASE + 1,  # the whole table's count
    "articles.Section": BASE,
    "articles.Author": BASE,
    "articles.Series": BASE,  # its parts counted in the page's query (an annotation)
    # The sections of the filter (1); the lead image of each article on the page, for the
    # thumbnails (1: its figures with their pictures read as rows, articles/cards.py); the
    # date hierarchy's range (1) and its years, months or days (1).
    "articles.Article": BASE + REVISIONED + 4,
    # The nationalities of the filter (1).
    "artists.Artist": BASE + REVISIONED + 1,
    # The images (1), artist credits (1) and artists (1) of the page's artworks; the
    # classifications of the filter (1).
    "artworks.Artwork": BASE + REVISIONED + 4,
    "artworks.ArtworkImage": BASE,
    # The countries of the filter (1).
    "exhibitions.Venue": BASE + REVISIONED + 1,
    # The cities of the filter (1).
    "exhibitions.Exhibition": BASE + REVISIONED + 1,
    # The sections of the "section of the source" filter (1).
    "recommendations.RelatedLink": BASE + 1,
    # The date hierarchy's range (1) and its years, months or days (1).
    "featuring.FeaturingDecision": BASE + 2,
    # The sections of the filter (1); the page's uses with their articles (1) and what each
    # use is in, one query per kind (2: articles, artists).
    "links.Link": BASE + 4,
    "recommendations.Experiment": BASE + 1,  # the whole table's count (a short list)
}

# The site settings are one row: the list goes straight to its form (the session, the user,
# the SAVEPOINT / RELEASE pair and the row).
SITE_SETTINGS_REDIRECT_QUERIES = 5

REGISTERED = sorted(model._meta.label for model in admin.site._registry)


def changelist_url(label: str) -> str:
    app_label, model_name = label.lower().split(".")
    return reverse(f"admin:{app_label}_{model_name}_changelist")


def queries_of(client, url: str, params: dict) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)


@pytest.fixture
def superuser(client, settings):
    settings.PAGE_CACHE = False
    user = User.objects.create_superuser("boss", "boss@example.com", "x")
    client.force_login(user)
    return user


def test_every_registered_model_has_a_budget():
    assert (
        sorted([*MAKERS, "sitesettings.SiteSettings"])
        == REGISTERED
        == sorted([*BUDGETS, "sitesettings.SiteSettings"])
    )


@pytest.mark.parametrize("search", [False, True], ids=["list", "search"])
@pytest.mark.parametrize("label", sorted(MAKERS))
def test_changelist_costs_the_same_with_2_rows_or_20(client, superuser, label, search):
    make, term = MAKERS[label]
    url, params = changelist_url(label), {"q": term} if search else {}
    for i in range(2):
        make(i, superuser)
    client.get(url, params)  # warm up what is loaded once per process (content types...)
    with_2 = queries_of(client, url, params)

    for i in range(2, 20):
        make(i, superuser)
    with_20 = queries_of(client, url, params)

    assert (with_2, with_20) == (BUDGETS[label], BUDGETS[label])


def test_site_settings_list_goes_to_its_one_row(client, superuser, django_assert_num_queries):
    SiteSettings.current()

    with django_assert_num_queries(SITE_SETTINGS_REDIRECT_QUERIES):
        response = client.get(changelist_url("sitesettings.SiteSettings"))

    assert response.status_code == 302
