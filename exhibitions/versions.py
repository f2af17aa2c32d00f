"""What one revision of an exhibition or a venue holds (revisions/versioning.py): the exhibition
with its artists and artworks (many-to-many fields, stored with it) and its image; the venue on
its own. The venue, artists and artworks are shared: a revert never deletes or changes them."""

from exhibitions.models import Exhibition, Venue
from images.models import Image
from revisions import versioning

# Made from the image by images.tasks after each save; a revert or recovery makes them again.
IMAGE_NOT_VERSIONED = ("renditions",)


def register() -> None:
    if versioning.is_versioned(Exhibition):  # ready() can run more than once (tests)
        return
    versioning.register(Image, exclude=IMAGE_NOT_VERSIONED)
    versioning.register(Venue, root=True)
    # The image is held as a row the exhibition owns: a revert brings back its file.
    versioning.register(Exhibition, owns=("image",), root=True)
