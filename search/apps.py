from django.apps import AppConfig

import pagecache


class SearchConfig(AppConfig):
    name = "search"

    def ready(self):
        # Here, not at the top: these modules import models, loaded only now.
        from articles.cached_pages import PUBLIC_ARTICLES  # noqa: PLC0415
        from search import signals, sqlite_functions  # noqa: F401, PLC0415
        from search.models import NameWord, SearchDocument, WordRank, WordRankStale  # noqa: PLC0415

        sqlite_functions.connect(self)

        # The index is rebuilt by the database's triggers in the writer's transaction, and what
        # is public is decided when searching: a results page depends on any change of content.
        pagecache.register_view(
            "search:search", depends_on=[PUBLIC_ARTICLES, pagecache.ANY_CONTENT]
        )
        pagecache.not_shown(SearchDocument, why="written by triggers; pages show what it finds")
        pagecache.not_shown(NameWord, why="written by triggers; misspelt names are matched to it")
        # Which documents a common word's page ranks, never what it shows: the same results with
        # the kept ranks current or stale, so writing them (refresh_word_ranks) changes no page.
        pagecache.not_shown(WordRank, why="written by triggers; chooses which hits are ranked")
        pagecache.not_shown(WordRankStale, why="written by triggers; chooses which are ranked")
