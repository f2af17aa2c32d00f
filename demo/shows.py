"""Writes the demo's venues and exhibitions (demo/content/exhibitions.yaml), idempotently: a
venue is found by its name and city, an exhibition by its slug.

A date of the file is a date, or {days: N}, N days after `today` (the day seed_demo runs in the
site's time zone), so that the demo always has a show on now and one upcoming."""

from datetime import date, timedelta

from artists.models import Artist
from artworks.models import Artwork
from demo.pictures import ILLUSTRATION_CREDIT
from demo.rows import drawn_image, upsert, values_of
from exhibitions.models import Exhibition, Venue

EXHIBITION_FIELDS = ["title", "description", "url"]


def load_venues(specs: list[dict]) -> dict[str, Venue]:
    """The venues by name (the names of the demo's venues are unique)."""
    return {
        spec["name"]: upsert(
            Venue,
            {"name": spec["name"], "city": spec.get("city", "")},
            {"country": spec.get("country", ""), "url": spec.get("url", "")},
        )
        for spec in specs
    }


def load_exhibition(
    spec: dict,
    *,
    venues: dict[str, Venue],
    artists: dict[str, Artist],
    artworks: dict[str, Artwork],
    today: date,
) -> Exhibition:
    exhibition = Exhibition.objects.filter(slug=spec["slug"]).first()
    exhibition = exhibition or Exhibition(slug=spec["slug"])
    for name, value in values_of(Exhibition, spec, EXHIBITION_FIELDS).items():
        setattr(exhibition, name, value)
    exhibition.venue = venues[spec["venue"]]
    exhibition.opens_on = day(spec.get("opens_on"), today)
    exhibition.opens_precision = spec.get("opens_precision", Exhibition.Precision.DAY)
    exhibition.closes_on = day(spec.get("closes_on"), today)
    exhibition.closes_precision = spec.get("closes_precision", Exhibition.Precision.DAY)
    exhibition.is_public = spec.get("is_public", True)
    if "picture" in spec:
        if not exhibition.image_id:
            picture = spec["picture"]
            exhibition.image = drawn_image(exhibition, "image", picture, f"{spec['slug']}.jpg")
        exhibition.image_alt_text, exhibition.image_credit = spec["alt"], ILLUSTRATION_CREDIT
    else:
        exhibition.image, exhibition.image_alt_text, exhibition.image_credit = None, "", ""
    exhibition.full_clean()
    exhibition.save()
    exhibition.artists.set([artists[slug] for slug in spec.get("artists", [])])
    exhibition.artworks.set([artworks[slug] for slug in spec.get("artworks", [])])
    return exhibition


def day(value, today: date) -> date | None:
    """A date of the file: a date as written, or {days: N}, N days after today."""
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, dict) and set(value) == {"days"} and type(value["days"]) is int:
        return today + timedelta(days=value["days"])
    raise ValueError(f"Not a date nor {{days: N}} in exhibitions.yaml: {value!r}")
