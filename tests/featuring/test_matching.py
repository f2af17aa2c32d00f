"""The matcher's truth table: one case a line, what the text says and what is found, against a
small catalogue of real names (Tate's, and the demo's Ai Weiwei works). The labelled set
(test_quality.py) measures the same rules on whole articles."""

import pytest

from featuring.catalogue import build
from featuring.matching import Mention, find_mentions
from featuring.texts import body_text

ARTISTS = [
    (1, "Ai Weiwei", "Ai, Weiwei"),
    (2, "Joseph Mallord William Turner", "Turner, Joseph Mallord William"),
    (3, "Dame Barbara Hepworth", "Hepworth, Dame Barbara"),
    (4, "Francis Bacon", "Bacon, Francis"),
    (5, "Linder", "Linder"),
    (6, "Keith Arnatt", "Arnatt, Keith"),
    (7, "Pablo Picasso", "Picasso, Pablo"),
    (8, "Henry Moore OM, CH", "Moore, Henry, OM, CH"),
    (9, "William Blake", "Blake, William"),
    (10, "Peter Blake", "Blake, Peter"),
    (11, "Colin Self", "Self, Colin"),
    (12, "Paula Rego", "Rego, Paula"),
    (13, "Gilbert & George", "Gilbert & George"),
    (14, "Ivor Abrahams", "Abrahams, Ivor"),
    (15, "Ying Han", "Han, Ying"),
    (16, "Vincent van Gogh", "Gogh, Vincent van"),
    (17, "Richard Long", "Long, Richard"),
    (18, "Joseph Beuys", "Beuys, Joseph"),
    (19, "Antony Gormley", "Gormley, Antony"),
    (20, "Roy Lichtenstein", "Lichtenstein, Roy"),
    (21, "Robert Mapplethorpe", "Mapplethorpe, Robert"),
]
ARTWORKS = [
    (100, "Dropping a Han Dynasty Urn", [1]),
    (101, "Remembering", [1]),
    (102, "Sunflower Seeds", [1]),
    (103, "Pelagos", [3]),
    (104, "Untitled", [3]),
    (105, "Untitled", [4]),
    (106, "Untitled No. 3", [6]),
    (107, "Walking the Dog", [6]),
    (108, "Walking the Dog", [6]),
    (109, "Three Figures and Portrait", [4]),
    (110, "Weeping Woman", [7]),
    (111, "The Guardian", [12]),
    (112, "Christmas Day", [11]),
    (113, "Burg Katz", [2]),
    (114, "Self-Portrait", [9]),
    (115, "Sunflowers", [14]),
    (116, "Sunflowers", [16]),
    (117, "Composition", [9]),
    (118, "A Line Made by Walking", [17]),
    (119, "Beuys", [18]),
    (120, "Monument", [11]),
    (121, "The Fighting Temeraire", [2]),
    (122, "Three Ways: Mould, Hole and Passage", [19]),
    (123, "Roy Lichtenstein", [21]),
    (124, "On the Rhine", [2]),
]
NAMES = {artist_id: name for artist_id, name, _ in ARTISTS} | {
    artwork_id: title for artwork_id, title, _ in ARTWORKS
}
CATALOGUE = build(ARTISTS, ARTWORKS)


def found(title="", standfirst="", body="") -> set[str]:
    mentions = find_mentions(title, standfirst, body, catalogue=CATALOGUE)
    return {f"{m.kind} {m.object_id}" for m in mentions}


def names(*ids: int) -> set[str]:
    return {f"{'artist' if i < 100 else 'artwork'} {i}" for i in ids}


