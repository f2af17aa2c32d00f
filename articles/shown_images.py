"""The picture a figure shows, with what the figure says of it (articles/models.py's
ArticleFigure.shown_image(), Article.lead_image(), and the cards' read in cards.py)."""

from typing import NamedTuple

from images.models import Image
from images.picture import Picture


class ShownImage(NamedTuple):
    """A figure's picture with what the figure says of it (its alt text and credit, or else
    those of the artwork's image)."""

    image: Image
    alt: str
    credit: str
    decorative: bool = False

    @property
    def file(self):
        return self.image.file

    @property
    def width(self) -> int | None:
        return self.image.width

    @property
    def height(self) -> int | None:
        return self.image.height

    @property
    def picture(self) -> Picture:
        return self.image.picture()


def artwork_image_alt(
    figure_alt: str, figure_decorative: bool, image_alt: str, image_decorative: bool
) -> tuple[str, bool]:
    """The alt text of an artwork's image shown in a figure, and whether it is decorative: the
    figure's own words first; decorative when the figure says so, or the image does and the
    figure gives no words. (ArticleFigure.shown_image(), and the cards' read in cards.py.)"""
    decorative = figure_decorative or (image_decorative and not figure_alt)
    return ("" if decorative else (figure_alt or image_alt)), decorative
