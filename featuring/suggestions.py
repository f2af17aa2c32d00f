"""Suggestions for an article's "Featuring": the artists and artworks its text names
(featuring/matching.py) that it does not feature yet and that nobody has decided on.

Reads only. Run on demand from the article's change form (its "Find names in the text", and
the change page as it renders after a save), never on a public page. Nothing is applied: a
person accepts or rejects each suggestion (featuring/decisions.py).
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Case, CharField, Value, When
from django.db.models.functions import Coalesce

from articles.models import Article, ArticleFigure
from featuring.matching import Mention, find_mentions
from featuring.models import FeaturingDecision
from plaintext.text import clean_text
from richtext.figures import figure_nodes
from richtext.sanitize import sanitize_body_html, sanitize_html

ARTIST, ARTWORK = "artist", "artwork"

# (kind, key): an artist or artwork, as Mention names them.
Subject = tuple[str, int]


@dataclass(frozen=True)
class Suggestion:
    kind: str  # "artist" or "artwork"
    object_id: int
    name: str  # as the catalogue has it
    field: str  # "title", "standfirst" or "body"
    # The sentence it was found in, in three parts: the words as written are `found`.
    before: str
    found: str
    after: str

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.object_id}"

    @property
    def sentence(self) -> str:
        return f"{self.before}{self.found}{self.after}"


def article_suggestions(
    *,
    article: Article | None,
    title: str,
    standfirst: str,
    body: str,
    settled_in_form: Iterable[Subject] = (),
) -> list[Suggestion]:
    """The names found in this title, standfirst and body (the saved article's, or what its
    form holds now), in reading order, minus what the article features (its featured artists
    and artworks, the artworks its figures show), minus what a person decided on for it
    (accepted or rejected), minus `settled_in_form`: what the unsaved form features or has
    decided on, minus the artworks the body in hand shows in its figure nodes. `article` is
    None for an article not saved yet."""
    title, standfirst, body = clean_text(title or ""), clean_text(standfirst or ""), body or ""
    if not (title or standfirst or body.strip()):
        return []
    mentions = find_mentions(title, standfirst, sanitize_html(body))
    if not mentions:
        return []
    excluded = settled(article) | set(settled_in_form) | shown_in_body(body)
    return [
        _suggestion(mention)
        for mention in mentions
        if (mention.kind, mention.object_id) not in excluded
    ]


def shown_in_body(body: str) -> set[Subject]:
    """The artworks this body's figure nodes show (the body in hand: an unsaved form's too).
    Reads nothing from the database."""
    return {
        (ARTWORK, node.artwork) for node in figure_nodes(sanitize_body_html(body)) if node.artwork
    }


def settled(article: Article | None) -> set[Subject]:
    """What the saved article features, shows in its figures, or has a decision on: one query."""
    if article is None or article.pk is None:
        return set()

    def kind(name):
        return Value(name, output_field=CharField())

    featured_artists = (
        Article.featured_artists.through.objects.filter(article_id=article.pk)
        .annotate(kind=kind(ARTIST))
        .values_list("kind", "artist_id")
        .order_by()
    )
    featured_artworks = (
        Article.featured_artworks.through.objects.filter(article_id=article.pk)
        .annotate(kind=kind(ARTWORK))
        .values_list("kind", "artwork_id")
        .order_by()
    )
    shown = (
        ArticleFigure.objects.filter(article_id=article.pk, artwork__isnull=False)
        .annotate(kind=kind(ARTWORK))
        .values_list("kind", "artwork_id")
        .order_by()
    )
    decided = (
        FeaturingDecision.objects.filter(article_id=article.pk)
        .annotate(
            kind=Case(When(artist__isnull=False, then=kind(ARTIST)), default=kind(ARTWORK)),
            subject_id=Coalesce("artist_id", "artwork_id"),
        )
        .values_list("kind", "subject_id")
        .order_by()
    )
    rows = featured_artists.union(featured_artworks, shown, decided, all=True)
    return {(kind_, subject_id) for kind_, subject_id in rows}


def _suggestion(mention: Mention) -> Suggestion:
    sentence, found = mention.sentence, mention.found
    at = sentence.find(found)
    if at < 0:  # the sentence was trimmed around other words, or spelled differently
        at = sentence.casefold().find(found.casefold())
        if len(sentence.casefold()) != len(sentence):  # folding moved the offsets
            at = -1
    end = at + len(found)
    before, marked, after = (
        (sentence, "", "") if at < 0 else (sentence[:at], sentence[at:end], sentence[end:])
    )
    return Suggestion(
        kind=mention.kind,
        object_id=mention.object_id,
        name=mention.name,
        field=mention.field,
        before=before,
        found=marked,
        after=after,
    )
