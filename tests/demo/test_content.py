"""The demo's content files: every slug they refer to exists, every picture can be drawn, and
an article file of no section is refused rather than silently left out."""

import datetime
from collections import Counter

import pytest

from demo import content
from demo.pictures import DRAWINGS, render
from demo.shows import day


def test_every_reference_in_the_content_files_exists():
    """Articles name sections by their file, authors, artists and artworks by slug; artworks
    and figures name drawings."""
    demo = content.demo_content()
    authors = {spec["slug"] for spec in demo.authors}
    artists = {spec["slug"] for spec in demo.artists}
    artworks = {spec["slug"] for spec in demo.artworks}
    assert {spec["artist"] for spec in demo.artworks} <= artists
    assert {spec["picture"] for spec in demo.artworks} <= set(DRAWINGS)
    for article in demo.articles:
        assert set(article["authors"]) <= authors, article["slug"]
        assert set(article["featured_artists"]) <= artists, article["slug"]
        assert set(article["featured_artworks"]) <= artworks, article["slug"]
        for figure in article["figures"]:
            assert figure.get("artwork", "") in artworks or figure["picture"] in DRAWINGS
    slugs = [article["slug"] for article in demo.articles]
    assert len(slugs) == len(set(slugs)) == 16


def test_an_articles_body_is_its_blocks_joined():
    """The body is written as a list of HTML blocks and stored as one string."""
    seed = next(a for a in content.demo_content().articles if a["slug"].startswith("ai-weiwei"))
    assert seed["section"] == "art"
    assert seed["body"].startswith("<p>The American journalist")
    assert "</p><h2>The work</h2><p>" in seed["body"]


def test_an_article_file_of_no_section_is_refused(tmp_path, monkeypatch):
    for name in ("site", "sections", "authors", "artists", "artworks", "exhibitions", "series"):
        (tmp_path / f"{name}.yaml").write_text((content.FOLDER / f"{name}.yaml").read_text())
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "sculpture.yaml").write_text("[]\n")
    monkeypatch.setattr(content, "FOLDER", tmp_path)
    with pytest.raises(ValueError, match="sculpture"):
        content.demo_content()


def test_a_picture_is_the_same_jpeg_on_every_run():
    assert render("tiles")[:3] == b"\xff\xd8\xff"
    assert render("tiles") == render("tiles")


def test_every_reference_to_an_exhibition_or_a_series_exists():
    """Shows name their venue by name, artists, artworks and pictures by slug; articles name
    exhibitions and series by slug, and a series' part numbers are given once each."""
    demo = content.demo_content()
    venues = [spec["name"] for spec in demo.venues]
    assert len(venues) == len(set(venues))
    artists = {spec["slug"] for spec in demo.artists}
    artworks = {spec["slug"] for spec in demo.artworks}
    shows = [spec["slug"] for spec in demo.exhibitions]
    assert len(shows) == len(set(shows))
    for show in demo.exhibitions:
        assert show["venue"] in venues, show["slug"]
        assert set(show.get("artists", [])) <= artists, show["slug"]
        assert set(show.get("artworks", [])) <= artworks, show["slug"]
        assert "picture" not in show or (show["picture"] in DRAWINGS and show["alt"])
    series = {spec["slug"] for spec in demo.series}
    parts = Counter()
    for article in demo.articles:
        assert set(article.get("featured_exhibitions", [])) <= set(shows), article["slug"]
        assert bool(article.get("series")) == bool(article.get("series_part")), article["slug"]
        if article.get("series"):
            assert article["series"] in series, article["slug"]
            parts[article["series"], article["series_part"]] += 1
    assert parts and max(parts.values()) == 1


def test_a_show_date_is_a_date_or_days_from_the_day_of_loading():
    """{days: N} counts from the day of loading; anything else is refused with the value."""
    today = datetime.date(2031, 2, 28)
    assert day(datetime.date(2010, 10, 12), today) == datetime.date(2010, 10, 12)
    assert day(None, today) is None
    assert day({"days": 1}, today) == datetime.date(2031, 3, 1)
    assert day({"days": -45}, today) == datetime.date(2031, 1, 14)
    for wrong in ({"days": "3"}, {"days": True}, {"weeks": 2}, {"days": 1, "weeks": 1}, "soon"):
        with pytest.raises(ValueError, match="exhibitions.yaml"):
            day(wrong, today)


def test_the_gallery_room_is_drawn():
    assert render("gallery_bench")[:3] == b"\xff\xd8\xff"
