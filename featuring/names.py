"""The forms in which writers name an artist, and how far an artwork's title can be trusted.

An artist "Sir Edward Coley Burne-Jones, Bt" (sort name "Burne-Jones, Sir Edward Coley") is
found as the name Tate prints, without its honorifics ("Edward Coley Burne-Jones"), with only
the first given name ("Edward Burne-Jones"), with initials ("E.C. Burne-Jones", "EC
Burne-Jones"); the surname alone ("Burne-Jones's") is a weaker form the matcher accepts only
with more evidence (featuring/matching.py). A single-word name ("Linder") is never trusted alone.

A title is graded by what it is made of (`title_tier`): generic titles ("Untitled No. 3",
"Self-Portrait", a title many artworks share) are never matched; one ordinary English word
("Remembering") needs the artist nearby and typographic evidence; ordinary phrases ("Sunflower
Seeds") and distinctive single words ("Pelagos") need one of the two; longer distinctive titles
("Dropping a Han Dynasty Urn") stand alone when written as a title.
"""

import enum
import re

from featuring.normalizing import normal_form
from featuring.words import SURNAME_COMMON_RANK, all_common, is_common

# Words before or after a name that are no part of how writers name the person.
_HONORIFICS = frozenset(
    "sir dame lord lady rev revd reverend prof professor dr mr mrs miss hon esq captain capt "
    "general admiral colonel col major baron baroness count countess".split()
)
# Words that belong to the surname they precede ("van Gogh", "de Kooning", "della Robbia").
_PARTICLES = frozenset("van von de der den di da del della du la le ten ter".split())
_SUFFIXES = frozenset("bt ra pra rba frs kbe cbe obe mbe om ch junior senior jr sr jnr snr".split())

# Titles nobody can tell apart, whatever the catalogue holds; the catalogue adds the stems it
# sees shared by GENERIC_SHARED or more artworks of different artists (`generic_stems`).
GENERIC_TITLES = frozenset(
    {
        "untitled",
        "no title",
        "title not known",
        "blank",
        "composition",
        "abstract composition",
        "abstraction",
        "self portrait",
        "portrait",
        "landscape",
        "seascape",
        "still life",
        "interior",
        "study",
        "sketch",
        "drawing",
        "painting",
        "sculpture",
        "relief",
        "collage",
        "construction",
        "figure",
        "figures",
        "two figures",
        "seated figure",
        "standing figure",
        "reclining figure",
        "head",
        "torso",
        "nude",
        "woman",
        "man",
        "girl",
        "boy",
        "mother and child",
        "family group",
        "portrait of a man",
        "portrait of a woman",
        "portrait of a lady",
        "portrait of a gentleman",
        "flowers",
        "view",
        "image",
        "object",
        "form",
        "design",
        "print",
        "photograph",
        "work",
        "sketchbook",
    }
)
# A title made only of the most frequent English words ("In the", "Here and There") reads as
# prose everywhere.
FUNCTION_WORDS_RANK = 150
# Artworks of at least this many different artists sharing a title make it generic; fewer
# share it, and the one whose artist is named nearby is found ("Door" by Philip Guston).
GENERIC_SHARED = 5
# Words that number a title rather than name it: "Untitled No. 3", "Composition II".
_NUMBERING = re.compile(r"^(?:\d+[a-z]?|no|nos|nr|number|[ivxlc]+|part|version)$")


class Tier(enum.IntEnum):
    """What a title needs besides being found (featuring/matching.py)."""

    NEVER = 0  # generic, bracketed or too short: never matched
    ARTIST_AND_TYPE = 1  # one ordinary word: its artist nearby and set as a title
    ARTIST_OR_TYPE = 2  # an ordinary phrase or one distinctive word: either
    ALONE = 3  # distinctive: found as a title is enough


def stem(title_form: str) -> str:
    """A normalized title without the words that number it, nor the little words it ends with:
    "untitled no 3" and "untitled in" -> "untitled"."""
    words = [word for word in title_form.split() if not _NUMBERING.match(word)]
    while words and is_common(words[-1], rank=FUNCTION_WORDS_RANK):
        words.pop()
    return " ".join(words)


