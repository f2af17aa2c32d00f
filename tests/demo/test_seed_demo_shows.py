"""The demo's exhibitions and series: the seed article features Ai Weiwei's two shows, the demo
has a show in every state on the day it is loaded, and a series whose draft part stays hidden."""

import dataclasses
import datetime
import io
import zoneinfo

import pytest
import time_machine
from django.core.management import call_command

from articles.models import Article
from articles.series import Series
from demo import content, loader
from exhibitions.models import Exhibition
from exhibitions.on_view import State, today

SEED_SLUG = "ai-weiwei-on-film-never-sorry"
LONDON = zoneinfo.ZoneInfo("Europe/London")


def seed():
    call_command("seed_demo", stdout=io.StringIO())


@pytest.mark.django_db
def test_the_seed_article_features_sunflower_seeds_and_so_sorry():
    """The two shows its text names, at their venues and on their dates."""
    seed()
    article = Article.objects.published().get(slug=SEED_SLUG)
    shows = {show.title: show for show in article.featured_exhibitions.select_related("venue")}
    assert set(shows) == {"Sunflower Seeds", "So Sorry"}
    sunflower, so_sorry = shows["Sunflower Seeds"], shows["So Sorry"]
    assert sunflower.venue.place == "Tate Modern, London"
    assert sunflower.venue.country == "United Kingdom"
    assert (sunflower.opens_on, sunflower.closes_on) == (
        datetime.date(2010, 10, 12),
        datetime.date(2011, 5, 2),
    )
    assert so_sorry.venue.place == "Haus der Kunst, Munich"
    assert so_sorry.dates_text == "12 October 2009 – 17 January 2010"
    assert list(sunflower.artworks.values_list("slug", flat=True)) == ["sunflower-seeds"]
    assert list(so_sorry.artworks.values_list("slug", flat=True)) == ["remembering"]
    assert {show.artists.get().slug for show in shows.values()} == {"ai-weiwei"}
    on_last_day = sunflower.on_view(datetime.date(2011, 5, 2))
    assert on_last_day.sentence == "On view at Tate Modern, London, until 2 May 2011"
    assert sunflower.on_view(datetime.date(2011, 5, 3)).sentence == "Closed 2 May 2011"
    assert sunflower.image.file.name.startswith("exhibitions/")
    assert sunflower.image_alt_text


@pytest.mark.django_db
@pytest.mark.parametrize(
    "moment",
    [
        datetime.datetime(2031, 2, 28, 23, 30, tzinfo=LONDON),  # late at night, site's time
        datetime.datetime(2044, 12, 31, 0, 5, tzinfo=LONDON),
    ],
)
def test_a_show_is_on_now_and_another_upcoming_on_the_day_the_demo_is_loaded(moment):
    """Whatever the day, the public shows are on now, upcoming and past on it, one of them
    known to the month only, and a show not yet announced is not public."""
    with time_machine.travel(moment, tick=False):
        seed()
        day = today()
        assert day == moment.date()
        public = Exhibition.objects.public()
        states = {show.on_view(day).state for show in public.select_related("venue")}
        assert states == {State.UPCOMING, State.ON, State.PAST}
        assert public.on_view(day).exists()
        assert public.upcoming(day).exists()
        assert public.past(day).exists()
        month = public.get(opens_precision=Exhibition.Precision.MONTH)
        assert month.opens_on.day == 1
        assert month.on_view(day).sentence.startswith(f"Opens {month.opens_on:%B %Y} at ")
    hidden = Exhibition.objects.get(is_public=False)
    assert hidden.featured_in.exists()


@pytest.mark.django_db
def test_a_second_load_on_a_later_day_moves_the_relative_shows_and_adds_nothing():
    """The shows dated from the day of loading move with it; the others stay put."""
    with time_machine.travel(datetime.datetime(2031, 3, 1, 12, tzinfo=LONDON), tick=False):
        seed()
    before = dict(Exhibition.objects.values_list("slug", "on_view_from"))
    with time_machine.travel(datetime.datetime(2031, 9, 1, 12, tzinfo=LONDON), tick=False):
        seed()
    after = dict(Exhibition.objects.values_list("slug", "on_view_from"))
    assert set(after) == set(before)
    assert after["sunflower-seeds-tate-modern"] == before["sunflower-seeds-tate-modern"]
    assert after["hanna-lindqvist-harbours"] - before["hanna-lindqvist-harbours"] == (
        datetime.timedelta(days=184)
    )


@pytest.mark.django_db
def test_a_series_has_numbered_parts_and_its_draft_part_stays_hidden():
    """Waiting for the light: parts 1 and 2 published, part 3 a draft; the column goes on."""
    seed()
    feature = Series.objects.public().get(slug="waiting-for-the-light")
    assert feature.planned_parts == 3
    parts = feature.parts.order_by("series_part")
    assert [(a.series_part, a.status) for a in parts] == [
        (1, Article.Status.PUBLISHED),
        (2, Article.Status.PUBLISHED),
        (3, Article.Status.DRAFT),
    ]
    assert list(parts.published().values_list("series_part", flat=True)) == [1, 2]
    column = Series.objects.get(slug="made-by-hand")
    assert column.planned_parts is None
    assert list(column.parts.order_by("series_part").values_list("series_part", flat=True)) == [
        1,
        2,
        3,
        4,
    ]


@pytest.mark.django_db
def test_parts_renumbered_in_the_files_swap_on_the_next_load(monkeypatch):
    """Two parts that swap numbers are saved without tripping over each other, and an article
    taken out of a series in its file leaves it."""
    seed()
    demo = content.demo_content()
    moved = {
        "samuel-adeyemi-rain-vessels": {"series_part": 2},
        "porcelain-from-the-table-to-the-gallery-floor": {"series_part": 1},
        "yuki-tanabe-aprons-for-the-studio": {"series": None, "series_part": None},
    }
    articles = [{**spec, **moved.get(spec["slug"], {})} for spec in demo.articles]
    monkeypatch.setattr(
        loader, "demo_content", lambda: dataclasses.replace(demo, articles=articles)
    )
    seed()
    parts = dict(Article.objects.filter(slug__in=moved).values_list("slug", "series_part"))
    assert parts == {
        "samuel-adeyemi-rain-vessels": 2,
        "porcelain-from-the-table-to-the-gallery-floor": 1,
        "yuki-tanabe-aprons-for-the-studio": None,
    }
    assert not Article.objects.get(slug="yuki-tanabe-aprons-for-the-studio").series_id
