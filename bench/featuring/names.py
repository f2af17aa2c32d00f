"""The catalogue the matcher is timed against: Tate's sample (its real names and titles) and
generated ones, seeded, up to the issue's 4,000 artists and 70,000 artworks, as rows for
featuring.catalogue.build(). No network, no database."""

import json
import random
from pathlib import Path

SAMPLE = Path("/work/shared/data/tate")
_ROMAN = ["II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
_ENDINGS = ["sen", "ley", "ton", "ski", "berg", "ford", "wood", "ini", "ova", "ez"]
_FORMS = [
    "{title} {roman}",
    "Study for ‘{title}’",
    "{title}, {place}",
    "{title} No. {number}",
    "Sketch for ‘{title}’",
    "{title} (second state)",
    "{words}",
    "{words}",
    "{words}",
]


def sample_rows(sample: Path = SAMPLE) -> tuple[list, list]:
    """(id, name, sort name) of the sample's artists and (id, title, artist ids) of its
    artworks."""
    artists = {}
    for path in sorted((sample / "artists").glob("*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        artists[data["id"]] = (data["id"], data["fc"], data.get("mda") or data["fc"])
    artworks = []
    for path in sorted((sample / "artworks").glob("*/*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        ids = [c["id"] for c in data.get("contributors") or [] if c.get("id") in artists]
        artworks.append((data["id"], data["title"], ids))
    return list(artists.values()), artworks


def catalogue_rows(artists: int, artworks: int, *, seed: int = 18) -> tuple[list, list]:
    """The sample's rows and generated ones up to `artists` and `artworks`: new artists made of
    the sample's given names and surnames, new titles from the sample's titles (numbered,
    "Study for ‘…’", with a place) or from their words."""
    rng = random.Random(seed)  # noqa: S311 (reproducible test data)
    artist_rows, artwork_rows = sample_rows()
    given = [row[2].partition(", ")[2] for row in artist_rows if ", " in row[2]]
    surnames = [row[2].partition(", ")[0] for row in artist_rows if ", " in row[2]]
    next_id = 10_000_000
    taken = {row[2].partition(", ")[0] for row in artist_rows}
    while len(artist_rows) < artists:
        # A surname of the sample made new ("Hepworthsen"): the catalogue's surnames stay
        # about as rare as in Tate's, where most belong to one artist.
        first, last = rng.choice(given), rng.choice(surnames) + rng.choice(_ENDINGS)
        if last in taken:
            continue
        taken.add(last)
        artist_rows.append((next_id, f"{first} {last}", f"{last}, {first}"))
        next_id += 1
    titles = [row[1] for row in artwork_rows if not row[1].startswith("[")]
    words = [word for title in titles for word in title.split() if word.isalpha()]
    places = [title.rpartition(", ")[2] for title in titles if ", " in title]
    artist_ids = [row[0] for row in artist_rows]
    real = [row for row in artwork_rows if not row[1].startswith("[")]
    while len(artwork_rows) < artworks:
        form = rng.choice(_FORMS)
        _, model, credits = rng.choice(real)
        # A variant of a real title is the same artist's (a series, a study); the words of
        # several titles, anyone's.
        credits = credits if "{title}" in form else [rng.choice(artist_ids)]
        title = form.format(
            title=model,
            roman=rng.choice(_ROMAN),
            place=rng.choice(places),
            number=rng.randint(1, 60),
            words=" ".join(rng.choice(words) for _ in range(rng.randint(2, 6))).capitalize(),
        )
        artwork_rows.append((next_id, title, credits))
        next_id += 1
    return artist_rows, artwork_rows
