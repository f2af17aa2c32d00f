"""The object an admin view beside a change form works on (an autosave, a live preview): the
one the user may edit, or the refusal a change form would give."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404


def editable_object(model_admin, request, object_id, *, missing: str):
    """The object of `object_id`, which the user may change; None for the add form (which needs
    the add permission). A 404 with `missing` for an object that is gone, a 403 without the
    permission."""
    if object_id is None:
        if not model_admin.has_add_permission(request):
            raise PermissionDenied
        return None
    obj = model_admin.get_object(request, unquote(object_id))
    if obj is None:
        raise Http404(missing)
    if not model_admin.has_change_permission(request, obj):
        raise PermissionDenied
    return obj
