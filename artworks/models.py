from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from artworks.captions import Caption, compose_caption
from images.model_fields import decorative_field
from images.picture import Picture
from plaintext.models import CleanTextModel
from richtext.fields import SafeURLField
from slugs.making import fill_slug
from tagging.managers import CleanTagManager


class TaggedArtwork(TaggedItemBase):
    """Subjects of an artwork, through a table of our own (integer joins, real keys)."""

    content_object = models.ForeignKey("Artwork", on_delete=models.CASCADE)


class Artwork(CleanTextModel):
    class Unit(models.TextChoices):
        MM = "mm", "mm"
        CM = "cm", "cm"
        M = "m", "m"
        IN = "in", "in"

    title = models.CharField(max_length=500)
    slug = models.SlugField(
        max_length=255,
        unique=True,
        allow_unicode=True,
        blank=True,
        help_text="The last part of the artwork's address. Leave empty to make it from the title.",
    )
    artists = models.ManyToManyField(
        "artists.Artist", through="ArtworkArtist", related_name="artworks", blank=True
    )
    date_display = models.CharField(
        "date as displayed",
        max_length=100,
        blank=True,
        help_text='As the caption prints it: "1995", "1993/2005", "c.1850-5".',
    )
    earliest_year = models.SmallIntegerField(
        null=True, blank=True, help_text="For sorting and filtering."
    )
    latest_year = models.SmallIntegerField(
        null=True, blank=True, help_text="Same as the earliest year for a single year."
    )
    medium = models.CharField(max_length=500, blank=True)
    dimensions_display = models.CharField(
        "dimensions as displayed",
        max_length=255,
        blank=True,
        help_text='As the caption prints it: "each 148 x 121cm".',
    )
    height = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    width = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    depth = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    unit = models.CharField(max_length=2, choices=Unit, blank=True)
    classification = models.CharField(
        max_length=100, blank=True, help_text="Painting, photograph, sculpture, installation…"
    )
    credit_line = models.CharField(max_length=500, blank=True)
    accession_number = models.CharField(max_length=50, blank=True, db_index=True)
    source_url = SafeURLField("source URL", max_length=500, blank=True)
    copyright_line = models.CharField(
        max_length=255, blank=True, help_text="Whose rights the work is under: “© Ai Weiwei”."
    )
    # Set by an import (imports/): the artwork's id in Tate's collection data, and the
    # fingerprints of the values the import last wrote (docs/import.md).
    tate_id = models.PositiveIntegerField("Tate id", null=True, unique=True, editable=False)
    import_fingerprints = models.JSONField(default=dict, editable=False)
    tags = TaggableManager("subjects", through=TaggedArtwork, blank=True, manager=CleanTagManager)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]
        # The A-Z list and the admin sort every artwork by title: with 200,000 of them, an index
        # reads the first page instead of sorting the table.
        indexes = [
            models.Index(fields=["title", "id"], name="artwork_title_idx"),
            # The admin's filter lists the classifications by walking it (adminsite/filters.py).
            models.Index(fields=["classification"], name="artwork_classification_idx"),
        ]

    def __str__(self):
        return f"{self.title} ({self.date_display})" if self.date_display else self.title

    def save(self, *args, **kwargs):
        fill_slug(self, self.title, fallback="artwork", update_fields=kwargs.get("update_fields"))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("artworks:artwork-detail", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        if (
            self.earliest_year is not None
            and self.latest_year is not None
            and self.latest_year < self.earliest_year
        ):
            errors["latest_year"] = "The latest year cannot be before the earliest year."
        measured = [self.height, self.width, self.depth]
        if any(value is not None for value in measured) and not self.unit:
            errors["unit"] = "Give the unit of the height, width and depth."
        if any(value is not None and value <= 0 for value in measured):
            errors["height"] = "Dimensions must be greater than zero."
        if errors:
            raise ValidationError(errors)

    @property
    def caption(self) -> Caption:
        """The two caption lines; uses prefetched artist credits when present."""
        return compose_caption(self)

    def credited_artists(self):
        """ArtworkArtist rows in byline order (uses the prefetch cache when there is one)."""
        return sorted(self.artist_credits.all(), key=lambda credit: credit.position)

    @property
    def primary_image(self):
        images = sorted(self.images.all(), key=lambda image: image.position)
        return images[0] if images else None


class ArtworkArtist(CleanTextModel):
    """One artist's credit on an artwork, in byline order, with the role they played."""

    class Role(models.TextChoices):
        ARTIST = "artist", "Artist"
        AFTER = "after", "After"
        ATTRIBUTED_TO = "attributed", "Attributed to"
        CIRCLE_OF = "circle", "Circle of"
        FOLLOWER_OF = "follower", "Follower of"
        STUDIO_OF = "studio", "Studio of"
        MANNER_OF = "manner", "Manner of"
        SCHOOL_OF = "school", "School of"
        FORMERLY_ATTRIBUTED_TO = "formerly", "Formerly attributed to"
        PSEUDO = "pseudo", "Pseudo"
        # Written after the name: "Sir Joshua Reynolds and studio" (SUFFIX_ROLES).
        AND_STUDIO = "and-studio", "and studio"
        AND_PUPIL = "and-pupil", "and a pupil"
        AND_OTHERS = "and-others", "and other artists"
        # Any other role, in the words of `role_text` ("pupil of", from Tate's data).
        OTHER = "other", "Other, before the name"
        OTHER_AFTER = "other-after", "Other, after the name"

    artwork = models.ForeignKey(Artwork, on_delete=models.CASCADE, related_name="artist_credits")
    artist = models.ForeignKey(
        "artists.Artist", on_delete=models.PROTECT, related_name="artwork_credits"
    )
    role = models.CharField(max_length=20, choices=Role, default=Role.ARTIST)
    role_text = models.CharField(
        "role in words",
        max_length=100,
        blank=True,
        help_text="For “Other”: the role as the credit says it, e.g. “pupil of”.",
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["artwork", "artist", "role", "role_text"],
                name="artworkartist_unique_credit",
            )
        ]

    def __str__(self):
        return f"{self.get_role_display()}: {self.artist}"

    def clean(self):
        if self.role not in OTHER_ROLES:
            self.role_text = ""  # the choice says it
        elif not self.role_text.strip():
            raise ValidationError({"role_text": "Say the role in words, e.g. “pupil of”."})

    def get_role_display(self) -> str:
        return role_label(self.role, self.role_text)

    @property
    def role_before(self) -> str:
        """What the credit says before the name: "After" (Titian); '' for the artist."""
        return credit_words(self.role, self.role_text)[0]

    @property
    def role_after(self) -> str:
        """What the credit says after the name: (Reynolds) "and studio"; else ''."""
        return credit_words(self.role, self.role_text)[1]


