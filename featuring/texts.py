"""The plain text of an article's fields as the matcher reads them. The body is HTML: its text
without tags, one line per block (paragraph, heading, list item, quotation, `<br>`), with what
the tags said about it kept beside: the spans inside links (<a>, skipped: already linked), the
spans in italics or quoted (<em>, <i>, <cite>, <q>: a title set as a title), where paragraphs
start. Offsets of a Mention in the body are offsets in `body_text(body_html)`."""

import bisect
from dataclasses import dataclass
from functools import cached_property
from html.parser import HTMLParser

from featuring.sentences import sentence_starts

_BLOCKS = frozenset(
    "address article aside blockquote dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)
_LINES = frozenset({"br"})
_EMPHASIS = frozenset({"em", "i", "cite", "q"})
_UNREAD = frozenset({"script", "style", "template"})


@dataclass(frozen=True)
class FieldText:
    """One field: its name ("title", "standfirst", "body"), its plain text, the spans to skip
    (links), the spans set in italics or quoted, and the offsets where its paragraphs start."""

    field: str
    text: str
    skipped: tuple[tuple[int, int], ...] = ()
    emphasis: tuple[tuple[int, int], ...] = ()
    paragraph_starts: tuple[int, ...] = (0,)

    @cached_property
    def sentence_starts(self) -> list[int]:
        """Where its sentences start (read once, for the sentences of all its Mentions)."""
        return sentence_starts(self.text)

    def paragraph(self, offset: int) -> int:
        """The number of the paragraph the offset is in (0 for the first)."""
        return bisect.bisect_right(self.paragraph_starts, offset) - 1

    def is_skipped(self, start: int, end: int) -> bool:
        """text[start:end] overlaps a link (the spans are in order and apart)."""
        index = bisect.bisect_left(self.skipped, (end,))
        return index > 0 and self.skipped[index - 1][1] > start

    def is_emphasised(self, start: int, end: int) -> bool:
        """The whole of text[start:end] lies inside one span in italics (or <q>)."""
        index = bisect.bisect_right(self.emphasis, (start, len(self.text) + 1))
        return index > 0 and self.emphasis[index - 1][1] >= end


def plain_field(field: str, text: str) -> FieldText:
    """A plain-text field (title, standfirst): its paragraphs are its lines."""
    text = text or ""
    starts = [0] + [index + 1 for index, char in enumerate(text) if char == "\n"]
    return FieldText(field, text, paragraph_starts=tuple(starts))


def body_field(body_html: str) -> FieldText:
    reader = _BodyReader()
    reader.feed(body_html or "")
    reader.close()
    return reader.field()


def body_text(body_html: str) -> str:
    """The body's plain text, which a Mention's offsets in the body refer to."""
    return body_field(body_html).text


class _BodyReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self._parts: list[str] = []
        self._length = 0
        self._paragraph_starts = [0]
        self._open: dict[str, list[int]] = {"a": [], "emphasis": []}
        self._spans: dict[str, list[tuple[int, int]]] = {"a": [], "emphasis": []}
        self._unread = 0

    def field(self) -> FieldText:
        return FieldText(
            "body",
            "".join(self._parts),
            skipped=tuple(self._spans["a"]),
            emphasis=tuple(self._spans["emphasis"]),
            paragraph_starts=tuple(self._paragraph_starts),
        )

    def _kind(self, tag: str) -> str | None:
        return "a" if tag == "a" else "emphasis" if tag in _EMPHASIS else None

    def handle_starttag(self, tag, attrs):
        if tag in _UNREAD:
            self._unread += 1
        elif tag in _BLOCKS or tag in _LINES:
            self._break()
        elif kind := self._kind(tag):
            self._open[kind].append(self._length)

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCKS or tag in _LINES:
            self._break()

    def handle_endtag(self, tag):
        if tag in _UNREAD:
            self._unread = max(0, self._unread - 1)
        elif tag in _BLOCKS:
            self._break()
        elif (kind := self._kind(tag)) and self._open[kind]:
            start = self._open[kind].pop()
            if not self._open[kind] and start < self._length:
                self._spans[kind].append((start, self._length))

    def close(self):
        super().close()
        for kind, starts in self._open.items():  # a tag never closed runs to the end
            if starts and starts[0] < self._length:
                self._spans[kind].append((starts[0], self._length))
            starts.clear()

    def handle_data(self, data):
        if self._unread or not data:
            return
        # Line breaks in the source are spaces in HTML; "\n" is kept for the ends of blocks.
        data = data.replace("\r", " ").replace("\n", " ")
        self._parts.append(data)
        self._length += len(data)

    def _break(self):
        if self._length and self._parts[-1][-1:] != "\n":
            self._parts.append("\n")
            self._length += 1
            self._paragraph_starts.append(self._length)
