"""What the page benchmark asks for, chosen once the corpus is written (in the build step, a
process with Django): distinct URLs of each kind of page, drawn with the run's seed, and what
the admin pages need (a staff user, articles with four figures).

Lists (home, /articles/, /artists/, /artworks/, the admin changelists) are their first page,
the page a reader or an editor opens; the deep /articles/ pages are drawn from its second half.
Search asks for the words of the most used tags (common: the top one is on most articles) and
for the names of the artists featured on the fewest articles (selective)."""

from math import ceil
from random import Random
from urllib.parse import urlencode

# The benchmark's staff user (a superuser, so every admin page answers); the measuring step
# logs it in with force_login, so no password is ever used.
ADMIN_USERNAME = "bench-pages-admin"
FIGURES = 4
COMMON_WORDS = 5


def sample_urls(
    rng: Random, *, count: int, kinds: list[str], admin_articles: list[int] = ()
) -> dict[str, list[str]]:
    """Up to `count` distinct URLs for each kind in `kinds` (fewer where the corpus has fewer);
    the admin change pages are those of `admin_articles` (articles_with_figures())."""
    makers = {
        "article": _articles,
        "home": lambda rng, count: [_reverse("articles:home")],
        "articles": lambda rng, count: [_reverse("articles:article-list")],
        "articles_deep": _deep_pages,
        "section": _sections,
        "tag": _tags,
        "artist": _artists,
        "artwork": _artworks,
        "artists": lambda rng, count: [_reverse("artists:artist-list")],
        "artworks": lambda rng, count: [_reverse("artworks:artwork-list")],
        "search_common": _common_searches,
        "search_selective": _selective_searches,
        "admin_article": lambda rng, count: [
            _reverse("admin:articles_article_change", pk) for pk in admin_articles
        ],
        "admin_articles": lambda rng, count: [_reverse("admin:articles_article_changelist")],
        "admin_artists": lambda rng, count: [_reverse("admin:artists_artist_changelist")],
        "admin_artworks": lambda rng, count: [_reverse("admin:artworks_artwork_changelist")],
        "admin_links": lambda rng, count: [
            _reverse("admin:recommendations_relatedlink_changelist")
        ],
    }
    return {kind: makers[kind](rng, count) for kind in kinds}


def _reverse(name: str, *args) -> str:
    from django.urls import reverse  # noqa: PLC0415

    return reverse(name, args=args)


def _some(rng: Random, rows: list, count: int) -> list:
    return rng.sample(rows, min(count, len(rows)))


def _articles(rng: Random, count: int) -> list[str]:
    from articles.models import Article  # noqa: PLC0415

    slugs = list(Article.objects.published().order_by("pk").values_list("slug", flat=True))
    return [_reverse("articles:article-detail", slug) for slug in _some(rng, slugs, count)]


