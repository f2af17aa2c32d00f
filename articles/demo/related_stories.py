"""More of the demo's articles, as plain data, written so that "You May Also Like" has real
neighbours to show: each shares rare tags, an artist or an artwork with a few others.

What these articles say about Ai Weiwei and his works repeats only the facts of the Never Sorry
article (articles.demo.stories); every other person and work here is invented. The shape of
each entry is described in articles.demo.stories.
"""

from datetime import UTC, datetime

DOCUMENTARIES = {
    "slug": "the-patient-camera-documentaries-that-watch-artists-work",
    "title": "The patient camera: documentaries that watch artists work",
    "section": "photography",
    "status": "published",
    "published_at": datetime(2010, 11, 16, 9, 0, tzinfo=UTC),
    "authors": ["tom-ashdown"],
    "standfirst": (
        "Two new films follow a photographer and an architect for months at a time, and trust "
        "their audience to wait with them."
    ),
    "body": (
        "<p>Films about artists tend to rush. A few minutes in the studio, an interview, a "
        "finished work on a wall: the making gets squeezed out. Two documentaries shown this "
        "autumn take the opposite view, and are better for it.</p>"
        "<p>In <em>Before the Boats</em> (2010), Ylva Brandt follows the photographer Hanna "
        "Lindqvist through a winter of early mornings on the Swedish coast. Most of the film "
        "is waiting: a tripod set up in the dark, a thermos, a sky that takes its time. When "
        "the shutter finally clicks, the moment feels earned.</p>"
        "<p>Nuno Serrador's short film on Tomás Ferreira's <em>Casa do Rio</em> (2008) starts "
        "with the first drawings and ends with the owners' first winter in the house. "
        "Serrador studied architecture before he picked up a camera, and it shows in how long "
        "he lets a shot of a concrete wall or a cork-lined room run.</p>"
        "<p>Neither film explains much. Both leave you with a sense of how slowly good work is "
        "made, and of how rarely we get to watch it happen.</p>"
    ),
    "tags": ["film", "documentary", "photography", "Sweden", "Portugal"],
    "featured_artists": ["ylva-brandt", "nuno-serrador", "hanna-lindqvist", "tomas-ferreira"],
    "featured_artworks": ["before-the-boats"],
    "figures": [{"artwork": "before-the-boats"}],
}

PORCELAIN = {
    "slug": "porcelain-from-the-table-to-the-gallery-floor",
    "title": "Porcelain, from the table to the gallery floor",
    "section": "design",
    "status": "published",
    "published_at": datetime(2011, 5, 24, 10, 30, tzinfo=UTC),
    "authors": ["ines-duval"],
    "standfirst": (
        "A white clay fired until it rings has been made for the table for centuries. "
        "Designers and artists keep carrying it somewhere else."
    ),
    "body": (
        "<p>Porcelain is made from a fine white clay, fired hotter than earthenware or "
        "stoneware until it turns hard, dense and, where it is thin enough, translucent. "
        "Potters in China perfected it long before anyone in Europe learned how, and for most "
        "of its history it has been made for the table: cups, bowls, plates.</p>"
        "<p>Samuel Adeyemi, who usually works in stoneware, has spent the past year learning "
        "its habits. The three <em>Lantern Bowls</em> (2011) are thrown so thin that a lamp "
        "set behind them shows through the walls. Porcelain, he says, remembers every "
        "mistake: a bowl that warps in the kiln cannot be rescued.</p>"
        "<p>Artists have taken the material further from the kitchen. Ai Weiwei's "
        "<em>Sunflower Seeds</em> (2010) filled the Turbine Hall of Tate Modern with seeds "
        "made of porcelain: a material prized for the single precious object, given over "
        "instead to seeds enough to fill a hall.</p>"
        "<p>Between the table and the gallery floor the appeal is the same: a material that "
        "looks fragile and is not, and that shows the care, or the haste, of whoever made "
        "it.</p>"
    ),
    "tags": ["porcelain", "ceramics", "design", "craft", "China"],
    "featured_artists": ["samuel-adeyemi", "ai-weiwei"],
    "featured_artworks": ["lantern-bowls", "sunflower-seeds"],
    "figures": [{"artwork": "lantern-bowls"}],
}

SCAFFOLD_GARDEN = {
    "slug": "shen-liyuan-builds-a-garden-from-scaffolding",
    "title": "Shen Liyuan builds a garden from scaffolding",
    "section": "art",
    "status": "published",
    "published_at": datetime(2011, 11, 8, 11, 0, tzinfo=UTC),
    "authors": ["clara-weiss"],
    "standfirst": (
        "Bamboo poles, coloured cord and two weeks of knots: the Hangzhou artist turns the "
        "stuff of China's building sites into a place to wander."
    ),
    "body": (
        "<p>Anyone who has walked past a building site in China knows the sight: a new block "
        "wrapped in bamboo scaffolding, lashed together pole by pole. Shen Liyuan grew up "
        "watching such frames go up and come down, and for <em>Scaffold Garden</em> (2011) "
        "she brought one indoors.</p>"
        "<p>The installation fills a white hall with rows of poles, braced and tied with red, "
        "blue and yellow cord. There is no building inside. Visitors walk between the poles as "
        "between trees, and the knots, each tied by hand, become the work's small events.</p>"
        "<p>Shen belongs to a generation of artists in China who make installations from "
        "ordinary, borrowed materials and give them back afterwards. When the show closes, the "
        "poles return to the yard they came from.</p>"
    ),
    "tags": ["China", "installation", "bamboo", "sculpture"],
    "featured_artists": ["shen-liyuan"],
    "featured_artworks": ["scaffold-garden"],
    "figures": [{"artwork": "scaffold-garden"}],
}

