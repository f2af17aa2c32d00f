"""The tag page's reads written once (articles/tag_reads.py) give what the querysets they
replace gave: the tag (an instance the page cache records), and the first pages of its public
articles, newest first, at any moment; values are bound, so hostile text is only data."""

import datetime

import pytest
import time_machine
from django.utils import timezone
from taggit.models import Tag

from articles import tag_reads
from articles.cards import CARD_COLUMNS
from articles.models import Article, TaggedArticle
from pagecache import keys
from pagecache.tracking import Recorder
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 3, 14, 12, 0, tzinfo=datetime.UTC)
HOUR = datetime.timedelta(hours=1)
HOSTILE = "'; DROP TABLE taggit_tag; -- %s %(x)s \" <b>&amp;</b> Ünïcödé 🎨"


@pytest.fixture
def tagged():
    with time_machine.travel(NOW, tick=False):
        for n in range(30):
            status = Article.Status.DRAFT if n % 7 == 3 else Article.Status.PUBLISHED
            when = NOW + (HOUR if n % 9 == 4 else -(n // 2) * HOUR)  # ties of time
            tags = [HOSTILE] if n % 5 else ["other"]
            ArticleFactory(status=status, published_at=when, title=f"{HOSTILE} {n}", tags=tags)
    return Tag.objects.get(name=HOSTILE)


def test_the_tag_is_what_the_orm_gives(tagged):
    with Recorder() as recorded:
        tag = tag_reads.load_tag(tagged.slug)
    assert (tag.pk, tag.name, tag.slug) == (tagged.pk, HOSTILE, tagged.slug)
    assert keys.object_key(Tag, tagged.pk) in recorded
    assert tag_reads.load_tag("no-such-tag") is None
    assert tag_reads.load_tag(HOSTILE) is None
    assert Tag.objects.filter(pk=tagged.pk).exists()


@pytest.mark.parametrize(("offset", "limit"), [(0, 12), (12, 12), (0, 5), (20, 12)])
@pytest.mark.parametrize("moment", [NOW, NOW + 2 * HOUR, NOW - 5 * HOUR])
def test_the_first_pages_are_the_querysets_slices(tagged, offset, limit, moment):
    ids = TaggedArticle.objects.filter(tag=tagged).values("content_object_id")
    with time_machine.travel(moment, tick=False):
        listed = Article.objects.published().filter(pk__in=ids).newest_first()
        expected = list(listed[offset : offset + limit].values_list(*CARD_COLUMNS))
        found = tag_reads.first_rows(tagged, offset, limit, timezone.now())
    assert found == expected
    assert found or offset >= 12