def _deep_pages(rng: Random, count: int) -> list[str]:
    from articles.models import Article  # noqa: PLC0415
    from articles.views import ArticleListView  # noqa: PLC0415

    pages = max(1, ceil(Article.objects.published().count() / ArticleListView.paginate_by))
    numbers = _some(rng, list(range(max(2, pages // 2), pages + 1)), count) or [1]
    base = _reverse("articles:article-list")
    return [f"{base}?{urlencode({'page': number})}" for number in numbers]


def _sections(rng: Random, count: int) -> list[str]:
    from articles.models import Article, Section  # noqa: PLC0415

    used = Article.objects.published().values("section_id")
    slugs = list(Section.objects.filter(pk__in=used).order_by("pk").values_list("slug", flat=True))
    return [_reverse("articles:section-detail", slug) for slug in _some(rng, slugs, count)]


def _tags(rng: Random, count: int) -> list[str]:
    from taggit.models import Tag  # noqa: PLC0415

    from articles.models import TaggedArticle  # noqa: PLC0415

    used = TaggedArticle.objects.values("tag_id")
    slugs = list(Tag.objects.filter(pk__in=used).order_by("pk").values_list("slug", flat=True))
    return [_reverse("articles:tag-detail", slug) for slug in _some(rng, slugs, count)]


def _artists(rng: Random, count: int) -> list[str]:
    from artists.models import Artist  # noqa: PLC0415

    slugs = list(Artist.objects.order_by("pk").values_list("slug", flat=True))
    return [_reverse("artists:artist-detail", slug) for slug in _some(rng, slugs, count)]


def _artworks(rng: Random, count: int) -> list[str]:
    from artworks.models import Artwork  # noqa: PLC0415

    slugs = list(Artwork.objects.order_by("pk").values_list("slug", flat=True))
    return [_reverse("artworks:artwork-detail", slug) for slug in _some(rng, slugs, count)]


def _search(words: list[str]) -> list[str]:
    base = _reverse("search:search")
    return [f"{base}?{urlencode({'q': word})}" for word in words]


def common_words(count: int = COMMON_WORDS) -> list[str]:
    """The one-word names of the most used tags (the corpus makes tags in rank order)."""
    from taggit.models import Tag  # noqa: PLC0415

    names = Tag.objects.order_by("pk").values_list("name", flat=True)[: count * 20]
    return [name for name in names if name.isalpha()][:count]


def _common_searches(rng: Random, count: int) -> list[str]:
    return _search(common_words(min(count, COMMON_WORDS)))


def selective_names(count: int) -> list[str]:
    """The names of the artists featured on the fewest published articles (at least one),
    fewest first: what a reader looking for one artist types."""
    from collections import Counter  # noqa: PLC0415

    from articles.models import Article  # noqa: PLC0415
    from artists.models import Artist  # noqa: PLC0415

    featured = Article.featured_artists.through.objects.filter(
        article__in=Article.objects.published()
    ).values_list("artist_id", flat=True)
    per_artist = Counter(featured)
    names = dict(Artist.objects.filter(pk__in=per_artist).values_list("pk", "name"))
    per_name = Counter()
    for pk, articles in per_artist.items():
        per_name[names[pk]] += articles
    return sorted(per_name, key=lambda name: (per_name[name], name))[:count]


def _selective_searches(rng: Random, count: int) -> list[str]:
    return _search(selective_names(count))


def articles_with_figures(rng: Random, count: int, figures: int = FIGURES) -> tuple[list[int], int]:
    """`count` published articles with `figures` figures each, and how many of them were given
    figures here: those the corpus made so first; when there are too few (a corpus of one
    figure per article), others get more figures of random artworks (bulk_create: no signal,
    nothing queued), which the entry reports."""
    from django.db.models import Count  # noqa: PLC0415

    from articles.models import Article, ArticleFigure  # noqa: PLC0415
    from artworks.models import Artwork  # noqa: PLC0415

    published = Article.objects.published().annotate(shown=Count("figures"))
    ready = list(published.filter(shown=figures).order_by("pk").values_list("pk", flat=True))
    chosen = _some(rng, ready, count)
    if len(chosen) == count:
        return chosen, 0
    others = published.filter(shown__lt=figures).order_by("pk").values_list("pk", "shown")
    artwork_ids = list(Artwork.objects.order_by("pk").values_list("pk", flat=True))
    added = []
    given = _some(rng, list(others), count - len(chosen))
    for pk, shown in given:
        shown_artworks = ArticleFigure.objects.filter(article_id=pk).values_list("artwork_id")
        taken = {artwork_id for (artwork_id,) in shown_artworks}
        drawn = rng.sample(artwork_ids, min(len(artwork_ids), figures * 3))
        fresh = [artwork_id for artwork_id in drawn if artwork_id not in taken]
        added += [
            ArticleFigure(article_id=pk, position=position, artwork_id=artwork_id)
            for position, artwork_id in zip(range(shown, figures), fresh, strict=False)
        ]
        chosen.append(pk)
    ArticleFigure.objects.bulk_create(added)
    return chosen, len(given)


def staff_user() -> int:
    """The benchmark's superuser (made once), whose id the measuring step logs in."""
    from django.contrib.auth import get_user_model  # noqa: PLC0415

    user, made = get_user_model().objects.get_or_create(
        username=ADMIN_USERNAME,
        defaults={"is_staff": True, "is_superuser": True, "email": "bench@example.org"},
    )
    if made:
        user.set_unusable_password()
        user.save()
    return user.pk
