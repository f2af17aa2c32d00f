"""The demo's pictures, drawn with Pillow (nothing is downloaded), and render(): a picture's
name, as the content files give it, to JPEG bytes. Drawings by subject: Ai Weiwei's works
(ai_weiwei), places (places), objects (objects), the other artists' works (works), exhibition
rooms (rooms)."""

from demo.pictures import ai_weiwei, objects, places, rooms, works
from demo.pictures.drawing import seeded, to_jpeg

# The credit of every drawn picture (artworks' images and standalone figures alike).
ILLUSTRATION_CREDIT = "Illustration: Newsroom demo"

DRAWINGS = {
    **ai_weiwei.DRAWINGS,
    **places.DRAWINGS,
    **objects.DRAWINGS,
    **works.DRAWINGS,
    **rooms.DRAWINGS,
}


def render(name: str) -> bytes:
    """The named picture as JPEG bytes, identical on every run."""
    rng = seeded(name)
    return to_jpeg(DRAWINGS[name](rng), rng)
