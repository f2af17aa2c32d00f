"""The admin's related-link forms, and how a page that has been open a while keeps the decisions
others made meanwhile.

A link can be decided on in three places at once: the moderation queue, the link's own page and
its article's page, and the engine replaces suggestions (under new ids) whenever it recomputes a
list. Django tells what a user changed by comparing what a page posts with the row as it is
*now*, so a stale page would write back every row someone else decided on since it was opened,
and would turn every row the engine replaced into errors. Here each link's page posts, in hidden
`initial-` fields, the decision it showed (and, on the article's page, the link's target), and:

- a link the user left as the page showed it is never written, whatever happened to it since;
- a link the user changed is written only if nobody decided on it since; if someone did, the
  save is refused with who and what, and the page shows their decision (nothing is saved);
- a link that has gone since is left out of the page when the user had not changed it, and
  refused with a message when they had; on the article's page, a suggestion the engine stored
  again under a new id is the same link.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet, BaseModelFormSet
from django.http import QueryDict
from django.utils import timezone
from django.utils.formats import date_format

from articles.models import Article
from recommendations.models import RelatedLink
from recommendations.services import (
    HAND_ADDED_STATUSES,
    related_link_add,
    related_link_moderate,
)

Status = RelatedLink.Status

# What a person decides about a link; the pair (source, target) is what the link is.
DECISION = ("status", "position")

INCOMPLETE = "This form is incomplete: reload the page and try again."


class RelatedLinkForm(forms.ModelForm):
    """A link added by hand is a person's decision, so it starts approved and is never a mere
    suggestion; an existing link keeps its pair (decide on it, or reject it and add another)."""

    class Meta:
        model = RelatedLink
        fields = ["source", "target", "status", "position"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Set by clean(): the user's decision is what the link holds already (nothing to write).
        self.stored_already = False
        if "status" in self.fields:
            self.fields["status"].help_text = (
                "Approved may show; pinned always shows, in position order; rejected never "
                "shows, and the engine will not suggest the pair again."
            )
        if "position" in self.fields:
            self.fields["position"].help_text = (
                "For pinned links: lower comes first. Leave empty to keep a pinned link where "
                "it is, or to pin a link at the end."
            )
        adding = self.instance._state.adding
        if "status" in self.fields and (adding or self.instance.origin == RelatedLink.Origin.STAFF):
            self.fields["status"].choices = [(s.value, s.label) for s in HAND_ADDED_STATUSES]
            if adding:
                self.fields["status"].initial = Status.APPROVED
                if self.initial.get("status") == Status.SUGGESTED:
                    del self.initial["status"]
        if "target" in self.fields and not adding:
            self.fields["target"].disabled = True
        if not adding:
            # The page posts back what it showed: has_changed() compares with that, not with
            # the row as it is now.
            for name in DECISION:
                if name in self.fields:
                    self.fields[name].show_hidden_initial = True

    def clean(self):
        cleaned = super().clean()
        if self.is_bound and not self.instance._state.adding and self.has_changed():
            self._keep_decisions_made_since()
        return cleaned

    def decides(self) -> bool:
        """Whether saving this form writes a decision: the user changed the link from what
        their page showed, to something it does not hold already."""
        return self.has_changed() and not self.stored_already

    def _opened(self, name):
        """The value of field `name` when the page was shown."""
        field, key = self.fields[name], self.add_initial_prefix(name)
        if key not in self.data:
            raise ValidationError(INCOMPLETE, code="incomplete")
        try:
            return field.to_python(field.hidden_widget().value_from_datadict(self.data, {}, key))
        except ValidationError:
            raise ValidationError(INCOMPLETE, code="incomplete") from None

    def _keep_decisions_made_since(self):
        opened = {name: self._opened(name) for name in DECISION if name in self.fields}
        stored = (
            RelatedLink.objects.select_for_update(of=("self",))
            .filter(pk=self.instance.pk)
            .values(*DECISION, "moderated_by__username", "moderated_at")
            .first()
        )
        if stored is None:
            raise ValidationError(
                "This link was deleted after you opened this page: reload the page.",
                code="deleted_since",
            )
        if all(stored[name] == value for name, value in opened.items()):
            return  # nobody decided on it since: the change is the user's to make
        deleting = bool(self.cleaned_data.get("DELETE"))
        if not deleting and self._holds(stored):
            self.stored_already = True  # both made the same decision
            return
        if deleting:
            # Not deleted after all (a formset overlooks the errors of the rows it deletes).
            self.cleaned_data["DELETE"] = False
        self._show(stored)
        raise ValidationError(
            self._decided_since_message(stored, deleting=deleting), code="decided_since"
        )

    def _holds(self, stored: dict) -> bool:
        status = self.cleaned_data.get("status", self.instance.status)
        if status != stored["status"]:
            return False
        position = self.cleaned_data.get("position")
        return status != Status.PINNED or position is None or position == stored["position"]

    @staticmethod
    def _decided_since_message(stored: dict, *, deleting: bool) -> str:
        now = dict(Status.choices).get(stored["status"], stored["status"])
        if stored["status"] == Status.PINNED and stored["position"] is not None:
            now = f"{now} (position {stored['position']})"
        if stored["moderated_at"] is None:
            what = f"Someone changed this link after you opened this page: it is now {now}."
        else:
            when = date_format(timezone.localtime(stored["moderated_at"]), "j M Y, H:i T")
            who = stored["moderated_by__username"] or "Someone"
            what = f"{who} set this link to {now} at {when}, after you opened this page."
        yours = "You marked it for deletion" if deleting else "You changed it too"
        return (
            f"{what} {yours}: nothing on this page is saved yet. The link shows their "
            "decision now; change it again if you still want yours, and save."
        )

    def _show(self, stored: dict):
        """Re-display the link as it is stored, and as if the page had been opened now, so that
        saving again keeps the other person's decision unless the user changes it again."""
        data = self.data.copy()
        for name in DECISION:
            if name in self.fields:
                value = "" if stored[name] is None else str(stored[name])
                data[self.add_prefix(name)] = data[self.add_initial_prefix(name)] = value
        data.pop(self.add_prefix("DELETE"), None)
        self.data = data


