"""The article's admin form: the statuses a user may set, and no lost edits."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils import timezone
from django.utils.formats import date_format

from articles import workflow
from articles.models import Article

STATUS_REFUSED = (
    "You may not publish, schedule or archive articles. Set it to “In review” and an editor "
    "will publish it."
)


class ArticleAdminForm(forms.ModelForm):
    # The article's save count when this form was opened: a save by someone else since then
    # is refused, not silently overwritten.
    edit_token = forms.IntegerField(widget=forms.HiddenInput, required=False)

    user = None  # the requesting user; ArticleAdmin.get_form makes a subclass that sets it

    class Meta:
        model = Article
        fields = [
            "title",
            "slug",
            "section",
            "standfirst",
            "body",
            "status",
            "published_at",
            "tags",
            "featured_artists",
            "featured_artworks",
            "featured_exhibitions",
            "meta_description",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["edit_token"].initial = self.instance.lock_version
        for name in ("title", "standfirst", "meta_description"):  # what editors write in words
            if name in self.fields:
                self.fields[name].widget.attrs["spellcheck"] = "true"
        if "status" in self.fields and self.user is not None:
            field = self.fields["status"]
            field.choices = [(s.value, s.label) for s in workflow.allowed_statuses(self.user)]
            field.error_messages["invalid_choice"] = STATUS_REFUSED
        if "published_at" in self.fields:
            self.fields["published_at"].help_text = (
                f"In the site's time zone, {settings.TIME_ZONE}. Leave empty to publish at "
                "once; a time in the future schedules the article, which appears everywhere "
                "at that minute."
            )

    def clean_published_at(self):
        """The form shows times to the second: a stored time sent back as shown is that time,
        not a new one (which would be a rescheduling)."""
        posted, stored = self.cleaned_data.get("published_at"), self.initial.get("published_at")
        if posted and stored and posted == stored.replace(microsecond=0):
            return stored
        return posted

    def clean(self):
        cleaned = super().clean()
        if not self.instance._state.adding:
            self._refuse_stale_edit()
        return cleaned

    def _refuse_stale_edit(self):
        current = (
            Article.objects.select_for_update(of=("self",))
            .filter(pk=self.instance.pk)
            .values("lock_version", "updated_at", "updated_by__username")
            .first()
        )
        if current is None:
            raise ValidationError("This article has been deleted since you opened it.")
        opened_at = self.cleaned_data.get("edit_token")
        if opened_at is None:
            raise ValidationError("This form is incomplete: reload the article and try again.")
        if opened_at == current["lock_version"]:
            return
        who = current["updated_by__username"] or "Someone"
        when = date_format(timezone.localtime(current["updated_at"]), "j M Y, H:i T")
        raise ValidationError(
            f"{who} saved this article at {when}, after you opened it. Your changes are not "
            "saved, and theirs are kept: your version is still in this form. Open the "
            "article in a new tab to see theirs, bring your changes across, and save there.",
            code="edit_conflict",
        )


class ArticleFigureFormSet(BaseInlineFormSet):
    """Alt text is required to publish: every figure of a published article describes its
    picture, unless an editor ticked "decorative". Refused here, beside the figures, before
    anything is saved; the publishing services apply the same rule (workflow.py)."""

    def clean(self):
        super().clean()
        if any(self.errors) or self.instance.status != Article.Status.PUBLISHED:
            return  # each figure's own errors first
        kept = [
            form.instance
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        # The publishing services' rule, applied to the figures as this form will save them.
        blocking = workflow.figures_missing_alt_text(kept)
        if blocking:
            raise ValidationError(workflow.missing_alt_text_message(blocking[0]), code="alt_text")
