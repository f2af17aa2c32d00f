"""The exhibition list's filter by where a show stands today (on now, upcoming, past), in the
site's time zone, through the queryset's own verbs (exhibitions/models.py), so the admin says
what the public index says."""

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters

from exhibitions import on_view
from exhibitions.on_view import State


class OnViewFilter(admin.SimpleListFilter):
    title = "on view"
    parameter_name = "on_view"

    def lookups(self, request, model_admin):
        return [(state.value, state.label) for state in State]

    def queryset(self, request, queryset):
        day = on_view.today()
        match self.value():
            case None:
                return queryset
            case State.ON:
                return queryset.on_view(day)
            case State.UPCOMING:
                return queryset.upcoming(day)
            case State.PAST:
                return queryset.past(day)
        raise IncorrectLookupParameters(f"{self.value()!r} is not where a show can stand.")
