"""Series navigation: "Part 2 of 4" and the previous and next public parts, skipping every part
the public may not see."""

import pytest
from django.urls import reverse

from articles import services
from articles.models import Article
from articles.series_parts import navigation, parts_total, public_parts
from tests.factories import ArticleFactory, SeriesFactory

pytestmark = pytest.mark.django_db


def part(series, number, **kwargs):
    return ArticleFactory(series=series, series_part=number, title=f"Part {number}", **kwargs)


def fresh(article):
    return Article.objects.get(pk=article.pk)


@pytest.mark.parametrize(
    ("planned", "highest", "expected"),
    [(None, 3, 3), (4, 3, 4), (4, 4, 4), (4, 6, 6), (0, 2, 2)],
)
def test_parts_total(planned, highest, expected):
    """N is the plan when there is one and it is not below the highest public part."""
    assert parts_total(planned, highest) == expected


def test_navigation_skips_parts_the_public_may_not_see():
    """Drafts, parts in review, scheduled and unpublished parts are skipped: part 3's neighbours
    are parts 1 and 6, and the count is the highest public part."""
    series = SeriesFactory(title="Letters from Beijing")
    first = part(series, 1)
    part(series, 2, status=Article.Status.DRAFT)
    middle = part(series, 3)
    part(series, 4, scheduled=True)
    unpublished = part(series, 5)
    services.article_unpublish(article=unpublished, user=None)
    last = part(series, 6)
    part(series, 7, status=Article.Status.REVIEW)

    nav = navigation(fresh(middle))

    assert nav.label == "Part 3 of 6"
    assert nav.series_title == "Letters from Beijing"
    assert nav.series_url == reverse("articles:series-detail", kwargs={"slug": series.slug})
    assert (nav.previous.part, nav.previous.title) == (1, "Part 1")
    assert nav.previous.url == first.get_absolute_url()
    assert (nav.next.part, nav.next.url) == (6, last.get_absolute_url())
    assert [a.series_part for a in public_parts(series)] == [1, 3, 6]


def test_first_and_last_have_one_neighbour_and_planned_parts_count():
    series = SeriesFactory(planned_parts=4)
    first, second = part(series, 1), part(series, 2)

    assert (navigation(fresh(first)).previous, navigation(fresh(first)).next.part) == (None, 2)
    nav = navigation(fresh(second))
    assert (nav.label, nav.previous.part, nav.next) == ("Part 2 of 4", 1, None)


def test_no_navigation_outside_a_public_series():
    """An article in no series, or in a series taken off the site, has no navigation."""
    alone = ArticleFactory()
    hidden = SeriesFactory(is_public=False)
    in_hidden = part(hidden, 1)
    part(hidden, 2)

    assert navigation(fresh(alone)) is None
    assert navigation(fresh(in_hidden)) is None
    assert list(public_parts(hidden)) == []


def test_a_draft_part_counts_itself_in_its_preview():
    """The preview of a draft part 3 shows "Part 3 of 3" with the public part 2 before it."""
    series = SeriesFactory()
    part(series, 2)
    draft = part(series, 3, status=Article.Status.DRAFT)

    nav = navigation(fresh(draft))

    assert (nav.label, nav.previous.part, nav.next) == ("Part 3 of 3", 2, None)


def test_article_page_shows_the_navigation(client):
    series = SeriesFactory(title="Letters <from> Beijing", planned_parts=4)
    part(series, 1)
    second = part(series, 2)
    part(series, 3, status=Article.Status.DRAFT)

    html = client.get(second.get_absolute_url()).content.decode()

    assert 'aria-label="Letters &lt;from&gt; Beijing, the series"' in html
    assert "Part 2 of 4 · Letters &lt;from&gt; Beijing" in html
    assert "Previous: Part 1" in html
    assert "Next:" not in html
    assert '"isPartOf": {"@type": "CreativeWorkSeries"' in html


def test_article_page_without_a_public_series_shows_none(client):
    series = SeriesFactory(is_public=False)
    article = part(series, 1)

    html = client.get(article.get_absolute_url()).content.decode()

    assert "series-nav" not in html
    assert "isPartOf" not in html
