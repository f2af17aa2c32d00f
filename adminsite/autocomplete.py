"""The admin's autocomplete (select2 pickers) naming each result as its model admin says: an
admin with an `autocomplete_label(obj)` method gives its results that text ("Title — Section,
4 Dec 2026 (draft) · /slug/" for articles, whose titles may repeat); others keep `str(obj)`."""

from django.contrib.admin.views.autocomplete import AutocompleteJsonView


class LabelledAutocompleteJsonView(AutocompleteJsonView):
    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        label = getattr(self.model_admin, "autocomplete_label", None)
        if label is not None:
            result["text"] = str(label(obj))
        return result
