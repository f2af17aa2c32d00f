from django.core.paginator import InvalidPage, Paginator
from django.db import transaction
from django.http import Http404
from django.utils.decorators import method_decorator
from django.views.generic import DetailView, TemplateView

from artworks.cards import artwork_cards
from exhibitions import selectors
from exhibitions.on_view import today

# How many of a show's artworks its page shows (an artist's page shows as many of their works).
ARTWORKS_SHOWN = 48
# How many past shows the index shows before "All past exhibitions" (?show=past).
PAST_ON_INDEX = 12


# A reader's page only reads: no transaction around it, as the article page (articles/views.py).
@method_decorator(transaction.non_atomic_requests, name="dispatch")
class ExhibitionListView(TemplateView):
    """On now, upcoming and the latest past shows; with ?show=past, every past show a page at a
    time. ?city= keeps the shows of one city (of those listed as links)."""

    template_name = "exhibitions/exhibition_list.html"
    paginate_by = 24
    page_kwarg = "page"  # as a ListView's (tests/pagecache/test_query_parameters.py checks it)
    # What the view reads from the query; the page cache gives it nothing else (pagecache/query.py).
    query_parameters = ("city", "show", "page")

    def get_context_data(self, **kwargs):
        day = today()
        spellings = selectors.cities()
        asked = self.request.GET.get("city", "")
        city = selectors.known_city(asked, spellings)
        context = super().get_context_data(
            day=day,
            cities=list(spellings),
            city=city,
            # A city asked for that has no public show: an empty page that says so.
            unknown_city=_shown(asked) if asked.strip() and city is None else "",
            show_past=self.request.GET.get("show") == "past",
            **kwargs,
        )
        if context["unknown_city"]:
            return context | {"on_now": [], "upcoming": [], "past": []}
        if context["show_past"]:
            page = self._page(selectors.past(day, spellings.get(city)))
            selectors.with_artists(page.object_list)
            return context | {"past": page.object_list, "page_obj": page, "is_paginated": True}
        on_now = list(selectors.on_now(day, spellings.get(city)))
        upcoming = list(selectors.upcoming(day, spellings.get(city)))
        past = list(selectors.past(day, spellings.get(city))[: PAST_ON_INDEX + 1])
        selectors.with_artists(on_now, upcoming, past)
        return context | {
            "on_now": on_now,
            "upcoming": upcoming,
            "past": past[:PAST_ON_INDEX],
            "more_past": len(past) > PAST_ON_INDEX,
        }

    def _page(self, exhibitions):
        """The asked page of past shows: a page that is not a number or not there is a 404, as
        on the other lists."""
        paginator = Paginator(exhibitions, self.paginate_by)
        try:
            return paginator.page(self.request.GET.get(self.page_kwarg) or 1)
        except InvalidPage as error:
            raise Http404("No such page of past exhibitions") from error


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class ExhibitionDetailView(DetailView):
    template_name = "exhibitions/exhibition_detail.html"
    context_object_name = "exhibition"

    def get_object(self, queryset=None):
        exhibition = selectors.exhibition_for_page(self.kwargs["slug"])
        if exhibition is None:  # unknown, or not public
            raise Http404("No exhibition found matching the query")
        return exhibition

    def get_context_data(self, **kwargs):
        works = self.object.artworks.order_by("title", "pk")[:ARTWORKS_SHOWN]
        return super().get_context_data(
            on_view=self.object.on_view(today()), artworks=artwork_cards(works), **kwargs
        )


def _shown(asked: str) -> str:
    """What the page repeats of a city nobody has: printable characters only, and not a page of
    them (the template escapes it)."""
    printable = "".join(char for char in asked if char.isprintable())
    limit = selectors.CITY_MAX_LENGTH
    return printable[:limit] + ("…" if len(printable) > limit else "")