def title_tier(title: str, title_form: str, generic: frozenset[str] | set[str]) -> Tier:
    """How far a title (as the catalogue has it, and normalized) can be trusted."""
    title_stem = stem(title_form)
    if title.lstrip().startswith("[") or len(title_form) < 3 or not title_stem:
        return Tier.NEVER
    if title_stem in GENERIC_TITLES or title_stem in generic:
        return Tier.NEVER
    words = title_form.split()
    if all_common(words, rank=FUNCTION_WORDS_RANK):
        return Tier.NEVER  # "In the", "Here", "Three": prose, whatever the typography
    if len(words) == 1:
        return (
            Tier.ARTIST_AND_TYPE
            if is_common(words[0]) or words[0].isdigit()
            else Tier.ARTIST_OR_TYPE
        )
    if all_common(words) and len(words) < 5:
        return Tier.ARTIST_OR_TYPE
    return Tier.ALONE


def title_variants(title: str, title_form: str) -> list[tuple[str, str]]:
    """Shorter ways writers give a title, as (title, normalized): without its leading article
    ("Fighting Temeraire" for "The Fighting Temeraire"), or only what comes before a colon or
    a bracket ("Three Ways" for "Three Ways: Mould, Hole and Passage"); two words at least."""
    variants = []
    words = title.split()
    if len(words) > 2 and words[0].lower() in ("the", "a", "an"):
        variants.append(" ".join(words[1:]))
    head = re.split(r"\s*[:(\[]", title, maxsplit=1)[0]
    if head != title and len(head.split()) >= 2:
        variants.append(head)
    return [
        (variant, normal_form(variant))
        for variant in variants
        if normal_form(variant) != title_form
    ]


def _strip(words: list[str]) -> list[str]:
    while words and words[0] in _HONORIFICS:
        words = words[1:]
    while words and words[-1] in _SUFFIXES:
        words = words[:-1]
    return words


def artist_forms(name: str, sort_name: str) -> tuple[set[str], set[str]]:
    """The full forms of an artist's name (several words each) and their surnames: the sort
    name's ("Gogh, Vincent van" -> "van gogh", its particle with it) and the display name's last
    word ("Ai Weiwei", sorted "Ai, Weiwei": "ai" and "weiwei", since writers say "Weiwei's"). A
    single-word name has no full form: its one word is its surname."""
    words = _strip(normal_form(name).split())
    surname_part, comma, given_part = sort_name.partition(",")
    if comma:
        surname = _strip(normal_form(surname_part).split())
        given = _strip(normal_form(given_part).split())
        while given and given[-1] in _PARTICLES:  # "Gogh, Vincent van": "van gogh"
            surname = given[-1:] + surname
            given = given[:-1]
    elif len(words) > 1:
        surname, given = words[-1:], words[:-1]
    else:
        surname, given = words, []
    forms = set()
    if len(words) > 1:
        forms.add(" ".join(words))
        forms.add(normal_form(name))
    if "&" in name:  # "Gilbert & George", written "Gilbert and George" too
        forms.add(normal_form(name.replace("&", " and ")))
    if surname and given:
        forms.add(" ".join(given + surname))
        if len(given) > 1:
            forms.add(" ".join(given[:1] + surname))
            initials = [word[0] for word in given]
            forms.add(" ".join(initials + surname))
            forms.add(" ".join(["".join(initials)] + surname))
    forms = {form for form in forms if len(form.split()) > 1}
    surnames = {" ".join(surname)} if surname else set()
    if len(words) > 1:
        surnames.add(words[-1])
    return forms, {form for form in surnames if form not in forms}


def trusted_surname(surname: str) -> bool:
    """A surname distinctive enough to name the artist alone: not ordinary English ("Turner",
    "Bell"; words.SURNAME_COMMON_RANK), and not too short to tell from other words."""
    return len(surname) >= 4 and not all_common(surname.split(), rank=SURNAME_COMMON_RANK)
