"""How the synthetic corpus is drawn: long-tailed (Zipf) tags and artists, weighted sections,
and the words its invented titles, tags and names are made of."""

from bisect import bisect_right
from collections.abc import Sequence
from datetime import datetime
from itertools import accumulate, pairwise
from random import Random

TAG_EXPONENT = 1.0


ARTIST_EXPONENT = 0.8


TAGS_PER_ARTICLE = (5, 10)


# Weights of 0, 1, 2 and 3 featured artists on an article (1.1 on average).
ARTISTS_PER_ARTICLE_WEIGHTS = (30, 40, 20, 10)


YEARS = 10


SECTIONS = [
    ("News", 20),
    ("Reviews", 18),
    ("Features", 12),
    ("Interviews", 10),
    ("Exhibitions", 10),
    ("Books", 6),
    ("Photography", 6),
    ("Architecture", 5),
    ("Design", 5),
    ("Opinion", 4),
    ("Market", 2),
    ("Obituaries", 2),
]


# The most used tags are single words; the long tail qualifies them ("Dutch still life").
TAG_WORDS = (
    "photography painting sculpture architecture design drawing printmaking installation "
    "video-art performance ceramics textiles collage portraiture landscape still-life "
    "abstraction minimalism modernism surrealism cubism expressionism impressionism pop-art "
    "conceptual-art land-art street-art illustration typography graphic-design fashion furniture "
    "interiors urbanism museums galleries biennials art-fairs auctions collectors restitution "
    "conservation archives manuscripts photobooks film animation digital-art new-media "
    "sound-art glass metalwork jewellery woodcut etching lithography watercolour fresco mosaic "
    "calligraphy folk-art outsider-art self-portraiture the-body the-city memory migration "
    "ecology colonial-history feminism queer-art craft public-art monuments gardens bauhaus "
    "brutalism art-deco baroque renaissance romanticism"
).split()


TAG_QUALIFIERS = (
    "contemporary modern early late postwar Victorian Japanese Chinese Indian African Nigerian "
    "Mexican Brazilian American British French German Italian Spanish Dutch Nordic Russian "
    "Polish Korean Australian Canadian Irish Scottish Welsh Swiss Austrian Belgian Greek "
    "Turkish Iranian Egyptian Argentine Cuban Caribbean Arab"
).split()


FIRST_NAMES = (
    "Ada Agnes Ai Alberto Alice Amrita Anni Anselm Barbara Bridget Camille Carlos Cindy Claude "
    "Dora Edgar Elena Eva Fernand Frida Georgia Gerhard Hannah Helen Hilma Isamu Jean Joan Jorge "
    "Julie Kazimir Kerry Lee Leonora Lina Louise Lucian Marcel Maria Mark Meret Nan Olafur Pablo "
    "Paula Rachel Rene Rosa Sonia Takashi Tracey Vanessa Vera Wassily Yayoi Yoko Zaha Zanele"
).split()


LAST_NAMES = (
    "Abramovic Albers Arbus Bacon Bourgeois Brancusi Calder Cassatt Chagall Close Dali Delaunay "
    "Dix Dumas Eliasson Emin Ernst Freud Gober Goldin Goncharova Gormley Gursky Hadid Hammons "
    "Hatoum Hepworth Hockney Holzer Horn Hopper Ishioka Kahlo Kapoor Kiefer Klee Klimt Kusama "
    "Lange Leger Lichtenstein Magritte Malevich Man Martin Matisse Mehretu Miro Modersohn "
    "Mondrian Morisot Munch Murakami Neel Nevelson Noguchi Odundo Oppenheim Paik Picasso "
    "Pollock Richter Riley Rothko Saville Schiele Sherman Sikander Simpson Smith Spero Tanning "
    "Turrell Twombly Varo Walker Warhol Weems Whiteread Woodman Xu Yamamoto Zhang Zurbaran"
).split()


NATIONALITIES = (
    "British French German American Japanese Mexican Nigerian Indian Chinese Brazilian Italian "
    "Spanish Dutch Swiss Korean Canadian Australian Irish Polish Ghanaian"
).split()


TITLE_OPENERS = [
    "Notes on",
    "The return of",
    "Rethinking",
    "A short history of",
    "Inside",
    "Looking again at",
    "In praise of",
    "The market for",
    "Letters on",
    "After",
    "What next for",
    "Against",
]


class Zipf:
    """Draws from items in rank order: the item of rank r with weight 1 / r**exponent."""

    def __init__(self, items: Sequence[int], exponent: float):
        if not items:
            raise ValueError("Zipf needs at least one item.")
        self.items = list(items)
        self.exponent = exponent
        self.cumulative = list(
            accumulate(1 / rank**exponent for rank in range(1, len(self.items) + 1))
        )
        self.total = self.cumulative[-1]
        self._last = len(self.items) - 1

    def top_share(self) -> float:
        """The share of all draws that go to the first item."""
        return self.cumulative[0] / self.total

    def distinct(self, rng: Random, count: int) -> list[int]:
        """`count` different items (drawn again on a repeat), in the order drawn."""
        count = min(count, len(self.items))
        chosen: dict[int, None] = {}
        while len(chosen) < count:
            index = bisect_right(self.cumulative, rng.random() * self.total)
            chosen[self.items[min(index, self._last)]] = None
        return list(chosen)


