"""The kinds of page the benchmark times, and the targets of issue 17 each is held to."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    public: bool  # public pages are also timed warm (the page cache on); admin pages are not


KINDS = [
    Kind("article", "article", True),
    Kind("home", "home", True),
    Kind("articles", "/articles/", True),
    Kind("articles_deep", "/articles/?page=N (deep)", True),
    Kind("section", "section", True),
    Kind("tag", "tag", True),
    Kind("artist", "artist", True),
    Kind("artwork", "artwork", True),
    Kind("artists", "/artists/", True),
    Kind("artworks", "/artworks/", True),
    Kind("search_common", "search, common word", True),
    Kind("search_selective", "search, selective (an artist's name)", True),
    Kind("admin_article", "admin: article change page (4 figures)", False),
    Kind("admin_articles", "admin: articles changelist", False),
    Kind("admin_artists", "admin: artists changelist", False),
    Kind("admin_artworks", "admin: artworks changelist", False),
    Kind("admin_links", "admin: related links changelist", False),
]
BY_KEY = {kind.key: kind for kind in KINDS}

# Issue 17's corpus sizes: its 2,000 articles, and the default corpus of 100,000.
SMALL, LARGE = 2_000, 100_000


@dataclass(frozen=True)
class Target:
    ms: float
    queries: int | None = None

    def __str__(self) -> str:
        queries = f", <= {self.queries} queries" if self.queries is not None else ""
        return f"<= {self.ms:g} ms{queries}"


def target(key: str, *, database: str, articles: int) -> Target | None:
    """The issue's target for a kind of page on this database and corpus size, or None where
    the issue sets none (search is held to 15 ms on SQLite at 2,000 articles and to 50 / 150 ms
    on PostgreSQL at 100,000; changelists to 150 ms, set at 100,000 and held at any size)."""
    if key == "article":
        return Target(8, 10)
    if key.startswith("search_"):
        if database == "sqlite" and articles <= SMALL:
            return Target(15)
        if database == "postgres" and articles >= LARGE:
            return Target(150 if key == "search_common" else 50)
        return None
    if key == "admin_article":
        return Target(100, 25)
    if key.startswith("admin_"):
        return Target(150)
    return Target(8)


def passed(figures: dict, goal: Target | None) -> bool | None:
    """Whether the cold figures of a kind meet its target (None: no target). Every URL must
    have answered 200; the time is the median, the queries the most any URL took."""
    if goal is None:
        return None
    if figures["errors"]:
        return False
    if figures["median_ms"] > goal.ms:
        return False
    return goal.queries is None or figures["max_queries"] <= goal.queries


def selected(pages: list[str] | None) -> list[Kind]:
    """The kinds named by --pages (all when none); an unknown name is refused with the known."""
    if not pages:
        return list(KINDS)
    unknown = [name for name in pages if name not in BY_KEY]
    if unknown:
        raise SystemExit(f"--pages: unknown {', '.join(unknown)}; known: {', '.join(BY_KEY)}")
    return [kind for kind in KINDS if kind.key in pages]
