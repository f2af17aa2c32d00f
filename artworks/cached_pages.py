"""What the page cache needs to know about artworks (registered from ArtworksConfig.ready())."""

import pagecache
from artworks.models import Artwork, ArtworkArtist, ArtworkImage, TaggedArtwork


def listing_key(slug: str) -> str:
    """The public articles listed on an artwork's page: the articles app moves it when one of
    them is published, unpublished or starts showing the artwork."""
    return pagecache.set_key("public:artwork", slug)


def register() -> None:
    pagecache.register_model(Artwork)
    for part in (ArtworkArtist, ArtworkImage, TaggedArtwork):
        pagecache.register_part(part)
    pagecache.register_view("artworks:artwork-list", depends_on=[pagecache.all_key(Artwork)])
    pagecache.register_view(
        "artworks:artwork-detail", depends_on=lambda kwargs: [listing_key(kwargs["slug"])]
    )
