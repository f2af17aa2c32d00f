"""Autocomplete pickers that show their chosen object without a query of their own.

Django's autocomplete widget looks up its chosen option with a query per widget: on a form with
inlines, one per row (the byline's authors, each figure's artwork and image, each related link's
target). The row's object has usually loaded that object already (its admin's `get_queryset`
joins it): `PrimedChoicesAdminMixin` hands it to the row's widget, which shows it as Django
would, and queries as Django does when it was not loaded, or when the field's choices are
limited (a `limit_choices_to`, a narrowed or reordered queryset: only the database knows whether
the chosen object is still among them). A many-to-many picker takes the objects the form's
initial value has loaded (in the model's ordering, as the picker's own query would list them).

A picker with nothing chosen (an empty form, a figure of an upload, the blank rows a page
adds) shows what Django's shows, the blank option alone, without building the query for no
object that Django builds and the database never runs (some 10 on an article's page).

An inline's empty form (the template of a new row) is built once a formset, not each time the
page asks for it.

Each row of an inline shown anew also gets the page's object as its parent, so that what the row
says of itself (`str()`, "Figure 1 of ...") does not load that object again, once a row.

The site mixes it into every model admin it registers (sites.py); an inline mixes it in itself.
"""

from django.contrib.admin import widgets
from django.utils.functional import cached_property


def nothing_chosen(widget, name, value):
    """What Django's AutocompleteMixin.optgroups() returns when `value` chooses nothing (its
    query asks for the objects whose key is in an empty set: no object, and no query run),
    or None when something is chosen."""
    empty = widget.choices.field.empty_values
    if any(str(v) not in empty for v in value):
        return None
    groups = [(None, [], 0)]
    if not widget.is_required and not widget.allow_multiple_selected:
        groups[0][1].append(widget.create_option(name, "", "", False, 0))
    return groups


class PrimedAutocompleteSelect(widgets.AutocompleteSelect):
    # The chosen object as the row loaded it, or None: set per form by PrimedChoicesAdminMixin.
    primed = None

    def optgroups(self, name, value, attr=None):
        blank = nothing_chosen(self, name, value)
        if blank is not None:
            return blank
        chosen = self.primed
        if chosen is None or [str(v) for v in value if v not in (None, "")] != [str(chosen.pk)]:
            return super().optgroups(name, value, attr)
        groups = [(None, [], 0)]
        options = groups[0][1]
        if not self.is_required:
            options.append(self.create_option(name, "", "", False, 0))
        label = self.choices.field.label_from_instance(chosen)
        options.append(self.create_option(name, chosen.pk, label, {str(chosen.pk)}, len(options)))
        return groups


class PrimedAutocompleteSelectMultiple(widgets.AutocompleteSelectMultiple):
    # The chosen objects as the form's initial value loaded them, or None: set per form.
    primed = None

    def optgroups(self, name, value, attr=None):
        blank = nothing_chosen(self, name, value)
        if blank is not None:
            return blank
        chosen = self.primed
        if chosen is None or sorted(str(v) for v in value) != sorted(str(o.pk) for o in chosen):
            return super().optgroups(name, value, attr)
        selected = {str(obj.pk) for obj in chosen}
        label = self.choices.field.label_from_instance
        options = [
            self.create_option(name, obj.pk, label(obj), selected, index)
            for index, obj in enumerate(chosen)
        ]
        return [(None, options, 0)]


class PrimedChoicesAdminMixin:
    """For a model admin or an inline: its autocomplete pickers of one object take that
    object from the row being edited when the row has it loaded."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = PrimedAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        autocomplete = db_field.name in self.get_autocomplete_fields(request)
        if (
            "widget" not in kwargs
            and autocomplete
            and db_field.remote_field.through._meta.auto_created
        ):
            kwargs["widget"] = PrimedAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (PrimedForm, form), {"__module__": form.__module__})

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        return type(formset.__name__, (PrimedFormSet, formset), {"__module__": formset.__module__})


def prime(form) -> None:
    """Give each primed picker of `form` the object its row has loaded for it."""
    loaded = form.instance._state.fields_cache
    for name, field in form.fields.items():
        widget = getattr(field.widget, "widget", field.widget)  # inside the "+" wrapper
        if isinstance(widget, PrimedAutocompleteSelect):
            widget.primed = loaded.get(name) if _choices_unlimited(field, ordered=False) else None
        elif isinstance(widget, PrimedAutocompleteSelectMultiple):
            initial = form.initial.get(name)
            model = getattr(field, "queryset", None) is not None and field.queryset.model
            whole = isinstance(initial, list) and all(isinstance(o, model) for o in initial)
            widget.primed = initial if whole and _choices_unlimited(field) else None


def _choices_unlimited(field, ordered=True) -> bool:
    """Whether every object of the field's model is a choice (and, if `ordered`, listed in
    the model's own order: a picker of many lists its chosen ones in the choices' order)."""
    queryset = getattr(field, "queryset", None)
    return (
        queryset is not None
        and not queryset.query.has_filters()
        and not (ordered and queryset.query.order_by)
        and not field.get_limit_choices_to()
        and getattr(field, "to_field_name", None) in (None, queryset.model._meta.pk.name)
    )


class PrimedForm:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        prime(self)


class PrimedFormSet:
    @cached_property
    def empty_form(self):
        # The template of a new row: Django builds it anew each time it is asked for (the
        # table's headers, its rows, the page's media: four or five times an inline), each
        # the same form. Built once a formset here, and kept as it was built: nothing writes
        # to it, pages only read it.
        return super().empty_form

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        fk = getattr(self, "fk", None)
        if fk is not None and not self.is_bound and self.instance.pk is not None:
            # Each row of an inline shown anew belongs to the object of the page: its title
            # ("Figure 1 of ...", "... → ...") reads that object, not a query per row. (A
            # form sent back holds what was typed in the object; its rows keep the stored one.)
            if getattr(form.instance, fk.attname) == self.instance.pk:
                setattr(form.instance, fk.name, self.instance)
        prime(form)
        return form
