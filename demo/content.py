"""The demo's content, read from the YAML files of demo/content/ (one file a subject: the site,
sections, authors, artists, artworks, exhibitions and their venues, series, and each section's
articles in articles/<section>.yaml).

Keys are slugs: the loader finds rows by them, so editing a text there and running `seed_demo`
again updates the row rather than adding another. Only the shapes YAML has no word for are
made here: an article's body is written as a list of blocks, and its section is its file. A
block is HTML, or a figure placed in the body, `{figure: <artwork slug>, size: wide}`, which the
loader writes as the body's figure node (richtext/figures.py) once the artwork has its key:
"blocks" keeps them all, "body" is the HTML blocks joined.
"""

from dataclasses import dataclass
from pathlib import Path

import yaml

FOLDER = Path(__file__).resolve().parent / "content"


@dataclass(frozen=True)
class DemoContent:
    site: dict
    sections: list[dict]
    authors: list[dict]
    artists: list[dict]
    artworks: list[dict]
    venues: list[dict]
    exhibitions: list[dict]
    series: list[dict]
    articles: list[dict]


def demo_content() -> DemoContent:
    """Everything, the articles section by section in the sections' order."""
    sections = _read("sections.yaml")
    unknown = {path.stem for path in (FOLDER / "articles").glob("*.yaml")}
    unknown -= {section["slug"] for section in sections}
    if unknown:
        raise ValueError(f"articles/ has files of no section in sections.yaml: {sorted(unknown)}")
    articles = [
        {
            **spec,
            "section": section["slug"],
            "blocks": spec["body"],
            "body": "".join(block for block in spec["body"] if isinstance(block, str)),
        }
        for section in sections
        for spec in _read(f"articles/{section['slug']}.yaml", missing=[])
    ]
    shows = _read("exhibitions.yaml")
    return DemoContent(
        site=_read("site.yaml"),
        sections=sections,
        authors=_read("authors.yaml"),
        artists=_read("artists.yaml"),
        artworks=_read("artworks.yaml"),
        venues=shows["venues"],
        exhibitions=shows["exhibitions"],
        series=_read("series.yaml"),
        articles=articles,
    )


def _read(name: str, *, missing=None):
    path = FOLDER / name
    if missing is not None and not path.exists():
        return missing
    return yaml.safe_load(path.read_text(encoding="utf-8"))
