from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, IntegerField, Value, When

from recommendations.reasons import describe_reasons


class RelatedLinkQuerySet(models.QuerySet):
    def suggested(self):
        return self.filter(status=self.model.Status.SUGGESTED)

    def moderated(self):
        """Links a person decided on: the engine never touches these."""
        return self.exclude(status=self.model.Status.SUGGESTED)

    def shown(self, *, policy: str):
        """Links that may appear in a block under the moderation policy ("pre" or "post")."""
        statuses = [self.model.Status.PINNED, self.model.Status.APPROVED]
        if policy == "post":
            statuses.append(self.model.Status.SUGGESTED)
        return self.filter(status__in=statuses)

    def in_block_order(self):
        """Pinned links in their order, then approved ones, then suggestions, best first."""
        status = self.model.Status
        rank = Case(
            When(status=status.PINNED, then=Value(0)),
            When(status=status.APPROVED, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
        return self.alias(rank=rank).order_by(
            "rank", F("position").asc(nulls_last=True), "-score", "target_id"
        )


def block_order_key(status: str, position: int | None, score: float, target_id: int):
    """in_block_order() of one link in hand, for sorting in Python: pinned in their order, then
    approved, then suggestions best first (tests/recommendations/test_block.py holds both to
    the same order)."""
    rank = {RelatedLink.Status.PINNED: 0, RelatedLink.Status.APPROVED: 1}.get(status, 2)
    return (rank, position is None, position or 0, -score, target_id)


class RelatedLink(models.Model):
    """One "You may also like" link from a source article to a target article."""

    class Status(models.TextChoices):
        SUGGESTED = "suggested", "Suggested"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"
        PINNED = "pinned", "Pinned"

    class Origin(models.TextChoices):
        ENGINE = "engine", "Suggested by the engine"
        STAFF = "staff", "Added by staff"

    source = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="related_links"
    )
    target = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="inbound_related_links"
    )
    score = models.FloatField(default=0, help_text="How strongly the two articles are related.")
    reasons = models.JSONField(
        default=dict, blank=True, help_text="What the score rests on: shared tags, artists…"
    )
    origin = models.CharField(max_length=10, choices=Origin, default=Origin.ENGINE)
    status = models.CharField(
        max_length=10, choices=Status, default=Status.SUGGESTED, db_index=True
    )
    position = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Order of pinned links: lower comes first."
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    computed_at = models.DateTimeField(null=True, blank=True, help_text="When last scored.")

    objects = RelatedLinkQuerySet.as_manager()

    class Meta:
        verbose_name = "related link"
        # By the key, not "source": ordering by the relation would join articles every time.
        ordering = ["source_id", "status", "position", "-score"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target"],
                name="relatedlink_one_per_pair",
                violation_error_message="This article already links to that one.",
            ),
            models.CheckConstraint(
                condition=~models.Q(source=models.F("target")),
                name="relatedlink_not_to_itself",
                violation_error_message="An article cannot link to itself.",
            ),
        ]
        indexes = [
            models.Index(fields=["source", "status", "score"], name="relatedlink_block_idx"),
            models.Index(fields=["target", "status"], name="relatedlink_inbound_idx"),
            # The moderation queue's order (ties last created first), read from the index.
            models.Index(
                fields=["source", "status", "position", "-score", "-id"],
                name="relatedlink_queue_idx",
            ),
        ]

    def __str__(self):
        return f"{self.source} → {self.target}"

    def clean(self):
        if self.source_id and self.source_id == self.target_id:
            raise ValidationError({"target": "An article cannot link to itself."})
        if self.status == self.Status.PINNED and self.position is None:
            self.position = 0

    @property
    def reasons_text(self) -> str:
        return describe_reasons(self.reasons)
