"""The corpus's authors, and each article's byline and figures (build.py).

Authors are drawn along Zipf's law (a few staff writers sign much of the site). Each article
gets 1 to `figures_per_article` figures of distinct artworks: most of them, when the article
features artists, works by one of those artists, the others drawn from all artworks along
Zipf's law (a few famous works appear again and again). A figure shows its artwork's image,
sometimes a chosen one; a few carry a caption override in place of the composed caption. Like
every row of the corpus, they go in through bulk_create: no signal, no refresh queued.
"""

from random import Random

from bench.corpus.artworks import ArtworkCatalogue
from bench.corpus.sampling import (
    AUTHOR_EXPONENT,
    AUTHORS_PER_ARTICLE_WEIGHTS,
    FIGURE_ARTWORK_EXPONENT,
    FIGURES_BY_FEATURED_ARTISTS,
    FIRST_NAMES,
    LAST_NAMES,
    Zipf,
    slugify_title,
)

CAPTION_OVERRIDES = (
    "Installation view\nCourtesy the artist and the gallery",
    "Detail",
    "Shown at the opening of the exhibition",
)


def create_authors(rng: Random, count: int, *, batch_size: int) -> list[int]:
    """Author ids in rank order (the first signs the most)."""
    from articles.models import Author  # noqa: PLC0415

    authors, slugs = [], set()
    for number in range(1, count + 1):
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        slug = slugify_title(name)
        if slug in slugs:
            slug = f"{slug}-{number}"
        slugs.add(slug)
        authors.append(Author(name=name, slug=slug, bio=f"{name} writes on art and design."))
    return [author.pk for author in Author.objects.bulk_create(authors, batch_size=batch_size)]


class ArticleParts:
    """Writes the bylines and figures of each round of new articles, and counts them."""

    def __init__(
        self,
        rng: Random,
        *,
        author_ids: list[int],
        catalogue: ArtworkCatalogue,
        figures_per_article: int,
        batch_size: int,
    ):
        self.rng = rng
        self.authors = Zipf(author_ids, AUTHOR_EXPONENT) if author_ids else None
        self.catalogue = catalogue
        self.artworks = Zipf(catalogue.ids, FIGURE_ARTWORK_EXPONENT) if catalogue.ids else None
        self.figures_per_article = figures_per_article if self.artworks else 0
        self.batch_size = batch_size
        self.bylines = 0
        self.figures = 0

    def write(self, drawn) -> None:
        """Bylines and figures for `drawn`: (saved article, tag ids, featured artist ids)."""
        from articles.models import ArticleAuthor, ArticleFigure  # noqa: PLC0415

        bylines, figures = [], []
        for article, _tag_ids, artist_ids in drawn:
            bylines += [
                ArticleAuthor(article_id=article.pk, author_id=author_id, position=position)
                for position, author_id in enumerate(self._byline())
            ]
            for position, artwork_id in enumerate(self._figure_artworks(artist_ids)):
                figures.append(self._figure(article.pk, position, artwork_id))
        ArticleAuthor.objects.bulk_create(bylines, batch_size=self.batch_size)
        ArticleFigure.objects.bulk_create(figures, batch_size=self.batch_size)
        self.bylines += len(bylines)
        self.figures += len(figures)

    def _byline(self) -> list[int]:
        if self.authors is None:
            return []
        count = self.rng.choices((1, 2, 3), weights=AUTHORS_PER_ARTICLE_WEIGHTS)[0]
        return self.authors.distinct(self.rng, count)

    def _figure_artworks(self, artist_ids: list[int]) -> list[int]:
        if not self.figures_per_article:
            return []
        rng = self.rng
        wanted = rng.randint(1, self.figures_per_article)
        by_artist = self.catalogue.by_artist
        prolific = [pk for pk in artist_ids if by_artist.get(pk)]
        chosen: dict[int, None] = {}
        for _attempt in range(wanted * 3):  # (a repeat is dropped: artworks stay distinct)
            if len(chosen) == wanted:
                break
            if prolific and rng.random() < FIGURES_BY_FEATURED_ARTISTS:
                chosen[rng.choice(by_artist[rng.choice(prolific)])] = None
            else:
                chosen[self.artworks.distinct(rng, 1)[0]] = None
        return list(chosen)

    def _figure(self, article_id: int, position: int, artwork_id: int):
        from articles.models import ArticleFigure  # noqa: PLC0415

        rng = self.rng
        image_id = self.catalogue.image_of.get(artwork_id)
        return ArticleFigure(
            article_id=article_id,
            position=position,
            artwork_id=artwork_id,
            # Usually the artwork's first image; sometimes chosen (the same one here).
            artwork_image_id=image_id if image_id and rng.random() < 0.1 else None,
            caption=rng.choice(CAPTION_OVERRIDES) if rng.random() < 0.05 else "",
        )
