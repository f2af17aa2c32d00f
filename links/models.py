"""Every outbound URL the site uses, once (`Link`), and where each is used (`LinkUse`).

- `Link`: the URL as written (its unique key), its host, and what the checker last found
  (links/checking/): a status of `Status`, the HTTP status and a detail line, the permanent
  redirect's target, the run of failed checks (`failures`, since `first_failed_at`), `dead`
  once two failed checks some days apart agree, when it was checked and when it is due again
  (`next_check_at`, backing off while it stays healthy). `ignored` is an editor's decision: not
  in the queue, not warned about, never shown to readers as dead.
- `LinkUse`: one object's field using one URL (an article's body, its outbound-links inline, an
  artist's website, an artwork's source URL, the site settings), kept current by the inventory
  (links/inventory.py) whenever a registered source is saved or imported. An article's uses
  carry the article (`article`, for the queue's lists and filters) and, once it is published,
  the archived copy's address for that URL on its publication date (`archive_url`,
  `archived_on`, links/archive.py).
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

from plaintext.models import CleanTextModel


class Link(CleanTextModel):
    class Status(models.TextChoices):
        UNCHECKED = "unchecked", "Not checked yet"
        OK = "ok", "OK"
        REDIRECTED = "redirected", "Moved permanently"
        GONE = "gone", "Gone"
        BLOCKED = "blocked", "Blocked (not called dead)"
        SOFT_404 = "soft-404", "Soft 404"
        ERROR = "error", "Error"

    # Statuses that count as a failed check towards `dead` (blocked and redirected never do).
    FAILING = (Status.GONE, Status.SOFT_404, Status.ERROR)

    url = models.CharField("URL", max_length=2000, unique=True)
    host = models.CharField(max_length=255, db_index=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.UNCHECKED, db_index=True
    )
    http_status = models.PositiveSmallIntegerField("HTTP status", null=True, blank=True)
    detail = models.CharField(max_length=500, blank=True, help_text="What the last check saw.")
    redirect_url = models.CharField(
        "moved to", max_length=2000, blank=True, help_text="Where a permanent redirect leads."
    )
    failures = models.PositiveSmallIntegerField(
        default=0, help_text="Failed checks in a row (gone, soft 404, error)."
    )
    first_failed_at = models.DateTimeField(null=True, blank=True)
    dead = models.BooleanField(
        default=False, db_index=True, help_text="Two failed checks some days apart."
    )
    ignored = models.BooleanField(
        default=False, help_text="An editor's decision: not listed as broken, not warned about."
    )
    healthy_checks = models.PositiveSmallIntegerField(
        default=0, help_text="Healthy checks in a row: the longer, the rarer the next."
    )
    checked_at = models.DateTimeField(null=True, blank=True)
    next_check_at = models.DateTimeField(null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["url"]

    def __str__(self):
        return self.url


class LinkUse(CleanTextModel):
    link = models.ForeignKey(Link, on_delete=models.CASCADE, related_name="uses")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    source = GenericForeignKey("content_type", "object_id")
    field = models.CharField(max_length=100, help_text="Which part of the object uses the URL.")
    article = models.ForeignKey(
        "articles.Article",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="link_uses",
        help_text="The article this use belongs to, if any.",
    )
    archive_url = models.CharField("archived copy", max_length=2100, blank=True)
    archived_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["link", "content_type", "object_id", "field"], name="link_use_once"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.link} in {self.content_type.model} {self.object_id} ({self.field})"
