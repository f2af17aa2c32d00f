"""The editors' queue: dead and moved links, one row per address, with what uses each; filters
by status and section; a search; who may see it; the actions ignore, stop ignoring and recheck
now (nothing checked in the request); hostile addresses and titles shown escaped."""

import pytest
from django.utils import timezone

from links.models import Link
from tests.factories import ArticleFactory, ArtistFactory, SectionFactory
from tests.links.queue_helpers import QUEUE_URL, found
from tests.staff import staff_in

pytestmark = pytest.mark.django_db
Status = Link.Status


@pytest.fixture
def editor(client):
    return staff_in(client, "Editor")


@pytest.fixture
def states():
    """One article per state, each linking to its own address."""
    reviews, news = (
        SectionFactory(name="Reviews", slug="reviews"),
        SectionFactory(name="News", slug="news"),
    )
    made = {}
    for name, status, dead, section in [
        ("gone", Status.GONE, True, reviews),
        ("soft", Status.SOFT_404, True, news),
        ("error", Status.ERROR, True, news),
        ("moved", Status.REDIRECTED, False, reviews),
        ("once", Status.GONE, False, news),  # one failed check: not dead yet
        ("blocked", Status.BLOCKED, False, news),
        ("ok", Status.OK, False, news),
        ("fresh", Status.UNCHECKED, False, news),
    ]:
        url = f"https://{name}.example/page"
        ArticleFactory(
            title=f"Article {name}", section=section, body=f'<p><a href="{url}">x</a></p>'
        )
        made[name] = found(
            Link.objects.get(url=url),
            status,
            dead=dead,
            redirect_url="https://moved.example/new" if name == "moved" else "",
        )
    return made


def listed(response) -> set[str]:
    return {link.url for link in response.context["cl"].result_list}


def test_the_queue_lists_dead_and_moved_links_only(client, editor, states):
    response = client.get(QUEUE_URL)

    assert response.status_code == 200
    assert listed(response) == {
        "https://gone.example/page",
        "https://soft.example/page",
        "https://error.example/page",
        "https://moved.example/page",
    }


def test_each_row_names_what_uses_the_address(client, editor, states):
    article = ArticleFactory(
        title="Second use", body='<p><a href="https://gone.example/page">x</a></p>'
    )
    ArtistFactory(name="Nina Klayman", website="https://gone.example/page")

    content = client.get(QUEUE_URL).content.decode()

    assert "Article gone" in content and "Second use" in content
    assert f"/admin/articles/article/{article.pk}/change/" in content
    assert ">artist: Nina Klayman</a> (website)" in content


def test_the_queue_leaves_out_ignored_links_and_the_decision_filter_shows_them(
    client, editor, states
):
    Link.objects.filter(pk=states["gone"].pk).update(ignored=True)

    assert "https://gone.example/page" not in listed(client.get(QUEUE_URL))
    assert listed(client.get(QUEUE_URL, {"decision": "ignored"})) == {"https://gone.example/page"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status": "redirected"}, {"https://moved.example/page"}),
        ({"status": "soft-404"}, {"https://soft.example/page"}),
        ({"section": "reviews"}, {"https://gone.example/page", "https://moved.example/page"}),
        ({"q": "error.example"}, {"https://error.example/page"}),
    ],
)
def test_filters_by_status_and_section_and_search_by_address(
    client, editor, states, query, expected
):
    assert listed(client.get(QUEUE_URL, query)) == expected


def test_an_unknown_filter_value_is_no_error(client, editor, states):
    assert client.get(QUEUE_URL, {"status": "nonsense"}).status_code == 200
    assert client.get(QUEUE_URL, {"section": "<script>"}).status_code == 200


def test_who_may_open_the_queue(client, states):
    assert client.get(QUEUE_URL).status_code == 302  # to the login page
    staff_in(client, "Contributor")
    assert client.get(QUEUE_URL).status_code == 403


def test_the_editor_group_may_change_links():
    from django.contrib.auth.models import Group  # noqa: PLC0415

    from tests.staff import ensure_roles  # noqa: PLC0415

    ensure_roles()
    codenames = set(
        Group.objects.get(name="Editor")
        .permissions.filter(content_type__app_label="links")
        .values_list("codename", flat=True)
    )
    assert codenames == {"change_link", "view_link", "view_linkuse"}


def act(client, action, *links, query=""):
    """An action as the change list's form posts it (to the list's address, filters kept)."""
    return client.post(
        QUEUE_URL + query, {"action": action, "_selected_action": [str(link.pk) for link in links]}
    )


def test_ignore_and_stop_ignoring(client, editor, states):
    act(client, "ignore", states["gone"], states["soft"])
    assert set(Link.objects.filter(ignored=True).values_list("url", flat=True)) == {
        "https://gone.example/page",
        "https://soft.example/page",
    }

    act(client, "stop_ignoring", states["gone"], query="?decision=ignored")
    assert set(Link.objects.filter(ignored=True).values_list("url", flat=True)) == {
        "https://soft.example/page"
    }


def test_recheck_now_puts_the_link_first_in_line_and_checks_nothing(client, editor, states):
    later = timezone.now() + timezone.timedelta(days=60)
    Link.objects.update(next_check_at=later)
    before = Link.objects.get(pk=states["error"].pk)

    response = act(client, "recheck_now", states["error"])

    assert response.status_code == 302
    after = Link.objects.get(pk=states["error"].pk)
    assert after.next_check_at <= timezone.now()
    assert (after.status, after.checked_at, after.failures) == (
        before.status,
        before.checked_at,
        before.failures,
    )
    assert Link.objects.get(pk=states["gone"].pk).next_check_at == later


def test_a_contributor_cannot_act(client, states):
    staff_in(client, "Contributor")

    assert act(client, "ignore", states["gone"]).status_code == 403
    assert not Link.objects.filter(ignored=True).exists()


def test_hostile_addresses_and_titles_are_shown_escaped(client, editor):
    url = 'https://evil.example/"><script>alert(1)</script>'
    ArticleFactory(
        title="<script>alert('title')</script>",
        body='<p><a href="https://evil.example/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">x</a></p>',
    )
    link = found(Link.objects.get(url=url), Status.GONE)
    Link.objects.filter(pk=link.pk).update(detail="<script>alert('detail')</script>")

    content = client.get(QUEUE_URL).content.decode()

    assert Link.objects.filter(pk=link.pk, url=url).exists()
    assert "<script>alert(1)" not in content and "<script>alert('title')" not in content
    assert "<script>alert('detail')" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
