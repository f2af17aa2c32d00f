"""Experiments in the admin: name two scorings to compare, start the experiment, stop it, read
its result (recommendations/experiments.py does the starting and stopping,
recommendations/experiment_results.py the arithmetic).

Start and stop are buttons on the experiment's page (POST, with the admin's CSRF check), for
whoever may change experiments; once started, its scorings are read-only."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse

from recommendations import variants
from recommendations.dashboard_figures import experiments_figures
from recommendations.experiments import ExperimentError, experiment_start, experiment_stop
from recommendations.models import Experiment


class ExperimentForm(forms.ModelForm):
    variant_a = forms.ChoiceField(
        label="Scoring A",
        choices=variants.choices,
        help_text="Readers' blocks draw their unpinned links in turn from A's ranking and B's.",
    )
    variant_b = forms.ChoiceField(label="Scoring B", choices=variants.choices)

    class Meta:
        model = Experiment
        fields = ["name", "variant_a", "variant_b"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.started_at is not None:  # shown read-only, by their labels
            del self.fields["variant_a"], self.fields["variant_b"]

    def clean(self):
        cleaned = super().clean()
        a, b = cleaned.get("variant_a"), cleaned.get("variant_b")
        if a and b and a == b:
            # Said here, on the field, before the model's check says it again for the form.
            self.add_error("variant_b", "Choose a scoring other than A: the two must differ.")
        return cleaned

    def _post_clean(self):
        if self.has_error("variant_b"):
            # The model's constraint would only repeat the message above.
            return
        super()._post_clean()


RUN_FIELDS = ["state", "started_at", "started_by", "ended_at", "ended_by"]


@admin.register(Experiment)
class ExperimentAdmin(admin.ModelAdmin):
    form = ExperimentForm
    list_display = ["name", "scoring_a", "scoring_b", "state", "started_at", "ended_at"]
    list_display_links = ["name"]
    search_fields = ["name"]
    list_select_related = False
    change_form_template = "admin/recommendations/experiment/change_form.html"

    @admin.display(description="Scoring A", ordering="variant_a")
    def scoring_a(self, experiment):
        return _label(experiment.variant_a)

    @admin.display(description="Scoring B", ordering="variant_b")
    def scoring_b(self, experiment):
        return _label(experiment.variant_b)

    @admin.display(description="State", ordering="started_at")
    def state(self, experiment):
        if experiment.running:
            return "running"
        if experiment.ended_at:
            return "finished"
        return "not started"

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return [*self._scorings(obj)[1:], *RUN_FIELDS] if obj.started_at else RUN_FIELDS

    def get_fields(self, request, obj=None):
        return [*self._scorings(obj)] + ([] if obj is None else RUN_FIELDS)

    @staticmethod
    def _scorings(obj) -> list[str]:
        """The name and the two scorings: chosen in the form until the experiment starts, then
        shown by their labels, read-only (its clicks were counted for these two)."""
        if obj is not None and obj.started_at is not None:
            return ["name", "scoring_a", "scoring_b"]
        return ["name", "variant_a", "variant_b"]

    def save_model(self, request, obj, form, change):
        """A new experiment is saved whole; a change writes only what the form changed, so a
        form opened before someone started or stopped the experiment never undoes that, and
        its scorings are written only while it has not started."""
        if not change:
            return super().save_model(request, obj, form, change)
        changed = {name: getattr(obj, name) for name in form.changed_data}
        scorings = {k: v for k, v in changed.items() if k in ("variant_a", "variant_b")}
        if "name" in changed:
            Experiment.objects.filter(pk=obj.pk).update(name=changed["name"])
        if scorings and not Experiment.objects.filter(pk=obj.pk, started_at__isnull=True).update(
            **scorings
        ):
            messages.warning(request, "It was started meanwhile: its scorings stay as they were.")

    def has_delete_permission(self, request, obj=None):
        # A running experiment is stopped first (readers' pages name it).
        if obj is not None and obj.running:
            return False
        return super().has_delete_permission(request, obj)

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "<path:object_id>/start/",
                self.admin_site.admin_view(self.start_view),
                name=f"{name}_start",
            ),
            path(
                "<path:object_id>/stop/",
                self.admin_site.admin_view(self.stop_view),
                name=f"{name}_stop",
            ),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and self.has_change_permission(request, obj):
            context["may_start"] = obj.started_at is None
            context["may_stop"] = obj.running
        if obj is not None and obj.started_at is not None:
            context["experiment_result"] = experiments_figures([obj])[0]
        return super().render_change_form(request, context, add, change, form_url, obj)

    def start_view(self, request, object_id):
        return self._switch(request, object_id, experiment_start, "Started")

    def stop_view(self, request, object_id):
        return self._switch(request, object_id, experiment_stop, "Stopped")

    def _switch(self, request, object_id, service, done: str):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        experiment = get_object_or_404(Experiment, pk=_as_pk(object_id))
        if not self.has_change_permission(request, experiment):
            raise PermissionDenied
        try:
            service(experiment, by=request.user)
        except ExperimentError as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            self.log_change(request, experiment, f"{done}.")
            now = "now compare its two scorings." if experiment.running else "are standard again."
            self.message_user(
                request, f"{done} “{experiment}”: readers' blocks {now}", messages.SUCCESS
            )
        return HttpResponseRedirect(
            reverse("admin:recommendations_experiment_change", args=[experiment.pk])
        )


def _label(key: str) -> str:
    variant = variants.VARIANTS.get(key)
    return variant.label if variant else f"{key} (no longer offered)"


def _as_pk(object_id: str) -> int:
    """The experiment's id from the address; anything else is not an experiment (a 404)."""
    if not object_id.isdigit():
        raise Http404("No such experiment.")
    return int(object_id)
