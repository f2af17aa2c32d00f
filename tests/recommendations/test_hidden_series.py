"""A series hidden from the site ("shown on the site" unticked) is no signal and is never named
to readers in "You may also like"; hiding or showing one, or moving an article between series,
scores its parts anew."""

import pytest

from recommendations.models import RelatedLink
from recommendations.rebuild import rebuild
from tests.factories import ArticleFactory, SeriesFactory

pytestmark = pytest.mark.django_db


def test_a_hidden_series_is_not_named_under_a_card(client, settings):
    settings.PAGE_CACHE = False
    series = SeriesFactory(title="Secret Project Zebra", is_public=False)
    first = ArticleFactory(title="First", series=series, series_part=1)
    ArticleFactory(title="Second", series=series, series_part=2)
    rebuild(workers=0)

    page = client.get(first.get_absolute_url()).content.decode()

    assert "Part 1 of" not in page  # the series itself is hidden on the article ...
    assert "Secret Project Zebra" not in page  # ... and should be under the cards too


def notes(article) -> set[str]:
    links = RelatedLink.objects.filter(source=article)
    return {str(link.reasons.get("series")) for link in links}


def test_hiding_a_series_takes_its_name_off_the_cards(
    client, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE = False
    with django_capture_on_commit_callbacks(execute=True):
        series = SeriesFactory(title="Letters from Beijing")
        first = ArticleFactory(title="First", series=series, series_part=1)
        ArticleFactory(title="Second", series=series, series_part=2)
    rebuild(workers=0)
    assert "More from Letters from Beijing" in client.get(first.get_absolute_url()).text

    with django_capture_on_commit_callbacks(execute=True):
        series.is_public = False
        series.save()

    assert "Letters from Beijing" not in client.get(first.get_absolute_url()).text
    assert notes(first) <= {"None"}  # no link tells the series (a link may go altogether)

    with django_capture_on_commit_callbacks(execute=True):
        series.is_public = True
        series.save()

    assert "More from Letters from Beijing" in client.get(first.get_absolute_url()).text


def test_moving_an_article_into_a_series_scores_it_anew(
    client, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE = False
    series = SeriesFactory(title="Made by hand")
    ArticleFactory(title="Part one", series=series, series_part=1)
    loose = ArticleFactory(title="Loose")
    rebuild(workers=0)
    assert "More from Made by hand" not in client.get(loose.get_absolute_url()).text

    with django_capture_on_commit_callbacks(execute=True):
        loose.series, loose.series_part = series, 2
        loose.save()

    assert "More from Made by hand" in client.get(loose.get_absolute_url()).text
