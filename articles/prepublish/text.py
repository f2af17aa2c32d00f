"""Pre-publish checks of an article's words: headline and standfirst lengths (settings
PREPUBLISH_HEADLINE_MAX, PREPUBLISH_STANDFIRST_MIN and PREPUBLISH_STANDFIRST_MAX), and a
headline that another article has already."""

from django.conf import settings

from articles import labels, titles
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


def duplicate_title(subject: Subject) -> list[str]:
    """The warning the title field gives while it is typed (articles/titles.py), asked again
    when the article moves: the same title, case and spacing left out."""
    article = subject.article
    others = titles.same_title(article.title, exclude_pk=article.pk, newest=3).order_by("-pk")
    return [
        f"Another article has this headline: “{other.title}” ({labels.article_details(other)}): "
        "change it so that readers can tell them apart."
        for other in others
    ]


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
