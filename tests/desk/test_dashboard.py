"""The editors' desk on the admin's home page: what each role sees, the week ahead by day in
the site's time zone, the links to the filtered list, and a fixed number of queries."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils.html import escape

from articles import services
from articles.models import Article
from articles.prepublish.registry import role_of
from tests.browser.page_checks import html_errors
from tests.checks import overrides
from tests.factories import ArticleFactory, SectionFactory
from tests.querybudgets import ATOMIC_REQUEST
from tests.staff import staff_in
from tests.xss_checks import dangers

pytestmark = pytest.mark.django_db

INDEX_URL = reverse("admin:index")
CHANGELIST_URL = reverse("admin:articles_article_changelist")
# Thursday 3 December 2026, 10:00 in London (GMT).
NOW = datetime.datetime(2026, 12, 3, 10, 0, tzinfo=datetime.UTC)
DAY = datetime.timedelta(days=1)
Status = Article.Status


def desk(response) -> dict:
    """The dashboard's lists by key, as titles in order."""
    lists = response.context["desk_lists"]
    return {item.key: [entry["article"].title for entry in item.articles] for item in lists}


def counts(response) -> dict:
    return {item.key: item.count for item in response.context["desk_lists"]}


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def submit(title, user, at):
    """An article `user` wrote and submitted for review at `at`."""
    with time_machine.travel(at, tick=False):
        article = ArticleFactory(title=title, status=Status.DRAFT, created_by=user)
        services.article_submit(article=article, user=user, overrides=overrides(role_of(user)))
    return article


def test_editor_sees_review_oldest_first_with_who_and_when(client, frozen):
    """Awaiting review lists everyone's submissions, the longest waiting first, with who
    submitted them and when."""
    writer = staff_in(None, "Contributor", "writer")
    submit("Newer", writer, NOW - DAY)
    submit("Older", writer, NOW - 3 * DAY)
    staff_in(client, "Editor")

    response = client.get(INDEX_URL)

    assert desk(response)["review"] == ["Older", "Newer"]
    assert counts(response)["review"] == 2
    html = response.content.decode()
    assert "Submitted by writer, Mon 30 Nov, 10:00" in html
    assert f'href="{CHANGELIST_URL}?stands=review"' in html


def test_editor_sees_the_week_by_day_and_a_count_of_later(client, frozen):
    """Scheduled: the next seven days, each day in the site's time zone, and how many later."""
    ArticleFactory(title="Tomorrow 9", published_at=NOW + DAY - datetime.timedelta(hours=1))
    ArticleFactory(title="Next Wednesday", published_at=NOW + 6 * DAY)
    ArticleFactory(title="In a fortnight", published_at=NOW + 14 * DAY)
    ArticleFactory(title="Already out", published_at=NOW - DAY)
    staff_in(client, "Editor")

    response = client.get(INDEX_URL)

    week = response.context["week"]
    days = {day.day: [entry["article"].title for entry in day.articles] for day in week["days"]}
    assert list(days) == [datetime.date(2026, 12, 3) + n * DAY for n in range(7)]
    assert days[datetime.date(2026, 12, 4)] == ["Tomorrow 9"]
    assert days[datetime.date(2026, 12, 9)] == ["Next Wednesday"]
    assert (week["count"], week["later"]) == (2, 1)
    html = response.content.decode()
    assert "Fri 4 Dec" in html and ">09:00</time>" in html
    assert f'href="{CHANGELIST_URL}?stands=scheduled"' in html
    # A day with articles leads to the list of that day's.
    friday = week["days"][1].link
    assert f'href="{escape(friday)}"' in html
    assert [a.title for a in client.get(friday).context["cl"].result_list] == ["Tomorrow 9"]


def test_the_week_follows_the_site_time_zone(client, settings):
    """At 23:30 in London in summer (22:30 UTC), an article at 00:30 local time is tomorrow's."""
    settings.TIME_ZONE = "Europe/London"
    evening = datetime.datetime(2026, 7, 1, 22, 30, tzinfo=datetime.UTC)
    with time_machine.travel(evening, tick=False):
        ArticleFactory(title="After midnight", published_at=evening + datetime.timedelta(hours=1))
        staff_in(client, "Editor")
        response = client.get(INDEX_URL)

    days = response.context["week"]["days"]
    assert days[0].day == datetime.date(2026, 7, 1)
    assert [entry["article"].title for entry in days[1].articles] == ["After midnight"]


def test_my_drafts_are_mine_only(client, frozen):
    """My drafts: drafts the user created or last changed, not a colleague's."""
    editor = staff_in(client, "Editor")
    colleague = staff_in(None, "Editor", "colleague")
    ArticleFactory(title="Mine", status=Status.DRAFT, created_by=editor)
    touched = ArticleFactory(title="Touched by me", status=Status.DRAFT, created_by=colleague)
    services.article_save(article=touched, user=editor)
    ArticleFactory(title="Theirs", status=Status.DRAFT, created_by=colleague)
    ArticleFactory(title="Mine, public", created_by=editor)

    response = client.get(INDEX_URL)

    assert sorted(desk(response)["drafts"]) == ["Mine", "Touched by me"]
    assert f'href="{CHANGELIST_URL}?stands=draft&amp;whose=mine"' in response.content.decode()


