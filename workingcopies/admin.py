"""WorkingCopyAdminMixin: autosave for a model admin's add and change forms.

The page's script (static/workingcopies/autosave.js) posts the form's fields a few seconds
after the editor stops typing to `<id>/autosave/` (or `add/autosave/`), which keeps them as the
user's working copy (workingcopies/services.py) and nothing else: the object, its revisions,
its record and the pages readers see are untouched until a real save. On the next visit the
form offers the copy back; restoring re-renders the form bound to it (inlines too). A real
save, with any button, removes the copy.

The change form template includes "workingcopies/offer.html" inside the form."""

import uuid

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.formats import date_format

from workingcopies import services
from workingcopies.differences import Difference, form_differences, formset_differences
from workingcopies.endpoints import KEY, AutosaveEndpointsMixin, too_big
from workingcopies.formdata import NotFormData, as_query_dict, form_data

RESTORE = "_working_copy"  # ?_working_copy=restore
VIEWS = ("add", "change")


def _when(moment) -> str:
    return date_format(timezone.localtime(moment), "j M Y, H:i T")


class _Rendered(Exception):
    """Carries a rendered form out of the transaction, which is then rolled back: showing a
    working copy writes nothing, whatever validating it may touch."""

    def __init__(self, response):
        self.response = response


