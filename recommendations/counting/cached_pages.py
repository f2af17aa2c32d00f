"""What the page cache needs to know about the counting: its two endpoints are never cached (a
kept answer would not be counted), and the daily sums it writes are on no public page, so
counting never makes a page stale (registered from recommendations/cached_pages.py)."""

import pagecache
from recommendations.models import ExperimentDay, SlotDay


def register() -> None:
    pagecache.uncached_view("recommendations:click", why="counts a click, then redirects")
    pagecache.uncached_view("recommendations:seen", why="counts an impression (POST)")
    pagecache.not_shown(SlotDay, why="daily sums for the moderators' dashboard only")
    pagecache.not_shown(ExperimentDay, why="daily sums for the moderators' dashboard only")
