"""The editorial workflow in the article admin: who may set which status, change or delete
what, the preview link and the publishing record. Saves and bulk actions go through the
publishing services (articles/services.py), which apply the rules again and send the domain
signal."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join

from articles import prepublish, previews, services, workflow
from articles.forms import ArticleAdminForm
from articles.models import Article

Status = Article.Status


def _when(moment) -> str:
    return date_format(timezone.localtime(moment), "j M Y, H:i T")


def _overridden(overrides: dict[str, str]):
    """The pre-publish warnings overridden for this step, with the reasons given."""
    if not overrides:
        return ""
    labels = {check.id: check.label for check in prepublish.registered()}
    return format_html(
        '<br><span class="publishing-record__overrides">Warnings overridden: {}</span>',
        format_html_join(
            "; ",
            "{} (“{}”)",
            ((labels.get(check_id, check_id), reason) for check_id, reason in overrides.items()),
        ),
    )


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

    # The article's row is written by services.article_save once its figures, byline and tags
    # are saved (save_related), so that the publish rules see the figures the editor sees. A
    # new article needs its row first, for its parts to point at: it is created as a draft,
    # and takes the status of the form in the same request.

    def save_model(self, request, obj, form, change):
        if change:
            return
        wanted = obj.status, obj.published_at
        obj.status, obj.published_at = Status.DRAFT, None
        services.article_save(article=obj, user=request.user)
        obj.status, obj.published_at = wanted

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The reasons typed in the checks panel for its warnings (admin_publish.py).
        overrides = getattr(form, "prepublish_overrides", None)
        services.article_save(article=form.instance, user=request.user, overrides=overrides)

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
                "<li>{} by {} on {}{}{}</li>",
                (
                    (
                        event.get_action_display(),
                        event.by.get_username() if event.by else "the system",
                        _when(event.at),
                        f", for {_when(event.publication_time)}" if event.publication_time else "",
                        _overridden(event.overrides),
                    )
                    for event in events
                ),
            ),
        )

    # Bulk actions, each article moved on its own by the services, so that each is on the record.

    @admin.action(description="Publish the selected articles now", permissions=["publish"])
    def publish_now(self, request, queryset):
        self._move_each(request, queryset, services.article_publish, "published")

    @admin.action(description="Unpublish (archive) the selected articles", permissions=["publish"])
    def unpublish(self, request, queryset):
        self._move_each(request, queryset, services.article_unpublish, "unpublished")

    @admin.action(description="Submit the selected drafts for review", permissions=["change"])
    def submit_for_review(self, request, queryset):
        drafts = queryset.filter(status=Status.DRAFT)
        self._move_each(request, drafts, services.article_submit, "submitted")

    def _move_each(self, request, queryset, service, done: str):
        changed = 0
        with transaction.atomic():
            for article in queryset.select_for_update(of=("self",)):
                try:
                    with transaction.atomic():
                        changed += service(article=article, user=request.user)
                except ValidationError as refused:
                    self.message_user(
                        request,
                        f"“{article}” was not {done}: " + " ".join(refused.messages),
                        messages.ERROR,
                    )
        self.message_user(request, f"{changed} article(s) {done}.", messages.SUCCESS)
