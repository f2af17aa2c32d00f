"""What a person decided about a name found in an article's text (featuring/suggestions.py).

One row per article and artist, or article and artwork: accepted (the object was added to the
article's featured artists or artworks) or rejected (never suggested again for that article).
Rows are written by the services of featuring/decisions.py only, from the article's change
form (saved with the article, in its transaction) or from code.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

ONE_OBJECT = Q(artist__isnull=False, artwork__isnull=True) | Q(
    artist__isnull=True, artwork__isnull=False
)


class FeaturingDecision(models.Model):
    class Decision(models.TextChoices):
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="featuring_decisions"
    )
    artist = models.ForeignKey(
        "artists.Artist", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    artwork = models.ForeignKey(
        "artworks.Artwork", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    decision = models.CharField(max_length=8, choices=Decision.choices)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "featuring decision"
        constraints = [
            models.CheckConstraint(
                condition=ONE_OBJECT,
                name="featuring_decision_one_object",
                violation_error_message="A decision is about one artist or one artwork.",
            ),
            models.UniqueConstraint(
                fields=["article", "artist"],
                condition=Q(artist__isnull=False),
                name="featuring_decision_artist_once",
                violation_error_message="This artist has been decided on for this article.",
            ),
            models.UniqueConstraint(
                fields=["article", "artwork"],
                condition=Q(artwork__isnull=False),
                name="featuring_decision_artwork_once",
                violation_error_message="This artwork has been decided on for this article.",
            ),
        ]

    def __str__(self):
        return f"{self.get_decision_display()}: {self.subject} in {self.article}"

    @property
    def kind(self) -> str:
        return "artist" if self.artist_id is not None else "artwork"

    @property
    def subject(self):
        """The artist or artwork decided on."""
        return self.artist if self.artist_id is not None else self.artwork
