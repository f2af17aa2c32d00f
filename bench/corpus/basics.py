"""The corpus's sections, tags and artists (build.py), in rank order."""

from random import Random

from bench.corpus.sampling import (
    FIRST_NAMES,
    LAST_NAMES,
    NATIONALITIES,
    SECTIONS,
    TAG_QUALIFIERS,
    TAG_WORDS,
    slugify_title,
)

BULK_BATCH = 5_000


def create_sections() -> list[tuple[int, str]]:
    from articles.models import Section  # noqa: PLC0415

    rows = Section.objects.bulk_create(
        [
            Section(name=name, slug=slugify_title(name), order=order)
            for order, (name, _weight) in enumerate(SECTIONS)
        ]
    )
    return [(section.pk, section.name) for section in rows]


def create_tags(rng: Random, count: int) -> list[tuple[int, str]]:
    """Tags in rank order: single words first (shuffled), then qualified ones."""
    from taggit.models import Tag  # noqa: PLC0415

    words = [word.replace("-", " ") for word in TAG_WORDS]
    rng.shuffle(words)
    qualified = [f"{qualifier} {word}" for qualifier in TAG_QUALIFIERS for word in words]
    rng.shuffle(qualified)
    names = words + qualified
    # Beyond the vocabulary, numbered variants keep names and slugs unique.
    names += [f"{names[i % len(names)]} {i // len(names) + 1}" for i in range(count - len(names))]
    tags = Tag.objects.bulk_create(
        [Tag(name=name, slug=slugify_title(name)) for name in names[:count]], batch_size=BULK_BATCH
    )
    return [(tag.pk, tag.name) for tag in tags]


def create_artists(rng: Random, count: int) -> list[int]:
    from artists.models import Artist, initial_of  # noqa: PLC0415

    combinations = len(FIRST_NAMES) * 26 * len(LAST_NAMES)
    picks = rng.sample(range(combinations), min(count, combinations))
    picks += [rng.randrange(combinations) for _ in range(count - len(picks))]
    slugs: set[str] = set()
    artists = []
    for number, pick in enumerate(picks, start=1):
        rest, last = divmod(pick, len(LAST_NAMES))
        first, initial = divmod(rest, 26)
        given = f"{FIRST_NAMES[first]} {chr(65 + initial)}."
        name = f"{given} {LAST_NAMES[last]}"
        sort_name = f"{LAST_NAMES[last]}, {given}"
        slug = slugify_title(name)
        if slug in slugs:
            slug = f"{slug}-{number}"
        slugs.add(slug)
        born = rng.randint(1850, 1995)
        artists.append(
            Artist(
                name=name,
                sort_name=sort_name,
                sort_initial=initial_of(sort_name),
                slug=slug,
                birth_year=born,
                death_year=born + rng.randint(40, 95) if born < 1945 else None,
                nationality=rng.choice(NATIONALITIES),
            )
        )
    return [artist.pk for artist in Artist.objects.bulk_create(artists, batch_size=BULK_BATCH)]