class WorkingCopyAdminMixin(AutosaveEndpointsMixin):
    # Fields taken from the object as it is now when a copy is restored, not from the copy:
    # an edit token, so that the restored form is not refused as stale (its differences with
    # the saved object are shown first).
    working_copy_current_fields: tuple[str, ...] = ()

    @property
    def media(self):
        return super().media + forms.Media(
            js=["workingcopies/autosave.js"], css={"all": ["workingcopies/autosave.css"]}
        )

    # A real save, with any button, ends the working copy: once the object and its inlines are
    # saved, in the save's transaction (a save refused after this point is rolled back, copy
    # and all). Not in response_add/response_change, which a button of another admin mixin may
    # answer itself (the article's action bar does, articles/admin_publish.py).

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        content_type = self._content_type()
        key = request.POST.get("_working_copy_key", "")
        if not change and KEY.fullmatch(key):
            services.working_copy_discard(
                user=request.user, content_type=content_type, object_id=None, key=key
            )
        services.working_copy_discard(
            user=request.user, content_type=content_type, object_id=form.instance.pk
        )

    # A deleted object takes everyone's copies of it along.

    def delete_model(self, request, obj):
        pk = obj.pk
        super().delete_model(request, obj)
        services.working_copies_of_objects_discard(
            content_type=self._content_type(), object_ids=[pk]
        )

    def delete_queryset(self, request, queryset):
        pks = list(queryset.values_list("pk", flat=True))
        super().delete_queryset(request, queryset)
        services.working_copies_of_objects_discard(
            content_type=self._content_type(), object_ids=pks
        )

    # Restoring: the form bound to the copy.

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method != "GET" or request.GET.get(RESTORE) != "restore":
            return super().changeform_view(request, object_id, form_url, extra_context)
        obj = self._working_copy_target(request, object_id)
        copy = self._working_copy_find(request, obj, request.GET.get("_working_copy_key"))
        if copy is None:
            messages.info(request, "There are no unsaved changes to restore.")
            return HttpResponseRedirect(request.path)
        request._working_copy = copy
        request._working_copy_data = self._working_copy_data(request, obj, copy)
        try:
            with transaction.atomic():
                response = super().changeform_view(request, object_id, form_url, extra_context)
                if hasattr(response, "render"):
                    response.render()
                raise _Rendered(response)
        except _Rendered as rendered:
            return rendered.response
        finally:
            request._working_copy_data = None

    def _working_copy_find(self, request, obj, key=None):
        if obj is None and key is not None and not KEY.fullmatch(key):
            key = None
        return services.working_copy_find(
            user=request.user,
            content_type=self._content_type(),
            object_id=None if obj is None else obj.pk,
            key=key,
        )

    def _working_copy_data(self, request, obj, copy):
        data = as_query_dict(copy.data)
        if obj is not None and self.working_copy_current_fields:
            fresh = self.get_form(request, obj, change=True)(instance=obj)
            for name in self.working_copy_current_fields:
                if name in fresh.fields:
                    value = fresh[name].value()
                    data.setlist(name, [] if value is None else [str(value)])
        return data

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        restoring = getattr(request, "_working_copy_data", None)
        if restoring is None:
            return form

        def __init__(self, *args, **kw):
            if not args and kw.get("data") is None:
                kw["data"] = restoring.copy()
            form.__init__(self, *args, **kw)

        return type(form.__name__, (form,), {"__init__": __init__})

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        restoring = getattr(request, "_working_copy_data", None)
        if restoring is not None:
            kwargs.update(data=restoring.copy(), files=None)
        return kwargs

    # The offer, the restored notice and the script's settings, in the form's context.

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        editable = (
            self.has_add_permission(request) if add else self.has_change_permission(request, obj)
        )
        # The add and change pages only: not a page that shows another version in the form
        # (a revision to revert to), nor a popup (a quick add from another form).
        view = request.resolver_match.url_name if request.resolver_match else ""
        own_page = view in {f"{self.opts.app_label}_{self.opts.model_name}_{v}" for v in VIEWS}
        if editable and own_page and not context.get("is_popup"):
            context["working_copy"] = self._working_copy_context(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _working_copy_context(self, request, obj) -> dict:
        restored = getattr(request, "_working_copy", None)
        context = {
            "autosave_url": self._working_copy_url("autosave", obj),
            "discard_url": self._working_copy_url("autosave_discard", obj),
            "version": self.working_copy_version(obj),
            "key": uuid.uuid4().hex,
            "restored": restored,
            "csrf_cookie": settings.CSRF_COOKIE_NAME,
        }
        if request.method == "POST":
            # The save was refused (a form error, an edit conflict): the form holds what the
            # editor typed, kept now as their working copy in case the tab goes next.
            context["version"] = request.POST.get("_working_copy_base", "")[:64]
            posted_key = request.POST.get("_working_copy_key", "")
            context["key"] = posted_key if KEY.fullmatch(posted_key) else context["key"]
            context["unsaved"] = True
            self._working_copy_keep_refused(request, obj, context)
            return context
        copy = restored or self._working_copy_find(request, obj)
        if copy is None:
            return context
        if copy.key:
            context["key"] = copy.key
        if restored is None and self._working_copy_superseded(request, obj, copy):
            return context
        differences = [] if obj is None else self.working_copy_differences(request, obj, copy)
        if obj is not None and not differences and restored is None:
            # Typed and undone: nothing to offer.
            services.working_copy_discard(
                user=request.user, content_type=self._content_type(), object_id=obj.pk
            )
            return context
        context["unsaved"] = restored is not None
        if restored is None:
            context["offer"] = copy
            context["restore_url"] = f"{request.path}?{RESTORE}=restore" + (
                f"&_working_copy_key={copy.key}" if obj is None else ""
            )
        if obj is not None and copy.based_on != context["version"]:
            who = getattr(obj, "updated_by", None)
            when = getattr(obj, "updated_at", None)
            context["saved_since"] = {
                "who": "You" if who == request.user else (who.get_username() if who else "Someone"),
                "when": _when(when) if when else "",
                "differences": differences,
            }
        return context

    def _working_copy_keep_refused(self, request, obj, context) -> None:
        try:
            data = form_data(request.POST, expected=self._working_copy_fields(request, obj))
        except NotFormData:
            return
        if too_big(data):
            return
        services.working_copy_store(
            user=request.user,
            content_type=self._content_type(),
            object_id=None if obj is None else obj.pk,
            key=context["key"] if obj is None else "",
            data=data,
            based_on=context["version"],
        )

    def _working_copy_superseded(self, request, obj, copy) -> bool:
        """The user saved the object after their copy's last autosave, by whatever way (a
        service, a bulk action): the copy is behind what they saved, and goes."""
        if obj is None or getattr(obj, "updated_by_id", None) != request.user.pk:
            return False
        saved_at = getattr(obj, "updated_at", None)
        if saved_at is None or saved_at < copy.saved_at:
            return False
        copy.delete()
        return True

    def working_copy_differences(self, request, obj, copy) -> list[Difference]:
        """What differs between the object as saved now and the copy, field by field."""
        previous = getattr(request, "_working_copy_data", None)
        request._working_copy_data = self._working_copy_data(request, obj, copy)
        # A row of its own: validating a model form writes the copy's values into its
        # instance, and the page's own object must keep showing what is saved.
        obj = self.get_object(request, str(obj.pk))
        try:
            with transaction.atomic():
                form = self.get_form(request, obj, change=True)(instance=obj)
                formsets, _inlines = self._create_formsets(request, obj, change=True)
                found = form_differences(form)
                for formset in formsets:
                    found.extend(formset_differences(formset))
                transaction.set_rollback(True)
        finally:
            request._working_copy_data = previous
        return found
