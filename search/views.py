from django.views.generic import TemplateView

from search.paginator import SearchPaginator
from search.params import KIND_CHOICES, search_params
from search.selectors import search_hits, search_results
from search.terms import MAX_LENGTH

PAGE_SIZE = 20


class SearchView(TemplateView):
    """Results for ?q= (with ?kind=, ?section=, ?page=); the search form alone without a query.
    Kept out of search engines' indexes: a results page is not content."""

    template_name = "search/results.html"
    # What the view reads from the query; the page cache gives it nothing else (pagecache/query.py).
    query_parameters = ("q", "kind", "section", "page")

    def get_context_data(self, **kwargs):
        params = search_params(self.request.GET)
        context = super().get_context_data(
            search=params, kind_choices=KIND_CHOICES, max_length=MAX_LENGTH, **kwargs
        )
        if params.terms:
            paginator = SearchPaginator(search_hits(params), PAGE_SIZE)
            # Not a number: the first page; past the end: the last one.
            page = paginator.get_page(self.request.GET.get("page"))
            context.update(
                paginator=paginator,
                page_obj=page,
                results=search_results(list(page.object_list), params),
            )
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response["X-Robots-Tag"] = "noindex"
        return response
