"""An exhibition stores its dates as their precision has them and the window they give, on
every save, a save of some fields included; a venue is named by its place."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from exhibitions.models import Exhibition
from tests.factories import ExhibitionFactory, VenueFactory

pytestmark = pytest.mark.django_db


def test_a_save_stores_the_dates_for_their_precision_and_the_window():
    show = ExhibitionFactory(
        opens_on=datetime.date(2027, 5, 14),
        opens_precision="month",
        closes_on=datetime.date(2028, 2, 3),
        closes_precision="year",
    )
    show.refresh_from_db()
    assert show.opens_on == datetime.date(2027, 5, 1)
    assert show.closes_on == datetime.date(2028, 1, 1)
    assert (show.on_view_from, show.on_view_until) == (
        datetime.date(2027, 5, 1),
        datetime.date(2028, 12, 31),
    )


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("closes_on", datetime.date(2030, 6, 15)),
        ("closes_precision", "month"),
        ("opens_precision", "year"),
    ],
)
def test_a_save_of_some_date_fields_stores_the_window_too(field, value):
    show = ExhibitionFactory(
        opens_on=datetime.date(2030, 3, 10), closes_on=datetime.date(2030, 6, 2)
    )
    setattr(show, field, value)
    show.save(update_fields=[field])

    stored = Exhibition.objects.get(pk=show.pk)
    expected = Exhibition(
        opens_on=show.opens_on,
        opens_precision=show.opens_precision,
        closes_on=show.closes_on,
        closes_precision=show.closes_precision,
    )
    expected.fill_window()
    assert (stored.on_view_from, stored.on_view_until) == (
        expected.on_view_from,
        expected.on_view_until,
    )


def test_a_show_cannot_close_before_it_opens():
    show = ExhibitionFactory.build(
        venue=VenueFactory(),
        opens_on=datetime.date(2030, 3, 10),
        closes_on=datetime.date(2030, 3, 9),
    )
    with pytest.raises(ValidationError) as raised:
        show.full_clean()
    assert "closes_on" in raised.value.message_dict


def test_fuzzy_dates_that_overlap_are_allowed():
    """Opening "March 2030" and closing 5 March 2030 may both be true."""
    show = ExhibitionFactory.build(
        venue=VenueFactory(),
        opens_on=datetime.date(2030, 3, 20),
        opens_precision="month",
        closes_on=datetime.date(2030, 3, 5),
    )
    show.full_clean()


@pytest.mark.parametrize(
    ("name", "city", "place"),
    [
        ("Tate Modern", "London", "Tate Modern, London"),
        ("Kunsthalle Basel", "Basel", "Kunsthalle Basel"),
        ("Haus der Kunst", "", "Haus der Kunst"),
    ],
)
def test_a_venue_is_named_by_its_place(name, city, place):
    assert VenueFactory.build(name=name, city=city).place == place
