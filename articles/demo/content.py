"""The demo's publisher, sections, staff writers and artists, as plain data (artworks: artworks.py).

Ai Weiwei and his four works are real and carry only facts given in the brief; every other
person and work here is invented. Where a fact is unknown the field is simply left out.
Keys are slugs: the loader finds rows by them, so editing a text here and re-running
`seed_demo` updates the row rather than adding another.
"""

SITE = {
    "publisher_name": "Thames & Ink",
    "tagline": "Art, photography, design and architecture, in print and online",
    "footer_blurb": (
        "Thames & Ink publishes books and magazines on art, photography, design and "
        "architecture: monographs and exhibition catalogues, a quarterly review, and the "
        "reporting you read on this site.\n\n"
        "Our editors work with artists, curators and photographers to put images and ideas "
        "on the page with care. Everything here is demo content."
    ),
}

# (name, slug); listed in the order the navigation shows them.
SECTIONS = [
    ("Art", "art"),
    ("Photography", "photography"),
    ("Design", "design"),
    ("Architecture", "architecture"),
    ("Fashion", "fashion"),
    ("Food", "food"),
    ("Travel", "travel"),
]

AUTHORS = [
    {
        "slug": "clara-weiss",
        "name": "Clara Weiss",
        "bio": "Clara Weiss is the arts editor of Thames & Ink.",
    },
    {
        "slug": "tom-ashdown",
        "name": "Tom Ashdown",
        "bio": "Tom Ashdown writes about photography and film.",
    },
    {
        "slug": "ines-duval",
        "name": "Inès Duval",
        "bio": "Inès Duval covers design and architecture.",
    },
    {
        "slug": "priya-raman",
        "name": "Priya Raman",
        "bio": "Priya Raman writes about food, travel and the places where art is made.",
    },
]

ILLUSTRATION_CREDIT = "Illustration: Newsroom demo"

ARTISTS = [
    {
        "slug": "ai-weiwei",
        "name": "Ai Weiwei",
        "sort_name": "Ai, Weiwei",
        "birth_year": 1957,
        "birth_place": "Beijing",
        "nationality": "Chinese",
        "bio": (
            "<p>Ai Weiwei is a Chinese artist born in Beijing in 1957. His photographs, "
            "sculptures and installations, among them <em>Dropping a Han Dynasty Urn</em>, "
            "<em>Remembering</em> and <em>Sunflower Seeds</em>, set questions about history, "
            "value and power before a wide public.</p>"
        ),
        "tags": ["Conceptual art", "Installation art"],
    },
    {
        "slug": "hanna-lindqvist",
        "name": "Hanna Lindqvist",
        "sort_name": "Lindqvist, Hanna",
        "birth_year": 1974,
        "birth_place": "Gothenburg",
        "nationality": "Swedish",
        "bio": (
            "<p>Hanna Lindqvist is a photographer who works in long series, returning to the "
            "same harbours, roads and coastlines over several years.</p>"
        ),
        "tags": ["Documentary photography", "Landscape photography"],
    },
    {
        "slug": "tomas-ferreira",
        "name": "Tomás Ferreira",
        "sort_name": "Ferreira, Tomás",
        "birth_year": 1962,
        "birth_place": "Porto",
        "nationality": "Portuguese",
        "bio": (
            "<p>Tomás Ferreira is an architect whose small practice designs houses, libraries "
            "and schools in northern Portugal.</p>"
        ),
        "tags": ["Modernism", "Regional architecture"],
    },
    {
        "slug": "elodie-marchand",
        "name": "Elodie Marchand",
        "sort_name": "Marchand, Elodie",
        "birth_year": 1968,
        "birth_place": "Lyon",
        "nationality": "French",
        "bio": (
            "<p>Elodie Marchand is a painter of large, quiet canvases built from thin layers "
            "of colour.</p>"
        ),
        "tags": ["Abstraction", "Colour field"],
    },
    {
        "slug": "samuel-adeyemi",
        "name": "Samuel Adeyemi",
        "sort_name": "Adeyemi, Samuel",
        "birth_year": 1971,
        "birth_place": "Ibadan",
        "nationality": "Nigerian",
        "bio": (
            "<p>Samuel Adeyemi is a ceramicist and designer who makes vessels for everyday "
            "use, thrown and glazed in his studio.</p>"
        ),
        "tags": ["Studio ceramics", "Functional design"],
    },
    {
        "slug": "yuki-tanabe",
        "name": "Yuki Tanabe",
        "sort_name": "Tanabe, Yuki",
        "birth_year": 1979,
        "birth_place": "Kyoto",
        "nationality": "Japanese",
        "bio": (
            "<p>Yuki Tanabe is a fashion and textile designer who folds, binds and dyes "
            "cloth by hand before it is cut.</p>"
        ),
        "tags": ["Textile design", "Slow fashion"],
    },
    {
        "slug": "shen-liyuan",
        "name": "Shen Liyuan",
        "sort_name": "Shen, Liyuan",
        "birth_year": 1976,
        "birth_place": "Hangzhou",
        "nationality": "Chinese",
        "bio": (
            "<p>Shen Liyuan is an installation artist who builds large, temporary structures "
            "from bamboo, cord and other materials borrowed from building sites.</p>"
        ),
        "tags": ["Installation art", "Site-specific art"],
    },
    {
        "slug": "ylva-brandt",
        "name": "Ylva Brandt",
        "sort_name": "Brandt, Ylva",
        "birth_year": 1969,
        "birth_place": "Malmö",
        "nationality": "Swedish",
        "bio": (
            "<p>Ylva Brandt is a documentary filmmaker who makes long, quiet films about "
            "people at work.</p>"
        ),
        "tags": ["Documentary film"],
    },
    {
        "slug": "nuno-serrador",
        "name": "Nuno Serrador",
        "sort_name": "Serrador, Nuno",
        "birth_year": 1975,
        "birth_place": "Braga",
        "nationality": "Portuguese",
        "bio": (
            "<p>Nuno Serrador studied architecture before turning to film. His short "
            "documentaries follow buildings from the first drawing to the first winter of "
            "use.</p>"
        ),
        "tags": ["Documentary film"],
    },
]
