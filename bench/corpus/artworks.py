"""The corpus's artworks (build.py): credited to its artists, dated within their lives.

Each artwork has a title, a displayed date with its earliest and latest year, a classification
and medium, dimensions (displayed and structured), a credit line and an accession number; one to
three artists (ArtworkArtist rows, the first sometimes "attributed to", "after"...) drawn along
Zipf's law, so a few prolific artists have thousands of works and most a handful. With
`images`, each artwork gets one ArtworkImage row and its Image, whose file is only a name: no
file is written
(a page asks the storage for its address and never opens it), so figures show a picture and a
caption as on a real site.
"""

import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from random import Random

from bench.corpus.sampling import (
    ARTWORK_ARTIST_EXPONENT,
    ARTWORK_ROLES_WEIGHTS,
    ARTWORK_TITLE_QUALIFIERS,
    ARTWORK_TITLE_WORDS,
    CLASSIFICATIONS,
    CREDIT_LINES,
    CREDITS_PER_ARTWORK_WEIGHTS,
    Zipf,
    rounds,
    slugify_title,
)

CHUNK = 10_000
# Where the image rows say their (unwritten) files are.
IMAGE_FOLDER = "corpus"


@dataclass
class ArtworkCatalogue:
    """What later steps draw figures from: artwork ids in creation order, each artist's
    artworks, and each artwork's image id (when images were made)."""

    ids: list[int] = field(default_factory=list)
    by_artist: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    image_of: dict[int, int] = field(default_factory=dict)
    credits: int = 0


@dataclass(frozen=True)
class _Life:
    name: str
    first_year: int  # of work
    last_year: int


def create_artworks(
    rng: Random,
    count: int,
    *,
    images: bool,
    this_year: int,
    batch_size: int,
    say: Callable[[str], None],
    started: float,
    after_first_round: Callable[[], None] = lambda: None,
) -> ArtworkCatalogue:
    """Write `count` artworks, their credits and (with `images`) one image row each; call
    `after_first_round` (ANALYZE: see bench.sampling.rounds) after the first round."""
    from artists.models import Artist  # noqa: PLC0415

    catalogue = ArtworkCatalogue()
    rows = Artist.objects.order_by("pk").values_list("pk", "name", "birth_year", "death_year")
    lives = {pk: _life(name, born, died, this_year) for pk, name, born, died in rows}
    if not count or not lives:
        return catalogue
    artists = Zipf(list(lives), ARTWORK_ARTIST_EXPONENT)
    for start, stop in rounds(count, CHUNK):
        numbers = range(start + 1, stop + 1)
        drawn = [_draw(rng, number, artists, lives, this_year) for number in numbers]
        _write(drawn, catalogue, images=images, batch_size=batch_size, lives=lives)
        if start == 0:
            after_first_round()
        say(f"artworks {stop:,}/{count:,} ({time.perf_counter() - started:.1f} s)")
    return catalogue


def _life(name: str, born: int | None, died: int | None, this_year: int) -> _Life:
    born = born or 1900
    last = min(died or this_year, born + 90, this_year)
    return _Life(name, min(born + 18, last), last)


def _draw(rng: Random, number: int, artists: Zipf, lives: dict[int, _Life], this_year: int):
    """An unsaved Artwork and its credits as (artist id, role) pairs, first credit first."""
    from artworks.models import Artwork  # noqa: PLC0415

    credit_count = rng.choices((1, 2, 3), weights=CREDITS_PER_ARTWORK_WEIGHTS)[0]
    artist_ids = artists.distinct(rng, credit_count)
    roles = list(ARTWORK_ROLES_WEIGHTS)
    first_role = rng.choices(roles, weights=list(ARTWORK_ROLES_WEIGHTS.values()))[0]
    credits = [(pk, first_role if i == 0 else "artist") for i, pk in enumerate(artist_ids)]
    life = lives[artist_ids[0]]
    earliest = rng.randint(life.first_year, life.last_year)
    latest = earliest
    date_display = str(earliest)
    kind = rng.random()
    if kind < 0.15:
        latest = min(earliest + rng.randint(1, 8), life.last_year)
        date_display = f"{earliest}-{latest}" if latest > earliest else date_display
    elif kind < 0.2:
        date_display = f"c.{earliest}"
    title = rng.choice(ARTWORK_TITLE_WORDS)
    if rng.random() < 0.6:
        title = f"{title} {rng.choice(ARTWORK_TITLE_QUALIFIERS)}"
    classification = rng.choice(list(CLASSIFICATIONS))
    height, width = rng.randint(10, 300), rng.randint(10, 300)
    depth = rng.randint(10, 200) if classification in {"sculpture", "installation"} else None
    measured = f"{height} x {width}" + (f" x {depth}" if depth else "")
    artwork = Artwork(
        title=title,
        slug=f"{slugify_title(title)}-{number}",
        date_display=date_display,
        earliest_year=earliest,
        latest_year=latest,
        medium=rng.choice(CLASSIFICATIONS[classification]),
        dimensions_display=f"{measured}cm",
        height=height,
        width=width,
        depth=depth,
        unit=Artwork.Unit.CM,
        classification=classification,
        credit_line=rng.choice(CREDIT_LINES).format(
            year=min(earliest + rng.randint(0, 40), this_year)
        ),
        accession_number=f"NC{number:06d}",
    )
    return artwork, credits


def _write(drawn, catalogue: ArtworkCatalogue, *, images: bool, batch_size: int, lives):
    from artworks.models import Artwork, ArtworkArtist, ArtworkImage  # noqa: PLC0415
    from images.models import Image  # noqa: PLC0415

    Artwork.objects.bulk_create([artwork for artwork, _credits in drawn], batch_size=batch_size)
    credit_rows, image_rows, pictures = [], [], []
    for artwork, credits in drawn:
        catalogue.ids.append(artwork.pk)
        for position, (artist_id, role) in enumerate(credits):
            catalogue.by_artist[artist_id].append(artwork.pk)
            credit_rows.append(
                ArtworkArtist(
                    artwork_id=artwork.pk, artist_id=artist_id, role=role, position=position
                )
            )
        if images:
            name = lives[credits[0][0]].name
            landscape = artwork.width >= artwork.height
            pictures.append(
                Image(
                    file=f"{IMAGE_FOLDER}/artwork-{artwork.pk}.jpg",
                    width=1600 if landscape else 1200,
                    height=1200 if landscape else 1600,
                )
            )
            image_rows.append(
                ArtworkImage(
                    artwork_id=artwork.pk,
                    image=pictures[-1],
                    alt_text=f"{artwork.classification.capitalize()} by {name}: {artwork.title}",
                    credit=f"Photo: the collection. © {name}",
                )
            )
    ArtworkArtist.objects.bulk_create(credit_rows, batch_size=batch_size)
    catalogue.credits += len(credit_rows)
    Image.objects.bulk_create(pictures, batch_size=batch_size)  # before the rows that show them
    for image in ArtworkImage.objects.bulk_create(image_rows, batch_size=batch_size):
        catalogue.image_of[image.artwork_id] = image.pk
