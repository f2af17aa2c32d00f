"""The pre-publish check "Outbound links work" (articles/prepublish/): the addresses of the
article as it is about to be saved (its body in hand, its outbound-links inline as stored in the
same transaction) whose link the checker has found dead twice, some days apart, and no editor
has ignored. A warning for people (a reason lets it through); off for the system (the demo, a
command), which has no one to read it."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q

from articles.models import ArticleLink
from articles.prepublish import OFF, WARNING, Check, Subject, register, registered
from links import addresses
from links.models import Link, LinkUse

CHECK_ID = "dead_links"


def dead_links_of(subject: Subject) -> list[str]:
    """One query: the dead links among the body's addresses and the outbound links' (their
    uses, kept by the inventory in the transaction that saved the inline)."""
    article = subject.article
    keys = {key for key in map(addresses.outbound, addresses.in_html(article.body)) if key}
    used = Q(url__in=keys) if keys else Q(pk__in=[])
    if article.pk is not None:
        inline = LinkUse.objects.filter(
            link=OuterRef("pk"),
            article_id=article.pk,
            content_type=ContentType.objects.get_for_model(ArticleLink),
        )
        used |= Q(Exists(inline))
    dead = list(
        Link.objects.filter(used, dead=True, ignored=False)
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
