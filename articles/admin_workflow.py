"""The editorial workflow in the article admin: who may set which status, change or delete
what, publishing in bulk, the preview link, and the publishing record."""

from django.contrib import admin, messages
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join

from articles import previews, workflow
from articles.forms import ArticleAdminForm, missing_alt_text_message
from articles.models import Article

Status = Article.Status


def _when(moment) -> str:
    return date_format(timezone.localtime(moment), "j M Y, H:i T")


class WorkflowAdminMixin:
    form = ArticleAdminForm
    actions = ["publish_now", "unpublish", "submit_for_review"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        # A subclass per request, so that the form knows whose statuses to offer.
        return type(form.__name__, (form,), {"user": request.user})

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            return fieldsets
        # Read only: no form to protect, so no edit token to show.
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f != "edit_token"]})
            for name, options in fieldsets
        ]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and workflow.may_change(
            request.user, obj
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and workflow.may_delete(
            request.user, obj
        )

    def has_publish_permission(self, request):
        return workflow.can_publish(request.user)

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    # Read-only parts of the change form.

    @admin.display(description="Where it stands", ordering="status")
    def public_state(self, article):
        if article.is_scheduled:
            return f"Scheduled: appears on {_when(article.published_at)}"
        if article.is_published:
            return "Public"
        return article.get_status_display()

    @admin.display(description="Preview")
    def preview_link(self, article):
        if not article.pk:
            return "Save the article to preview it."
        return format_html(
            '<a href="{}" target="_blank" rel="noopener" class="preview-link">Preview</a>'
            "<br>Anyone with this link can see the article as readers will, without an "
            "account, until {}.",
            previews.preview_path(article),
            _when(previews.expires_at()),
        )

    @admin.display(description="Publishing record")
    def publishing_record(self, article):
        events = list(article.publication_events.select_related("by")) if article.pk else []
        if not events:
            return "Nothing yet."
        return format_html(
            '<ul class="publishing-record">{}</ul>',
            format_html_join(
                "",
                "<li>{} by {} on {}{}</li>",
                (
                    (
                        event.get_action_display(),
                        event.by.get_username() if event.by else "the system",
                        _when(event.at),
                        f", for {_when(event.publication_time)}" if event.publication_time else "",
                    )
                    for event in events
                ),
            ),
        )

    # Bulk actions, each article saved on its own so that each is on the record.

    @admin.action(description="Publish the selected articles now", permissions=["publish"])
    def publish_now(self, request, queryset):
        self._set_status(request, queryset, Status.PUBLISHED, "published")

    @admin.action(description="Unpublish (archive) the selected articles", permissions=["publish"])
    def unpublish(self, request, queryset):
        self._set_status(request, queryset, Status.UNPUBLISHED, "unpublished")

    @admin.action(description="Submit the selected drafts for review", permissions=["change"])
    def submit_for_review(self, request, queryset):
        self._set_status(request, queryset.filter(status=Status.DRAFT), Status.REVIEW, "submitted")

    def _set_status(self, request, queryset, status, done: str):
        changed = 0
        with transaction.atomic():
            for article in queryset.select_for_update(of=("self",)):
                if article.status == status and not (
                    status == Status.PUBLISHED and article.is_scheduled
                ):
                    continue
                blocking = status == Status.PUBLISHED and workflow.figures_missing_alt_text(article)
                if blocking:
                    self.message_user(
                        request,
                        f"“{article}” was not published: " + missing_alt_text_message(blocking[0]),
                        messages.ERROR,
                    )
                    continue
                if status == Status.PUBLISHED and (
                    article.published_at is None or article.is_scheduled
                ):
                    article.published_at = timezone.now()
                article.status = status
                article.updated_by = request.user
                article.save()
                changed += 1
        self.message_user(request, f"{changed} article(s) {done}.", messages.SUCCESS)
