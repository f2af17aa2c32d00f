"""Moderation services: decisions record who and when, and pins keep their order."""

import pytest
import time_machine
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from recommendations.models import RelatedLink
from recommendations.services import (
    related_link_add,
    related_link_moderate,
    related_link_pin,
    related_links_pin,
    related_links_set_status,
)
from tests.factories import ArticleFactory, RelatedLinkFactory

pytestmark = pytest.mark.django_db

Status = RelatedLink.Status
NOW = "2026-03-02 10:00:00+00:00"


@pytest.fixture
def moderator():
    return User.objects.create_user("moderator", is_staff=True)


@time_machine.travel(NOW, tick=False)
def test_approving_in_bulk_records_who_and_when(moderator):
    """Approved links carry the moderator's name and the time of the decision."""
    links = RelatedLinkFactory.create_batch(2)

    changed = related_links_set_status(
        links=RelatedLink.objects.all(), status=Status.APPROVED, user=moderator
    )

    assert changed == 2
    for link in links:
        link.refresh_from_db()
        assert link.status == Status.APPROVED
        assert link.moderated_by == moderator
        assert link.moderated_at.isoformat() == "2026-03-02T10:00:00+00:00"


def test_approving_counts_only_links_that_change_and_keeps_pins(moderator):
    """A bulk approval leaves approved links alone and does not unpin pinned ones."""
    RelatedLinkFactory(status=Status.APPROVED)
    pinned = RelatedLinkFactory(status=Status.PINNED, position=3)
    RelatedLinkFactory()

    changed = related_links_set_status(
        links=RelatedLink.objects.all(), status=Status.APPROVED, user=moderator
    )

    assert changed == 1
    pinned.refresh_from_db()
    assert (pinned.status, pinned.position, pinned.moderated_by) == (Status.PINNED, 3, None)


def test_rejecting_a_pinned_link_clears_its_position(moderator):
    """A rejected link leaves the pinned list."""
    link = RelatedLinkFactory(status=Status.PINNED, position=0)

    related_links_set_status(
        links=RelatedLink.objects.filter(pk=link.pk), status=Status.REJECTED, user=moderator
    )

    link.refresh_from_db()
    assert (link.status, link.position) == (Status.REJECTED, None)


def test_setting_status_refuses_pinning(moderator):
    """Pinning needs a position, so it goes through the pin services."""
    RelatedLinkFactory()

    with pytest.raises(ValueError, match="related_link_pin"):
        related_links_set_status(
            links=RelatedLink.objects.all(), status=Status.PINNED, user=moderator
        )


def test_pin_goes_to_the_end_of_the_sources_pinned_list(moderator):
    """Without a position a pin comes after the article's other pinned links only."""
    source = ArticleFactory()
    RelatedLinkFactory(source=source, status=Status.PINNED, position=4)
    RelatedLinkFactory(status=Status.PINNED, position=9)  # another article's list
    link = RelatedLinkFactory(source=source)

    related_link_pin(link=link, user=moderator)

    link.refresh_from_db()
    assert (link.status, link.position, link.moderated_by) == (Status.PINNED, 5, moderator)


def test_first_pin_is_at_position_zero_and_a_given_position_is_kept(moderator):
    """The first pinned link comes first; a position given explicitly is stored as is."""
    first, second = RelatedLinkFactory.create_batch(2)

    related_link_pin(link=first, user=moderator)
    related_link_pin(link=second, user=moderator, position=7)

    assert (first.position, second.position) == (0, 7)


def test_pinning_a_pinned_link_without_position_keeps_its_place(moderator):
    """Pinning again does not move a link to the end."""
    source = ArticleFactory()
    link = RelatedLinkFactory(source=source, status=Status.PINNED, position=0)
    RelatedLinkFactory(source=source, status=Status.PINNED, position=1)

    related_link_pin(link=link, user=moderator)

    link.refresh_from_db()
    assert link.position == 0