APRONS = {
    "slug": "yuki-tanabe-aprons-for-the-studio",
    "title": "Aprons for the studio: Yuki Tanabe dresses a potter",
    "section": "fashion",
    "status": "published",
    "published_at": datetime(2012, 2, 21, 14, 0, tzinfo=UTC),
    "authors": ["ines-duval"],
    "standfirst": (
        "Indigo linen, cut to be splashed with clay: the Kyoto designer's workwear was made "
        "for Samuel Adeyemi's studio before it was made for sale."
    ),
    "body": (
        "<p>Yuki Tanabe met Samuel Adeyemi at a craft fair, where she noticed that his apron "
        "was held together with tape. A year later, his whole studio wears hers.</p>"
        "<p>The <em>Workshop Apron</em> (2012) is cut from heavy linen, folded and bound "
        "before dyeing like the cloth in her collections, so each one carries its own pattern "
        "of pale stripes. The pocket is deep enough for a sponge and a wire, and the straps "
        "are cut so that nothing pulls at the neck during a long day at the wheel.</p>"
        "<p>Clay and indigo turn out to suit each other: the splashes wash out, the blue stays. "
        "The aprons are now sold alongside the clothes, and Adeyemi says he no longer owns any "
        "tape.</p>"
    ),
    "tags": ["fashion", "textiles", "indigo", "workwear", "ceramics"],
    "featured_artists": ["yuki-tanabe", "samuel-adeyemi"],
    "featured_artworks": ["workshop-apron"],
    "figures": [{"artwork": "workshop-apron"}],
}

LARGE_INSTALLATIONS = {
    "slug": "room-to-spread-out-museums-and-very-large-installations",
    "title": "Room to spread out: how museums show very large installations",
    "section": "architecture",
    "status": "published",
    "published_at": datetime(2012, 3, 13, 9, 0, tzinfo=UTC),
    "authors": ["ines-duval", "clara-weiss"],
    "standfirst": (
        "A painting asks a museum for a wall. Some installations ask for the whole building, "
        "and the buildings are learning to say yes."
    ),
    "body": (
        "<p>A painting needs a wall and some light. An installation may need a façade, a hall "
        "or a floor. As artists have made work on the scale of rooms and buildings, museums "
        "have had to learn to clear space, open up loading bays and let the work set the "
        "terms.</p>"
        "<p>Two works by Ai Weiwei show how far this can go. For <em>Remembering</em> (2009), "
        "made for the <em>So Sorry</em> retrospective at the Haus der Kunst in Munich, 9,000 "
        "children's backpacks covered the museum's façade: the building itself became the "
        "support. A year later <em>Sunflower Seeds</em> (2010) filled the Turbine Hall of Tate "
        "Modern with seeds made of porcelain, so that the work was the contents of the room "
        "rather than an object placed in it.</p>"
        "<h2>Built to be taken down</h2>"
        "<p>Smaller galleries face the same questions with less room. For Shen Liyuan's "
        "<em>Scaffold Garden</em> (2011), the bamboo poles came in through the loading bay and "
        "were tied together on site; nothing was fixed to the floor, and the whole structure "
        "left the way it came.</p>"
        "<p>What such works ask of a building is simple to list and hard to provide: large, "
        "plain halls, strong floors, and doors wide enough for a lorry.</p>"
    ),
    "tags": ["installation", "museums", "exhibitions", "architecture", "Ai Weiwei"],
    "featured_artists": ["ai-weiwei", "shen-liyuan"],
    "featured_artworks": ["sunflower-seeds", "remembering", "scaffold-garden"],
    "figures": [{"artwork": "sunflower-seeds"}],
}

PAINTERS_LYON = {
    "slug": "a-painters-lyon-two-rivers-and-a-long-lunch",
    "title": "A painter's Lyon: two rivers and a long lunch",
    "section": "travel",
    "status": "published",
    "published_at": datetime(2012, 4, 17, 7, 30, tzinfo=UTC),
    "authors": ["priya-raman"],
    "standfirst": (
        "Elodie Marchand was born in Lyon and still paints there. We asked her where a visitor "
        "should look, and where to eat."
    ),
    "body": (
        "<p>Lyon sits where two rivers meet, the Rhône and the Saône, and Elodie Marchand says "
        "that is the first thing to see. Walk down to the point where they join and watch the "
        "two waters run side by side for a while before they mix.</p>"
        "<p>It is also, she admits, where <em>Two Rivers</em> (2011) began: a wide canvas of "
        "ochre, grey-green and slate, built up in thin layers over months, like <em>Blue "
        "Hours</em> (2010) before it. Seen after the walk, the bands read as bank and water; "
        "seen first, as colour and nothing else.</p>"
        "<p>Give a morning to the city's museums, then do as the Lyonnais do and take lunch "
        "seriously: a small restaurant, a set menu, no hurry. For the afternoon, Marchand's "
        "advice is to sit by the Saône and do nothing at all.</p>"
    ),
    "tags": ["travel", "France", "painting", "museums", "food"],
    "featured_artists": ["elodie-marchand"],
    "featured_artworks": ["two-rivers", "blue-hours"],
    "figures": [{"artwork": "two-rivers"}],
}

ARTICLES = [
    DOCUMENTARIES,
    PORCELAIN,
    SCAFFOLD_GARDEN,
    APRONS,
    LARGE_INSTALLATIONS,
    PAINTERS_LYON,
]
