from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, IntegerField, Value, When

from plaintext.models import CleanTextModel
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


class SlotKind(models.TextChoices):
    """Where a slot's link came from: a person's pin or approval, or the engine's suggestion."""

    PINNED = "pinned", "Pinned"
    APPROVED = "approved", "Approved"
    SUGGESTED = "suggested", "Suggested"


class Team(models.TextChoices):
    """Which of an experiment's two scorings put a slot's link in the block (interleaving)."""

    A = "a", "A"
    B = "b", "B"


class SlotDay(models.Model):
    """Impressions and clicks of one slot of one block on one day (the site's time zone),
    summed over every reader: no row names a person, a browser or an address
    (recommendations/counting/, docs/privacy.md). Written by upserts only."""

    day = models.DateField()
    source = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="+")
    target = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField(help_text="The slot: 1 is the first.")
    kind = models.CharField(max_length=10, choices=SlotKind)
    impressions = models.PositiveIntegerField(default=0)
    clicks = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "slot's day"
        verbose_name_plural = "slots' days"
        constraints = [
            models.UniqueConstraint(
                fields=["day", "source", "target", "position", "kind"], name="slotday_one_per_slot"
            ),
        ]
        indexes = [
            models.Index(fields=["source", "target", "day"], name="slotday_link_idx"),
            models.Index(fields=["target", "day"], name="slotday_target_idx"),
        ]

    def __str__(self):
        return f"{self.day} {self.source_id} → {self.target_id} #{self.position}"


class Experiment(CleanTextModel):
    """Two scorings compared on live traffic by team-draft interleaving
    (recommendations/interleaving.py): while one runs, each block's unpinned slots are drawn in
    turn from both rankings, and each click counts for the scoring whose slot it was."""

    name = models.CharField(max_length=100)
    variant_a = models.CharField("scoring A", max_length=30)
    variant_b = models.CharField("scoring B", max_length=30)
    running = models.BooleanField(default=False, editable=False)
    started_at = models.DateTimeField(null=True, blank=True, editable=False)
    ended_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Who started and stopped it (recommendations/experiments.py).
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["running"],
                condition=models.Q(running=True),
                name="experiment_one_running",
                violation_error_message="Another experiment is running: stop it first.",
            ),
            models.CheckConstraint(
                condition=~models.Q(variant_a=models.F("variant_b")),
                name="experiment_two_scorings",
                violation_error_message="Choose two different scorings.",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        from recommendations.variants import VARIANTS  # noqa: PLC0415 (variants reads settings)

        errors = {}
        for field in ("variant_a", "variant_b"):
            if getattr(self, field) not in VARIANTS:
                errors[field] = "Choose one of the scorings listed."
        if not errors and self.variant_a == self.variant_b:
            errors["variant_b"] = "Choose a scoring other than A."
        if errors:
            raise ValidationError(errors)


class ExperimentDay(models.Model):
    """One team's slot impressions and clicks in an experiment on one day in the blocks of one
    source article, summed over every reader (upserts only). Per source article because the
    article is the unit of the experiment's test: every reader of one article sees the same
    interleaved block, so its clicks are not independent coins
    (recommendations/experiment_results.py)."""

    experiment = models.ForeignKey(Experiment, on_delete=models.CASCADE, related_name="days")
    day = models.DateField()
    # Empty on the rows counted before clicks were counted per article (migration 0008): they
    # stay in an experiment's totals and out of its test.
    source = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    team = models.CharField(max_length=1, choices=Team)
    impressions = models.PositiveIntegerField(default=0)
    clicks = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["experiment", "day", "source", "team"],
                name="experimentday_one_per_article_team",
            ),
        ]

    def __str__(self):
        return f"{self.experiment_id} {self.day} {self.source_id} {self.team}"
