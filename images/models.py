"""One stored picture: the file (cleaned by the safe pipeline), what it is (size in pixels and
bytes, the name it was uploaded as), where its important part is, and the renditions made of it.

Content points at an Image with a foreign key (an artwork's image, a figure's upload, an artist's
portrait: images/uses.py). What belongs to the use stays with the use: alt text and credit can
differ per use, so they are fields of the artwork image, the figure and the artist. An Image
belongs to the one use that points at it: it is deleted when that use goes or lets it go.
"""

from django.db import models
from django.utils import timezone

from images.fields import SafeImageField
from images.model_fields import (
    file_size_field,
    focal_field,
    original_name_field,
    renditions_field,
)
from images.picture import Picture, picture_for
from images.renditions import rounded_focal
from plaintext.models import CleanTextModel

DEFAULT_FOLDER = "images"


class Image(CleanTextModel):
    file = SafeImageField(
        "image",
        upload_to=f"{DEFAULT_FOLDER}/",
        width_field="width",
        height_field="height",
        original_name_field="original_name",
        size_field="file_size",
    )
    width = models.PositiveIntegerField(null=True, editable=False)
    height = models.PositiveIntegerField(null=True, editable=False)
    original_name = original_name_field()
    file_size = file_size_field()
    focal_x = focal_field("x")
    focal_y = focal_field("y")
    renditions = renditions_field()
    # When the row was stored: an upload kept across a form's validation error is an Image no
    # use points at yet; images.kept_uploads deletes those left unused for long.
    created_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)

    # Where a new file of this image is stored (a folder per use: "artworks", "figures"...);
    # set by the use's form from its registration (images/uses.py). Not stored: the file's name
    # says where it is.
    upload_folder = DEFAULT_FOLDER

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.original_name or self.file.name

    def picture(self) -> Picture:
        """What pages show: renditions when they are made for the current file, else the
        original."""
        return picture_for(
            self.file, width=self.width, height=self.height, renditions=self.renditions
        )

    def focal(self) -> tuple[float, float]:
        """The focal point as renditions record it (an empty coordinate is the centre)."""
        x, y = self.focal_x, self.focal_y
        return rounded_focal(0.5 if x is None else x, 0.5 if y is None else y)

    def stored_renditions(self) -> dict:
        return self.renditions if isinstance(self.renditions, dict) else {}

    def renditions_are_current(self) -> bool:
        """Whether the stored renditions are those of the current file and focal point (an image
        without a file is current when it has no renditions left)."""
        renditions = self.stored_renditions()
        name = self.file.name or ""
        if not name:
            return not renditions
        return renditions.get("source") == name and renditions.get("focal") == list(self.focal())
