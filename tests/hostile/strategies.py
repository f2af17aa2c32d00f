"""Hypothesis strategies for the text people type, paste and send: careless and hostile.

Every markup fragment carries a marker (an element named `hostile-tag`, an attribute named
`data-hostile`, an `on...` handler or a `javascript:` address), so that a page can be searched
for anything of the input that reached it as markup rather than as text.
"""

from hypothesis import strategies as st

MARKER_ELEMENT = "hostile-tag"
MARKER_ATTRIBUTE = "data-hostile"

MARKUP = [
    "<script data-hostile>alert(1)</script>",
    "<img src=x onerror=alert(1) data-hostile>",
    '"><hostile-tag data-hostile>',
    "'><svg onload=alert(1) data-hostile>",
    '<a href="javascript:alert(1)" data-hostile>x</a>',
    "<hostile-tag>",
    "</title><hostile-tag>",
    "</textarea><hostile-tag>",
    "</script><hostile-tag>",
    "]]><hostile-tag/>",
    "<![CDATA[<hostile-tag>]]>",
    "<!-- <hostile-tag> -->",
    "<?xml version='1.0'?>",
    "&lt;hostile-tag&gt;",
    "&amp;",
    "&#0;",
    "&#x0b;",
    "&nbsp;",
    "&",
    "<",
    ">",
    '"',
    "'",
]
TEMPLATE_SYNTAX = ["{{ 7*7 }}", "{% debug %}", "{# #}", "${7*7}", "#{7*7}", "%s%d", "{0}"]
URL_SPELLINGS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    " javascript:alert(1)",
    "\x01javascript:alert(1)",
    "&#106;avascript:alert(1)",
    "data:text/html,<hostile-tag>",
    "vbscript:msgbox(1)",
    "//evil.example/",
    "https://example.com/?a=1&b=<hostile-tag>",
]
# Pasted from word processors and terminals: the characters that break XML and HTML.
CONTROLS = ["\x00", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\r", "\r\n", "\t", "\u2028", "\u2029"]
UNICODE = [
    "\u202e",  # right-to-left override
    "\u202d",  # left-to-right override
    "\u200f",  # right-to-left mark
    "\u200b",  # zero-width space
    "\ufeff",  # byte order mark
    "e\u0301",  # e and a combining acute accent (NFD)
    "\u00e9",  # é (NFC)
    "Z\u0351\u0352\u0353\u0354\u0355\u0356",  # stacked combining marks
    "🎨",
    "👩🏽‍🎨",  # a ZWJ sequence
    "🇬🇧",
    "現代美術",
    "Künstler",
    "Café",
    "Ai Weiwei",
    "עִבְרִית",
    "العربية",
    "\ufffe",  # a noncharacter
    "\uffff",
    "\ud800",  # a lone surrogate
    "\udfff",
]

fragments = st.sampled_from(MARKUP + TEMPLATE_SYNTAX + URL_SPELLINGS + CONTROLS + UNICODE)
# Any code point, surrogates and controls included: what the ORM could be given.
any_characters = st.characters(codec=None, categories=None)


def hostile_text(*, max_size: int = 200, min_size: int = 0) -> st.SearchStrategy[str]:
    """Text of at most `max_size` characters mixing hostile fragments with random code points,
    sometimes very long."""
    pieces = st.lists(
        st.one_of(fragments, fragments, st.text(any_characters, max_size=12)),
        max_size=8,
    ).map("".join)
    long = st.builds(lambda piece: piece * (max_size // max(len(piece), 1) + 1), fragments)
    return (
        st.one_of(pieces, pieces, pieces, long)
        .map(lambda text: text[:max_size])
        .filter(lambda text: len(text) >= min_size)
    )
