"""The demo's articles, as plain data, in our own words.

Only the first article is about real people, and it keeps to the facts it was given. The
others describe invented artists and works. Shared tags and artists between articles give the
"You May Also Like" block something to relate; one article stays a draft.

A figure is either {"artwork": slug} (captioned from the artwork) or a standalone picture:
{"picture": name, "alt": ..., "caption": ...}.
"""

from datetime import UTC, datetime

SEED_SLUG = "ai-weiwei-on-film-never-sorry"

NEVER_SORRY = {
    "slug": SEED_SLUG,
    "title": "Ai Weiwei on film: Never Sorry",
    "section": "art",
    "status": "published",
    "published_at": datetime(2011, 4, 20, 10, 0, tzinfo=UTC),
    "authors": ["clara-weiss", "tom-ashdown"],
    "standfirst": (
        "A friend of Ai Weiwei has been filming him since 2008. With the artist detained "
        "and unseen since early April, she is asking for help to finish the documentary."
    ),
    "meta_description": (
        "Alison Klayman seeks support to turn 200 hours of footage of Ai Weiwei into the "
        "documentary Ai Weiwei: Never Sorry."
    ),
    "body": (
        "<p>The American journalist and filmmaker Alison Klayman, a friend of Ai Weiwei, has "
        "been following the artist with a camera since 2008. She now holds some 200 hours of "
        "footage, and she is asking for support to shape it into a documentary, "
        "<em>Ai Weiwei: Never Sorry</em>.</p>"
        "<p>The appeal has become more pressing. On 3 April 2011 the artist was detained at "
        "Beijing airport, and nobody has seen him since. Footage shot to show an artist at work "
        "now also records the years that led up to his detention.</p>"
        "<h2>The work</h2>"
        "<p>For readers who know Ai Weiwei only from the news, the work is the place to "
        "start. In "
        "<em>Dropping a Han Dynasty Urn</em> (1995), three black and white photographs follow "
        "an ancient vessel from the artist's hands to the ground, where it breaks: a short act "
        "that asks what an old culture is worth, and to whom. <em>Study of Perspective</em> "
        "(1993/2005) turns the holiday snapshot against its monuments, with the artist raising "
        "his middle finger at Tiananmen, the Reichstag and the White House.</p>"
        "<p>Later works grew larger. For <em>Remembering</em> (2009), made for the "
        "<em>So Sorry</em> retrospective at the "
        '<a href="https://hausderkunst.de/">Haus der Kunst</a> in Munich, 9,000 children\'s '
        "backpacks covered the museum's façade in memory of the children who died in the 2008 "
        "Sichuan earthquake. In London, <em>Sunflower Seeds</em> (2010) filled the Turbine Hall "
        'of <a href="https://www.tate.org.uk/">Tate Modern</a> with seeds made of porcelain.</p>'
        "<p>Klayman's aim is to turn her years of footage into a single film. The project's "
        '<a href="https://www.aiweiweineversorry.com/">website</a> shows a preview and '
        "explains how to support it.</p>"
    ),
    "tags": ["Ai Weiwei", "film", "documentary", "China", "installation", "photography"],
    "featured_artists": ["ai-weiwei"],
    "featured_artworks": [
        "dropping-a-han-dynasty-urn",
        "study-of-perspective",
        "remembering",
        "sunflower-seeds",
    ],
    "figures": [
        {"artwork": "dropping-a-han-dynasty-urn"},
        {"artwork": "remembering"},
        {"artwork": "sunflower-seeds"},
    ],
    "links": [
        ("Watch the preview of Ai Weiwei: Never Sorry", "https://www.aiweiweineversorry.com/"),
        (
            "Read our interview with the director, Alison Klayman",
            "https://www.example.org/interviews/alison-klayman-never-sorry",
        ),
    ],
}

