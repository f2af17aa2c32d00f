"""What one revision of an artwork holds (revisions/versioning.py): its artist credits, images
(each with its picture) and tag rows. The credited artists are shared: a revert never deletes
or changes them."""

from artworks.models import Artwork, ArtworkArtist, ArtworkImage
from images.models import Image
from revisions import versioning

# Made from the image by images.tasks after each save; a revert or recovery makes them again.
IMAGE_NOT_VERSIONED = ("renditions",)


def register() -> None:
    if versioning.is_versioned(Artwork):  # ready() can run more than once (tests)
        return
    tag_rows = versioning.register_tag_rows(Artwork)
    versioning.register(Image, exclude=IMAGE_NOT_VERSIONED)
    versioning.register(ArtworkArtist)
    # An artwork image's picture is held as a row it owns: a revert brings back its file.
    versioning.register(ArtworkImage, owns=("image",))
    versioning.register(Artwork, follow=("artist_credits", "images", tag_rows), root=True)
