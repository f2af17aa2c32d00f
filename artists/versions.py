"""What one revision of an artist holds (revisions/versioning.py): the artist and its tag rows
(movements)."""

from artists.models import Artist
from revisions import versioning

# Made from the portrait by images.tasks after each save; a revert or recovery makes them again.
RENDITIONS = ("portrait_renditions",)


def register() -> None:
    if versioning.is_versioned(Artist):  # ready() can run more than once (tests)
        return
    tag_rows = versioning.register_tag_rows(Artist)
    versioning.register(Artist, follow=(tag_rows,), exclude=RENDITIONS, root=True)