class ArticleSampler:
    """Draws articles like the corpus's: section, tags and featured artists."""

    def __init__(
        self,
        rng: Random,
        *,
        sections: Sequence[tuple[int, str]],
        tags: Sequence[tuple[int, str]],
        artist_ids: Sequence[int],
        tag_exponent: float = TAG_EXPONENT,
        artist_exponent: float = ARTIST_EXPONENT,
    ):
        self.rng = rng
        self.sections = list(sections)
        weights = dict(SECTIONS)
        self.section_weights = [weights.get(name, 5) for _pk, name in self.sections]
        self.tag_names = dict(tags)
        self.tags = Zipf([pk for pk, _name in tags], tag_exponent)
        self.artists = Zipf(artist_ids, artist_exponent) if artist_ids else None

    @classmethod
    def from_database(cls, rng: Random, **exponents) -> "ArticleSampler":
        """A sampler over the sections, tags and artists in the database, ranked by id."""
        from taggit.models import Tag  # noqa: PLC0415

        from articles.models import Section  # noqa: PLC0415
        from artists.models import Artist  # noqa: PLC0415

        return cls(
            rng,
            sections=list(Section.objects.order_by("pk").values_list("pk", "name")),
            tags=list(Tag.objects.order_by("pk").values_list("pk", "name")),
            artist_ids=list(Artist.objects.order_by("pk").values_list("pk", flat=True)),
            **exponents,
        )

    def draw(self, *, number: int, published_at: datetime):
        """An unsaved published Article with the ids of its tags and featured artists."""
        from articles.models import Article  # noqa: PLC0415

        rng = self.rng
        section_id, section_name = rng.choices(self.sections, weights=self.section_weights)[0]
        tag_ids = self.tags.distinct(rng, rng.randint(*TAGS_PER_ARTICLE))
        artist_count = rng.choices(range(4), weights=ARTISTS_PER_ARTICLE_WEIGHTS)[0]
        artist_ids = self.artists.distinct(rng, artist_count) if self.artists else []
        first, second = (self.tag_names[pk] for pk in tag_ids[:2])
        title = f"{rng.choice(TITLE_OPENERS)} {first}"
        article = Article(
            title=title,
            slug=f"{slugify_title(title)}-{number}",
            standfirst=f"{section_name}: {first}, {second} and more.",
            section_id=section_id,
            status=Article.Status.PUBLISHED,
            published_at=published_at,
        )
        return article, tag_ids, artist_ids


# The first round of a bulk load is small, and followed by ANALYZE on PostgreSQL. Its search
# triggers rebuild the documents of the rows each statement touches; planned without statistics
# of the tables this transaction fills (which autovacuum cannot see), they scan whole tables or
# indexes for each row and the load slows down as it grows. ANALYZE counts the rows of its own
# transaction, so after a small first round the plans stay good.
FIRST_ROUND = 1_000


def rounds(count: int, size: int) -> list[tuple[int, int]]:
    """(start, stop) of each round of a load of `count` rows: FIRST_ROUND, then `size` each."""
    edges = [0, *range(min(FIRST_ROUND, count), count, size), count]
    return [(start, stop) for start, stop in pairwise(edges) if stop > start]


def slugify_title(text: str) -> str:
    from django.utils.text import slugify  # noqa: PLC0415

    return slugify(text)


# Artworks: credited artists drawn with weight 1 / rank**ARTWORK_ARTIST_EXPONENT (a few prolific
# artists with thousands of works, most with a handful); artworks shown in figures drawn with
# FIGURE_ARTWORK_EXPONENT when not by one of the article's featured artists.
ARTWORK_ARTIST_EXPONENT = 0.8
FIGURE_ARTWORK_EXPONENT = 0.7
# Weights of 1, 2 and 3 credited artists on an artwork.
CREDITS_PER_ARTWORK_WEIGHTS = (90, 8, 2)
# Weights of 1, 2 and 3 authors in an article's byline; authors drawn along Zipf's law too.
AUTHORS_PER_ARTICLE_WEIGHTS = (75, 20, 5)
AUTHOR_EXPONENT = 0.7
# Share of the figures of an article with featured artists that show one of their works.
FIGURES_BY_FEATURED_ARTISTS = 0.75

# classification: its media
CLASSIFICATIONS = {
    "painting": ["Oil paint on canvas", "Acrylic paint on canvas", "Tempera on wood"],
    "photograph": ["Gelatin silver print", "Chromogenic print", "Inkjet print on paper"],
    "sculpture": ["Bronze", "Marble", "Painted steel", "Wood and found objects"],
    "work on paper": ["Graphite on paper", "Watercolour on paper", "Ink on paper"],
    "print": ["Etching on paper", "Screenprint on paper", "Lithograph on paper"],
    "installation": ["Mixed media", "Video, colour and sound", "Neon and glass"],
    "textile": ["Wool and silk", "Cotton, embroidered"],
    "ceramic": ["Stoneware, glazed", "Porcelain"],
}

ARTWORK_TITLE_WORDS = (
    "Untitled Study Portrait Landscape Interior Figure Composition Still Life Nude Head Garden "
    "Harbour Window Night Morning Winter Summer Mother Self-Portrait Crowd Bathers River Tower "
    "Field Mountain Sea Rooms Shadows Mirror Column Threshold Silence Echo Fragments"
).split()

ARTWORK_TITLE_QUALIFIERS = (
    "with Red Chair|in Blue|at Dusk|after Rain|No. 1|No. 2|No. 3|II|III|(Black)|(White)|"
    "with Figures|by the Sea|in the Studio|for a Monument|of the Artist's Mother|at Night"
).split("|")

CREDIT_LINES = (
    "Purchased {year}",
    "Presented by the artist {year}",
    "Bequeathed by a private collector {year}",
    "Accepted in lieu of tax {year}",
    "Presented by the Friends of the Collection {year}",
)

ARTWORK_ROLES_WEIGHTS = {  # the first credit's role; others are plain "artist"
    "artist": 85,
    "attributed": 5,
    "after": 3,
    "studio": 2,
    "circle": 2,
    "and-studio": 3,
}
