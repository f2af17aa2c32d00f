"""The sitemap index and each sitemap cost a fixed number of queries, however much they list."""

import pytest

from tests.factories import (
    ArticleFactory,
    ArtistFactory,
    ArtworkFactory,
    ExhibitionFactory,
    SectionFactory,
    SeriesFactory,
)
from tests.sitemaps.reader import SECTIONS, read_sitemap, section_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]

# Both include the SAVEPOINT / RELEASE pair of ATOMIC_REQUESTS. The index: for each of the
# sitemaps, its latest change (1) and a count for its pages (1). A sitemap: a count for its
# pages (1) and the page's rows (1).
INDEX_QUERIES = 2 + len(SECTIONS) * 2
SITEMAP_QUERIES = 2 + 2


def build(count: int) -> None:
    for i in range(count):
        ArticleFactory(
            section=SectionFactory(),
            tags=[f"Tag {i}", "Shared"],
            series=SeriesFactory(),
            series_part=1,
        )
        ArtistFactory()
        ArtworkFactory()
        ExhibitionFactory()


@pytest.mark.parametrize("count", [1, 10])
def test_index_query_budget(client, django_assert_max_num_queries, count):
    build(count)

    with django_assert_max_num_queries(INDEX_QUERIES):
        index = read_sitemap(client, "/sitemap.xml")

    assert len(index) == len(SECTIONS)


@pytest.mark.parametrize("count", [1, 10])
@pytest.mark.parametrize("name", SECTIONS)
def test_sitemap_query_budget(client, django_assert_max_num_queries, name, count):
    build(count)

    with django_assert_max_num_queries(SITEMAP_QUERIES):
        listed = read_sitemap(client, section_url(name))

    assert len(listed) == (count + 1 if name == "tags" else count)
