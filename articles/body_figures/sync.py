"""The in-body rows made to match the body's figure nodes after every save of the body.

Connected to Article's post_save (from ArticlesConfig.ready()), so every path that saves the
body gets it: the admin (services.article_save), the services, the shell's `article.save()`,
the demo loader, a revision's revert (the admin saves the reverted article). Raw saves (fixtures,
revisions writing rows back) are left alone: they bring their figure rows with them.

Rows are updated in place by position, created, and the rest deleted (each through save() and
delete(), so the page cache, the image uses and revisions see them); a row whose values did not
change is not written.
"""

from django.db import transaction

from articles.body_figures import nodes
from articles.models import Article, ArticleFigure


def body_figures_sync(*, article: Article) -> list[ArticleFigure]:
    """Make `article`'s in-body figures those of its stored body's nodes; return them in order
    (one per node that has a row)."""
    with transaction.atomic(using=article._state.db):
        existing = list(
            ArticleFigure.objects.using(article._state.db)
            .filter(article=article, in_body=True)
            .order_by("position", "pk")
        )
        before = {row.pk: nodes.values(row) for row in existing}
        plan = nodes.plan(article, article.body, existing)
        for row in plan.leftover:
            row.delete()
        for row in plan.shown:
            if row.pk is None or before.get(row.pk) != nodes.values(row):
                row.save()
    return plan.shown


def sync_after_save(
    sender, instance: Article, created=False, raw=False, update_fields=None, **kwargs
):
    """post_save of Article: sync when the body may have changed. A body with no node that
    replaced one with none (or a new article's) has no rows to sync: no query."""
    if raw or (update_fields is not None and "body" not in update_fields):
        return
    has_figures = "<figure" in (instance.body or "")
    had_figures = getattr(instance, "stored_body_has_figures", None)
    if has_figures or not (created or had_figures is False):
        body_figures_sync(article=instance)
    instance.stored_body_has_figures = has_figures