class ArticleRelatedLinkForm(RelatedLinkForm):
    """A link on its article's page."""

    # The target the page showed (browsers do not post the disabled target field): how the
    # page finds a suggestion that the engine stored again, under a new id, while it was open.
    shown_target = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["shown_target"].initial = self.instance.target_id


class StoredRowsFormSetMixin:
    """For a formset of links that may have gone since its page was opened: rows that are gone
    are taken out of the posted data before any form is built (Django would make each an error
    on its hidden id), and their rows renumbered; a gone row the user had changed refuses the
    save with a message."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.gone_with_changes: list[int | None] = []  # the targets of those rows, if known
        if self.is_bound:
            self.data = self._without_gone_rows(self.data)

    def stored_rows(self) -> list[RelatedLink]:
        return list(super().get_queryset())

    def resolve(self, index: int, pk, stored: dict[int, RelatedLink]) -> int | None:
        """The stored link that posted row `index` (which names `pk`) is, if any."""
        return pk if pk in stored else None

    def get_queryset(self):
        # Once bound: the posted rows' links in their posted order, which is what the admin
        # pairs the forms with when it shows them again.
        posted = getattr(self, "_posted_rows", None)
        return super().get_queryset() if posted is None else posted

    def clean(self):
        super().clean()
        if self.gone_with_changes:
            raise ValidationError(self._gone_message(self.gone_with_changes), code="gone")

    @staticmethod
    def _gone_message(targets: list[int | None]) -> str:
        titles = dict(
            Article.objects.filter(pk__in=[t for t in targets if t]).values_list("pk", "title")
        )
        if len(targets) == 1:
            which = f"to “{titles[targets[0]]}”" if targets[0] in titles else "you changed"
            gone = f"The link {which} was removed"
        elif all(t in titles for t in targets):
            gone = "The links to " + ", ".join(f"“{titles[t]}”" for t in targets) + " were removed"
        else:
            gone = f"{len(targets)} links you changed were removed"
        return (
            f"{gone} after you opened this page (by a moderator, or because the engine no "
            "longer suggests them), so your changes to them are not saved, and nothing else on "
            "this page is yet. Add a link again if you still want it, and save."
        )

    def _without_gone_rows(self, data):
        prefix = self.prefix
        try:
            total = int(data[f"{prefix}-TOTAL_FORMS"])
            initial = int(data[f"{prefix}-INITIAL_FORMS"])
        except (KeyError, TypeError, ValueError):
            return data  # Django reports the damaged management form
        if not 0 <= initial <= total <= self.absolute_max:
            return data
        stored = {link.pk: link for link in self.stored_rows()}
        kept: list[tuple[int, int]] = []  # (posted index, stored pk)
        for index in range(initial):
            pk = _as_int(data.get(f"{prefix}-{index}-id"))
            found = self.resolve(index, pk, stored)
            if found is not None:
                kept.append((index, found))
            elif _changed(data, f"{prefix}-{index}-"):
                target = data.get(f"{prefix}-{index}-shown_target")
                self.gone_with_changes.append(_as_int(target))
        self._posted_rows = [stored[pk] for _, pk in kept]
        as_posted = [_as_int(data.get(f"{prefix}-{index}-id")) for index in range(initial)]
        if [pk for _, pk in kept] == as_posted:
            return data
        return _renumbered(data, prefix, kept, extra=range(initial, total))


class RelatedLinkInlineFormSet(StoredRowsFormSetMixin, BaseInlineFormSet):
    """The links on an article's page. A link is its pair: a suggestion the engine stored again
    under a new id while the page was open is still the row the page showed."""

    def resolve(self, index, pk, stored):
        if pk in stored:
            return pk
        target = _as_int(self.data.get(f"{self.prefix}-{index}-shown_target"))
        return next((link.pk for link in stored.values() if link.target_id == target), None)

    user = None  # the requesting user; RelatedLinkInline.get_formset makes a subclass that sets it

    def save(self, commit=True):
        """Each decision through the moderation services (who decided and when), never a plain
        save: a new row becomes a link added by hand, a changed one a moderation."""
        super().save(commit=False)  # sorts the rows into new, changed and deleted ones
        for link in self.deleted_objects:
            link.delete()
        saved = []
        for form in self.forms:
            if not form.decides() or form in self.deleted_forms:
                continue
            link, data = form.instance, form.cleaned_data
            if link.pk is None:
                form.instance = related_link_add(
                    source=self.instance,
                    target=data["target"],
                    status=data["status"],
                    position=data.get("position"),
                    user=self.user,
                )
            else:
                related_link_moderate(
                    link=link, status=data["status"], position=data.get("position"), user=self.user
                )
            saved.append(form.instance)
        return saved


class RelatedLinkListFormSet(StoredRowsFormSetMixin, BaseModelFormSet):
    """The queue's editable columns (status and position)."""


