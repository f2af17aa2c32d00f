"""Helpers for posting admin forms the way a browser does, inlines included."""


def management_form(prefix: str, total: int = 0, initial: int = 0) -> dict[str, str]:
    """An inline formset's management fields; prefixes are the relation names, e.g. 'figures'."""
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def form_errors(response) -> dict[str, list[str]]:
    """Every error on a re-displayed admin form, keyed by field name as posted
    ('slug', 'figures-0-alt_text'); '__all__' and 'figures-0-__all__' for the rest."""
    assert response.status_code == 200, f"expected the form again, got {response.status_code}"
    errors = {
        name: list(messages) for name, messages in response.context["adminform"].form.errors.items()
    }
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for index, form in enumerate(formset.forms):
            for name, messages in form.errors.items():
                errors[f"{formset.prefix}-{index}-{name}"] = list(messages)
        if formset.non_form_errors():
            errors[f"{formset.prefix}-__all__"] = list(formset.non_form_errors())
    return errors
