"""What build_corpus() made: counts, the shape of the long tails, and how long it took."""

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class CorpusSummary:
    articles: int
    artists: int
    tags: int
    sections: int
    tag_links: int
    artist_links: int
    tag_exponent: float
    artist_exponent: float
    seed: int
    top_tag: str
    top_tag_share: float  # of articles carrying the most used tag
    tags_on_over_1pct: int  # tags carried by more than 1% of the articles
    least_used_tag_articles: int
    top_artist_articles: int
    artists_featured: int  # artists featured at least once
    articles_without_artists: int
    seconds: float
    analyze_seconds: float
    # Added with artworks, bylines, figures and recommendations (0 when not made).
    artworks: int = 0
    artwork_credits: int = 0
    artwork_images: int = 0
    authors: int = 0
    bylines: int = 0
    figures: int = 0
    suggestions: int = 0
    recommendations_seconds: float = 0.0

    def as_dict(self) -> dict:
        return asdict(self)

    def __str__(self):
        articles = max(self.articles, 1)
        return (
            f"{self.articles:,} articles, {self.artists:,} artists, {self.tags:,} tags, "
            f"{self.tag_links:,} tag links ({self.tag_links / articles:.1f} per "
            f"article), {self.artist_links:,} featured-artist links; {self.artworks:,} "
            f"artworks ({self.artwork_credits:,} credits, {self.artwork_images:,} image rows), "
            f"{self.authors:,} authors, {self.bylines:,} bylines, {self.figures:,} figures "
            f"({self.figures / articles:.1f} per article); {self.suggestions:,} suggestions "
            f"({self.recommendations_seconds:.1f} s); {self.seconds:.1f} s in all. "
            f"Top tag {self.top_tag!r} on {self.top_tag_share:.1%} of articles; "
            f"{self.tags_on_over_1pct} tags on more than 1%; the rarest on "
            f"{self.least_used_tag_articles}. Top artist on {self.top_artist_articles:,} articles."
        )
