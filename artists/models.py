import unicodedata

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from images.picture import Picture
from plaintext.models import CleanTextModel, clean_text_fields
from richtext.fields import RichTextField, SafeURLField
from slugs.making import fill_slug
from tagging.managers import CleanTagManager

# Letters that Unicode does not decompose into a base letter and an accent.
_BASE_LETTERS = {"Ø": "O", "Æ": "A", "Œ": "O", "Ł": "L", "Đ": "D", "Þ": "T", "ẞ": "S"}


def initial_of(sort_name: str) -> str:
    """The A-Z letter a name is filed under: 'Émile' under E, 'Øster' under O, '1010' under #."""
    first = sort_name.strip()[:1].upper()
    first = _BASE_LETTERS.get(first, unicodedata.normalize("NFKD", first)[:1])
    return first if "A" <= first <= "Z" else "#"


def life_dates(birth_year: int | None, death_year: int | None) -> str:
    """'born 1957', '1881–1973', 'died 1610', or '' when nothing is known (Artist.life_dates,
    and the A-Z's read of plain rows)."""
    if birth_year and death_year:
        return f"{birth_year}–{death_year}"
    if birth_year:
        return f"born {birth_year}"
    if death_year:
        return f"died {death_year}"
    return ""


class TaggedArtist(TaggedItemBase):
    """Movements an artist belongs to, through a table of our own (integer joins, real keys)."""

    content_object = models.ForeignKey("Artist", on_delete=models.CASCADE)


class Artist(CleanTextModel):
    name = models.CharField("display name", max_length=255, help_text='As printed: "Ai Weiwei".')
    sort_name = models.CharField(
        max_length=255,
        db_index=True,
        help_text='How the A-Z lists file this artist: "Ai, Weiwei".',
    )
    sort_initial = models.CharField(
        max_length=1, editable=False, db_index=True, help_text="Derived from the sort name."
    )
    slug = models.SlugField(
        max_length=255,
        unique=True,
        allow_unicode=True,
        blank=True,
        help_text="The last part of the artist's address. Leave empty to make it from the name.",
    )
    birth_year = models.SmallIntegerField(null=True, blank=True)
    death_year = models.SmallIntegerField(null=True, blank=True)
    birth_place = models.CharField(max_length=255, blank=True)
    nationality = models.CharField(max_length=100, blank=True)
    bio = RichTextField(blank=True)
    portrait = models.ForeignKey(
        "images.Image", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    portrait_alt_text = models.CharField(
        max_length=255, blank=True, help_text="Describe the portrait for readers who cannot see it."
    )
    website = SafeURLField(blank=True)
    death_place = models.CharField(max_length=255, blank=True)
    source_url = SafeURLField(
        "source URL",
        max_length=500,
        blank=True,
        help_text="The record these facts come from, such as the artist's page at Tate.",
    )
    # Set by an import (imports/): the artist's id in Tate's collection data, and the
    # fingerprints of the values the import last wrote (docs/import.md).
    tate_id = models.PositiveIntegerField("Tate id", null=True, unique=True, editable=False)
    import_fingerprints = models.JSONField(default=dict, editable=False)
    tags = TaggableManager("movements", through=TaggedArtist, blank=True, manager=CleanTagManager)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["sort_initial", Lower("sort_name"), "name"]
        indexes = [
            # The admin's list in this order (ties last created first): its pages read the
            # index instead of sorting every artist (adminsite/pagination.py).
            models.Index(
                models.F("sort_initial"),
                Lower("sort_name"),
                models.F("name"),
                models.F("id").desc(),
                name="artist_list_order_idx",
            ),
            # The admin's filter lists the nationalities by walking it (adminsite/filters.py).
            models.Index(fields=["nationality"], name="artist_nationality_idx"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        clean_text_fields(self)  # now, not in pre_save: the initial comes from the clean name
        self.sort_initial = initial_of(self.sort_name or self.name)
        fill_slug(self, self.name, fallback="artist", update_fields=kwargs.get("update_fields"))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("artists:artist-detail", kwargs={"slug": self.slug})

    def portrait_picture(self) -> Picture | None:
        return self.portrait.picture() if self.portrait_id else None

    @property
    def life_dates(self) -> str:
        """'born 1957', '1881-1973', or '' when nothing is known."""
        return life_dates(self.birth_year, self.death_year)

    @property
    def initial(self) -> str:
        """The letter of the A-Z list this artist is filed under."""
        return self.sort_initial or initial_of(self.sort_name or self.name)

    def clean(self):
        if self.birth_year and self.death_year and self.death_year < self.birth_year:
            raise ValidationError({"death_year": "The death year cannot be before the birth year."})
        if self.portrait is not None and not self.portrait_alt_text.strip():
            raise ValidationError({"portrait_alt_text": "Describe the portrait (alt text)."})
