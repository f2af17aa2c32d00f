from django.core.exceptions import ValidationError
from django.db import models

from images.fields import SafeImageField
from plaintext.models import CleanTextModel


class SiteSettings(CleanTextModel):
    """The publisher's settings: one row, edited in the admin."""

    publisher_name = models.CharField(max_length=200, default="Newsroom")
    tagline = models.CharField(max_length=300, blank=True)
    footer_blurb = models.TextField(
        blank=True,
        max_length=2000,
        help_text="Shown at the foot of every page. Plain text; blank lines start new paragraphs.",
    )
    default_meta_image = SafeImageField(
        upload_to="site/",
        blank=True,
        help_text="Used in link previews when a page has no image of its own.",
    )
    default_meta_image_alt = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = "site settings"
        verbose_name_plural = "site settings"

    def __str__(self):
        return self.publisher_name

    def save(self, *args, **kwargs):
        self.pk = 1  # a single row, whatever the caller thought
        super().save(*args, **kwargs)

    def clean(self):
        if self.default_meta_image and not self.default_meta_image_alt.strip():
            raise ValidationError({"default_meta_image_alt": "Describe the image (alt text)."})

    @classmethod
    def current(cls) -> "SiteSettings":
        """The settings row, created with defaults on first use.

        Read from the database each time (one indexed query a page): a copy cached in one
        worker process would go stale when an editor saves in another."""
        settings, _ = cls.objects.get_or_create(pk=1)
        return settings
