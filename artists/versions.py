"""What one revision of an artist holds (revisions/versioning.py): the artist and its tag rows
(movements) and its portrait."""

from artists.models import Artist
from images.models import Image
from revisions import versioning

# Made from the image by images.tasks after each save; a revert or recovery makes them again.
IMAGE_NOT_VERSIONED = ("renditions",)


def register() -> None:
    if versioning.is_versioned(Artist):  # ready() can run more than once (tests)
        return
    tag_rows = versioning.register_tag_rows(Artist)
    versioning.register(Image, exclude=IMAGE_NOT_VERSIONED)
    # The portrait is held as a row the artist owns: a revert brings back its file.
    versioning.register(Artist, follow=(tag_rows,), owns=("portrait",), root=True)
