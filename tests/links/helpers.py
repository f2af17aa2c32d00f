"""Rows as the inventory (links/inventory.py) writes them: a Link per URL, a LinkUse per place
an article uses it."""

from django.contrib.contenttypes.models import ContentType
from django.utils.html import escape

from links.addresses import outbound
from links.models import Link, LinkUse
from tests.factories import ArticleFactory


def link_for(url: str, **state) -> Link:
    """The URL's Link (the inventory's, when the article's text already uses it), with `state`
    saved on it."""
    host = url.split("//", 1)[-1].split("/", 1)[0][:255]
    link, created = Link.objects.get_or_create(url=url, defaults={"host": host, **state})
    if state and not created:
        for name, value in state.items():
            setattr(link, name, value)
        link.save()
    return link


def use_of(article, url: str, *, field: str = "body", **state) -> LinkUse:
    """The article's use of the URL (the inventory's, when its text already uses it)."""
    use, _ = LinkUse.objects.get_or_create(
        link=link_for(url, **state),
        content_type=ContentType.objects.get_for_model(article),
        object_id=article.pk,
        field=field,
        defaults={"article": article},
    )
    return use


def uses_of(article) -> dict[str, LinkUse]:
    return {
        use.link.url: use for use in LinkUse.objects.filter(article=article).select_related("link")
    }


def article_linking(*urls: str, **fields):
    """An article whose body links to each URL the inventory takes as it is written (it records
    their uses); any other (a URL it would not key so: not http, hostile) gets a use made by
    hand, as rows an earlier version may have left."""
    taken = [url for url in urls if outbound(url) == url]
    body = "".join(f'<p>See <a href="{escape(url)}">this</a>.</p>' for url in taken)
    article = ArticleFactory(body=body or "<p>Text.</p>", **fields)
    for url in urls:
        use_of(article, url)
    return article