CASES = [
    # artists named in full, however written
    ("Ai Weiwei at Tate", "", "", {1}),
    ("", "AI WEIWEI", "", {1}),
    ("", "", "<p>ai weiwei, in lower case</p>", {1}),
    ("", "", "<p>Weiwei's seeds were painted by hand.</p>", {1}),
    ("", "", "<p>J.M.W. Turner and JMW Turner.</p>", {2}),
    ("", "", "<p>Barbara Hepworth was born in Wakefield.</p>", {3}),
    ("", "", "<p>Hepworth carved stone.</p>", {3}),
    ("", "", "<p>Henry Moore and Moore's friends.</p>", {8}),
    ("", "", "<p>Gilbert &amp; George live in Spitalfields.</p>", {13}),
    ("", "", "<p>Gilbert and George live in Spitalfields.</p>", {13}),
    ("", "", "<p>Van Gogh's letters; Vincent van Gogh's brother.</p>", {16}),
    ("", "", "<p>Van Gogh wrote letters.</p>", {16}),
    # too short, too common, or someone else's
    ("", "", "<p>Linder showed her collages.</p>", set()),
    ("", "", "<p>The Turner Prize went to a painter.</p>", set()),
    ("", "", "<p>Tina Turner sang; a turner turns wood.</p>", set()),
    ("", "", "<p>Joseph Mallord William Turner, not the Turner Prize.</p>", {2}),
    ("", "", "<p>The Hepworth Wakefield opened in 2011.</p>", set()),
    ("", "", "<p>A bacon sandwich, and frost on the wall.</p>", set()),
    ("", "", "<p>Blake engraved his own books.</p>", set()),
    ("", "", "<p>William Blake, and Blake again.</p>", {9}),
    ("", "", "<p>We walked a long way; richard long is not capitalised.</p>", set()),
    ("", "", "<p>Richard Long walked.</p>", {17}),
    ("", "", "<p>A Han Dynasty urn in a case.</p>", set()),
    ("", "", "<p>AI-generated pictures.</p>", set()),
    # artworks: distinctive titles stand alone when written as titles
    ("", "", "<p>Dropping a Han Dynasty Urn is three photographs.</p>", {100}),
    ("", "", "<p>He made <em>Dropping a Han Dynasty Urn</em> in 1995.</p>", {100}),
    ("", "", "<p>J.M.W. Turner drew <em>Burg Katz</em>.</p>", {2, 113}),
    # generic titles never; shared titles by their artist nearby
    ("", "", "<p><em>Untitled</em>, a drawing.</p>", set()),
    ("", "", "<p><em>Untitled</em> by Francis Bacon.</p>", {4}),
    ("", "", "<p><em>Untitled No. 3</em> by Keith Arnatt.</p>", {6}),
    ("", "", "<p>A <em>Self-Portrait</em> and a <em>Composition</em> by William Blake.</p>", {9}),
    ("", "", "<p>Ivor Abrahams made <em>Sunflowers</em>.</p>", {14, 115}),
    ("", "", "<p>Vincent van Gogh painted <em>Sunflowers</em>.</p>", {16, 116}),
    ("", "", "<p>We saw <em>Sunflowers</em> in London.</p>", set()),
    ("", "", "<p>Keith Arnatt's <em>Walking the Dog</em>, one of several.</p>", {6}),
    # ordinary phrases: the artist nearby, or italics or quotes; never as words
    ("", "", "<p>Sunflower seeds for the birds.</p>", set()),
    ("", "", "<p>Ai Weiwei's <em>Sunflower Seeds</em> filled the hall.</p>", {1, 102}),
    ("", "", "<p>The installation “Sunflower Seeds” filled the hall.</p>", {102}),
    ("", "", "<p>Ai Weiwei filled the hall with Sunflower Seeds.</p>", {1, 102}),
    ("", "", "<p>Ai Weiwei filled the hall with sunflower seeds.</p>", {1}),
    ("", "", "<p>Remembering the flood, we left early.</p>", set()),
    ("", "", "<p>Ai Weiwei made <em>Remembering</em> in 2009.</p>", {1, 101}),
    ("", "", "<p>Ai Weiwei was remembering his father.</p>", {1}),
    ("", "", "<p>The <em>Remembering</em> of the title, by nobody.</p>", set()),
    ("", "", "<p>Reviews in The Guardian, and Christmas Day.</p>", set()),
    ("", "", "<p>Paula Rego painted <em>The Guardian</em>.</p>", {12, 111}),
    ("", "", "<p>Self-portraits fill a room with a <em>Monument</em>.</p>", set()),
    # surnames confirmed by a work of theirs; titles that are a name
    ("", "", "<p>Bacon's <em>Three Figures and Portrait</em>.</p>", {4, 109}),
    ("", "", "<p>Picasso's <em>Weeping Woman</em>.</p>", {7, 110}),
    ("", "", "<p>Beuys wrote <em>Beuys</em> on a wall.</p>", {18}),
    ("", "", "<p>On the Rhine in 1817 J.M.W. Turner drew fast.</p>", {2}),
    ("", "", "<p>J.M.W. Turner drew <em>On the Rhine</em> in 1817.</p>", {2, 124}),
    ("", "", "<p>J.M.W. Turner drew On the Rhine in 1817.</p>", {2, 124}),
    # titles shortened as writers shorten them
    ("", "", "<p>We saw the Fighting Temeraire in London.</p>", {121}),
    ("", "", "<p>Turner's <em>Fighting Temeraire</em> sails on.</p>", {2, 121}),
    ("", "", "<p>Antony Gormley's <em>Three Ways</em>, in lead.</p>", {19, 122}),
    ("", "", "<p>There are three ways to see it.</p>", set()),
    # a portrait titled with an artist's name is found only beside its own artist
    ("", "", "<p>Roy Lichtenstein painted comics.</p>", {20}),
    ("", "", "<p>Robert Mapplethorpe's <em>Roy Lichtenstein</em>.</p>", {20, 21, 123}),
    # links are skipped
    ("", "", '<p><a href="/artists/ai-weiwei/">Ai Weiwei</a> made it.</p>', set()),
    ("", "", '<p>Ai Weiwei; <a href="/x/"><em>Remembering</em></a>.</p>', {1}),
    # the title and standfirst count as nearby for the whole body
    ("Ai Weiwei in Munich", "", "<p>Later came <em>Remembering</em>.</p>", {1, 101}),
]