def test_pinning_in_bulk_appends_best_score_first(moderator):
    """Bulk pins go after existing pins, in score order, and count only new pins."""
    source = ArticleFactory()
    RelatedLinkFactory(source=source, status=Status.PINNED, position=0)
    weak = RelatedLinkFactory(source=source, score=0.5)
    strong = RelatedLinkFactory(source=source, score=3)

    changed = related_links_pin(links=RelatedLink.objects.all(), user=moderator)

    assert changed == 2
    weak.refresh_from_db()
    strong.refresh_from_db()
    assert (strong.position, weak.position) == (1, 2)


def test_moderating_a_pinned_link_to_approved_unpins_it(moderator):
    """Choosing "approved" for one pinned link takes it out of the pinned list."""
    link = RelatedLinkFactory(status=Status.PINNED, position=2)

    related_link_moderate(link=link, status=Status.APPROVED, user=moderator)

    link.refresh_from_db()
    assert (link.status, link.position, link.moderated_by) == (Status.APPROVED, None, moderator)


def test_adding_a_link_by_hand_makes_a_staff_link(moderator):
    """A hand-made link is approved, added by staff and records who added it."""
    source, target = ArticleFactory.create_batch(2)

    link = related_link_add(source=source, target=target, user=moderator)

    assert (link.origin, link.status, link.moderated_by) == (
        RelatedLink.Origin.STAFF,
        Status.APPROVED,
        moderator,
    )
    assert link.moderated_at is not None


def test_adding_a_pinned_link_puts_it_at_the_end(moderator):
    """A link added as pinned comes after the article's other pins."""
    source = ArticleFactory()
    RelatedLinkFactory(source=source, status=Status.PINNED, position=0)

    link = related_link_add(
        source=source, target=ArticleFactory(), user=moderator, status=Status.PINNED
    )

    assert (link.status, link.position) == (Status.PINNED, 1)


def test_adding_an_existing_suggestion_decides_on_it(moderator):
    """Adding a pair the engine suggested turns that row into the decision, not a duplicate."""
    suggestion = RelatedLinkFactory(score=2.5)

    link = related_link_add(
        source=suggestion.source, target=suggestion.target, user=moderator, status=Status.PINNED
    )

    assert link.pk == suggestion.pk
    assert RelatedLink.objects.count() == 1
    link.refresh_from_db()
    assert (link.status, link.position, link.moderated_by) == (Status.PINNED, 0, moderator)
    assert (link.origin, link.score) == (RelatedLink.Origin.ENGINE, 2.5)


def test_linking_an_article_to_itself_is_refused(moderator):
    """A self-link raises a validation error that says why, and stores nothing."""
    article = ArticleFactory()

    with pytest.raises(ValidationError, match="cannot link to itself"):
        related_link_add(source=article, target=article, user=moderator)

    assert not RelatedLink.objects.exists()


def test_adding_a_mere_suggestion_by_hand_is_refused(moderator):
    """A person's link is a decision: "suggested" is the engine's status."""
    source, target = ArticleFactory.create_batch(2)

    with pytest.raises(ValidationError, match="decision"):
        related_link_add(source=source, target=target, user=moderator, status=Status.SUGGESTED)


def test_a_hand_added_link_never_goes_back_to_the_engine(moderator):
    """Only engine links can become suggestions again: the engine would delete a staff link."""
    staff = RelatedLinkFactory(origin=RelatedLink.Origin.STAFF, status=Status.APPROVED)
    engine = RelatedLinkFactory(status=Status.REJECTED)

    changed = related_links_set_status(
        links=RelatedLink.objects.all(), status=Status.SUGGESTED, user=moderator
    )
    with pytest.raises(ValidationError, match="decision"):
        related_link_moderate(link=staff, status=Status.SUGGESTED, user=moderator)

    assert changed == 1
    staff.refresh_from_db()
    engine.refresh_from_db()
    assert (staff.status, engine.status) == (Status.APPROVED, Status.SUGGESTED)
