"""The cards of the "You may also like" block, each rendered once and kept in the cache
(pagecache/fragments.py) until what it was built from changes: an article is a card in the
blocks of many others, and building its picture is most of a block's cost. Which cards a block
shows is read fresh every time (selectors.py), so a target unpublished drops out at once; a
card is public content only.

The cards missing from the cache are read together as plain rows (articles/cards.py: the
articles with their sections' names and their figures with their pictures: one query), and
each is kept with the version keys of everything that read loaded (the articles, their
sections, the artworks and images of their figures): a card built beside others also depends
on theirs, which may rebuild it more often than needed, never show it stale."""

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from articles.cards import ArticleCard, cards_without_bylines
from articles.models import Article
from pagecache import fragments
from pagecache.tracking import Recorder
from recommendations.selectors import related_target_ids


def related_cards(article: Article) -> list[SafeString]:
    """The block's cards under `article`, in block order: one query when every card is kept
    (which articles the block shows), two when some must be built."""
    ids = related_target_ids(article)
    names = {pk: f"related-card:{pk}" for pk in ids}
    kept = fragments.look_up(names.values())
    missing = [pk for pk in ids if names[pk] not in kept]
    if missing:
        before = fragments.change_count()
        with Recorder() as loaded:
            cards = cards_without_bylines(missing)
        built = {names[pk]: (_render(card), set(loaded)) for pk, card in cards.items()}
        fragments.keep(built, before=before)
        kept.update({name: value for name, (value, _) in built.items()})
    return [kept[names[pk]] for pk in ids if names[pk] in kept]


def _render(card: ArticleCard) -> SafeString:
    return SafeString(render_to_string("recommendations/related_card.html", {"card": card}))