@pytest.mark.parametrize(("title", "standfirst", "body", "expected"), CASES)
def test_truth_table(title, standfirst, body, expected):
    """What an editor would tick, and nothing else."""
    assert found(title, standfirst, body) == names(*expected), [
        NAMES[int(key.split()[1])] for key in found(title, standfirst, body)
    ]


def test_a_mention_says_what_was_written_where():
    """The words as written, in which field, at which offsets of its plain text, in which
    sentence; one per object, its best occurrence first (the full name over a surname)."""
    body = "<p>The show opens today.</p><p>Weiwei's seeds. Later, <b>AI WEIWEI</b> spoke.</p>"
    (mention,) = find_mentions("Seeds", "", body, catalogue=CATALOGUE)
    text = body_text(body)
    assert mention == Mention(
        kind="artist",
        object_id=1,
        name="Ai Weiwei",
        found="AI WEIWEI",
        field="body",
        start=text.index("AI WEIWEI"),
        end=text.index("AI WEIWEI") + len("AI WEIWEI"),
        sentence="Later, AI WEIWEI spoke.",
    )
    assert text[mention.start : mention.end] == mention.found


def test_mentions_come_in_reading_order():
    """The title first, then the standfirst, then the body, each from its start."""
    mentions = find_mentions(
        "Hepworth and Picasso",
        "Barbara Hepworth, Pablo Picasso",
        "<p>Francis Bacon, then Ai Weiwei.</p>",
        catalogue=CATALOGUE,
    )
    assert [(m.name, m.field) for m in mentions] == [
        ("Dame Barbara Hepworth", "standfirst"),
        ("Pablo Picasso", "standfirst"),
        ("Francis Bacon", "body"),
        ("Ai Weiwei", "body"),
    ]


def test_a_possessive_is_part_of_what_was_written():
    (mention,) = find_mentions("", "Hepworth’s garden", "", catalogue=CATALOGUE)
    assert (mention.found, mention.start, mention.end) == ("Hepworth’s", 0, 10)
