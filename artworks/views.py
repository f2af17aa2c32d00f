from django.db import transaction
from django.http import Http404
from django.utils.decorators import method_decorator
from django.views.generic import DetailView, ListView

import pagecache
from artworks import card_reads
from artworks.cards import artwork_cards, cards_of_rows
from artworks.models import Artwork
from artworks.page_parts import load_artwork
from pagecache.counts import Counted, KeptCountMixin, kept
from sqlreads import prepared


class ArtworkListView(KeptCountMixin, ListView):
    template_name = "artworks/artwork_list.html"
    context_object_name = "artworks"
    paginate_by = 48
    # What the view reads from the query; the page cache gives it nothing else (pagecache/query.py).
    query_parameters = ("page",)

    def get_queryset(self):
        # The key after the title, as the index has it (Artwork.Meta): hundreds of works may be
        # "Untitled", and a page read by its keys (artworks/cards.py) keeps their order.
        return Artwork.objects.order_by("title", "pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["artworks"] = artwork_cards(context["object_list"])  # artworks/cards.py
        return context

    def kept_count(self) -> int:
        """How many artworks there are: the header prints it. A COUNT of every artwork
        (200,000 on PostgreSQL) on each page, kept instead until an artwork is added or
        removed (pagecache/counts.py)."""
        every = Artwork.objects.all()
        return kept(
            "artworks:all", lambda: Counted(every.count()), depends_on=[pagecache.all_key(Artwork)]
        ).total


# A reader's page only reads: no transaction around it, as the article page (articles/views.py).
@method_decorator(transaction.non_atomic_requests, name="dispatch")
# Each statement planned once per connection on PostgreSQL (sqlreads/prepared.py).
@method_decorator(prepared.page_reads, name="dispatch")
class ArtworkDetailView(DetailView):
    template_name = "artworks/artwork_detail.html"
    context_object_name = "artwork"

    def get_object(self, queryset=None):
        # prefetch_related("images", "artist_credits__artist", "tags"), without building
        # querysets (artworks/page_parts.py).
        artwork = load_artwork(self.kwargs["slug"])
        if artwork is None:
            raise Http404("No artwork found matching the query")
        return artwork

    def get_context_data(self, **kwargs):
        artist_ids = [credit.artist_id for credit in self.object.artist_credits.all()]
        others = card_reads.by_artists_except(Artwork.objects.db, artist_ids, self.object.pk, 12)
        return super().get_context_data(other_works=cards_of_rows(others), **kwargs)
