"""What readers are told beside an article's outbound links, by the apps that know it (links/:
the archived copy of a dead link), without articles importing them: an app registers a reader
of notes from its own ready(), and the body (body_figures/render.py), the page's further links
(`{% link_note %}`) and the feeds' full content write each note right after its link. The
editor's text is never changed: a note is written after the link, at render time.

A reader takes a list of saved articles and returns {article pk: notes}, `notes` a mapping
whose `get(address)` finds the note of a link by its address as the editor wrote it (the
reader knows how it keys addresses: links/ keys them as its inventory does), a note being a
function of the link's text (for a screen reader's context) giving safe HTML; it reads for all
the articles at once (a feed's items in one query). What an article's notes are is read once
per instance (`load()`), so the body and the links list share the one read."""

from collections.abc import Callable, Iterable, Mapping

from django.utils.safestring import SafeString

from articles.models import Article

Note = Callable[[str], SafeString]
Reader = Callable[[list[Article]], dict[int, Mapping[str, Note]]]


class Notes:
    """An article's notes from every reader, found by a link's address as written."""

    def __init__(self, parts: Iterable[Mapping[str, Note]] = ()):
        self._parts = [part for part in parts if part]

    def get(self, address: str, default: Note | None = None) -> Note | None:
        for part in self._parts:
            note = part.get(address)
            if note is not None:
                return note
        return default

    def __bool__(self) -> bool:
        return bool(self._parts)


_readers: list[Reader] = []
_KEPT = "_link_notes"  # an article's notes, in its __dict__ once read


def register(reader: Reader) -> None:
    """Readers' notes come from `reader` too (called from an app's ready())."""
    if reader not in _readers:
        _readers.append(reader)


def load(articles: Iterable[Article]) -> None:
    """Read the notes of these articles (those not read yet), with one call of each reader."""
    pending = [a for a in articles if a.pk is not None and _KEPT not in a.__dict__]
    if not pending:
        return
    found: dict[int, list[Mapping[str, Note]]] = {article.pk: [] for article in pending}
    for reader in _readers:
        for pk, notes in reader(pending).items():
            found[pk].append(notes)
    for article in pending:
        article.__dict__[_KEPT] = Notes(found[article.pk])


def notes_of(article: Article) -> Notes:
    """The notes of the article's links that have one (none for an unsaved article)."""
    if article.pk is None:
        return Notes()
    load([article])
    return article.__dict__[_KEPT]
