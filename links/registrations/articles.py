"""An article's outbound links: the `<a href>` of its body, and its outbound-links inline
(`ArticleLink.url`). A replacement goes through the publishing service (`article_save`), as the
admin's save does: the user's permission, the publish rules, a new revision, the page cache and
search; it counts the article's `lock_version` up, so a form opened before is refused as stale
instead of saving the old address back."""

import reversion
from django.contrib.auth.models import AbstractBaseUser

from articles import services
from articles.models import Article, ArticleLink
from links import addresses
from links.sources import Source
from links.sources import register as register_source


def _saved(article: Article, user: AbstractBaseUser | None, old: str, new: str) -> None:
    with reversion.create_revision():
        if user is not None:
            reversion.set_user(user)
        reversion.set_comment(f"Link {old} replaced by {new}")
        services.article_save(article=article, user=user)


def replace_in_body(article: Article, old: str, new: str, user) -> bool:
    article = Article.objects.select_for_update().get(pk=article.pk)
    body = addresses.replace_in_html(article.body, old, new)
    if body == article.body:
        return False
    article.body = body
    _saved(article, user, old, new)
    return True


def replace_in_link(link: ArticleLink, old: str, new: str, user) -> bool:
    link = ArticleLink.objects.select_for_update().get(pk=link.pk)
    url = addresses.replace_whole(link.url, old, new)
    if url == link.url:
        return False
    article = Article.objects.select_for_update().get(pk=link.article_id)
    link.url = url
    link.save(update_fields=["url"])
    _saved(article, user, old, new)
    return True


def register() -> None:
    register_source(
        Source(
            model=Article,
            fields=("body",),
            uses=lambda article: [("body", url) for url in addresses.in_html(article.body)],
            replace=replace_in_body,
            article_of=lambda article: article.pk,
            # Article.from_db notes whether the stored body has a link at all.
            held_none=lambda article: getattr(article, "stored_body_has_links", None) is False,
        )
    )
    register_source(
        Source(
            model=ArticleLink,
            fields=("url",),
            related=("article",),
            uses=lambda link: [("outbound links", link.url)],
            replace=replace_in_link,
            article_of=lambda link: link.article_id,
        )
    )
