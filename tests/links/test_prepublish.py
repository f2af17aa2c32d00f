"""The pre-publish check "Outbound links work": a warning naming the dead addresses of the
article as it is about to be saved (its body in hand, its outbound links), overridable with a
reason; not for links an editor ignored, nor for those failing once; off for the system."""

import pytest

from articles import prepublish, services
from articles.models import Article
from links.models import Link
from links.prepublish import dead_links_of
from tests.factories import ArticleFactory, ArticleLinkFactory
from tests.links.queue_helpers import found
from tests.staff import staff_in

pytestmark = pytest.mark.django_db
DEAD, ALIVE = "https://gone.example/a", "https://fine.example/b"


@pytest.fixture
def editor():
    return staff_in(None, "Editor")


@pytest.fixture
def draft():
    article = ArticleFactory(draft=True, body=f'<p><a href="{ALIVE}">fine</a></p>', tags=["art"])
    return article


def dead(url):
    ArticleFactory(draft=True, body=f'<p><a href="{url}">x</a></p>')  # known to the inventory
    return found(Link.objects.get(url=url), Link.Status.GONE)


def problems(article, user):
    report = prepublish.run(article, user=user)
    return next(result.problems for result in report.results if result.id == "dead_links")


def test_a_dead_address_in_the_body_in_hand_is_named(draft, editor):
    dead(DEAD)
    draft.body += f'<p><a href="{DEAD}">not saved yet</a></p>'  # the form's body, unsaved

    assert problems(draft, editor) == (f"{DEAD} no longer works (gone): replace it or remove it.",)


def test_a_dead_address_in_the_outbound_links_is_named(draft, editor):
    dead(DEAD)
    ArticleLinkFactory(article=draft, url=DEAD)

    assert len(problems(draft, editor)) == 1


def test_ignored_and_once_failed_links_are_not_warned_about(draft, editor):
    link = dead(DEAD)
    other = dead("https://once.example/")
    Link.objects.filter(pk=link.pk).update(ignored=True)
    Link.objects.filter(pk=other.pk).update(dead=False)
    draft.body += f'<p><a href="{DEAD}">a</a> <a href="https://once.example/">b</a></p>'

    assert problems(draft, editor) == ()


def test_publishing_is_refused_until_the_warning_is_overridden(draft, editor):
    dead(DEAD)
    draft.body += f'<p><a href="{DEAD}">x</a></p>'
    services.article_save(article=draft, user=editor)

    others = {  # the other warnings a bare draft has (a byline...), overridden: not this test's
        result.id: "not this test's subject"
        for result in prepublish.run(draft, user=editor).results
        if result.state == prepublish.WARNING and result.id != "dead_links"
    }

    with pytest.raises(prepublish.ChecksRefused) as refused:
        services.article_publish(
            article=Article.objects.get(pk=draft.pk), user=editor, overrides=others
        )
    assert [DEAD in message for message in refused.value.messages] == [True]

    assert services.article_publish(
        article=Article.objects.get(pk=draft.pk),
        user=editor,
        overrides={**others, "dead_links": "The archive copy is linked in the text."},
    )


def test_the_system_is_not_stopped(draft):
    dead(DEAD)
    draft.body += f'<p><a href="{DEAD}">x</a></p>'
    services.article_save(article=draft, user=None)

    assert services.article_publish(article=Article.objects.get(pk=draft.pk), user=None)
    assert all(r.id != "dead_links" for r in prepublish.run(draft, user=None).results)


def test_the_check_costs_one_query_for_a_body(draft, editor, django_assert_max_num_queries):
    draft.body = "".join(f'<p><a href="https://s{n}.example/">{n}</a></p>' for n in range(30))
    ArticleLinkFactory(article=draft, url="https://inline.example/")
    with django_assert_max_num_queries(1):  # the dead among the body's and the inline's
        dead_links_of(prepublish.Subject(draft))