def test_recently_published_newest_first_counts_the_last_week(client, frozen):
    ArticleFactory(title="Yesterday", published_at=NOW - DAY)
    ArticleFactory(title="Last month", published_at=NOW - 30 * DAY)
    ArticleFactory(title="Scheduled", published_at=NOW + DAY)
    ArticleFactory(title="Draft", status=Status.DRAFT)
    staff_in(client, "Editor")

    response = client.get(INDEX_URL)

    assert desk(response)["recent"] == ["Yesterday", "Last month"]
    assert counts(response)["recent"] == 1


def test_contributor_sees_own_drafts_and_submissions_and_no_schedule(client, frozen):
    contributor = staff_in(client, "Contributor")
    other = staff_in(None, "Contributor", "other")
    submit("My submission", contributor, NOW - DAY)
    submit("Their submission", other, NOW - DAY)
    ArticleFactory(title="My draft", status=Status.DRAFT, created_by=contributor)
    ArticleFactory(title="Scheduled", published_at=NOW + DAY)

    response = client.get(INDEX_URL)

    assert desk(response) == {
        "review": ["My submission"],
        "drafts": ["My draft"],
        "recent": [],
    }
    assert response.context["week"] is None
    html = response.content.decode()
    assert "My articles in review" in html
    assert f'href="{CHANGELIST_URL}?stands=review&amp;whose=mine"' in html


def test_moderator_sees_what_was_published_only(client, frozen):
    """A moderator may view articles but writes none: no drafts, no review queue."""
    ArticleFactory(title="Out")
    staff_in(client, "Moderator")

    response = client.get(INDEX_URL)

    assert desk(response) == {"recent": ["Out"]}


def test_without_articles_no_desk_but_the_apps(client):
    """Someone who may not see articles gets Django's home page: the list of apps."""
    user = staff_in(client, "Editor")
    user.groups.clear()

    response = client.get(INDEX_URL)

    assert "desk_lists" not in response.context
    assert response.context["title"] == "Content"


def test_the_apps_stay_reachable_below_the_desk(client, frozen):
    staff_in(client, "Editor")

    html = client.get(INDEX_URL).content.decode()

    assert html.index('id="desk-review"') < html.index('id="index-apps-heading"')
    assert f'href="{CHANGELIST_URL}"' in html
    assert '<link rel="stylesheet" href="/static/desk/dashboard.css"' in html


def _fill(editor, contributor, n):
    for i in range(n):
        submit(f"Review {i}", contributor, NOW - (i + 2) * DAY)
        ArticleFactory(status=Status.DRAFT, created_by=editor)
        ArticleFactory(published_at=NOW + (i % 9) * DAY + datetime.timedelta(hours=1))
        ArticleFactory(published_at=NOW - i * DAY - datetime.timedelta(hours=1))


@pytest.mark.parametrize("role", ["Editor", "Contributor", "Moderator"])
def test_a_fixed_number_of_queries(client, frozen, django_assert_max_num_queries, role):
    """The home page's queries do not grow with the articles: the same budget for a few and
    for more than every list shows."""
    user = staff_in(client, role)
    contributor = user if role == "Contributor" else staff_in(None, "Contributor", "writer")
    # 13, and one for the "You may also like" panel of the last 7 days' counts (issue 20).
    budget = ATOMIC_REQUEST + 14
    _fill(user, contributor, 2)
    with django_assert_max_num_queries(budget):
        client.get(INDEX_URL)
    _fill(user, contributor, 12)
    with django_assert_max_num_queries(budget):
        response = client.get(INDEX_URL)
    # Every list shows as many as it may (a moderator has one list).
    assert all(len(entries) == 8 for entries in desk(response).values())


@pytest.mark.parametrize("payload", ["<script>alert(1)</script>", '"><svg onload=alert(1)>'])
def test_hostile_titles_and_names_come_out_as_text(client, frozen, payload):
    """Every list of the desk escapes what editors typed (titles, sections, usernames)."""
    editor = staff_in(client, "Editor")
    writer = staff_in(None, "Contributor", "writer")
    section = SectionFactory(name=payload)
    waiting = submit(payload, writer, NOW - DAY)
    waiting.section = section
    services.article_save(article=waiting, user=writer)
    ArticleFactory(title=payload, section=section, published_at=NOW + DAY)
    ArticleFactory(title=payload, section=section, status=Status.DRAFT, created_by=editor)
    ArticleFactory(title=payload, section=section, published_at=NOW - DAY)

    response = client.get(INDEX_URL)

    assert all(desk(response).values()) and response.context["week"]["count"] == 1
    assert dangers(response.content.decode()) == []


def test_the_desk_is_valid_html(client, frozen, tmp_path):
    """The Nu HTML Checker finds no error on the home page with every list filled."""
    editor = staff_in(client, "Editor")
    writer = staff_in(None, "Contributor", "writer")
    submit("In review", writer, NOW - DAY)
    ArticleFactory(title="Tomorrow", published_at=NOW + DAY)
    ArticleFactory(title="Mine", status=Status.DRAFT, created_by=editor)
    ArticleFactory(title="Out", published_at=NOW - DAY)

    html = client.get(INDEX_URL).content.decode()

    assert html_errors({INDEX_URL: html}, tmp_path) == []
