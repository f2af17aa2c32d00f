"""The cards of the "You may also like" block, each rendered once and kept in the cache
(pagecache/fragments.py) until what it was built from changes: an article is a card in the
blocks of many others, and building its picture is most of a block's cost. Which cards a block
shows is read fresh every time (selectors.py), so a target unpublished drops out at once; a
card is public content only.

The cards missing from the cache are read together as plain rows (articles/cards.py: the
articles with their sections' names and their figures with their pictures: one query), and
each is kept with the version keys of everything that read loaded (the articles, their
sections, the artworks and images of their figures): a card built beside others also depends
on theirs, which may rebuild it more often than needed, never show it stale.

A kept card is named with a version of its markup (card_version()): after a deploy that changes
the card's template or the picture's markup, the cards kept before are not used (they expire
with the page cache's PAGE_CACHE_SECONDS), so no page mixes old cards with new styles."""

import hashlib
import inspect
from dataclasses import dataclass
from functools import cache

from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString

from articles.cards import ArticleCard, cards_without_bylines
from articles.models import Article
from images import markup
from pagecache import fragments
from pagecache.tracking import Recorder
from recommendations import slots as blocks
from recommendations.reasons import reader_note
from recommendations.selectors import block_for

# Where a kept card's link and note go: a card is kept once per target, but its link (the
# click redirect, recommendations/counting/) and its note (the reasons) belong to the slot.
HREF = "related-card-href-placeholder-4e1b"
NOTE = "related-card-note-placeholder-4e1b"

TEMPLATE = "recommendations/related_card.html"
# Bump when a card's markup changes in a way neither its template's source nor images/markup.py
# shows (a filter or tag it uses changed its output): card_version() hashes those two itself.
CARD_VERSION = 1


@dataclass(frozen=True, slots=True)
class ShownBlock:
    """The block under an article: its cards' HTML in slot order, and the signed token of its
    slots that the impression beacon sends (empty when the block has no cards)."""

    cards: list[SafeString]
    token: str


def related_block(article: Article, *, counted: bool = True) -> ShownBlock:
    """The block under `article`: one query when every card is kept (which links the block
    shows), two when some must be built. Each card links through the click redirect of its
    slot and says in a few words why it is there.

    `counted=False` (a preview: nobody there is a reader) gives the same cards linking straight
    to their articles' public addresses (one query more), and no token, so the block carries
    nothing the click redirect or the beacon could count."""
    shown = block_for(article)
    kept = _cards([slot.target_id for slot in shown.slots])
    # Only the slots whose card could be built: the token counts what readers see.
    slots = [slot for slot in shown.slots if slot.target_id in kept]
    block = blocks.Block(article.pk, tuple(
        blocks.Slot(n, slot.target_id, slot.kind, slot.team, slot.reasons)
        for n, slot in enumerate(slots, start=1)
    ), shown.experiment_id)  # fmt: skip
    if not block.slots:
        return ShownBlock([], "")
    if counted:
        token = blocks.dump(block)
        hrefs = {
            slot.target_id: reverse("recommendations:click", args=[token, slot.position])
            for slot in block.slots
        }
    else:
        token, hrefs = "", _public_paths([slot.target_id for slot in block.slots])
    cards = []
    for slot in block.slots:
        href = hrefs.get(slot.target_id)
        if href is None:  # a preview's target deleted since the block was read
            continue
        note = reader_note(slot.kind, slot.reasons)
        note = format_html('<p class="related__why">{}</p>', note) if note else ""
        # Safe: the kept card is our template's output (its values escaped); what goes in its
        # placeholders is escaped here (tests/recommendations/test_cards.py, hostile names).
        card = kept[slot.target_id].replace(HREF, escape(href)).replace(NOTE, note)
        cards.append(SafeString(card))
    return ShownBlock(cards, token)


def _public_paths(ids: list[int]) -> dict[int, str]:
    """Each target's own address (what the click redirect would send a reader to)."""
    return {
        target.pk: target.get_absolute_url()
        for target in Article.objects.filter(pk__in=ids).only("pk", "slug")
    }


def related_cards(article: Article) -> list[SafeString]:
    """The block's cards under `article`, in slot order (related_block())."""
    return related_block(article).cards


def _cards(ids: list[int]) -> dict[int, str]:
    """The kept card of each target, built (and kept) for those missing."""
    version = card_version()
    names = {pk: f"related-card:{version}:{pk}" for pk in ids}
    kept = fragments.look_up(names.values())
    missing = [pk for pk in ids if names[pk] not in kept]
    if missing:
        before = fragments.change_count()
        with Recorder() as loaded:
            cards = cards_without_bylines(missing)
        built = {names[pk]: (_render(card), set(loaded)) for pk, card in cards.items()}
        fragments.keep(built, before=before)
        kept.update({name: value for name, (value, _) in built.items()})
    return {pk: kept[names[pk]] for pk in ids if names[pk] in kept}


@cache
def card_version() -> str:
    """The version of the cards' markup, part of each kept card's name: once per process."""
    try:
        picture = inspect.getsource(markup)
    except OSError:  # installed without its sources: the template and CARD_VERSION still tell
        picture = ""
    return markup_version(get_template(TEMPLATE).template.source, picture)


def markup_version(*sources: str) -> str:
    """A short digest of CARD_VERSION and `sources` (plain ASCII, as fragment names are)."""
    digest = hashlib.sha256(str(CARD_VERSION).encode())
    for source in sources:
        digest.update(b"\0" + source.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:12]


def _render(card: ArticleCard) -> SafeString:
    context = {"card": card, "href": HREF, "note": NOTE}
    # Safe: the template's own output, every value autoescaped (kept as text in the cache).
    return SafeString(render_to_string(TEMPLATE, context))
