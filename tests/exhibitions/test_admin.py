"""Editing venues and exhibitions in the admin: filters, search, pickers, and mistakes as form
errors (never a 500); each save a revision."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse
from reversion.models import Version

from exhibitions.models import Exhibition, Venue
from tests.adminforms import form_errors
from tests.factories import (
    ArticleFactory,
    ArtistFactory,
    ExhibitionFactory,
    VenueFactory,
    png_upload,
)

pytestmark = pytest.mark.django_db

ADD = reverse("admin:exhibitions_exhibition_add")
LIST = reverse("admin:exhibitions_exhibition_changelist")


def exhibition_data(place, **fields):
    data = {
        "title": "Sunflower Seeds",
        "slug": "",
        "venue": str(place.pk),
        "is_public": "on",
        "opens_on": "2010-10-12",
        "opens_precision": "day",
        "closes_on": "2011-05-02",
        "closes_precision": "day",
        "description": "",
        "url": "",
        "image_alt_text": "",
        "image_credit": "",
        "focal_x": "0.5",
        "focal_y": "0.5",
    }
    data.update(fields)
    return data


def test_a_show_is_added_with_an_image_and_a_revision(admin_client):
    """A complete form saves the show, its image and its window, and records a revision."""
    venue = VenueFactory(name="Tate Modern")
    artist = ArtistFactory()
    data = exhibition_data(
        venue, artists=[str(artist.pk)], image=png_upload(), image_alt_text="Seeds on a floor"
    )
    response = admin_client.post(ADD, data)
    assert response.status_code == 302, form_errors(response)
    exhibition = Exhibition.objects.get()
    assert exhibition.slug == "sunflower-seeds"
    assert (exhibition.on_view_from, exhibition.on_view_until) == (
        date(2010, 10, 12),
        date(2011, 5, 2),
    )
    assert list(exhibition.artists.all()) == [artist]
    assert exhibition.image.width == 8
    assert Version.objects.get_for_object(exhibition).count() == 1


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"closes_on": "2010-01-01"}, "closes_on"),  # closes before it opens
        ({"opens_on": "2011-13-45"}, "opens_on"),
        ({"opens_precision": "week"}, "opens_precision"),
        ({"title": "\x00\x01"}, "title"),
        ({"url": "javascript:alert(1)"}, "url"),
        ({"venue": "999999"}, "venue"),
    ],
)
def test_mistakes_are_form_errors(admin_client, fields, field):
    """Bad dates, precisions, titles, addresses or venues come back as errors on their field."""
    response = admin_client.post(ADD, exhibition_data(VenueFactory(), **fields))
    assert field in form_errors(response)
    assert not Exhibition.objects.exists()


def test_month_precision_in_the_same_month_is_not_closing_before_opening(admin_client):
    """Opening 20 May and closing "May" (the month) is fine: the month ends on the 31st."""
    data = exhibition_data(
        VenueFactory(), opens_on="2027-05-20", closes_on="2027-05-03", closes_precision="month"
    )
    response = admin_client.post(ADD, data)
    assert response.status_code == 302, form_errors(response)
    assert Exhibition.objects.get().on_view_until == date(2027, 5, 31)


def test_a_duplicate_slug_is_a_form_error(admin_client):
    ExhibitionFactory(slug="seeds")
    response = admin_client.post(ADD, exhibition_data(VenueFactory(), slug="seeds"))
    assert "slug" in form_errors(response)


def test_a_duplicate_venue_is_a_form_error(admin_client):
    VenueFactory(name="Tate Modern", city="London")
    data = {"name": "Tate Modern", "city": "London", "country": "", "url": ""}
    response = admin_client.post(reverse("admin:exhibitions_venue_add"), data)
    assert "__all__" in form_errors(response)
    assert Venue.objects.count() == 1


def test_the_on_view_filter_and_the_city_filter(admin_client):
    """ "On now", "Upcoming", "Past" as of today in the site's time zone; by the venue's city."""
    ExhibitionFactory(title="Past Show", opens_on=date(2010, 1, 1), closes_on=date(2011, 5, 2))
    ExhibitionFactory(title="Open Show", opens_on=date(2011, 1, 1), closes_on=None)
    ExhibitionFactory(
        title="Later Show", opens_on=date(2011, 5, 4), closes_on=None, venue__city="Munich"
    )
    with time_machine.travel(date(2011, 5, 3), tick=False):
        for state, title in (("past", "Past Show"), ("on", "Open Show"), ("upcoming", "Later")):
            page = admin_client.get(LIST, {"on_view": state}).content.decode()
            shown = {t for t in ("Past Show", "Open Show", "Later Show") if t in page}
            assert {s for s in shown if s.startswith(title)} == shown and shown, state
        munich = admin_client.get(LIST, {"venue__city": "Munich"}).content.decode()
    assert "Later Show" in munich and "Open Show" not in munich
    assert admin_client.get(LIST, {"on_view": "sometime"}).status_code in {200, 302}


def test_search_by_artist_and_venue(admin_client):
    ExhibitionFactory(title="Seeds", artists=[ArtistFactory(name="Ai Weiwei")])
    ExhibitionFactory(title="Other", venue__name="Haus der Kunst")
    assert "Seeds" in admin_client.get(LIST, {"q": "weiwei"}).content.decode()
    page = admin_client.get(LIST, {"q": "haus der"}).content.decode()
    assert "Other" in page and "Seeds</a>" not in page


def test_pickers_name_shows_by_their_venue_and_dates(admin_client):
    """The article form's picker of featured exhibitions labels each with venue and dates."""
    ExhibitionFactory(
        title="Sunflower Seeds",
        venue=VenueFactory(name="Tate Modern", city="London"),
        opens_on=date(2010, 10, 12),
        closes_on=date(2011, 5, 2),
    )
    article = ArticleFactory()
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "sunflower",
            "app_label": "articles",
            "model_name": "article",
            "field_name": "featured_exhibitions",
        },
    )
    assert response.json()["results"][0]["text"] == (
        "Sunflower Seeds — Tate Modern, London, 12 October 2010 – 2 May 2011"
    )
    change = admin_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert 'name="featured_exhibitions"' in change.content.decode()


def test_article_revisions_hold_featured_exhibitions(admin_client):
    """An article's revision holds its featured exhibitions (a plain many-to-many field)."""
    import reversion  # noqa: PLC0415

    article = ArticleFactory()
    show = ExhibitionFactory()
    with reversion.create_revision():
        article.featured_exhibitions.add(show)
        article.save()
    version = Version.objects.get_for_object(article).first()
    assert version.field_dict["featured_exhibitions"] == [show.pk]
