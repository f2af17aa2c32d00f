from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView

from articles import previews, public_lists, tag_reads
from articles.cards import article_cards, cards_of_rows
from articles.models import Article, Section, TaggedArticle
from articles.page_parts import load_parts, public_article
from articles.pagination import PublicListPaginator
from articles.selectors import public_article_formerly_at, tag_has_public_content
from articles.series import Series
from articles.series_parts import public_parts, series_with_parts
from artists.index import tagged_entries
from artworks import card_reads as artwork_reads
from artworks.cards import cards_of_rows as artwork_cards_of_rows
from artworks.models import Artwork
from sqlreads import prepared

PAGE_SIZE = 12


HOME_SIZE = 13  # the lead story and a grid of twelve; the rest is under "All articles"


class CardListView(ListView):
    """A list of article cards: the page of the view's queryset reaches the template as
    `articles`, the cards of articles/cards.py."""

    context_object_name = "articles"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["object_list"]
        # A page already read as card rows (PagedCardListView.first_rows), or a queryset.
        cards = cards_of_rows(page) if isinstance(page, list) else article_cards(page)
        context["articles"] = cards
        return context


class PagedCardListView(CardListView):
    """Cards by pages of PAGE_SIZE, of the public list the view's `public_list()` names: its
    total and the keys of its deep pages are kept (articles/public_lists.py, pagination.py)."""

    paginate_by = PAGE_SIZE
    # What the view reads from the query; the page cache gives it nothing else (pagecache/query.py).
    query_parameters = ("page",)
    # A function (bottom, top) giving the card rows of the list's first pages, read without the
    # queryset (articles/pagination.py); None: a slice of the queryset.
    first_rows = None

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kw):
        return PublicListPaginator(
            queryset,
            per_page,
            listed=self.public_list(),
            first_rows=self.first_rows,
            orphans=orphans,
            allow_empty_first_page=allow_empty_first_page,
            **kw,
        )


class HomeView(CardListView):
    template_name = "articles/home.html"

    def get_queryset(self):
        return Article.objects.published().newest_first()[:HOME_SIZE]


class ArticleListView(PagedCardListView):
    template_name = "articles/article_list.html"

    def get_queryset(self):
        return Article.objects.published().newest_first()

    def public_list(self) -> public_lists.PublicList:
        return public_lists.every_article()


# A reader's page only reads: no transaction around it (ATOMIC_REQUESTS would add BEGIN and
# COMMIT, two round trips on every cold page). PostgreSQL's READ COMMITTED gives each query its
# own snapshot inside a transaction as well; a page built while a change commits is not kept by
# the page cache (its change counter moved), and the next page shows the change.
@method_decorator(transaction.non_atomic_requests, name="dispatch")
# Each statement planned once per connection on PostgreSQL (sqlreads/prepared.py).
@method_decorator(prepared.page_reads, name="dispatch")
class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return Article.objects.published().select_related("section")

    def get_object(self, queryset=None):
        # What get_queryset() finds by slug, and what for_detail() prefetches, without building
        # their querysets (articles/page_parts.py).
        article = public_article(self.kwargs[self.slug_url_kwarg])
        if article is None:
            raise Http404("No article found matching the query")
        load_parts(article)
        return article

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            moved_to = public_article_formerly_at(kwargs["slug"])
            if moved_to is None:
                raise
            return redirect(moved_to, permanent=True)


@method_decorator(never_cache, name="dispatch")
class ArticlePreviewView(DetailView):
    """An article whatever its status, exactly as its public page will show it, for whoever
    holds a valid preview link; kept out of search engines and every cache."""

    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_object(self, queryset=None):
        pk = previews.article_pk_from(self.kwargs["token"])
        if pk is None:
            raise Http404("This preview link is not valid, or has expired.")
        return get_object_or_404(Article.objects.for_detail(), pk=pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=True, **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Referrer-Policy"] = "no-referrer"  # the link is the key: never pass it on
        return response


class SectionDetailView(PagedCardListView):
    template_name = "articles/section_detail.html"

    def get_queryset(self):
        self.section = get_object_or_404(Section, slug=self.kwargs["slug"])
        return Article.objects.published().filter(section=self.section).newest_first()

    def public_list(self) -> public_lists.PublicList:
        return public_lists.in_section(self.section)

    def get_context_data(self, **kwargs):
        return super().get_context_data(section=self.section, **kwargs)


# A reader's page only reads: no transaction around it, as the article page above.
@method_decorator(transaction.non_atomic_requests, name="dispatch")
# Each statement planned once per connection on PostgreSQL (sqlreads/prepared.py).
@method_decorator(prepared.page_reads, name="dispatch")
class TagDetailView(PagedCardListView):
    """Everything public that carries a tag; a tag that only drafts carry is a 404."""

    template_name = "articles/tag_detail.html"

    def get_queryset(self):
        self.tag = tag_reads.load_tag(self.kwargs["slug"])  # get_object_or_404(), written once
        if self.tag is None:
            raise Http404("No Tag matches the given query.")
        # An IN over the tag's rows, not a join: SQLite joined every public article to the
        # tag's rows (60 ms for a tag on 160 of 2,000 articles; 0.5 ms so).
        tagged = TaggedArticle.objects.filter(tag=self.tag).values("content_object_id")
        return Article.objects.published().filter(pk__in=tagged).newest_first()

    def public_list(self) -> public_lists.PublicList:
        return public_lists.with_tag(self.tag)

    def first_rows(self, bottom: int, top: int) -> list[tuple]:
        """The first pages' card rows, the queryset's slice read with SQL written once."""
        return tag_reads.first_rows(self.tag, bottom, top - bottom, timezone.now())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(tag=self.tag, **kwargs)
        if context["page_obj"].number == 1:  # artists and artworks are shown on page 1 only
            # Read with SQL written once per process (artists/index.py, artworks/card_reads.py).
            context["artists"] = tagged_entries(self.tag.slug, 24)
            rows = artwork_reads.tagged(Artwork.objects.db, self.tag.slug, 24)
            context["artworks"] = artwork_cards_of_rows(rows)
        return context

    def paginate_queryset(self, queryset, page_size):
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        if not paginator.count and not tag_has_public_content(self.tag):
            raise Http404("No public content carries this tag.")
        return paginator, page, object_list, is_paginated


class SeriesDetailView(CardListView):
    """A public series and its public parts in part order; an unknown or hidden series, or one
    with no public part yet, is a 404."""

    template_name = "articles/series_detail.html"
    paginate_by = 24
    query_parameters = ("page",)

    def get_queryset(self):
        self.series = get_object_or_404(Series.objects.public(), slug=self.kwargs["slug"])
        return public_parts(self.series)

    def paginate_queryset(self, queryset, page_size):
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        if not paginator.count:
            raise Http404("This series has no public part yet.")
        return paginator, page, object_list, is_paginated

    def get_context_data(self, **kwargs):
        return super().get_context_data(series=self.series, **kwargs)


class SeriesListView(ListView):
    """The public series that have a public part, in their order."""

    template_name = "articles/series_list.html"
    context_object_name = "series_list"

    def get_queryset(self):
        return series_with_parts().order_by("order", "title")
