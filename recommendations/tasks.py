"""Background work for recommendations, through Django's tasks framework."""

from django.tasks import task

from recommendations import engine


@task
def refresh_article_recommendations(article_id: int):
    """Recompute an article's suggestions and its place in other articles' lists."""
    engine.refresh_article(article_id)
