"""The live preview beside the article's change form: the public article page rendered from the
unsaved form, as the editor types.

The form's script (static/articles/live-preview.js) posts the whole form to `live-preview/`
(CSRF, change permission); the same form and inline formsets as the admin's save validate it,
articles/live_preview.py builds the article in memory (nothing is written), and the public
template renders it. Invalid input is a short list of what to fix, never a 500.
"""

from django import forms
from django.conf import settings
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import transaction
from django.http import HttpResponseNotAllowed, JsonResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.cache import add_never_cache_headers
from django.utils.csp import CSP

from adminsite.objects import editable_object
from articles.live_preview import article_as_saved
from images import kept_uploads

PUBLIC_TEMPLATE = "articles/article_detail.html"  # the template of views.ArticleDetailView

# The preview is shown in a frame of the admin's own pages, and nowhere else.
FRAMED_BY_ADMIN_CSP = {**settings.SECURE_CSP, "frame-ancestors": [CSP.SELF]}

EDIT_CONFLICT_NOTE = (
    "Someone saved this article after you opened it: the preview shows your version. "
    "Saving will be refused until you bring your changes across."
)


class LivePreviewAdminMixin:
    """On ArticleAdmin: the preview's address (`<id>/live-preview/`, `add/live-preview/`), the
    view, and the panel's script and styles."""

    live_preview_media = forms.Media(
        css={"all": ["articles/live-preview.css"]}, js=["articles/live-preview.js"]
    )

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_live_preview"
        view = self.admin_site.admin_view(self.live_preview_view)
        return [
            path("add/live-preview/", view, name=name),
            path("<path:object_id>/live-preview/", view, name=name),
            *super().get_urls(),
        ]

    def live_preview_url(self, obj) -> str:
        name = f"admin:{self.opts.app_label}_{self.opts.model_name}_live_preview"
        return reverse(name, args=[obj.pk]) if obj else reverse(name)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # On the change form only (not the list), for those who may change what they see.
        if add or self.has_change_permission(request, obj):
            context["live_preview_url"] = self.live_preview_url(obj)
            context["media"] = context["media"] + self.live_preview_media
        return super().render_change_form(request, context, add, change, form_url, obj)

    def live_preview_view(self, request, object_id=None):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self._previewed_object(request, object_id)
        # Reads only; a savepoint rolled back all the same, so that nothing a form or a field
        # might do on the way (a lookup that creates) outlives the preview.
        with transaction.atomic():
            response = self._live_preview(request, obj)
            transaction.set_rollback(True)
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["X-Frame-Options"] = "SAMEORIGIN"
        response._csp_config = FRAMED_BY_ADMIN_CSP
        return response

    def _previewed_object(self, request, object_id):
        return editable_object(
            self,
            request,
            object_id,
            missing="This article does not exist (it may have been deleted).",
        )

    def _live_preview(self, request, obj):
        change = obj is not None
        fieldsets = self.get_fieldsets(request, obj)
        ModelForm = self.get_form(request, obj, change=change, fields=flatten_fieldsets(fieldsets))
        form = ModelForm(request.POST, request.FILES, instance=obj)
        with kept_uploads.not_kept():  # a preview stores no upload
            form.is_valid()
            formsets, inlines = self._create_formsets(request, form.instance, change=change)
            errors = _form_errors(form)
            for formset, inline in zip(formsets, inlines, strict=True):
                errors += _formset_errors(formset, inline.verbose_name.capitalize())
        if errors:
            return JsonResponse({"errors": errors}, status=422)
        preview = article_as_saved(form, formsets)
        # `live_preview`: no reader is here, so the page counts nothing (its "You may also
        # like" block links straight to the articles and sends no impression).
        context = {"article": preview.article, "live_preview": True}
        response = render(request, PUBLIC_TEMPLATE, context)
        notes = []
        if form.has_error(NON_FIELD_ERRORS, "edit_conflict"):
            notes.append(EDIT_CONFLICT_NOTE)
        if preview.uploads_not_shown:
            notes.append(
                f"{preview.uploads_not_shown} new upload(s) will show once the article is saved."
            )
        # A header, not the page: the page is exactly the public one.
        response["X-Preview-Notes"] = " ".join(notes)
        return response


def _form_errors(form) -> list[str]:
    """What to fix, one line each; the edit-conflict refusal is no reason not to preview."""
    messages = []
    for name, errors in form.errors.as_data().items():
        for error in errors:
            if name == NON_FIELD_ERRORS and error.code == "edit_conflict":
                continue
            messages.extend(_labelled(form, name, error))
    return messages


def _formset_errors(formset, label: str) -> list[str]:
    messages = [str(message) for message in formset.non_form_errors()]
    for index, row_form in enumerate(formset.forms, start=1):
        if formset.can_delete and formset._should_delete_form(row_form):
            continue
        for name, errors in row_form.errors.as_data().items():
            for error in errors:
                lines = _labelled(row_form, name, error)
                messages.extend(f"{label} {index}: {line}" for line in lines)
    return messages


def _labelled(form, name, error) -> list[str]:
    lines = [str(message) for message in error.messages]
    if name == NON_FIELD_ERRORS or name not in form.fields:
        return lines
    label = form.fields[name].label or name
    return [f"{label}: {line}" for line in lines]
