"""What the editors' desk browser tests share: logging in through the admin's own form, and
lists filled the way a real newsroom fills them (long headlines, long tag lists, long names)."""

import datetime

from django.contrib.auth.models import User
from django.utils import timezone

from articles.models import Article
from recommendations.models import RelatedLink
from tests.factories import ArticleFactory, RelatedLinkFactory, SectionFactory

PASSWORD = "correct horse battery staple"

LONG_TITLES = [
    "Hannah Höch’s photomontages at the Whitechapel: a retrospective of cut-and-paste Dada "
    "that finally gives the kitchen knife its due",
    "Wissenschaftskommunikationsabteilungsleiterin: the museum director who reorganised "
    "Berlin’s Kunstgewerbemuseum around its storerooms",
    "Twelve canvases of a single blue, or why Yves Klein’s monochromes still divide the "
    "critics sixty years after the Leo Castelli show",
]


def log_in(page, server, user) -> None:
    user.set_password(PASSWORD)
    user.save()
    page.goto(f"{server}/admin/login/")
    page.fill("#id_username", user.get_username())
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{server}/admin/")


def superuser(username="eleanor.whitfield-montgomery") -> User:
    return User.objects.create_superuser(username, f"{username}@example.org", PASSWORD)


def crowded_lists(user) -> list[Article]:
    """Articles in every state with long headlines, and their related links with long reasons
    in every state of moderation."""
    section = SectionFactory(name="Exhibition reviews and long reads", slug="reviews")
    tags = ["photomontage", "Dada", "Weimar Republic", "women artists", "collage", "Berlin"]
    articles = [
        ArticleFactory(title=LONG_TITLES[0], section=section, tags=tags),
        ArticleFactory(title=LONG_TITLES[1], section=section, tags=tags, scheduled=True),
        ArticleFactory(title=LONG_TITLES[2], section=section, tags=tags, draft=True),
    ]
    for article in articles:
        Article.objects.filter(pk=article.pk).update(
            updated_by=user, published_at=timezone.now() + datetime.timedelta(days=3)
        )
    RelatedLink.objects.all().delete()  # the engine's own, computed as the articles were saved
    reasons = {"tags": tags, "artists": [], "artworks": [], "section": section.pk}
    moderated = {"moderated_by": user, "moderated_at": timezone.now()}
    RelatedLinkFactory(source=articles[0], target=articles[1], reasons=reasons)
    RelatedLinkFactory(
        source=articles[1],
        target=articles[2],
        reasons=reasons,
        status=RelatedLink.Status.PINNED,
        position=2,
        **moderated,
    )
    RelatedLinkFactory(
        source=articles[2], target=articles[0], reasons=reasons, status="approved", **moderated
    )
    return articles
