"""Run inside `manage.py shell` of a site made by tests/backups/sites.py (a real database, not
pytest's transaction): build() fills it, snapshot() writes everything a restore must bring back
to a JSON file."""

import hashlib
import json
from pathlib import Path

import reversion
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import serializers
from reversion.models import Revision, Version
from taggit.models import Tag

from articles.models import (
    Article,
    ArticleAuthor,
    ArticleFigure,
    ArticleLink,
    TaggedArticle,
)
from artists.models import Artist
from artworks.models import Artwork, ArtworkArtist, ArtworkImage
from images.models import Image
from recommendations.models import RelatedLink
from tests.factories import (
    ArticleAuthorFactory,
    ArticleFactory,
    ArticleFigureFactory,
    ArticleLinkFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
    ImageFactory,
    RelatedLinkFactory,
)
from tests.images.samples import photo_like, save, upload

SNAPSHOT_MODELS = (
    get_user_model(),
    Tag,
    Artist,
    Artwork,
    ArtworkArtist,
    ArtworkImage,
    Image,
    Article,
    ArticleAuthor,
    ArticleFigure,
    ArticleLink,
    TaggedArticle,
    RelatedLink,
    Revision,
    Version,
)


def build() -> None:
    """Three articles, each with an artwork figure and an uploaded picture, a byline, a link
    and tags, saved in two revisions each (the way revisions/ records them), and related links
    between them."""
    editor = get_user_model().objects.create_user("editor", password="a-long-test-password")
    articles = []
    for number in range(3):
        with reversion.create_revision():
            reversion.set_user(editor)
            reversion.set_comment(f"Article {number} written")
            article = ArticleFactory(title=f"Backed-up article {number}", tags=[f"topic {number}"])
            ArticleAuthorFactory(article=article)
            artwork = ArtworkFactory(title=f"Artwork {number}")
            ArtworkArtistFactory(artwork=artwork, artist__name=f"Artist {number}")
            ArticleFigureFactory(article=article, artwork=artwork, position=0)
            picture = save(photo_like(size=(640, 480), seed=number), "JPEG", quality=90)
            ArticleFigureFactory(
                article=article,
                artwork=None,
                position=1,
                image=ImageFactory(file=upload(picture, name=f"photo-{number}.jpg")),
                alt_text=f"Photograph {number}",
            )
            ArticleLinkFactory(article=article, position=0)
        with reversion.create_revision():
            reversion.set_user(editor)
            reversion.set_comment("Title edited")
            article.title = f"Backed-up article {number}, edited"
            article.save()
        articles.append(article)
    RelatedLinkFactory(
        source=articles[0], target=articles[1], status=RelatedLink.Status.PINNED, position=0
    )
    RelatedLinkFactory(source=articles[1], target=articles[2], status=RelatedLink.Status.APPROVED)


def snapshot(path: str) -> None:
    """Every row of the content models, revisions and users, and every media file's sha256."""
    media = Path(settings.MEDIA_ROOT)
    files = {
        file.relative_to(media).as_posix(): hashlib.sha256(file.read_bytes()).hexdigest()
        for file in sorted(media.rglob("*"))
        if file.is_file()
    }
    rows = {
        model._meta.label: json.loads(
            serializers.serialize("json", model._default_manager.order_by("pk"))
        )
        for model in SNAPSHOT_MODELS
    }
    figures = ArticleFigure.objects.filter(image__isnull=False)
    pictures = list(figures.values_list("image__file", flat=True))
    Path(path).write_text(json.dumps({"rows": rows, "media": files, "pictures": pictures}))
