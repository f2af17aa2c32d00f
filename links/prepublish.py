"""The pre-publish check "Outbound links work" (articles/prepublish/): the addresses of the
article as it is about to be saved (its body in hand, its outbound-links inline as stored in the
same transaction) whose link the checker has found dead twice, some days apart, and no editor
has ignored. A warning for people (a reason lets it through); off for the system (the demo, a
command), which has no one to read it."""

from articles.models import ArticleLink
from articles.prepublish import OFF, WARNING, Check, Subject, register, registered
from links import addresses
from links.models import Link

CHECK_ID = "dead_links"


def dead_links_of(subject: Subject) -> list[str]:
    article = subject.article
    written = addresses.in_html(article.body)
    if article.pk is not None:
        written += list(
            ArticleLink.objects.filter(article_id=article.pk).values_list("url", flat=True)
        )
    keys = {key for key in map(addresses.outbound, written) if key is not None}
    if not keys:
        return []
    dead = list(
        Link.objects.filter(url__in=keys, dead=True, ignored=False)
        .order_by("url")
        .values_list("url", "status")
    )
    labels = dict(Link.Status.choices)
    return [
        f"{url} no longer works ({labels.get(status, status).lower()}): replace it or remove it."
        for url, status in dead
    ]


def register_check() -> None:
    if any(check.id == CHECK_ID for check in registered()):  # ready() may run more than once
        return
    register(
        Check(
            id=CHECK_ID,
            label="Outbound links work",
            find=dead_links_of,
            severity={"contributor": WARNING, "editor": WARNING, "system": OFF},
        )
    )
