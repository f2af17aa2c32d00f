"""The admin's pickers naming objects as their model admin says: an admin with an
`autocomplete_label(obj)` method gives the autocomplete's results that text ("Title — Section,
4 Dec 2026 (draft) · /slug/" for articles, whose titles may repeat), and the choices of forms
that pick its objects too (LabelledChoicesMixin); others keep `str(obj)`."""

from django.contrib.admin.views.autocomplete import AutocompleteJsonView


class LabelledAutocompleteJsonView(AutocompleteJsonView):
    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        label = getattr(self.model_admin, "autocomplete_label", None)
        if label is not None:
            result["text"] = str(label(obj))
        return result


class LabelledChoicesMixin:
    """For a model admin or an inline: a choice of objects whose admin has an
    `autocomplete_label` (the picker's chosen options, a select's options) is named by it too,
    as the picker's results are; `label_select_related` on that admin says what the label reads
    from related rows, loaded with the choices. The site mixes it into every admin it
    registers; an inline that picks such objects mixes it in itself."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        return labelled(formfield, self.admin_site, db_field)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        return labelled(formfield, self.admin_site, db_field)


def labelled(formfield, admin_site, db_field):
    target = admin_site._registry.get(db_field.remote_field.model)
    label = getattr(target, "autocomplete_label", None)
    if formfield is None or label is None or not hasattr(formfield, "label_from_instance"):
        return formfield
    formfield.label_from_instance = label
    related = getattr(target, "label_select_related", ())
    if related:
        formfield.queryset = formfield.queryset.select_related(*related)
    return formfield
