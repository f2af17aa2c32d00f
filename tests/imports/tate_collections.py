"""Tate collections for the import's tests: the fixture of real records (tests/fixtures/tate/,
see its README), copied so that a test may spoil it, and hand-made files."""

import json
import shutil
from pathlib import Path

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "tate"

ARTISTS_IN_FIXTURE = 24
ARTWORKS_IN_FIXTURE = 23
ARTWORKS_IMPORTED = ARTWORKS_IN_FIXTURE
# Credited without an artist file: Patrick Gilbert (20596) and Gilbert Stuart (537).
ARTISTS_FROM_CREDITS = 2
ARTISTS_IMPORTED = ARTISTS_IN_FIXTURE + ARTISTS_FROM_CREDITS
# What the summary says of the fixture, beside the counts (nothing is skipped).
NOTES_OF_FIXTURE = {
    "artist without an artist file made from an artwork's credit": ARTISTS_FROM_CREDITS,
    "contributor role 'pupil of' imported as written": 1,
}

AI_WEIWEI = 8208
AI_WEIWEI_WORK = "artworks/t/128/t12809-93227.json"  # tate id 93227
FOUR_ARTISTS_WORK = "artworks/t/073/t07317-22185.json"  # tate id 22185
REYNOLDS_AND_STUDIO = "artworks/n/055/n05564-12411.json"  # tate id 12411
GILBERT_WORK = "artworks/p/800/p80087-121182.json"
STUART_WORKS = ("artworks/n/002/n00229-13974.json", "artworks/n/056/n05612-13975.json")
PUPIL_OF_WORK = "artworks/n/008/n00891-12423.json"  # tate id 12423, Reynolds "pupil of"


def copy_fixture(target: Path) -> Path:
    shutil.copytree(FIXTURE, target)
    return target


def read(collection: Path, name: str) -> dict:
    return json.loads((collection / name).read_text())


def write(collection: Path, name: str, data: dict | str):
    path = collection / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else json.dumps(data, indent=2))


def edit(collection: Path, name: str, **changes) -> dict:
    """Change fields of a file, as Tate would in a later release."""
    data = read(collection, name)
    data.update(changes)
    write(collection, name, data)
    return data


def subjects(*names: str) -> dict:
    """A subject tree as Tate writes it, with these leaves."""
    leaves = [{"id": 10_000 + n, "name": name} for n, name in enumerate(names)]
    return {
        "id": 1,
        "name": "subject",
        "children": [
            {
                "id": 2,
                "name": "things",
                "children": [{"id": 3, "name": "objects", "children": leaves}],
            }
        ],
    }


def add_artworks(collection: Path, count: int, *, first_id: int = 900_000):
    """`count` more artworks made from a real one, each with its own id, title and subjects,
    credited to two of the fixture's artists (whose files `collection` must hold)."""
    model = read(FIXTURE, AI_WEIWEI_WORK)
    for number in range(count):
        tate_id = first_id + number
        data = dict(
            model,
            id=tate_id,
            acno=f"X{tate_id}",
            title=f"Made work {number}",
            subjects=subjects(f"made subject {number}", "porcelain"),
            contributors=[
                dict(model["contributors"][0], displayOrder=1),
                dict(
                    model["contributors"][0],
                    id=39,
                    fc="William Blake",
                    role="after",
                    displayOrder=2,
                ),
            ],
        )
        write(collection, f"artworks/x/{number // 100:03d}/x{tate_id}-{tate_id}.json", data)
