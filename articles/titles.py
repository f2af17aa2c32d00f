"""Articles with the same title: two articles called "Monet at Giverny" cannot be told apart in
lists, pickers and search results, so the admin warns while the title is typed and proposes a
free address.

Titles are the same when they are equal once case is folded and runs of spaces are one space
("Monet  at giverny" is "Monet at Giverny"). The database narrows the candidates on the title's
longest word (case-insensitive: Unicode-aware on PostgreSQL, ASCII on SQLite), and Python
compares them exactly. Where only the newest few are shown (the change page's check, the
warning while the title is typed), the candidates are read newest first, a chunk at a time,
until that many are found: a common word ("art") is in thousands of titles."""

from contextlib import closing

from django.db.models import QuerySet

from articles.models import Article
from slugs.making import unique_slug


def normalized_title(title: str) -> str:
    return " ".join(str(title or "").split()).casefold()


# Candidates read at a time when only the newest few are wanted.
NEWEST_CHUNK = 100


def same_title(title: str, exclude_pk: int | None = None, *, newest: int | None = None) -> QuerySet:
    """The other articles whose title is the same as `title` (only the `newest` of them, by
    key, when given)."""
    wanted = normalized_title(title)
    if not wanted:
        return Article.objects.none()
    longest_word = max(wanted.split(" "), key=len)
    candidates = Article.objects.filter(title__icontains=longest_word)
    if exclude_pk is not None:
        candidates = candidates.exclude(pk=exclude_pk)
    rows = candidates.values_list("pk", "title")
    if newest is None:
        matching = [pk for pk, other in rows if normalized_title(other) == wanted]
    else:
        matching = []
        with closing(rows.order_by("-pk").iterator(chunk_size=NEWEST_CHUNK)) as newest_first:
            for pk, other in newest_first if newest > 0 else ():
                if normalized_title(other) == wanted:
                    matching.append(pk)
                    if len(matching) == newest:
                        break
    return Article.objects.filter(pk__in=matching).select_related("section")


def free_slug(title: str, exclude_pk: int | None = None) -> str:
    """The address `title` would get (slugs/making.py), numbered past those other articles
    hold: what saving the article with an empty slug would make of it now."""
    return unique_slug(Article(pk=exclude_pk), title, fallback="article")
