"""What a scoring's blocks show, beyond their cost (untimed, from the blocks blocks.py timed):

- the mean likeness of two cards of one block, as the ranking itself weighs it
  (recommendations/ranking.py `likeness`: the Jaccard overlap of their featured artists and
  what each shares with the source, their section a fifth), which maximal marginal relevance
  pushes down;
- the blocks that show two cards featuring one artist, and the sections per block, as a
  reader would notice them;
- how many blocks show other links than score-only's (the same links in another order do
  not count)."""

from collections import defaultdict
from itertools import combinations


def candidates(blocks: dict[int, tuple[int, ...]]) -> dict[tuple[int, int], object]:
    """The ranking's Candidate of each (source, target) shown, from three queries."""
    from articles.models import Article  # noqa: PLC0415
    from recommendations.models import RelatedLink  # noqa: PLC0415
    from recommendations.ranking import Candidate  # noqa: PLC0415

    pairs = {(source, target) for source, block in blocks.items() for target in block}
    targets = {target for _, target in pairs}
    sections = dict(Article.objects.filter(pk__in=targets).values_list("pk", "section_id"))
    artists = defaultdict(set)
    through = Article.featured_artists.through.objects.filter(article_id__in=targets)
    for article, artist in through.values_list("article_id", "artist_id"):
        artists[article].add(artist)
    links = RelatedLink.objects.filter(source_id__in=blocks).values_list(
        "source_id", "target_id", "status", "position", "score", "reasons"
    )
    found = {}
    for source, target, status, position, score, reasons in links:
        if (source, target) in pairs:
            found[source, target] = Candidate(
                target, status, position, score, None, False, sections[target],
                frozenset(artists[target]), reasons or {},
            )  # fmt: skip
    return found


def diversity(blocks: dict[int, tuple[int, ...]], *, baseline: dict[int, tuple[int, ...]]) -> dict:
    """The figures above for `blocks` (source id: its targets' ids in slot order)."""
    from recommendations.ranking import likeness  # noqa: PLC0415

    known = candidates(blocks)
    pairs, alike, repeated, sections = 0, 0.0, 0, 0
    for source, block in blocks.items():
        shown = [known[source, target] for target in block]
        for one, other in combinations(shown, 2):
            pairs += 1
            alike += likeness(one, other)
        featured = [artist for card in shown for artist in card.artists]
        repeated += len(featured) != len(set(featured))
        sections += len({card.section_id for card in shown})
    count = len(blocks) or 1
    return {
        "blocks": len(blocks),
        "likeness": alike / pairs if pairs else 0.0,
        "artist_twice": repeated,
        "sections_per_block": sections / count,
        "cards_per_block": sum(len(block) for block in blocks.values()) / count,
        "other_links": sum(
            set(block) != set(baseline.get(source, ())) for source, block in blocks.items()
        ),
    }
