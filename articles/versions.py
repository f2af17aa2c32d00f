"""What one revision of an article holds (revisions/versioning.py): its byline, figures, outbound
links and tag rows, so that a revert, or the recovery of a deleted article, brings all of it
back. Featured artists, artworks and exhibitions are plain many-to-many fields, stored with the
article itself. Authors, sections and the artworks shown in figures are shared with other objects: a
revert never deletes or changes them (revisions/revert.py)."""

from articles.models import Article, ArticleAuthor, ArticleFigure, ArticleLink
from images.models import Image
from revisions import versioning

# Never stored in an article's versions: the optimistic-locking counter (a revert must never
# move it backwards), who saved last and who created it. A revert keeps their value in the
# database.
NOT_VERSIONED = ("lock_version", "updated_by", "created_by")

# Stored in an article's versions, so that a recovered article gets it back, but a revert of an
# article that exists keeps the database's value: it records the article's past, it is not
# content. Reverting a once-published article to its first draft must not make it look never
# published (the workflow lets contributors delete never-published articles).
KEPT_ON_REVERT = ("first_published_at",)

# Made from the image by images.tasks after each save; a revert or recovery makes them again.
IMAGE_NOT_VERSIONED = ("renditions",)


def register() -> None:
    if versioning.is_versioned(Article):  # ready() can run more than once (tests)
        return
    tag_rows = versioning.register_tag_rows(Article)
    versioning.register(Image, exclude=IMAGE_NOT_VERSIONED)
    for part in (ArticleAuthor, ArticleLink):
        versioning.register(part)
    # A figure's picture is held as a row it owns: a revert brings back its file and focal point.
    versioning.register(ArticleFigure, owns=("image",))
    versioning.register(
        Article,
        follow=("article_authors", "figures", "links", tag_rows),
        exclude=NOT_VERSIONED,
        kept_on_revert=KEPT_ON_REVERT,
        root=True,
        # Every revision in which the article was published: what readers were shown.
        kept_forever_when=("status", Article.Status.PUBLISHED.value),
    )
