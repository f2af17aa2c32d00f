import re
from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from exhibitions import dates
from exhibitions.on_view import OnView, on_view
from images.picture import Picture
from plaintext.models import CleanTextModel
from richtext.fields import SafeURLField
from slugs.making import fill_slug

# The fields the on-view window is made of: a save of any of them stores the window too.
DATE_FIELDS = frozenset({"opens_on", "opens_precision", "closes_on", "closes_precision"})


class Venue(CleanTextModel):
    """Where shows are held: a museum, a gallery, a biennale's pavilion."""

    name = models.CharField(max_length=255, help_text='As the venue calls itself: "Tate Modern".')
    city = models.CharField(max_length=100, blank=True, db_index=True)
    country = models.CharField(max_length=100, blank=True, help_text='In words: "United Kingdom".')
    url = SafeURLField("website", max_length=500, blank=True)

    class Meta:
        ordering = ["name", "city"]
        constraints = [
            models.UniqueConstraint(fields=["name", "city"], name="venue_one_per_name_and_city")
        ]

    def __str__(self):
        return self.place

    @property
    def place(self) -> str:
        """'Tate Modern, London' (the city left out when unknown or in the name already, as a
        word: 'Kunsthalle Basel', but 'Romeo Gallery, Rome')."""
        said = re.search(rf"(?<!\w){re.escape(self.city)}(?!\w)", self.name, re.IGNORECASE)
        if self.city and not said:
            return f"{self.name}, {self.city}"
        return self.name


class ExhibitionQuerySet(models.QuerySet):
    """What readers see of exhibitions, written once: a public exhibition (`public()`), and
    where it stands on a day in its window (exhibitions/on_view.py says the same in Python)."""

    def public(self):
        return self.filter(is_public=True)

    def on_view(self, day: date):
        return self.filter(
            Q(on_view_from__isnull=True) | Q(on_view_from__lte=day),
            Q(on_view_until__isnull=True) | Q(on_view_until__gte=day),
        )

    def upcoming(self, day: date):
        return self.filter(on_view_from__gt=day)

    def past(self, day: date):
        return self.filter(on_view_until__lt=day)


class Exhibition(CleanTextModel):
    Precision = dates.Precision

    title = models.CharField(max_length=255, help_text='As the venue titles it: "Sunflower Seeds".')
    slug = models.SlugField(
        max_length=255,
        unique=True,
        allow_unicode=True,
        blank=True,
        help_text="The end of the exhibition's address. Leave empty to make it from the title.",
    )
    venue = models.ForeignKey(Venue, on_delete=models.PROTECT, related_name="exhibitions")
    opens_on = models.DateField("opening date", null=True, blank=True)
    opens_precision = models.CharField(
        "opening date known to the",
        max_length=5,
        choices=Precision,
        default=Precision.DAY,
        help_text="Month: only the month is known (the day is ignored). Year: only the year.",
    )
    closes_on = models.DateField("closing date", null=True, blank=True)
    closes_precision = models.CharField(
        "closing date known to the", max_length=5, choices=Precision, default=Precision.DAY
    )
    # The days it is on view, both included (exhibitions/dates.py), written by save().
    on_view_from = models.DateField(null=True, blank=True, editable=False, db_index=True)
    on_view_until = models.DateField(null=True, blank=True, editable=False, db_index=True)
    artists = models.ManyToManyField("artists.Artist", related_name="exhibitions", blank=True)
    artworks = models.ManyToManyField("artworks.Artwork", related_name="exhibitions", blank=True)
    image = models.ForeignKey(
        "images.Image", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    image_alt_text = models.CharField(
        max_length=255, blank=True, help_text="Describe the image for readers who cannot see it."
    )
    image_credit = models.CharField(max_length=255, blank=True)
    description = models.TextField(
        "short description", max_length=1000, blank=True, help_text="A few sentences."
    )
    url = SafeURLField(
        "exhibition's website",
        max_length=500,
        blank=True,
        help_text="The venue's page of the show.",
    )
    is_public = models.BooleanField(
        "shown on the site",
        default=True,
        help_text="Untick to keep it off the site (not announced yet). Articles still feature it.",
    )
    # For an import of a museum's exhibition data (docs/exhibitions.md): the source and its id
    # of the record, and the fingerprints of the values the import last wrote.
    source = models.CharField(max_length=50, blank=True, editable=False)
    source_id = models.CharField(max_length=100, blank=True, editable=False)
    import_fingerprints = models.JSONField(default=dict, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ExhibitionQuerySet.as_manager()

    class Meta:
        ordering = ["-on_view_from", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_id"],
                condition=~Q(source=""),
                name="exhibition_one_per_source_record",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        fill_slug(
            self, self.title, fallback="exhibition", update_fields=kwargs.get("update_fields")
        )
        self.fill_window()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and DATE_FIELDS & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "on_view_from", "on_view_until"}
        super().save(*args, **kwargs)

    def fill_window(self) -> None:
        """Store the dates as their precision has them, and the window they give (also for
        writers in bulk, which call this before bulk_create)."""
        self.opens_on = dates.normalized(self.opens_on, self.opens_precision)
        self.closes_on = dates.normalized(self.closes_on, self.closes_precision)
        self.on_view_from = dates.period_start(self.opens_on, self.opens_precision)
        self.on_view_until = dates.period_end(self.closes_on, self.closes_precision)

    def clean(self):
        super().clean()
        opens = dates.period_start(self.opens_on, self.opens_precision)
        closes = dates.period_end(self.closes_on, self.closes_precision)
        if opens and closes and closes < opens:
            raise ValidationError({"closes_on": "The show cannot close before it opens."})

    def get_absolute_url(self):
        return reverse("exhibitions:exhibition-detail", kwargs={"slug": self.slug})

    @property
    def dates_text(self) -> str:
        """'12 October 2010 – 2 May 2011', 'from May 2027' or ''."""
        return dates.span(
            self.opens_on, self.opens_precision, self.closes_on, self.closes_precision
        )

    @property
    def opens_iso(self) -> str:
        """The opening date as ISO 8601 says as much as is known: '2010-10-12', '2027-05',
        '2027' ('' unknown): for `<time datetime>` and schema.org's dates."""
        return dates.machine(self.opens_on, self.opens_precision)

    @property
    def closes_iso(self) -> str:
        return dates.machine(self.closes_on, self.closes_precision)

    def on_view(self, day: date | None = None) -> OnView:
        return on_view(self, day)

    def image_picture(self) -> Picture | None:
        return self.image.picture() if self.image_id else None