SUFFIX_ROLES = {
    ArtworkArtist.Role.AND_STUDIO,
    ArtworkArtist.Role.AND_PUPIL,
    ArtworkArtist.Role.AND_OTHERS,
    ArtworkArtist.Role.OTHER_AFTER,
}
OTHER_ROLES = {ArtworkArtist.Role.OTHER, ArtworkArtist.Role.OTHER_AFTER}


def role_label(role: str, role_text: str) -> str:
    """A credit's role as said: its label; for another role, its words ("Pupil of" before the
    name, as the other roles' labels are capitalised; "and workshop" after it)."""
    Role = ArtworkArtist.Role
    if role == Role.OTHER and role_text:
        return role_text[:1].upper() + role_text[1:]
    if role == Role.OTHER_AFTER and role_text:
        return role_text
    return Role(role).label if role in Role.values else role


def credit_words(role: str, role_text: str) -> tuple[str, str]:
    """What a credit says before the artist's name ("After" Titian) and after it (Reynolds
    "and studio"), each '' when nothing: the role_before and role_after of a credit, for
    reads that build no ArtworkArtist (artworks/cards.py)."""
    if role in SUFFIX_ROLES:
        return "", role_label(role, role_text)
    if role == ArtworkArtist.Role.ARTIST:
        return "", ""
    return role_label(role, role_text), ""


class ArtworkImageManager(models.Manager):
    def get_queryset(self):
        # An artwork's image is never shown without its picture: every list of them (the
        # `images` of an artwork, prefetched or not) joins it.
        return super().get_queryset().select_related("image")


class ArtworkImage(CleanTextModel):
    artwork = models.ForeignKey(Artwork, on_delete=models.CASCADE, related_name="images")
    image = models.ForeignKey("images.Image", on_delete=models.PROTECT, related_name="+")
    alt_text = models.CharField(
        max_length=500,
        blank=True,
        help_text="What the image shows, for readers who cannot see it.",
    )
    decorative = decorative_field()
    credit = models.CharField(
        "credit / copyright",
        max_length=500,
        blank=True,
        help_text="© line under the caption, e.g. “Photo: Tate. © Ai Weiwei”.",
    )
    position = models.PositiveSmallIntegerField(default=0)

    objects = ArtworkImageManager()

    class Meta:
        ordering = ["position", "pk"]
        # The admin's list of images in this order, read from the index, not sorted in full.
        indexes = [models.Index(fields=["position", "id"], name="artworkimage_order_idx")]

    def __str__(self):
        return self.alt_text or f"Image {self.position + 1} of artwork {self.artwork_id}"

    @property
    def alt(self) -> str:
        """The alt attribute pages use: empty for a decorative image."""
        return "" if self.decorative else self.alt_text

    def picture(self) -> Picture:
        """What pages show: renditions when they are made, else the original."""
        return self.image.picture()

    def clean(self):
        if not self.decorative and not (self.alt_text or "").strip():
            raise ValidationError(
                {"alt_text": "Describe the image (alt text), or tick “decorative”."}
            )
