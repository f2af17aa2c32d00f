"""The sections of the site (Art, Photography, ...): every article is in one."""

from django.db import models
from django.urls import reverse

from plaintext.models import CleanTextModel
from slugs.making import fill_slug


class Section(CleanTextModel):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(
        max_length=100,
        unique=True,
        allow_unicode=True,
        blank=True,
        help_text="The last part of the section's address. Leave empty to make it from the name.",
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers come first.")

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        fill_slug(self, self.name, fallback="section", update_fields=kwargs.get("update_fields"))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:section-detail", kwargs={"slug": self.slug})
