"""The demo's publisher, sections, staff writers, artists and artworks, as plain data.

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

# "picture" names a drawing in articles.demo.pictures; "alt" describes what it shows.
ARTWORKS = [
    {
        "slug": "dropping-a-han-dynasty-urn",
        "artist": "ai-weiwei",
        "title": "Dropping a Han Dynasty Urn",
        "date_display": "1995",
        "earliest_year": 1995,
        "latest_year": 1995,
        "medium": "Three black and white photographs",
        "dimensions_display": "each 148 x 121cm",
        "height": 148,
        "width": 121,
        "unit": "cm",
        "classification": "Photograph",
        "tags": ["photography", "performance", "China"],
        "picture": "urn",
        "alt": (
            "Three black and white panels: a figure holds an urn, lets it fall, "
            "and stands over its shards."
        ),
    },
    {
        "slug": "study-of-perspective",
        "artist": "ai-weiwei",
        "title": "Study of Perspective",
        "date_display": "1993/2005",
        "earliest_year": 1993,
        "latest_year": 2005,
        "medium": "Series of photographs",
        "classification": "Photograph",
        "tags": ["photography", "power", "architecture"],
        "picture": "perspective",
        "alt": "A raised hand in the foreground, held up against a monumental building.",
    },
    {
        "slug": "remembering",
        "artist": "ai-weiwei",
        "title": "Remembering",
        "date_display": "2009",
        "earliest_year": 2009,
        "latest_year": 2009,
        "medium": "9,000 children's backpacks",
        "classification": "Installation",
        "tags": ["installation", "memory", "China"],
        "picture": "backpacks",
        "alt": (
            "A museum façade behind a row of columns, covered in bands of small "
            "coloured rectangles."
        ),
    },
    {
        "slug": "sunflower-seeds",
        "artist": "ai-weiwei",
        "title": "Sunflower Seeds",
        "date_display": "2010",
        "earliest_year": 2010,
        "latest_year": 2010,
        "medium": "Porcelain",
        "classification": "Installation",
        "tags": ["installation", "porcelain", "China"],
        "picture": "seeds",
        "alt": "A floor covered edge to edge with small grey seed shapes.",
    },
    {
        "slug": "harbour-at-four",
        "artist": "hanna-lindqvist",
        "title": "Harbour at Four",
        "date_display": "2009",
        "earliest_year": 2009,
        "latest_year": 2009,
        "medium": "Archival pigment print",
        "dimensions_display": "100 x 160cm",
        "height": 100,
        "width": 160,
        "unit": "cm",
        "classification": "Photograph",
        "tags": ["photography", "landscape", "sea"],
        "picture": "harbour",
        "alt": "A harbour at dawn: wooden posts and two boats against a pale pink sky.",
    },
    {
        "slug": "salt-roads",
        "artist": "hanna-lindqvist",
        "title": "Salt Roads",
        "date_display": "2011",
        "earliest_year": 2011,
        "latest_year": 2011,
        "medium": "Series of twelve photographs",
        "classification": "Photograph",
        "tags": ["photography", "landscape"],
        "picture": "salt_road",
        "alt": "A straight road crossing a white plain towards a low horizon, poles beside it.",
    },
    {
        "slug": "casa-do-rio",
        "artist": "tomas-ferreira",
        "title": "Casa do Rio",
        "date_display": "2008",
        "earliest_year": 2008,
        "latest_year": 2008,
        "medium": "Concrete, cork and glass",
        "classification": "Architecture",
        "tags": ["architecture", "Portugal", "concrete"],
        "picture": "river_house",
        "alt": "A long concrete house with a band of windows, reaching out over a river.",
    },
    {
        "slug": "rain-vessels",
        "artist": "samuel-adeyemi",
        "title": "Rain Vessels",
        "date_display": "2011",
        "earliest_year": 2011,
        "latest_year": 2011,
        "medium": "Glazed stoneware, five parts",
        "dimensions_display": "height 18 to 42cm",
        "classification": "Ceramics",
        "tags": ["design", "ceramics", "craft"],
        "picture": "vessels",
        "alt": "Five round-bellied ceramic vessels in earth and green glazes on a shelf.",
    },
    {
        "slug": "blue-hours",
        "artist": "elodie-marchand",
        "title": "Blue Hours",
        "date_display": "2010",
        "earliest_year": 2010,
        "latest_year": 2010,
        "medium": "Oil on linen",
        "dimensions_display": "180 x 140cm",
        "height": 180,
        "width": 140,
        "unit": "cm",
        "classification": "Painting",
        "tags": ["painting", "colour"],
        "picture": "blue_hours",
        "alt": "A painting of soft horizontal bands of blue, darkening towards the top.",
    },
    {
        "slug": "fold-study-no-3",
        "artist": "yuki-tanabe",
        "title": "Fold Study No. 3",
        "date_display": "2011",
        "earliest_year": 2011,
        "latest_year": 2011,
        "medium": "Indigo-dyed cotton",
        "classification": "Textile",
        "tags": ["textiles", "indigo", "Japan"],
        "picture": "indigo",
        "alt": "Indigo cloth printed with rows of pale rings and diamonds left by folding.",
    },
    {
        "slug": "scaffold-garden",
        "artist": "shen-liyuan",
        "title": "Scaffold Garden",
        "date_display": "2011",
        "earliest_year": 2011,
        "latest_year": 2011,
        "medium": "Bamboo poles and coloured nylon cord",
        "classification": "Installation",
        "tags": ["installation", "bamboo", "China"],
        "picture": "scaffold",
        "alt": (
            "Rows of bamboo poles, braced and tied with red, blue and yellow cord, standing "
            "in a white gallery hall."
        ),
    },
    {
        "slug": "before-the-boats",
        "artist": "ylva-brandt",
        "title": "Before the Boats",
        "date_display": "2010",
        "earliest_year": 2010,
        "latest_year": 2010,
        "medium": "Colour film, 58 minutes",
        "classification": "Film",
        "tags": ["film", "documentary", "sea"],
        "picture": "film_frames",
        "alt": (
            "A strip of film with three frames: a figure with a camera on a tripod on a quay, "
            "the sky brightening from frame to frame."
        ),
    },
    {
        "slug": "lantern-bowls",
        "artist": "samuel-adeyemi",
        "title": "Lantern Bowls",
        "date_display": "2011",
        "earliest_year": 2011,
        "latest_year": 2011,
        "medium": "Porcelain, three parts",
        "dimensions_display": "diameter 12 to 16cm",
        "classification": "Ceramics",
        "tags": ["porcelain", "ceramics", "design"],
        "picture": "lantern_bowls",
        "alt": "Three thin white bowls on a dark shelf, with a warm lamp glowing behind them.",
    },
    {
        "slug": "two-rivers",
        "artist": "elodie-marchand",
        "title": "Two Rivers",
        "date_display": "2011",
        "earliest_year": 2011,
        "latest_year": 2011,
        "medium": "Oil on linen",
        "dimensions_display": "120 x 160cm",
        "height": 120,
        "width": 160,
        "unit": "cm",
        "classification": "Painting",
        "tags": ["painting", "colour", "rivers"],
        "picture": "two_rivers",
        "alt": (
            "A wide painting of soft bands of ochre, grey-green and slate, with a thin pale "
            "line between the first two."
        ),
    },
    {
        "slug": "workshop-apron",
        "artist": "yuki-tanabe",
        "title": "Workshop Apron",
        "date_display": "2012",
        "earliest_year": 2012,
        "latest_year": 2012,
        "medium": "Indigo-dyed linen",
        "classification": "Textile",
        "tags": ["textiles", "indigo", "workwear"],
        "picture": "apron",
        "alt": "An indigo apron with wavy pale stripes, hanging from a wooden peg on a white wall.",
    },
]
