"""The demo's content files: every slug they refer to exists, every picture can be drawn, and
an article file of no section is refused rather than silently left out."""

import pytest

from demo import content
from demo.pictures import DRAWINGS, render


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
    for name in ("site", "sections", "authors", "artists", "artworks"):
        (tmp_path / f"{name}.yaml").write_text((content.FOLDER / f"{name}.yaml").read_text())
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "sculpture.yaml").write_text("[]\n")
    monkeypatch.setattr(content, "FOLDER", tmp_path)
    with pytest.raises(ValueError, match="sculpture"):
        content.demo_content()


def test_a_picture_is_the_same_jpeg_on_every_run():
    assert render("tiles")[:3] == b"\xff\xd8\xff"
    assert render("tiles") == render("tiles")
