"""One model: a working copy of a change form, per user and object."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q


class WorkingCopy(models.Model):
    """The fields of a change form (and its inlines) as a user last typed them, not saved for
    real. `object_id` is blank for an add form, which is told apart by `key` instead (one per
    add page opened). `based_on` is the object's version when the form was opened (its
    lock_version, or its last save time), so that a save by someone else since can be shown."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="working_copies"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64, blank=True)
    key = models.CharField(max_length=64, blank=True)
    # {field name: [values]}, as the form posts them; no files, no CSRF token.
    data = models.JSONField(default=dict)
    saved_at = models.DateTimeField(db_index=True)
    based_on = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name_plural = "working copies"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content_type", "object_id"],
                condition=~Q(object_id=""),
                name="working_copy_one_per_user_and_object",
            ),
            models.UniqueConstraint(
                fields=["user", "content_type", "key"],
                condition=Q(object_id=""),
                name="working_copy_one_per_user_and_add_form",
            ),
        ]

    def __str__(self):
        return f"{self.user} on {self.content_type} {self.object_id or 'new'} at {self.saved_at}"
