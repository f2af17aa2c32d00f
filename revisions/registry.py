"""Which models keep revisions, and what one revision of each holds: the one place models are
registered with django-reversion (RevisionsConfig.ready calls register_models).

A revision of an article, artist or artwork holds everything that makes it whole, so that a
revert, or the recovery of a deleted one, brings all of it back: for an article its byline,
figures, outbound links and tag rows; for an artwork its artist credits, images and tag rows;
for an artist its tag rows. Each picture (images.Image) is held with what shows it (an artwork's
image, a figure, an artist's portrait), which owns it: a revert brings back the file and focal
point it had. Each tag row follows the tag it points at, so an article can come back
with a tag that was deleted since. Featured artists and artworks are plain many-to-many fields,
stored with the article itself.

Tags, authors, sections, the artworks shown in figures and the credited artists are shared with
other objects: a revert never deletes or changes them (revisions/revert.py).
"""

from django.db import models
from taggit.models import Tag

from articles.models import Article, ArticleAuthor, ArticleFigure, ArticleLink
from artists.models import Artist
from artworks.models import Artwork, ArtworkArtist, ArtworkImage
from images.models import Image
from revisions import versioning

# Never stored in an article's versions: the optimistic-locking counter (a revert must never
# move it backwards) and who saved last. A revert keeps their value in the database.
ARTICLE_NOT_VERSIONED = ("lock_version", "updated_by")

# Stored in an article's versions, so that a recovered article gets it back, but a revert of an
# article that exists keeps the database's value: it records the article's past, it is not
# content. Reverting a once-published article to its first draft must not make it look never
# published (the workflow lets contributors delete never-published articles).
ARTICLE_KEPT_ON_REVERT = ("first_published_at",)


# Made from the image by images.tasks after each save; a revert or recovery makes them again.
RENDITIONS = ("renditions",)


def register_models() -> None:
    if versioning.is_versioned(Article):  # ready() can run more than once (tests)
        return
    versioning.register(Tag)
    for model in (Article, Artist, Artwork):
        versioning.register(model.tags.through, follow=("tag",))
    versioning.register(Image, exclude=RENDITIONS)
    for part in (ArticleAuthor, ArticleLink, ArtworkArtist):
        versioning.register(part)
    for shows_an_image in (ArticleFigure, ArtworkImage):
        versioning.register(shows_an_image, owns=("image",))
    versioning.register(
        Article,
        follow=("article_authors", "figures", "links", tag_rows(Article)),
        exclude=ARTICLE_NOT_VERSIONED,
        kept_on_revert=ARTICLE_KEPT_ON_REVERT,
        root=True,
        # Every revision in which the article was published: what readers were shown.
        kept_forever_when=("status", Article.Status.PUBLISHED.value),
    )
    versioning.register(Artwork, follow=("artist_credits", "images", tag_rows(Artwork)), root=True)
    versioning.register(Artist, follow=(tag_rows(Artist),), owns=("portrait",), root=True)


def tag_rows(model: type[models.Model]) -> str:
    """The accessor from an object to the rows of its tag table ('taggedarticle_set'): the
    through model's key to the object has no related_name, so Django names it."""
    through = model.tags.through
    return through._meta.get_field("content_object").remote_field.get_accessor_name()
