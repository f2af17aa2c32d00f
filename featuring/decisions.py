"""A person's decision on a suggestion (featuring/suggestions.py): accept it (the artist or
artwork is featured by the article) or reject it (never suggested again for that article).

The article's change form calls these when it saves (featuring/forms.py), in the article's
transaction; code and tests call the same functions. Each counts the article's save count up
(`Article.lock_version`): a form opened before the decision cannot save its older featured
lists over it.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from articles.models import Article
from artists.models import Artist
from artworks.models import Artwork
from featuring.models import FeaturingDecision

Decision = FeaturingDecision.Decision


def featuring_accept(
    *, article: Article, subject: Artist | Artwork, user: AbstractBaseUser | None
) -> FeaturingDecision:
    """Feature `subject` (an artist or artwork) in the article, and remember who decided."""
    with transaction.atomic():
        decision = _decide(article, subject, Decision.ACCEPTED, user)
        # A no-op when the form's own featured list, saved just before, holds it already.
        getattr(article, f"featured_{_field_of(subject)}s").add(subject)
        return decision


def featuring_reject(
    *, article: Article, subject: Artist | Artwork, user: AbstractBaseUser | None
) -> FeaturingDecision:
    """Never suggest `subject` for this article again. Its featured lists are left alone."""
    with transaction.atomic():
        return _decide(article, subject, Decision.REJECTED, user)


def _decide(article, subject, decision, user) -> FeaturingDecision:
    if article.pk is None:
        raise ValueError("Save the article before deciding on what it features.")
    row, _ = FeaturingDecision.objects.update_or_create(
        article=article,
        **{_field_of(subject): subject},
        defaults={
            "decision": decision,
            "decided_by": user if user is not None and user.is_authenticated else None,
            "decided_at": timezone.now(),
        },
    )
    Article.objects.filter(pk=article.pk).update(lock_version=F("lock_version") + 1)
    return row


def _field_of(subject) -> str:
    if isinstance(subject, Artist):
        return "artist"
    if isinstance(subject, Artwork):
        return "artwork"
    raise TypeError(f"An article features artists and artworks, not {type(subject).__name__}.")
