"""What happened to an article over time: its publishing record and its retired addresses."""

from django.conf import settings
from django.db import models


class PublicationEvent(models.Model):
    """One step in an article's life, with who took it and when: shown on the article's admin
    page as its publishing record."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", "Submitted for review"
        RETURNED = "returned", "Returned to draft"
        PUBLISHED = "published", "Published"
        SCHEDULED = "scheduled", "Scheduled"
        RESCHEDULED = "rescheduled", "Publication time changed"
        UNPUBLISHED = "unpublished", "Unpublished"

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="publication_events"
    )
    action = models.CharField(max_length=20, choices=Action)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    publication_time = models.DateTimeField(null=True, blank=True)
    # The pre-publish warnings the user overrode to take this step: {check id: the reason given}.
    overrides = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.get_action_display()}: {self.article_id}"


class SlugRedirect(models.Model):
    """An address an article had when it was public: it answers with a 301 to the article's
    address now, so links and search results keep working after a slug changes."""

    old_slug = models.SlugField(max_length=255, unique=True, allow_unicode=True)
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="slug_redirects"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.old_slug} -> {self.article_id}"
