"""Content named as an art publisher names it: accents, CJK, emoji, in tags and titles."""

from types import SimpleNamespace

from tests.factories import ArticleFactory, ArtistFactory, ArtworkFactory, SectionFactory

ARTICLE_TAGS = ["Künstler", "Café", "現代美術", "🎨", "🎨🎨"]
MOVEMENT = "Bauhaus-Künstler"
SUBJECT = "Café"

# The slug each tag gets: readable, and "🎨🎨" numbered after "🎨" (both "artist-palette").
TAG_SLUGS = {
    "Künstler": "künstler",
    "Café": "café",
    "現代美術": "現代美術",
    "🎨": "artist-palette",
    "🎨🎨": "artist-palette-2",
    "Bauhaus-Künstler": "bauhaus-künstler",
}


def unicode_content() -> SimpleNamespace:
    """A published article tagged as above, featuring an artist with a Unicode movement and an
    artwork with a Unicode subject; section, article, artist and artwork slugs left to save()."""
    section = SectionFactory(name="Künste & 美術", slug="")
    artist = ArtistFactory(name="Hannah Höch", sort_name="Höch, Hannah", slug="", tags=[MOVEMENT])
    artwork = ArtworkFactory(title="Café de Flore", slug="", tags=[SUBJECT])
    article = ArticleFactory(title="現代美術の夜 🎨", slug="", section=section, tags=ARTICLE_TAGS)
    article.featured_artists.add(artist)
    article.featured_artworks.add(artwork)
    return SimpleNamespace(section=section, artist=artist, artwork=artwork, article=article)
