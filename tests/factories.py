"""factory_boy factories: one per model, valid and public by default, unique slugs by Sequence."""

import datetime
import io

import factory
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image as PillowImage

from articles import services
from articles.models import (
    Article,
    ArticleAuthor,
    ArticleFigure,
    ArticleLink,
    Author,
    Section,
    Series,
)
from artists.models import Artist
from artworks.models import Artwork, ArtworkArtist, ArtworkImage
from exhibitions.models import Exhibition, Venue
from images.models import Image
from links.models import Link, LinkUse
from recommendations.models import RelatedLink


def png_upload(name="picture.png"):
    """A tiny PNG drawn with Pillow, as a browser would upload it in a form."""
    buffer = io.BytesIO()
    PillowImage.new("RGB", (8, 6), "teal").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def small_png(**params):
    """A tiny PNG drawn with Pillow, as an ImageField value."""
    return factory.django.ImageField(
        filename="picture.png", format="PNG", width=8, height=6, color="teal", **params
    )


class ImageFactory(factory.django.DjangoModelFactory):
    """A stored picture (a tiny PNG unless `file=` says otherwise), with no renditions yet."""

    class Meta:
        model = Image

    file = small_png()


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    name = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.Sequence(lambda n: f"section-{n}")


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Author {n}")
    slug = factory.Sequence(lambda n: f"author-{n}")


class SeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Series

    title = factory.Sequence(lambda n: f"Series {n}")
    slug = factory.Sequence(lambda n: f"series-{n}")


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    name = factory.Sequence(lambda n: f"Gallery {n}")
    city = "London"
    country = "United Kingdom"


class ExhibitionFactory(factory.django.DjangoModelFactory):
    """A show on view from 1 January 2020 to 31 December 2099 unless told otherwise."""

    class Meta:
        model = Exhibition
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Exhibition {n}")
    slug = factory.Sequence(lambda n: f"exhibition-{n}")
    venue = factory.SubFactory(VenueFactory)
    opens_on = datetime.date(2020, 1, 1)
    closes_on = datetime.date(2099, 12, 31)

    @factory.post_generation
    def artists(self, create, extracted, **kwargs):
        if create and extracted:
            self.artists.add(*extracted)

    @factory.post_generation
    def artworks(self, create, extracted, **kwargs):
        if create and extracted:
            self.artworks.add(*extracted)


class ArtistFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Artist
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Artist {n}")
    sort_name = factory.LazyAttribute(lambda artist: artist.name)
    slug = factory.Sequence(lambda n: f"artist-{n}")

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)


class ArtworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Artwork
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Artwork {n}")
    slug = factory.Sequence(lambda n: f"artwork-{n}")

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)


class ArtworkArtistFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArtworkArtist

    artwork = factory.SubFactory(ArtworkFactory)
    artist = factory.SubFactory(ArtistFactory)
    position = factory.Sequence(lambda n: n)


class ArtworkImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArtworkImage

    artwork = factory.SubFactory(ArtworkFactory)
    image = factory.SubFactory(ImageFactory)
    alt_text = factory.Sequence(lambda n: f"Photograph of artwork {n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    """A published article whose publication time has passed."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Article {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    standfirst = factory.Sequence(lambda n: f"Standfirst of article {n}.")
    body = "<p>Body text.</p>"
    section = factory.SubFactory(SectionFactory)
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))

    class Params:
        draft = factory.Trait(status=Article.Status.DRAFT)
        scheduled = factory.Trait(
            published_at=factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=1))
        )

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """Made as the site makes articles: saved as a draft, then moved to its status by the
        publishing services (on the record, and heard by the page cache and recommendations)."""
        status = kwargs.pop("status", Article.Status.DRAFT)
        article = model_class(*args, **kwargs)
        services.article_save(article=article, user=None)
        if status == Article.Status.PUBLISHED:
            if article.published_at is not None and article.published_at > timezone.now():
                services.article_schedule(article=article, user=None, at=article.published_at)
            else:
                services.article_publish(article=article, user=None)
        else:
            MOVES[status](article=article, user=None)
        return article


MOVES = {
    Article.Status.DRAFT: services.article_return_to_draft,
    Article.Status.REVIEW: services.article_submit,
    Article.Status.UNPUBLISHED: services.article_unpublish,
}


class ArticleAuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticleAuthor

    article = factory.SubFactory(ArticleFactory)
    author = factory.SubFactory(AuthorFactory)
    position = factory.Sequence(lambda n: n)


class ArticleFigureFactory(factory.django.DjangoModelFactory):
    """A figure of an artwork (with one image); pass artwork=None, image=ImageFactory(...) for
    an upload."""

    class Meta:
        model = ArticleFigure
        skip_postgeneration_save = True

    article = factory.SubFactory(ArticleFactory)
    artwork = factory.SubFactory(ArtworkFactory)
    position = factory.Sequence(lambda n: n)

    @factory.post_generation
    def with_image(self, create, extracted, **kwargs):
        if create and self.artwork_id and extracted is not False:
            if not self.artwork.images.exists():
                ArtworkImageFactory(artwork=self.artwork)


class ArticleLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticleLink

    article = factory.SubFactory(ArticleFactory)
    title = factory.Sequence(lambda n: f"Outbound link {n}")
    url = factory.Sequence(lambda n: f"https://example.com/link-{n}")
    position = factory.Sequence(lambda n: n)


class RelatedLinkFactory(factory.django.DjangoModelFactory):
    """An engine suggestion between two articles, sharing a tag."""

    class Meta:
        model = RelatedLink

    source = factory.SubFactory(ArticleFactory)
    target = factory.SubFactory(ArticleFactory)
    score = 1.5
    reasons = factory.LazyFunction(
        lambda: {"tags": ["photography"], "artists": [], "artworks": [], "section": None}
    )
    computed_at = factory.LazyFunction(timezone.now)


class LinkFactory(factory.django.DjangoModelFactory):
    """An outbound address in the inventory, not checked yet (links/)."""

    class Meta:
        model = Link
        django_get_or_create = ("url",)

    url = factory.Sequence(lambda n: f"https://example.org/page-{n}")
    host = factory.LazyAttribute(lambda link: link.url.split("/")[2].split(":")[0].lower())


class LinkUseFactory(factory.django.DjangoModelFactory):
    """Where an address is used: by default an article's body."""

    class Meta:
        model = LinkUse
        exclude = ["used_by"]

    link = factory.SubFactory(LinkFactory)
    used_by = factory.SubFactory(ArticleFactory)
    content_type = factory.LazyAttribute(
        lambda use: ContentType.objects.get_for_model(type(use.used_by))
    )
    object_id = factory.LazyAttribute(lambda use: use.used_by.pk)
    field = "body"
    article = factory.LazyAttribute(
        lambda use: use.used_by if isinstance(use.used_by, Article) else None
    )
