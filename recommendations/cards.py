"""The cards of the "You may also like" block, each rendered once and kept in the cache
(pagecache/fragments.py) until its article, its section, or the artwork or picture of one of
its figures changes: an article is a card in the blocks of many others, and building its
picture is most of a block's cost. Which cards a block shows is read fresh every time
(selectors.py), so a target unpublished drops out at once; a card is public content only."""

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

import pagecache
from articles.models import Article, Section
from articles.querysets import card_figures_prefetch
from artworks.models import Artwork
from images.models import Image
from pagecache import fragments
from recommendations.selectors import related_target_ids


def related_cards(article: Article) -> list[SafeString]:
    """The block's cards under `article`, in block order: one query when every card is kept
    (which articles the block shows), four when some must be built (those articles with their
    sections, their figures, the figures' artworks' images)."""
    ids = related_target_ids(article)
    names = {pk: f"related-card:{pk}" for pk in ids}
    kept = fragments.look_up(names.values())
    missing = [pk for pk in ids if names[pk] not in kept]
    if missing:
        before = fragments.change_count()
        targets = Article.objects.filter(pk__in=missing).select_related("section")
        targets = targets.prefetch_related(card_figures_prefetch())
        built = {names[target.pk]: (_render(target), card_keys(target)) for target in targets}
        fragments.keep(built, before=before)
        kept.update({name: value for name, (value, _) in built.items()})
    return [kept[names[pk]] for pk in ids if names[pk] in kept]


def card_keys(target: Article) -> set[str]:
    """What a card was built from: the article, its section (sections are shown as a set), the
    artworks of its figures (their images' alt text and credit are parts of them) and every
    picture loaded with the figures (an image is shown as itself: its focal point, its file)."""
    found = {pagecache.object_key(Article, target.pk), pagecache.all_key(Section)}
    for figure in target.figures.all():
        images = [figure.image_id]
        if figure.artwork_image is not None:
            images.append(figure.artwork_image.image_id)
        if figure.artwork is not None:
            found.add(pagecache.object_key(Artwork, figure.artwork_id))
            images.extend(shown.image_id for shown in figure.artwork.images.all())
        found.update(pagecache.object_key(Image, pk) for pk in images if pk is not None)
    return found


def _render(target: Article) -> SafeString:
    return SafeString(render_to_string("recommendations/related_card.html", {"article": target}))
