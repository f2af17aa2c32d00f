"""The autosave addresses of a model admin: `<id>/autosave/` (and `add/autosave/`) keep the
posted form as the user's working copy; `.../autosave/discard/` drops it. Both need the
permission to change the object (to add, for an add form) and the CSRF token; what is not the
form's fields is a 400, more than WORKING_COPY_MAX_BYTES a 413, a form opened before the user's
own later save a 409 (its autosave was on its way when they saved)."""

import json
import re

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format

from adminsite.objects import editable_object
from workingcopies import services
from workingcopies.formdata import NotFormData, form_data

FORM_ENCODINGS = {"application/x-www-form-urlencoded", "multipart/form-data"}  # files ignored
KEY = re.compile(r"[0-9a-f]{32}")


def _time(moment) -> str:
    return date_format(timezone.localtime(moment), "H:i")


class AutosaveEndpointsMixin:
    # Addresses.

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        wrap = self.admin_site.admin_view
        return [
            path(
                "add/autosave/",
                wrap(self.working_copy_save_view),
                name=f"{name}_autosave_add",
            ),
            path(
                "add/autosave/discard/",
                wrap(self.working_copy_discard_view),
                name=f"{name}_autosave_discard_add",
            ),
            path(
                "<path:object_id>/autosave/",
                wrap(self.working_copy_save_view),
                name=f"{name}_autosave",
            ),
            path(
                "<path:object_id>/autosave/discard/",
                wrap(self.working_copy_discard_view),
                name=f"{name}_autosave_discard",
            ),
            *super().get_urls(),
        ]

    def _working_copy_url(self, view: str, obj) -> str:
        name = f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_{view}"
        if obj is None:
            return reverse(f"{name}_add")
        return reverse(name, args=[quote(obj.pk)])

    # What the copy is based on, and who saved the object last.

    def working_copy_version(self, obj) -> str:
        """The object's version: its save count when it keeps one, else its last save time."""
        if obj is None:
            return ""
        for attribute in ("lock_version", "updated_at"):
            value = getattr(obj, attribute, None)
            if value is not None:
                return value.isoformat() if hasattr(value, "isoformat") else str(value)
        return ""

    def _working_copy_target(self, request, object_id):
        """The object (None for the add form) the user may edit, or an exception."""
        return editable_object(self, request, object_id, missing="No such object.")

    def _content_type(self):
        return ContentType.objects.get_for_model(self.model, for_concrete_model=False)

    # The endpoints.

    def working_copy_save_view(self, request, object_id=None):
        if request.method != "POST":
            return JsonResponse({"error": "POST the form's fields."}, status=405)
        try:
            obj = self._working_copy_target(request, object_id)
        except (PermissionDenied, Http404) as refused:
            return _refused(refused)
        length = request.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > settings.WORKING_COPY_MAX_BYTES:
            return JsonResponse({"error": "Too much to keep as a working copy."}, status=413)
        if request.content_type not in FORM_ENCODINGS:
            return JsonResponse({"error": "Send the form's fields, form-encoded."}, status=400)
        key = request.POST.get("_working_copy_key", "")
        if obj is None and not KEY.fullmatch(key):
            return JsonResponse({"error": "This add form has no working copy key."}, status=400)
        based_on = request.POST.get("_working_copy_base", "")[:64]
        current = self.working_copy_version(obj)
        if obj is not None and based_on != current and self._saved_by(request, obj):
            return JsonResponse(
                {"error": "You saved this since the form was opened: reload it to go on."},
                status=409,
            )
        try:
            data = form_data(request.POST, expected=self._working_copy_fields(request, obj))
        except NotFormData as refused:
            return JsonResponse({"error": str(refused)}, status=400)
        if too_big(data):
            return JsonResponse({"error": "Too much to keep as a working copy."}, status=413)
        copy = services.working_copy_store(
            user=request.user,
            content_type=self._content_type(),
            object_id=None if obj is None else obj.pk,
            key=key if obj is None else "",
            data=data,
            based_on=based_on,
        )
        return JsonResponse(
            {
                "saved_at": copy.saved_at.isoformat(),
                "message": f"Saved as a working copy at {_time(copy.saved_at)}",
            }
        )

    def working_copy_discard_view(self, request, object_id=None):
        if request.method != "POST":
            return JsonResponse({"error": "POST to discard."}, status=405)
        try:
            obj = self._working_copy_target(request, object_id)
        except (PermissionDenied, Http404) as refused:
            return _refused(refused)
        key = request.POST.get("_working_copy_key", "")
        services.working_copy_discard(
            user=request.user,
            content_type=self._content_type(),
            object_id=None if obj is None else obj.pk,
            key=key,
        )
        messages.info(request, "Your unsaved changes were discarded.")
        return JsonResponse({"discarded": True})

    def _working_copy_fields(self, request, obj) -> set[str]:
        fieldsets = self.get_fieldsets(request, obj)
        names = {name for _title, options in fieldsets for name in _flat(options["fields"])}
        return names - set(self.get_readonly_fields(request, obj))

    def _saved_by(self, request, obj) -> bool:
        return getattr(obj, "updated_by_id", None) == request.user.pk


def _refused(refused: Exception) -> JsonResponse:
    """Said in JSON, which the page's script shows (an HTML error page it would take for the
    login page of an ended session)."""
    if isinstance(refused, Http404):
        return JsonResponse({"error": "Not saved as a working copy: this is gone."}, status=404)
    return JsonResponse(
        {"error": "Not saved as a working copy: you may not change this (any more)."},
        status=403,
    )


def too_big(data) -> bool:
    return len(json.dumps(data)) > settings.WORKING_COPY_MAX_BYTES


def _flat(fields):
    for field in fields:
        if isinstance(field, list | tuple):
            yield from field
        else:
            yield field
