"""What the page cache needs to know about artists (registered from ArtistsConfig.ready())."""

import pagecache
from artists.models import Artist, TaggedArtist


def listing_key(slug: str) -> str:
    """The public articles listed on an artist's page: the articles app moves it when one of
    them is published, unpublished or starts featuring the artist."""
    return pagecache.set_key("public:artist", slug)


def register() -> None:
    pagecache.register_model(Artist)
    pagecache.register_part(TaggedArtist)
    pagecache.register_view("artists:artist-list", depends_on=[pagecache.all_key(Artist)])
    pagecache.register_view(
        "artists:artist-detail", depends_on=lambda kwargs: [listing_key(kwargs["slug"])]
    )
