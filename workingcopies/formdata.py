"""A change form's posted fields as JSON, and back."""

from django.http import QueryDict

# Posted with the form but no part of what was typed: the CSRF token, the submit buttons, and
# names of our own (starting with "_").
SKIPPED = {"csrfmiddlewaretoken"}


class NotFormData(ValueError):
    """What was sent is not the fields of this form."""


def _clean(text: str) -> str:
    # PostgreSQL's jsonb cannot hold NUL; no form field accepts it either.
    return text.replace("\x00", "")


def form_data(posted: QueryDict, *, expected: set[str]) -> dict[str, list[str]]:
    """The fields of `posted` as {name: [values]}, without the CSRF token, the buttons and our
    own names. Refused (NotFormData) when none of the `expected` field names is there: a body
    that is not this form is not kept."""
    data = {
        _clean(name): [_clean(value) for value in values]
        for name, values in posted.lists()
        if name not in SKIPPED and not name.startswith("_")
    }
    if not expected & data.keys():
        raise NotFormData("These are not the fields of this form.")
    return data


def as_query_dict(data: dict[str, list[str]]) -> QueryDict:
    """A working copy's fields as a form takes them (bound data)."""
    bound = QueryDict(mutable=True)
    for name, values in data.items():
        if isinstance(name, str) and isinstance(values, list):
            bound.setlist(name, [str(value) for value in values])
    return bound
