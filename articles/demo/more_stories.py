"""The demo's design, architecture, fashion, food and travel articles, as plain data.

All the people and works here are invented; the shape of each entry is described in
articles.demo.stories.
"""

from datetime import UTC, datetime

RIVER_HOUSE = {
    "slug": "a-house-that-listens-to-the-river",
    "title": "A house that listens to the river",
    "section": "architecture",
    "status": "published",
    "published_at": datetime(2010, 9, 21, 10, 0, tzinfo=UTC),
    "authors": ["ines-duval"],
    "standfirst": (
        "Tomás Ferreira's Casa do Rio reaches out over the water on a single concrete "
        "arm, and still feels modest."
    ),
    "body": (
        "<p>From the road, <em>Casa do Rio</em> (2008) barely registers: a low grey wall, a "
        "door, a clump of oaks. Only from the riverbank does the house show its hand, a long "
        "concrete box that leans out over the current with a single band of glass.</p>"
        "<p>Tomás Ferreira lined the interior with cork, which softens the sound of the water "
        "and keeps the rooms warm in winter. The details are plain and carefully made; "
        "nothing is there for the photograph.</p>"
        "<p>It is a small building, but it makes a large argument: that a house can be bold "
        "about its site and quiet about itself.</p>"
    ),
    "tags": ["architecture", "Portugal", "concrete", "houses"],
    "featured_artists": ["tomas-ferreira"],
    "featured_artworks": ["casa-do-rio"],
    "figures": [{"artwork": "casa-do-rio"}],
}

RAIN_VESSELS = {
    "slug": "samuel-adeyemi-rain-vessels",
    "title": "Samuel Adeyemi's vessels for the rainy season",
    "section": "design",
    "status": "published",
    "published_at": datetime(2011, 2, 8, 12, 0, tzinfo=UTC),
    "authors": ["ines-duval"],
    "standfirst": (
        "Five stoneware pots, made to be used every day, show how much design can live in "
        "the curve of a rim."
    ),
    "body": (
        "<p>Samuel Adeyemi throws every piece himself, and it shows in the slight differences "
        "between the five parts of <em>Rain Vessels</em> (2011). Each has a wide belly and a "
        "narrow neck, and each glaze pools differently where the wall turns.</p>"
        "<p>They are meant for water, flowers or nothing at all. Adeyemi likes to see them "
        "used, chipped and mended, rather than kept behind glass.</p>"
    ),
    "tags": ["design", "ceramics", "craft"],
    "featured_artists": ["samuel-adeyemi"],
    "featured_artworks": ["rain-vessels"],
    "figures": [{"artwork": "rain-vessels"}],
}

INDIGO = {
    "slug": "yuki-tanabe-indigo-folded",
    "title": "Indigo, folded: Yuki Tanabe's new collection",
    "section": "fashion",
    "status": "published",
    "published_at": datetime(2011, 10, 4, 15, 0, tzinfo=UTC),
    "authors": ["ines-duval", "clara-weiss"],
    "standfirst": (
        "The Kyoto designer folds and binds her cloth before it meets the dye, and cuts the "
        "garments around whatever pattern comes out."
    ),
    "body": (
        "<p>Most collections start with a drawing. Yuki Tanabe's start with a bucket of "
        "indigo. She folds lengths of cotton into tight parcels, binds them and dips them, "
        "and only when the cloth is dry does she decide what it will become.</p>"
        "<p><em>Fold Study No. 3</em> (2011), shown alongside the clothes, is a single length "
        "left uncut: rows of pale rings and diamonds where the dye could not reach.</p>"
        "<p>The coats and shirts that follow keep those marks whole, so no two pieces match. "
        "It is slow, stubborn work, and the collection is better for it.</p>"
    ),
    "tags": ["fashion", "textiles", "indigo", "Japan", "craft"],
    "featured_artists": ["yuki-tanabe"],
    "featured_artworks": ["fold-study-no-3"],
    "figures": [{"artwork": "fold-study-no-3"}],
}

MUSEUM_LUNCH = {
    "slug": "lunch-at-the-museum-reconsidered",
    "title": "Lunch at the museum, reconsidered",
    "section": "food",
    "status": "published",
    "published_at": datetime(2012, 5, 22, 12, 30, tzinfo=UTC),
    "authors": ["priya-raman"],
    "standfirst": (
        "The museum café used to be where you rested your feet. Now some are worth the "
        "journey on their own."
    ),
    "body": (
        "<p>There was a time when lunch at a gallery meant a damp sandwich and a view of the "
        "cloakroom. That time is passing. More museums now treat their kitchens as part of "
        "the visit, with menus that change with the exhibitions.</p>"
        "<p>The best of them borrow the gallery's habits: a short list, good materials, and "
        "plates arranged with some thought for colour. Ceramics by makers such as Samuel "
        "Adeyemi turn up on the tables as often as in the shop.</p>"
        "<p>Our advice: go early, sit by the window, and order whatever the kitchen is proud "
        "of that day.</p>"
    ),
    "tags": ["food", "museums", "ceramics", "design"],
    "featured_artists": ["samuel-adeyemi"],
    "featured_artworks": [],
    "figures": [
        {
            "picture": "lunch",
            "alt": "Seen from above, a wooden table set with round plates of colourful food.",
            "caption": "Lunch, seen from above",
        }
    ],
}

PORTO = {
    "slug": "three-days-in-porto-for-the-architecture",
    "title": "Three days in Porto for the architecture",
    "section": "travel",
    "status": "published",
    "published_at": datetime(2012, 8, 28, 7, 0, tzinfo=UTC),
    "authors": ["priya-raman", "ines-duval"],
    "standfirst": (
        "Tiled façades, steep streets and a river to follow: a long weekend for anyone who "
        "travels to look at buildings."
    ),
    "body": (
        "<p>Porto is a city best seen on foot and slightly out of breath. The streets climb "
        "from the river in stairs and switchbacks, and almost every turn brings another "
        "façade dressed in blue and white tiles.</p>"
        "<p>Spend the first day in the old centre, the second along the river, and the third "
        "outside the city. An hour's drive upstream, houses such as Tomás Ferreira's "
        "<em>Casa do Rio</em> (2008) show how the region's architects carry the same care for "
        "materials into the countryside.</p>"
        "<p>Bring good shoes and leave room in your bag: the tile shops are hard to walk "
        "past.</p>"
    ),
    "tags": ["travel", "architecture", "Portugal", "tiles"],
    "featured_artists": ["tomas-ferreira"],
    "featured_artworks": ["casa-do-rio"],
    "figures": [
        {
            "picture": "tiles",
            "alt": "A house front covered in blue and white patterned tiles, with two windows.",
            "caption": "A tiled façade in Porto",
        }
    ],
}

ARTICLES = [RIVER_HOUSE, RAIN_VESSELS, INDIGO, MUSEUM_LUNCH, PORTO]
