"""Content whose every text field holds generated text, reachable from every public surface."""

from hypothesis import strategies as st

from articles.models import Article, ArticleFigure, ArticleLink, Author, Section
from artists.models import Artist
from artworks.models import Artwork, ArtworkImage
from sitesettings.models import SiteSettings
from tests.factories import (
    ArticleAuthorFactory,
    ArticleFactory,
    ArticleFigureFactory,
    ArticleLinkFactory,
    ArtistFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
    ArtworkImageFactory,
    AuthorFactory,
    ImageFactory,
    SectionFactory,
)
from tests.hostile.strategies import hostile_text

TAG_MAX = 100  # taggit's Tag.name


def _limit(model, field: str) -> int:
    return model._meta.get_field(field).max_length or 2000


# (slot, model, field): one generated text each, no longer than the field takes.
SLOTS = [
    ("publisher_name", SiteSettings, "publisher_name"),
    ("tagline", SiteSettings, "tagline"),
    ("footer_blurb", SiteSettings, "footer_blurb"),
    ("section_name", Section, "name"),
    ("author_name", Author, "name"),
    ("author_bio", Author, "bio"),
    ("artist_name", Artist, "name"),
    ("artist_sort_name", Artist, "sort_name"),
    ("artist_bio", Artist, "bio"),
    ("birth_place", Artist, "birth_place"),
    ("nationality", Artist, "nationality"),
    ("portrait_alt_text", Artist, "portrait_alt_text"),
    ("artist_website", Artist, "website"),
    ("artwork_title", Artwork, "title"),
    ("date_display", Artwork, "date_display"),
    ("medium", Artwork, "medium"),
    ("dimensions_display", Artwork, "dimensions_display"),
    ("classification", Artwork, "classification"),
    ("credit_line", Artwork, "credit_line"),
    ("accession_number", Artwork, "accession_number"),
    ("artwork_source_url", Artwork, "source_url"),
    ("image_alt_text", ArtworkImage, "alt_text"),
    ("image_credit", ArtworkImage, "credit"),
    ("title", Article, "title"),
    ("standfirst", Article, "standfirst"),
    ("body", Article, "body"),
    ("meta_description", Article, "meta_description"),
    ("figure_caption", ArticleFigure, "caption"),
    ("figure_credit", ArticleFigure, "credit"),
    ("figure_alt_text", ArticleFigure, "alt_text"),
    ("link_title", ArticleLink, "title"),
    ("link_url", ArticleLink, "url"),
]
TAG_SLOTS = ["article_tag", "artist_movement", "artwork_subject"]


def texts() -> st.SearchStrategy[dict[str, str]]:
    """One generated text per slot."""
    strategies = {slot: hostile_text(max_size=min(_limit(m, f), 400)) for slot, m, f in SLOTS}
    strategies.update({slot: hostile_text(max_size=TAG_MAX, min_size=1) for slot in TAG_SLOTS})
    return st.fixed_dictionaries(strategies)


def plain_text() -> dict[str, str]:
    """Every slot empty (the world's defaults fill the names)."""
    return {slot: "" for slot, _model, _field in SLOTS} | dict.fromkeys(TAG_SLOTS, "tag")


def build_world(text: dict[str, str]) -> dict:
    """A published article about an artist and an artwork, with a figure of each kind, an
    outbound link, a byline and tags, every text from `text`; slugs made from the names."""
    site = SiteSettings.current()
    site.publisher_name = text["publisher_name"] or "Publisher"
    site.tagline = text["tagline"]
    site.footer_blurb = text["footer_blurb"]
    site.save()

    section = SectionFactory(name=text["section_name"] or "Section", slug="")
    author = AuthorFactory(name=text["author_name"] or "Author", bio=text["author_bio"], slug="")
    artist = ArtistFactory(
        name=text["artist_name"] or "Artist",
        sort_name=text["artist_sort_name"],
        slug="",
        bio=text["artist_bio"],
        birth_place=text["birth_place"],
        nationality=text["nationality"],
        website=text["artist_website"],
        portrait=ImageFactory(),
        portrait_alt_text=text["portrait_alt_text"],
        birth_year=1957,
        tags=[text["artist_movement"]],
    )
    artwork = ArtworkFactory(
        title=text["artwork_title"] or "Urn",
        slug="",
        date_display=text["date_display"],
        medium=text["medium"],
        dimensions_display=text["dimensions_display"],
        classification=text["classification"],
        credit_line=text["credit_line"],
        accession_number=text["accession_number"],
        source_url=text["artwork_source_url"],
        tags=[text["artwork_subject"]],
    )
    ArtworkArtistFactory(artwork=artwork, artist=artist)
    image = ArtworkImageFactory(
        artwork=artwork, alt_text=text["image_alt_text"] or "An urn", credit=text["image_credit"]
    )
    article = ArticleFactory(
        title=text["title"] or "Urn",
        slug="",
        standfirst=text["standfirst"],
        body=text["body"],
        meta_description=text["meta_description"],
        section=section,
        tags=[text["article_tag"]],
    )
    ArticleAuthorFactory(article=article, author=author)
    ArticleFigureFactory(article=article, artwork=artwork, artwork_image=image, position=0)
    ArticleFigureFactory(
        article=article,
        artwork=None,
        image=ImageFactory(),
        caption=text["figure_caption"],
        credit=text["figure_credit"],
        alt_text=text["figure_alt_text"] or "A picture",
        position=1,
    )
    ArticleLinkFactory(article=article, title=text["link_title"] or "Link", url=text["link_url"])
    if not article.tags.exists():  # the name was only characters that cleaning removes
        article.tags.add("Sculpture")
    article.featured_artists.add(artist)
    article.featured_artworks.add(artwork)
    return {
        "article": article,
        "artist": artist,
        "artwork": artwork,
        "section": section,
        "tag": article.tags.get(),
        "site": site,
    }
