"""Pre-publish checks of an article's words: headline and standfirst lengths (settings
PREPUBLISH_HEADLINE_MAX, PREPUBLISH_STANDFIRST_MIN and PREPUBLISH_STANDFIRST_MAX), and a
headline that another article has already."""

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format

from articles.models import Article
from articles.prepublish.registry import OFF, WARNING, Check, Subject, register

HEADLINE_MAX = 100
STANDFIRST_MIN, STANDFIRST_MAX = 40, 300


def _limit(name: str, default: int) -> int:
    return getattr(settings, name, default)


def headline_length(subject: Subject) -> list[str]:
    length, most = len(subject.article.title), _limit("PREPUBLISH_HEADLINE_MAX", HEADLINE_MAX)
    if length > most:
        return [f"The headline is {length} characters long: keep it to {most}."]
    return []


def standfirst_length(subject: Subject) -> list[str]:
    least = _limit("PREPUBLISH_STANDFIRST_MIN", STANDFIRST_MIN)
    most = _limit("PREPUBLISH_STANDFIRST_MAX", STANDFIRST_MAX)
    length = len(subject.article.standfirst.strip())
    if not length:
        return [f"There is no standfirst: write one of {least} to {most} characters."]
    if not least <= length <= most:
        return [f"The standfirst is {length} characters long: make it {least} to {most}."]
    return []


def same_title(title: str) -> str:
    """A title as readers would tell it apart: case and spacing left out."""
    return " ".join(title.split()).casefold()


def others_with_title(article: Article):
    """Other articles whose title is the same, case and spacing left out."""
    wanted = same_title(article.title)
    if not wanted:
        return []
    # Narrowed in SQL by the longest word, compared in Python (SQLite folds ASCII case only).
    longest = max(wanted.split(), key=len)
    candidates = (
        Article.objects.exclude(pk=article.pk)
        .filter(title__icontains=longest)
        .select_related("section")
        .order_by("-pk")
    )
    return [other for other in candidates if same_title(other.title) == wanted]


def duplicate_title(subject: Subject) -> list[str]:
    problems = []
    for other in others_with_title(subject.article)[:3]:
        when = other.published_at or other.created_at
        stamp = date_format(timezone.localtime(when), "j M Y") if when else ""
        problems.append(
            f"Another article has this headline: “{other.title}” ({other.section}, {stamp}, "
            f"{other.get_absolute_url()}, {other.get_status_display().lower()}): change it so "
            "that readers can tell them apart."
        )
    return problems


register(
    Check(
        id="headline_length",
        label="Headline length",
        find=headline_length,
        severity={"contributor": WARNING, "editor": WARNING, "system": OFF},
    )
)
register(
    Check(
        id="standfirst_length",
        label="Standfirst length",
        find=standfirst_length,
        severity={"contributor": WARNING, "editor": WARNING, "system": OFF},
    )
)
register(
    Check(
        id="duplicate_title",
        label="No other article with the same headline",
        find=duplicate_title,
        severity={"contributor": WARNING, "editor": WARNING, "system": OFF},
    )
)
