"""Preview links: signed, expiring addresses that show an article as readers will see it,
whatever its status, to anyone who has the link (no account needed)."""

from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone

SALT = "articles.preview"


def max_age() -> timedelta:
    return timedelta(hours=settings.PREVIEW_LINK_HOURS)


def preview_token(article) -> str:
    return signing.dumps({"article": article.pk}, salt=SALT)


def preview_path(article) -> str:
    return reverse("articles:article-preview", kwargs={"token": preview_token(article)})


def expires_at(issued_at: datetime | None = None) -> datetime:
    return (issued_at or timezone.now()) + max_age()


def article_pk_from(token: str) -> int | None:
    """The article a token is for, or None when the token is forged, altered or expired."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=max_age())
    except signing.BadSignature:  # SignatureExpired is a BadSignature too
        return None
    pk = payload.get("article") if isinstance(payload, dict) else None
    return pk if isinstance(pk, int) else None
