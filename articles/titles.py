"""Articles with the same title: two articles called "Monet at Giverny" cannot be told apart in
lists, pickers and search results, so the admin warns while the title is typed and proposes a
free address.

Titles are the same when they are equal once case is folded and runs of spaces are one space
("Monet  at giverny" is "Monet at Giverny"). The database narrows the candidates on the title's
longest word (case-insensitive: Unicode-aware on PostgreSQL, ASCII on SQLite), and Python
compares them exactly."""

from django.db.models import QuerySet

from articles.models import Article
from slugs.making import unique_slug


def normalized_title(title: str) -> str:
    return " ".join(str(title or "").split()).casefold()


def same_title(title: str, exclude_pk: int | None = None) -> QuerySet:
    """The other articles whose title is the same as `title`, newest first."""
    wanted = normalized_title(title)
    if not wanted:
        return Article.objects.none()
    longest_word = max(wanted.split(" "), key=len)
    candidates = Article.objects.filter(title__icontains=longest_word)
    if exclude_pk is not None:
        candidates = candidates.exclude(pk=exclude_pk)
    rows = candidates.values_list("pk", "title")
    matching = [pk for pk, other in rows if normalized_title(other) == wanted]
    return Article.objects.filter(pk__in=matching).select_related("section")


def free_slug(title: str, exclude_pk: int | None = None) -> str:
    """The address `title` would get (slugs/making.py), numbered past those other articles
    hold: what saving the article with an empty slug would make of it now."""
    return unique_slug(Article(pk=exclude_pk), title, fallback="article")
