"""The sentence a name was found in, as an editor reads it beside a suggestion: the sentence of
the field's plain text around the name, trimmed, at most MAX_LENGTH characters (a longer one is
cut to the words around the name, with an ellipsis where it was cut)."""

import bisect
import re

MAX_LENGTH = 300
ELLIPSIS = "…"
# The end of a sentence: . ! ? or … (and any closing quotes or brackets), then a space; or a
# line break (the end of a paragraph).
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|\n")
# A full stop after one of these ends no sentence: "J.M.W. Turner", "c. 1850", "St. Ives".
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st sr jr prof rev no nos vol c ca fig figs pl cat inv ed eds cf vs etc".split()
)


def is_sentence_end(text: str, end: int) -> bool:
    """A sentence ends at text[end - 1] (the final mark of `_END`)."""
    if text[end - 1] == "\n":
        return True
    mark = end - 1
    while mark > 0 and text[mark] in "\"'”’)]":
        mark -= 1
    if text[mark] != ".":
        return True
    word = re.search(r"(\w+)\.*$", text[max(0, mark - 12) : mark])
    if word is None:
        return True
    token = word.group(1)
    return not (len(token) == 1 or token.lower() in _ABBREVIATIONS)


def sentence_starts(text: str) -> list[int]:
    """The offsets where the sentences of a text start (0 first), in order."""
    starts = [0]
    for found in _END.finditer(text):
        if is_sentence_end(text, found.end()):
            starts.append(found.end())
    return starts


def sentence_bounds(text: str, start: int, end: int, starts: list[int] | None = None):
    """The offsets of the sentence that holds text[start:end] (`starts`: sentence_starts(text),
    when the caller has it)."""
    starts = sentence_starts(text) if starts is None else starts
    index = bisect.bisect_right(starts, start) - 1
    following = bisect.bisect_left(starts, end)
    sentence_end = starts[following] if following < len(starts) else len(text)
    return starts[index], sentence_end


def sentence_of(text: str, start: int, end: int, starts: list[int] | None = None) -> str:
    """The trimmed sentence around text[start:end] (see the module's docstring)."""
    sentence_start, sentence_end = sentence_bounds(text, start, end, starts)
    sentence = text[sentence_start:sentence_end]
    lead = len(sentence) - len(sentence.lstrip())
    sentence = sentence.strip()
    if len(sentence) <= MAX_LENGTH:
        return sentence
    # Too long: the words around the name, as many as fit with the ellipses.
    name_start = start - sentence_start - lead
    name_end = end - sentence_start - lead
    room = MAX_LENGTH - 2 * len(ELLIPSIS)
    left = max(0, min(name_start - (room - (name_end - name_start)) // 2, len(sentence) - room))
    right = min(len(sentence), left + room)
    if left > 0:
        space = sentence.find(" ", left, name_start)
        left = space + 1 if space != -1 else left
    if right < len(sentence):
        space = sentence.rfind(" ", name_end, right)
        right = space if space != -1 else right
    piece = sentence[left:right].strip()
    return (ELLIPSIS if left > 0 else "") + piece + (ELLIPSIS if right < len(sentence) else "")
