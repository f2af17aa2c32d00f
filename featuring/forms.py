"""The decisions an editor made in the article's change form, saved with the article.

Each Accept or Reject in the "Featuring suggestions" panel (static/featuring/suggestions.js)
adds a row of hidden inputs to this inline formset; the admin saves it in the same transaction
as the article, after the article's own fields (its featured artists and artworks), and only
when the whole form is valid: a form refused as stale (Article.lock_version) saves no
decision, and an unsaved article's decisions are saved when it is first saved.
"""

from django import forms
from django.forms.formsets import INITIAL_FORM_COUNT, TOTAL_FORM_COUNT, ManagementForm
from django.forms.models import BaseInlineFormSet
from django.utils.functional import cached_property

from featuring.decisions import featuring_accept, featuring_reject
from featuring.models import FeaturingDecision

Decision = FeaturingDecision.Decision


class DecisionForm(forms.ModelForm):
    class Meta:
        model = FeaturingDecision
        fields = ["artist", "artwork", "decision"]
        widgets = dict.fromkeys(fields, forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A hidden key is checked by a lookup of that one row, never by listing the choices.
        for name in ("artist", "artwork"):
            self.fields[name].error_messages["invalid_choice"] = (
                f"This {name} no longer exists: it may have been deleted since you decided."
            )


class DecisionFormSet(BaseInlineFormSet):
    """New decisions only: those already saved are never shown as forms (nothing edits them)."""

    user = None  # the deciding user; FeaturingSuggestionsInline.get_formset sets it per request

    @cached_property
    def management_form(self):
        if self.is_bound and self.add_prefix(TOTAL_FORM_COUNT) not in self.data:
            # Posted without the panel (a script, or a client from before it): nothing was
            # decided, which is no reason to refuse the article's save.
            nothing = {self.add_prefix(TOTAL_FORM_COUNT): 0, self.add_prefix(INITIAL_FORM_COUNT): 0}
            form = ManagementForm(
                nothing, auto_id=self.auto_id, prefix=self.prefix, renderer=self.renderer
            )
            form.full_clean()
            return form
        return super().management_form

    def save_new(self, form, commit=True):
        if not commit:
            return super().save_new(form, commit=False)
        data = form.cleaned_data
        decide = featuring_accept if data["decision"] == Decision.ACCEPTED else featuring_reject
        return decide(
            article=self.instance, subject=data["artist"] or data["artwork"], user=self.user
        )