PHOTOGRAPHS_THAT_PERFORM = {
    "slug": "photographs-that-perform",
    "title": "Photographs that perform",
    "section": "photography",
    "status": "published",
    "published_at": datetime(2011, 6, 14, 9, 30, tzinfo=UTC),
    "authors": ["tom-ashdown"],
    "standfirst": (
        "Some photographs record an event; others are the only place the event really "
        "happens. A look at pictures made to be acted in."
    ),
    "body": (
        "<p>A photograph of a performance usually plays second fiddle to the performance. "
        "In some work the order is reversed: the act is staged for the camera, and the "
        "print is what survives.</p>"
        "<p>Ai Weiwei's <em>Study of Perspective</em> (1993/2005) is a clear case. The raised "
        "hand in front of Tiananmen, the Reichstag and the White House is a gesture that "
        "lasts a second, but the series makes it permanent, and the framing borrows the "
        "language of the tourist snapshot. <em>Dropping a Han Dynasty Urn</em> (1995) works "
        "the same way, in three frames.</p>"
        "<p>Hanna Lindqvist comes at the question from the other side. Nobody acts in her "
        "harbour pictures, yet she waits for hours for the light to perform, and the patience "
        "shows. Both approaches treat the camera as a stage rather than a witness.</p>"
    ),
    "tags": ["photography", "performance", "Ai Weiwei"],
    "featured_artists": ["ai-weiwei", "hanna-lindqvist"],
    "featured_artworks": ["study-of-perspective", "dropping-a-han-dynasty-urn", "harbour-at-four"],
    "figures": [{"artwork": "study-of-perspective"}],
}

HARBOURS = {
    "slug": "hanna-lindqvist-harbours-at-first-light",
    "title": "Hanna Lindqvist's harbours at first light",
    "section": "photography",
    "status": "published",
    "published_at": datetime(2010, 3, 9, 8, 0, tzinfo=UTC),
    "authors": ["tom-ashdown"],
    "standfirst": (
        "The Swedish photographer returns to the same quays, year after year, before anyone "
        "else is awake."
    ),
    "body": (
        "<p>Hanna Lindqvist sets up her tripod in the dark. By the time the first fishing "
        "boats start their engines she has usually made the one exposure she wanted, and "
        "she packs up before the harbour fills.</p>"
        "<p><em>Harbour at Four</em> (2009) is the best known of these pictures: two boats, "
        "a line of wooden posts and a sky just turning pink. Printed large, it rewards a "
        "slow look; details surface in the water that the eye first misses.</p>"
        "<p>Lindqvist says she is less interested in the sea than in waiting. The series, "
        "now in its sixth year, is as much a diary of early mornings as a portrait of a "
        "coast.</p>"
    ),
    "tags": ["photography", "landscape", "sea", "Sweden"],
    "featured_artists": ["hanna-lindqvist"],
    "featured_artworks": ["harbour-at-four"],
    "figures": [{"artwork": "harbour-at-four"}],
}

SALT_ROADS_DRAFT = {
    "slug": "salt-roads-lindqvist-goes-inland",
    "title": "Salt Roads: Lindqvist goes inland",
    "section": "photography",
    "status": "draft",
    "published_at": None,
    "authors": ["tom-ashdown"],
    "standfirst": "After years on the coast, Hanna Lindqvist follows a road across a dry plain.",
    "body": (
        "<p>Draft. <em>Salt Roads</em> (2011) is a series of twelve photographs taken along "
        "a single road, from the last village to the point where the tarmac gives out.</p>"
        "<p>To do: confirm the exhibition dates and add a second picture from the series.</p>"
    ),
    "tags": ["photography", "landscape"],
    "featured_artists": ["hanna-lindqvist"],
    "featured_artworks": ["salt-roads"],
    "figures": [{"artwork": "salt-roads"}],
}

BLUE_HOURS = {
    "slug": "elodie-marchand-blue-hours",
    "title": "Elodie Marchand and the colour of waiting",
    "section": "art",
    "status": "published",
    "published_at": datetime(2012, 1, 17, 11, 0, tzinfo=UTC),
    "authors": ["clara-weiss"],
    "standfirst": (
        "Thin veils of blue, laid down over months: the Lyon painter's new canvases ask to be "
        "looked at for longer than we usually give a picture."
    ),
    "body": (
        "<p>Elodie Marchand paints the way some people tend a garden. Each canvas takes dozens "
        "of layers of thinned oil, and she lets each one dry before adding the next.</p>"
        "<p>In <em>Blue Hours</em> (2010) the result is a stack of soft bands that darkens "
        "towards the top, like the sky after sunset. Up close the edges tremble; from across "
        "the room the picture seems to breathe.</p>"
        "<p>Marchand is wary of talk about meaning. She would rather visitors sat down. The "
        "gallery has obliged, with a long bench facing the wall.</p>"
    ),
    "tags": ["painting", "colour", "France", "exhibitions"],
    "featured_artists": ["elodie-marchand"],
    "featured_artworks": ["blue-hours"],
    "figures": [{"artwork": "blue-hours"}],
}

ARTICLES = [NEVER_SORRY, PHOTOGRAPHS_THAT_PERFORM, HARBOURS, SALT_ROADS_DRAFT, BLUE_HOURS]
