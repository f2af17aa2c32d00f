"""An artwork's outbound link: its source record's address (Tate's page for an imported one).
Replaced by saving the artwork, in a revision as the admin makes one."""

import reversion

from artworks.models import Artwork
from links import addresses
from links.sources import Source
from links.sources import register as register_source


def replace_in_artwork(artwork: Artwork, old: str, new: str, user) -> bool:
    artwork = Artwork.objects.select_for_update().get(pk=artwork.pk)
    url = addresses.replace_whole(artwork.source_url, old, new)
    if url == artwork.source_url:
        return False
    artwork.source_url = url
    with reversion.create_revision():
        if user is not None:
            reversion.set_user(user)
        reversion.set_comment(f"Link {old} replaced by {new}")
        artwork.save()
    return True


def register() -> None:
    register_source(
        Source(
            model=Artwork,
            fields=("source_url",),
            uses=lambda artwork: [("source URL", artwork.source_url)],
            replace=replace_in_artwork,
        )
    )
