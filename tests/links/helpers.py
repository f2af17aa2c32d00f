"""Rows as the inventory (links/inventory.py) writes them: a Link per URL, a LinkUse per place
an article uses it."""

from django.contrib.contenttypes.models import ContentType

from links.models import Link, LinkUse


def link_for(url: str, **state) -> Link:
    host = url.split("//", 1)[-1].split("/", 1)[0][:255]
    link, _ = Link.objects.get_or_create(url=url, defaults={"host": host, **state})
    return link


def use_of(article, url: str, *, field: str = "body", **state) -> LinkUse:
    return LinkUse.objects.create(
        link=link_for(url, **state),
        content_type=ContentType.objects.get_for_model(article),
        object_id=article.pk,
        field=field,
        article=article,
    )


def uses_of(article) -> dict[str, LinkUse]:
    return {
        use.link.url: use for use in LinkUse.objects.filter(article=article).select_related("link")
    }
