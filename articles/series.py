"""Series: articles that belong together (a column, a feature in several parts), each article
with its part number. Which parts readers see, and the navigation between them, is
articles/series_parts.py."""

from django.db import models
from django.urls import reverse

from plaintext.models import CleanTextModel
from slugs.making import fill_slug


class SeriesQuerySet(models.QuerySet):
    def public(self):
        """The series readers may see (their public parts decide what they see of each)."""
        return self.filter(is_public=True)


class Series(CleanTextModel):
    title = models.CharField(max_length=255, help_text='As readers see it: "Letters from Beijing".')
    slug = models.SlugField(
        max_length=255,
        unique=True,
        allow_unicode=True,
        blank=True,
        help_text="The last part of the series' address. Leave empty to make it from the title.",
    )
    description = models.TextField(max_length=1000, blank=True, help_text="A few sentences.")
    planned_parts = models.PositiveSmallIntegerField(
        "parts planned",
        null=True,
        blank=True,
        help_text="How many parts it will have, if known: the 4 of “Part 2 of 4”. "
        "Leave empty for a column that goes on.",
    )
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Lower numbers come first in lists of series."
    )
    is_public = models.BooleanField(
        "shown on the site",
        default=True,
        help_text="Untick to keep the series page, its feed and “Part 2 of 4” off the site.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SeriesQuerySet.as_manager()

    class Meta:
        ordering = ["order", "title"]
        verbose_name_plural = "series"

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        fill_slug(self, self.title, fallback="series", update_fields=kwargs.get("update_fields"))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:series-detail", kwargs={"slug": self.slug})
