"""Snippets: a few lines of a result's text with the words that matched in <mark>.

Both backends mark matches with two private-use characters (START and STOP), which stored text
never holds (the index strips them, and so does excerpt()). highlight() escapes everything and
only then turns the pairs into <mark>: text from the database never becomes markup.
"""

import html
import re

from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import SafeString

START = "\ue000"
STOP = "\ue001"
_MARKED = re.compile(f"{START}([^{START}{STOP}]*){STOP}")
_MARKERS = re.compile(f"[{START}{STOP}]")
_SPACES = re.compile(r"\s+")


def highlight(marked: str) -> SafeString:
    """`marked` as HTML: escaped, with each START...STOP pair as <mark>...</mark>."""
    snippet = SafeString()
    # re.split with one group alternates: text, marked text, text, marked text...
    for index, piece in enumerate(_MARKED.split(marked or "")):
        piece = _MARKERS.sub("", piece)
        if index % 2 and piece:
            snippet += format_html("<mark>{}</mark>", piece)
        else:
            snippet += escape(piece)
    return snippet


def plain_text(rich_text: str) -> str:
    """The text of rich text (or of plain text), on one line, without the markers."""
    text = html.unescape(strip_tags(rich_text or ""))
    return _SPACES.sub(" ", _MARKERS.sub("", text)).strip()


def excerpt(text: str, words: list[str], *, width: int = 220) -> str:
    """About `width` characters of plain `text` around the first of `words` found in it (any
    case), each of them marked; the start of the text when none is found."""
    if not text:
        return ""
    found = re.compile("|".join(map(re.escape, words)), re.IGNORECASE) if words else None
    first = found.search(text) if found else None
    start = 0
    if first and first.start() > width // 3:
        start = first.start() - width // 3
        space = text.find(" ", start, first.start())  # begin at a word
        start = space + 1 if space != -1 else start
    window = text[start : start + width]
    if start + width < len(text):
        window = window.rsplit(" ", 1)[0] + " …"
    if start:
        window = "… " + window
    return found.sub(lambda match: f"{START}{match.group(0)}{STOP}", window) if found else window
