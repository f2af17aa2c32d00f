from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from articles.querysets import ArticleQuerySet, Status, is_live
from articles.records import PublicationEvent, SlugRedirect  # noqa: F401 (models of this app)
from articles.sections import Section
from articles.series import Series
from articles.shown_images import ShownImage, artwork_image_alt
from images.model_fields import decorative_field
from plaintext.models import CleanTextModel
from richtext.fields import RichTextField, SafeURLField
from slugs.making import fill_slug
from tagging.managers import CleanTagManager


class Author(CleanTextModel):
    name = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        allow_unicode=True,
        blank=True,
        help_text="Leave empty to make it from the name.",
    )
    bio = models.TextField("short bio", blank=True, max_length=1000)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        fill_slug(self, self.name, fallback="author", update_fields=kwargs.get("update_fields"))
        super().save(*args, **kwargs)


class TaggedArticle(TaggedItemBase):
    """An article's tags, through a table of our own (integer joins, real keys)."""

    content_object = models.ForeignKey("Article", on_delete=models.CASCADE)


class Article(CleanTextModel):
    Status = Status

    title = models.CharField(max_length=255)
    slug = models.SlugField(
        max_length=255,
        unique=True,
        allow_unicode=True,
        blank=True,
        help_text="The last part of the article's address. Leave empty to make it from the title.",
    )
    standfirst = models.TextField(
        max_length=600, blank=True, help_text="The one or two sentences under the headline."
    )
    # May hold figure nodes (richtext/figures.py), each kept as an in-body ArticleFigure.
    body = RichTextField(blank=True, figures=True)
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="articles")
    tags = TaggableManager(through=TaggedArticle, blank=True, manager=CleanTagManager)
    authors = models.ManyToManyField(
        Author, through="ArticleAuthor", related_name="articles", blank=True
    )
    featured_artists = models.ManyToManyField(
        "artists.Artist", related_name="featured_in", blank=True
    )
    featured_artworks = models.ManyToManyField(
        "artworks.Artwork", related_name="featured_in", blank=True
    )
    featured_exhibitions = models.ManyToManyField(
        "exhibitions.Exhibition", related_name="featured_in", blank=True
    )
    series = models.ForeignKey(
        Series, on_delete=models.PROTECT, null=True, blank=True, related_name="parts"
    )
    series_part = models.PositiveSmallIntegerField(
        "part", null=True, blank=True, help_text="Its number in the series: 2 for “Part 2 of 4”."
    )
    status = models.CharField(max_length=20, choices=Status, default=Status.DRAFT, db_index=True)
    published_at = models.DateTimeField(
        "publication time",
        null=True,
        blank=True,
        db_index=True,
        help_text="Leave empty to publish now. A time in the future waits until then.",
    )
    evergreen = models.BooleanField(
        default=False,
        help_text="Timeless: recommended under other articles as if it were new, however old.",
    )
    meta_description = models.CharField(
        max_length=300,
        blank=True,
        help_text="For search engines and link previews. Leave empty to use the standfirst.",
    )
    first_published_at = models.DateTimeField(
        "first published", null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name="last changed by",
    )
    # Whose article it is on the editors' desk ("my drafts"); the services fill it on creation.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name="created by",
    )
    # Counts saves, so that a form opened before someone else's save cannot overwrite it.
    lock_version = models.PositiveIntegerField(default=0, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        indexes = [
            # The admin's list in this order (published_at alone leaves its ties to a sort).
            models.Index(fields=["published_at", "id"], name="article_published_id_idx"),
            # The public lists' order, with the key: the keys of a page of cards are found in
            # the index alone, however deep (articles/cards.py; page 4,000 of 100,000 on
            # PostgreSQL: 34 ms read through the rows, 7 ms so).
            models.Index(
                fields=["status", "-published_at", "-id"], name="article_status_pub_id_idx"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["series", "series_part"], name="article_one_per_series_part"
            ),
            models.CheckConstraint(
                condition=models.Q(series__isnull=True, series_part__isnull=True)
                | models.Q(series__isnull=False, series_part__gte=1),
                name="article_series_has_part",
            ),
        ]
        permissions = [("publish_article", "Can publish, schedule and unpublish articles")]

    def __str__(self):
        return self.title

    @classmethod
    def from_db(cls, db, field_names, values, *args, **kwargs):
        article = super().from_db(db, field_names, values, *args, **kwargs)
        if "body" in article.__dict__:
            # Whether the stored body has figure nodes: saving a body without any over one
            # without any has no in-body figures to sync (articles/body_figures/sync.py).
            article.stored_body_has_figures = "<figure" in article.body
            # Whether it may link anywhere: saving a body without a link over one without any
            # has no outbound links to take stock of (links/inventory.py reads nothing then).
            article.stored_body_has_links = "href=" in article.body
        if "series_id" in article.__dict__ and "series_part" in article.__dict__:
            # Its place in a series as stored: a save that moves it makes both series' pages
            # stale (articles/cached_pages.py).
            article.stored_series = (article.series_id, article.series_part)
        return article

    def save(self, *args, **kwargs):
        """Fills what follows from the row itself (slug, publication times, save count). What a
        change of status means (the publishing record, the domain signal) is the publishing
        services' work: articles/services.py."""
        fill_slug(self, self.title, fallback="article", update_fields=kwargs.get("update_fields"))
        self.fill_publication_times()
        self.lock_version += 1
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "lock_version"}
        super().save(*args, **kwargs)

    def fill_publication_times(self) -> None:
        """A published article without a time is published now (save(), the live preview)."""
        if self.status == self.Status.PUBLISHED:
            self.published_at = self.published_at or timezone.now()
            self.first_published_at = self.first_published_at or timezone.now()

    def get_absolute_url(self):
        return reverse("articles:article-detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.series_id and not self.series_part:
            raise ValidationError({"series_part": "Give its part number in the series."})
        if self.series_part and not self.series_id:
            raise ValidationError({"series": "Choose the series this is a part of."})

    @property
    def is_scheduled(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @property
    def ever_published(self) -> bool:
        return self.first_published_at is not None

    @property
    def is_published(self) -> bool:
        return is_live(self.status, self.published_at, timezone.now())

    def byline(self) -> list["Author"]:
        """Authors in byline order (uses the prefetch cache when there is one)."""
        credits = sorted(self.article_authors.all(), key=lambda credit: credit.position)
        return [credit.author for credit in credits]

    def all_figures(self) -> list["ArticleFigure"]:
        """Every figure: the ordered ones, then those placed in the body, each in order."""
        # Unsaved figures (the live preview's) after the saved ones, as their new keys will be.
        return sorted(
            self.figures.all(),
            key=lambda figure: (figure.in_body, figure.position, figure.pk is None, figure.pk or 0),
        )

    def ordered_figures(self) -> list["ArticleFigure"]:
        """The figures listed above and below the body (the admin's figure cards)."""
        return [figure for figure in self.all_figures() if not figure.in_body]

    def body_figures(self) -> list["ArticleFigure"]:
        """The figures placed in the body, by position: the rows of its figure nodes
        (articles/body_figures/)."""
        return [figure for figure in self.all_figures() if figure.in_body]

    def lead_image(self) -> "ShownImage | None":
        """The picture that leads the article: that of the first figure with a picture to show
        (an artwork may have lost its image), the ordered figures first, then those of the
        body. Cards, the page's link preview, the feeds' enclosures, JSON-LD and the admin's
        thumbnail all show this one."""
        shown = (figure.shown_image() for figure in self.all_figures())
        return next((image for image in shown if image is not None), None)

    @property
    def description(self) -> str:
        return self.meta_description or self.standfirst

    @property
    def modified_at(self):
        """When readers last saw it change: the last save, or the publication time when that
        came later (a scheduled article appears after its last save). Feeds, sitemaps and
        structured data use it; the sitemaps compute the same in SQL (`LAST_CHANGE`)."""
        return max(filter(None, [self.updated_at, self.published_at]), default=None)


class ArticleAuthor(models.Model):
    """An author's place in an article's byline."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="article_authors")
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="bylines")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="articleauthor_unique")
        ]

    def __str__(self):
        return str(self.author)


class ArticleFigure(CleanTextModel):
    """A figure in an article: an artwork's image (captioned from the artwork) or a standalone
    image with its own caption. A caption override replaces the composed lines.

    Ordered figures are edited in the admin's figure cards; in-body figures (`in_body`) are
    derived from the body's figure nodes on every save of the body (articles/body_figures/):
    their `position` is their node's index among the body's figure nodes."""

    class Size(models.TextChoices):
        INLINE = "inline", "in the text column"
        WIDE = "wide", "wider than the text"
        FULL = "full", "the full width of the page"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="figures")
    position = models.PositiveSmallIntegerField(default=0)
    artwork = models.ForeignKey(
        "artworks.Artwork",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="figures",
        help_text="Show this artwork: its first image, captioned from its details.",
    )
    artwork_image = models.ForeignKey(
        "artworks.ArtworkImage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Which of the artwork's images; leave empty for its first.",
    )
    image = models.ForeignKey(
        "images.Image",
        verbose_name="standalone image",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Or upload an image that is not an artwork.",
    )
    alt_text = models.CharField(
        max_length=500,
        blank=True,
        help_text="Required for an upload; for an artwork, leave empty to use the image's own.",
    )
    decorative = decorative_field()
    credit = models.CharField("credit / copyright", max_length=500, blank=True)
    caption = models.TextField(
        "caption override",
        blank=True,
        max_length=1000,
        help_text="Leave empty to compose it from the artwork. One caption line per line.",
    )
    in_body = models.BooleanField(
        "in the body", default=False, help_text="Placed in the text by a figure of the body."
    )
    size = models.CharField(max_length=10, choices=Size, default=Size.INLINE)

    class Meta:
        ordering = ["in_body", "position", "pk"]

    def __str__(self):
        where = "Body figure" if self.in_body else "Figure"
        return f"{where} {self.position + 1} of {self.article}"

    def clean(self):
        has_upload = self.image is not None
        if has_upload == bool(self.artwork_id):
            raise ValidationError(
                "Choose an artwork or upload a standalone image (one of the two)."
            )
        if has_upload and not self.decorative and not self.alt_text.strip():
            raise ValidationError(
                {"alt_text": "Describe the image (alt text), or tick “decorative”."}
            )
        if self.artwork_id:
            if self.artwork_image_id and self.artwork_image.artwork_id != self.artwork_id:
                raise ValidationError({"artwork_image": "That image belongs to another artwork."})
            if not self.artwork_image_id and not self.artwork.images.exists():
                raise ValidationError(
                    {"artwork": "This artwork has no image yet: add one to the artwork first."}
                )

    def shown_image(self) -> ShownImage | None:
        """The picture this figure shows: its upload, or the artwork's chosen or first image."""
        if self.image is not None:
            return ShownImage(
                self.image, "" if self.decorative else self.alt_text, self.credit, self.decorative
            )
        artwork_image = self.artwork_image or (self.artwork.primary_image if self.artwork else None)
        if artwork_image is None:
            return None
        alt, decorative = artwork_image_alt(
            self.alt_text, self.decorative, artwork_image.alt_text, artwork_image.decorative
        )
        return ShownImage(artwork_image.image, alt, self.credit or artwork_image.credit, decorative)

    def needs_alt_text(self) -> bool:
        """A picture with no description that is not marked decorative: not publishable."""
        shown = self.shown_image()
        return shown is not None and not shown.decorative and not shown.alt.strip()

    def caption_lines(self) -> list[str]:
        if self.caption.strip():
            return [line.strip() for line in self.caption.splitlines() if line.strip()]
        if self.artwork_id:
            return [line for line in self.artwork.caption if line]
        return []


class ArticleLink(CleanTextModel):
    """An outbound link listed with the article ("Watch the preview", "Read the interview")."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="links")
    title = models.CharField(max_length=255)
    url = SafeURLField("URL", max_length=1000)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title
