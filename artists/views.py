import string

from django.db import transaction
from django.db.models.functions import Lower
from django.http import Http404
from django.utils.decorators import method_decorator
from django.views.generic import DetailView, ListView

import pagecache
from artists.index import index_entries
from artists.models import Artist
from artists.page_parts import load_artist
from pagecache.counts import Counted, KeptCountMixin, kept
from sqlreads import prepared

LETTERS = list(string.ascii_uppercase) + ["#"]


class ArtistListView(KeptCountMixin, ListView):
    """Artists A-Z, one letter at a time when a letter is chosen."""

    template_name = "artists/artist_list.html"
    context_object_name = "artists"
    paginate_by = 120
    # What the view reads from the query; the page cache gives it nothing else (pagecache/query.py).
    query_parameters = ("letter", "page")

    def get_queryset(self):
        artists = Artist.objects.order_by("sort_initial", Lower("sort_name"), "name")
        self.letter = self.request.GET.get("letter", "").upper()
        if self.letter in LETTERS:  # one letter or "#": "AB" is no letter
            return artists.filter(sort_initial=self.letter)
        self.letter = ""
        return artists

    def get_context_data(self, **kwargs):
        context = super().get_context_data(letters=LETTERS, letter=self.letter, **kwargs)
        context["artists"] = index_entries(context["object_list"])  # artists/index.py
        return context

    def kept_count(self) -> int:
        """How many artists the list has (of one letter, or all), kept until an artist is
        added, removed or renamed (pagecache/counts.py) instead of a COUNT on each page."""
        listed = self.get_queryset()  # one letter's, or all
        name = f"artists:{self.letter or 'all'}"
        every = [pagecache.all_key(Artist)]
        return kept(name, lambda: Counted(listed.count()), depends_on=every).total


# A reader's page only reads: no transaction around it, as the article page (articles/views.py).
@method_decorator(transaction.non_atomic_requests, name="dispatch")
# Each statement planned once per connection on PostgreSQL (sqlreads/prepared.py).
@method_decorator(prepared.page_reads, name="dispatch")
class ArtistDetailView(DetailView):
    template_name = "artists/artist_detail.html"
    context_object_name = "artist"

    def get_object(self, queryset=None):
        # select_related("portrait") and prefetch_related("tags"), without building querysets.
        artist = load_artist(self.kwargs["slug"])  # artists/page_parts.py
        if artist is None:
            raise Http404("No artist found matching the query")
        return artist
