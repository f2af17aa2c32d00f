"""What one revision of an artwork holds (revisions/versioning.py): its artist credits, images
and tag rows. The credited artists are shared: a revert never deletes or changes them."""

from artworks.models import Artwork, ArtworkArtist, ArtworkImage
from revisions import versioning

# Made from the image by images.tasks after each save; a revert or recovery makes them again.
RENDITIONS = ("renditions",)


def register() -> None:
    if versioning.is_versioned(Artwork):  # ready() can run more than once (tests)
        return
    tag_rows = versioning.register_tag_rows(Artwork)
    for part in (ArtworkArtist, ArtworkImage):
        versioning.register(part, exclude=RENDITIONS)
    versioning.register(Artwork, follow=("artist_credits", "images", tag_rows), root=True)
