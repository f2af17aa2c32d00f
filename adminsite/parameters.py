"""What an admin address may carry: change lists answer any address they cannot list with
Django's own "?e=1" redirect (the list without its filters, and a note), and the add form
ignores prefilled values its fields cannot hold; never a 500.

Django's admin turns most bad parameters into IncorrectLookupParameters itself, but not these,
which reach the database or the calendar and fail there:

- lookups no filter of the admin makes but Django allows on a model's own fields:
  `?title__regex=(` (a database error, which would be taken for an outage), `?title__search=`
  on SQLite, `?title__trigram_similar=`;
- numbers out of range: `?published_at__year=99999999999999` or `=9999` (the date hierarchy's
  span would end in year 10000), `?id__in=99999999999999999999` (SQLite's 64 bits), a date
  before year 1 once it is converted to UTC;
- on the add form, `?published_at=99999-01-01` (the widget cannot show it) or
  `?featured_artists=99999999999999999999`.

Lookups are checked before anything is built; the out-of-range numbers are OverflowError or
ValueError raised in Python while lookups are built or the query is compiled, before any SQL is
sent, so the request's transaction is untouched. A NUL character is refused for the whole admin
by the site (sites.py)."""

from functools import cache

from django.contrib.admin.filters import SimpleListFilter
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.widgets import url_params_from_lookup_dict
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models.constants import LOOKUP_SEP

# What the admin's own filters, date hierarchy and popups put in an address after the field
# names (Django's list filters: exact, isnull, the date filter's gte and lt, isempty; the date
# hierarchy: year, month, day), and the plain comparisons people type by hand.
COMPARISONS = frozenset(
    {
        "exact",
        "iexact",
        "in",
        "isnull",
        "isempty",
        "gt",
        "gte",
        "lt",
        "lte",
        "range",
        "contains",
        "icontains",
        "startswith",
        "istartswith",
        "endswith",
        "iendswith",
        "date",
        "year",
        "month",
        "day",
    }
)


def has_nul(query) -> bool:
    return any(
        "\x00" in name or any("\x00" in value for value in values) for name, values in query.lists()
    )


class GuardedChangeList:
    """Mixed in before the change list class a model admin uses."""

    def get_filters(self, request):
        for lookup in self.get_filters_params():
            if not self._is_listed(lookup, request):
                raise IncorrectLookupParameters(f"{lookup!r} is not a filter of this list.")
        try:
            return super().get_filters(request)
        except (OverflowError, ValueError) as error:
            # Django treats every error in turning the address into lookups as bad parameters
            # (ChangeList.get_queryset); its date hierarchy misses these two.
            raise IncorrectLookupParameters(error) from error

    def get_results(self, request):
        try:
            super().get_results(request)
        except OverflowError as error:  # a number or date the database cannot hold
            raise IncorrectLookupParameters(error) from error

    def _is_listed(self, lookup: str, request) -> bool:
        if lookup in filter_parameters(self.model_admin, request):
            return True
        return all(term in COMPARISONS for term in terms_after_fields(self.model, lookup))


def filter_parameters(model_admin, request) -> set[str]:
    """Parameters that are not lookups: simple list filters' own, and those of the popups that
    choose a related object under its `limit_choices_to`."""
    names = {
        item.parameter_name
        for item in model_admin.get_list_filter(request)
        if isinstance(item, type) and issubclass(item, SimpleListFilter)
    }
    for fk_lookup in model_admin.model._meta.related_fkey_lookups:
        names.update(url_params_from_lookup_dict(fk_lookup() if callable(fk_lookup) else fk_lookup))
    return names


def terms_after_fields(model, lookup: str) -> list[str]:
    """The lookups and transforms of `lookup` after its fields: ["year", "gt"] for
    "published_at__year__gt", ["exact"] for "section__id__exact", [] for "section"."""
    parts = lookup.split(LOOKUP_SEP)
    for index, part in enumerate(parts):
        try:
            field = model._meta.pk if part == "pk" else model._meta.get_field(part)
        except FieldDoesNotExist:
            return parts[index:]
        if not getattr(field, "path_infos", None):  # not a relation: the rest are lookups
            return parts[index + 1 :]
        model = field.path_infos[-1].to_opts.model
    return []


def as_held(field, value):
    """`value` as `field` holds it (for a relation: as the field it points at holds it), or
    ValueError if it cannot hold it."""
    target = field.target_field if field.is_relation else field
    try:
        held = target.to_python(value)
        target.run_validators(held)  # integer fields check the database's range here
    except (ValidationError, TypeError, ValueError, OverflowError) as error:
        raise ValueError(f"{field.name} cannot hold {value!r}") from error
    return held


@cache
def guarded_changelist(changelist_class: type) -> type:
    if issubclass(changelist_class, GuardedChangeList):
        return changelist_class
    return type(changelist_class.__name__, (GuardedChangeList, changelist_class), {})


class GuardedModelAdmin:
    """Mixed in before a model admin class."""

    def get_changelist(self, request, **kwargs):
        return guarded_changelist(super().get_changelist(request, **kwargs))

    def get_changeform_initial_data(self, request):
        """Values prefilled from the address (`?section=3`, `?featured_artists=1,2`, as the
        admin's "add another" links make them): a value its field cannot hold is left out, and a
        plain field gets it as a Python value (Django's date and time widget cannot show one
        still in text)."""
        initial = super().get_changeform_initial_data(request)
        for name, value in list(initial.items()):
            try:
                field = self.opts.get_field(name)
            except FieldDoesNotExist:
                continue
            try:
                if field.many_to_many:  # taggit's manager too, whose ids Django leaves unsplit
                    for each in value if isinstance(value, list) else str(value).split(","):
                        as_held(field, each)
                elif field.many_to_one or field.one_to_one:
                    as_held(field, value)
                elif not field.is_relation:
                    initial[name] = as_held(field, value)
            except ValueError:
                del initial[name]
        return initial