def _as_int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _changed(data, row: str) -> bool:
    """Whether a posted row differs from what its page showed (a deletion of a row that is gone
    anyway is no change worth a word)."""
    if data.get(f"{row}DELETE"):
        return False
    return any(
        data.get(f"{row}{name}", "") != data.get(f"initial-{row}{name}", "") for name in DECISION
    )


def _renumbered(data, prefix: str, kept: list[tuple[int, int]], extra: range) -> QueryDict:
    """The posted data with only the kept rows (each naming its stored link) and the new ones,
    numbered from 0 as the formset expects."""
    row_key = re.compile(rf"^(initial-)?{re.escape(prefix)}-(\d{{1,9}})-(.+)$")
    new_index = {old: new for new, (old, _) in enumerate(kept)}
    new_index.update({old: len(kept) + n for n, old in enumerate(extra)})
    lists = data.lists() if hasattr(data, "lists") else ((k, [v]) for k, v in data.items())
    result = QueryDict(mutable=True)
    for key, values in lists:
        match = row_key.match(key)
        if match is None:
            result.setlist(key, values)
        elif int(match[2]) in new_index:
            initial, _, name = match.groups()
            result.setlist(f"{initial or ''}{prefix}-{new_index[int(match[2])]}-{name}", values)
    for old, pk in kept:
        result[f"{prefix}-{new_index[old]}-id"] = str(pk)
    result[f"{prefix}-TOTAL_FORMS"] = str(len(new_index))
    result[f"{prefix}-INITIAL_FORMS"] = str(len(kept))
    return result
