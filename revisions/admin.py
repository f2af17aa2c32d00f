"""RevisionedAdmin: an object's history (who saved it and when), a readable diff between any two
of its revisions, revert to one of them, and "Recover deleted ..." on the change list.

Built on reversion-compare's CompareVersionAdmin (itself django-reversion's VersionAdmin), with
these differences:

- models are registered by their own apps (`<app>/versions.py`), never by the admin;
- a revert or a recovery touches the one object and its parts (revisions/revert.py), not every
  object that happened to be saved in the same revision;
- every view checks the permission for the object as it is now: viewing its history or a diff
  needs view or change permission, reverting needs change permission, recovering needs add
  permission (and only deleted objects are recovered); a version id of another model is a 404;
- the diff shows rich text as text, tags by name, and parts (figures, links...) by what they
  are, and leaves out fields that record rather than say something (updated_at, lock_version).
"""

import reversion
from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.formats import localize
from django.utils.timezone import template_localtime
from django.utils.translation import gettext as _
from reversion.errors import RevertError
from reversion.models import Version
from reversion_compare.admin import CompareVersionAdmin
from reversion_compare.mixins import CompareResult

from revisions import diff
from revisions.revert import object_revert


class _Preview(Exception):
    """Carries a rendered revision form out of the transaction, which is then rolled back."""

    def __init__(self, response):
        self.response = response


class RevisionedAdmin(CompareVersionAdmin):
    """Put it first in an admin's bases: its views and get_object wrap what the mixins after it
    (tag autocomplete, workflow) add, and those still apply through super()."""

    def reversion_register(self, model, **kwargs):
        """Registration is the content apps' job (`<app>/versions.py`); VersionAdmin would
        otherwise register the model and its inlines' models as it sees them, at import time."""

    def _url(self, view: str, *args) -> str:
        opts = self.model._meta
        return reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_{view}", args=args
        )

    def _versions(self):
        return Version.objects.get_for_model(self.model)

    # The object being reverted, as it was: the change form edits it instead of the stored row.

    def get_object(self, request, object_id, from_field=None):
        reverted = getattr(request, "_revisions_reverted", None)
        if reverted is not None and from_field is None and str(reverted.pk) == str(object_id):
            return reverted
        return super().get_object(request, object_id, from_field)

    # Views.

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is not None and not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return super().history_view(request, object_id, extra_context)

    def compare_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(_("No such object."))
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return super().compare_view(request, object_id, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(_("No such object."))
        if request.method == "POST":
            allowed = self.has_change_permission(request, obj)
        else:
            allowed = self.has_view_or_change_permission(request, obj)
        if not allowed:
            raise PermissionDenied
        get_object_or_404(self._versions(), pk=version_id, object_id=str(obj.pk))
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        version = get_object_or_404(self._versions(), pk=version_id)
        if self.model._base_manager.filter(pk=version.object_id).exists():
            # Not deleted: reverting it is a change, made (and permitted) from its history.
            return redirect(self._url("revision", quote(version.object_id), version.pk))
        return super().recover_view(request, version_id, extra_context)

    def _reversion_revisionform_view(self, request, version, template_name, extra_context=None):
        """VersionAdmin's, with revisions/revert.py's revert. Signals are not muted while a
        revert is only shown: muting is process-wide (other requests' saves would lose their
        revisions), and what the shown revert sets off is rolled back with it (side effects
        wait for the commit: transaction.on_commit)."""
        recovering = bool((extra_context or {}).get("recover"))
        try:
            with transaction.atomic(using=version.db):
                request._revisions_reverted = object_revert(version=version)
                with self.create_revision(request):
                    response = self.changeform_view(
                        request, quote(version.object_id), request.path, extra_context
                    )
                    if request.method == "POST" and response.status_code == 302:
                        saved_on = localize(template_localtime(version.revision.date_created))
                        message = (
                            _("Recovered the version saved on %(datetime)s")
                            if recovering
                            else _("Reverted to the version saved on %(datetime)s")
                        )
                        reversion.set_comment(message % {"datetime": saved_on})
                    elif response.status_code == 200:
                        response.template_name = template_name
                        response.render()
                        raise _Preview(response)
                    else:
                        raise RevertError(
                            _("Could not load %(object_repr)s version - not found")
                            % {"object_repr": version.object_repr}
                        )
        except (RevertError, models.ProtectedError) as error:
            messages.error(request, str(error))
            return redirect(self._url("changelist"))
        except _Preview as preview:
            return preview.response
        finally:
            request._revisions_reverted = None
        return response

    # The diff.

    def compare(self, obj, version1, version2):
        return CompareResult(
            diff=diff.diffs(self, obj, version1, version2), has_unfollowed_fields=False
        )

    def compare_TextField(self, obj_compare):
        return diff.text_diff(obj_compare)

    def compare_ManyToManyField(self, obj_compare):
        return diff.names_diff(obj_compare)
