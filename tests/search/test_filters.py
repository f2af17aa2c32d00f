"""Filters by kind and by section, the result count and pagination."""

import pytest

from search.views import PAGE_SIZE
from tests.factories import ArticleFactory, ArtistFactory, ArtworkFactory, SectionFactory
from tests.search.searching import found, search_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def kinds():
    """One article, artist and artwork that all match 'axolotl'."""
    return {
        "articles": ArticleFactory(title="Axolotl studies").get_absolute_url(),
        "artists": ArtistFactory(name="Axolotl Collective").get_absolute_url(),
        "artworks": ArtworkFactory(title="Axolotl in blue").get_absolute_url(),
    }


@pytest.mark.parametrize("kind", ["articles", "artists", "artworks"])
def test_kind_filter(client, kinds, kind):
    """?kind= keeps one kind of result."""
    assert found(client, "axolotl", kind=kind) == [kinds[kind]]


@pytest.mark.parametrize("kind", ["", "everything", "<script>", "articles\x00"])
def test_unknown_kind_means_everything(client, kinds, kind):
    """An unknown ?kind= is ignored."""
    assert set(found(client, "axolotl", kind=kind)) == set(kinds.values())


def test_section_filter(client, kinds):
    """?section= keeps the articles of that section (artists and artworks have none)."""
    essays = SectionFactory(slug="essays")
    in_essays = ArticleFactory(title="Axolotl essay", section=essays)

    assert found(client, "axolotl", section="essays") == [in_essays.get_absolute_url()]
    assert found(client, "axolotl", section="essays", kind="artists") == []
    assert found(client, "axolotl", section="no-such-section") == []


def test_section_filter_in_any_script(client, kinds):
    """A section whose slug has accents or CJK filters as an ASCII one does, however the
    address spells its accents."""
    kunst = SectionFactory(name="Künste", slug="künste")
    in_kunst = ArticleFactory(title="Axolotl in der Kunst", section=kunst)

    assert found(client, "axolotl", section="künste") == [in_kunst.get_absolute_url()]
    assert found(client, "axolotl", section="ku\u0308nste") == [in_kunst.get_absolute_url()]


def test_result_count(client, kinds):
    """The page says how many results there are, all pages together."""
    content = search_page(client, "axolotl").content.decode()

    assert "3 results for" in content


def test_pagination(client):
    """PAGE_SIZE results a page; the next page has the rest, and keeps the query and filters."""
    for n in range(PAGE_SIZE + 3):
        ArticleFactory(title=f"Tardigrade {n}")

    first = search_page(client, "tardigrade", kind="articles").content.decode()
    second = found(client, "tardigrade", kind="articles", page=2)

    assert first.count('class="card__link"') == PAGE_SIZE
    assert "?q=tardigrade&amp;kind=articles&amp;page=2" in first
    assert len(second) == 3


@pytest.mark.parametrize(
    ("page", "shown"),
    [
        ("abc", 1),
        ("0", 2),
        ("-1", 2),
        ("99", 2),
        ("9" * 5000, 1),
        ("1e3", 1),
        ("2\x00", 1),
        ("", 1),
    ],
)
def test_bad_page_numbers_show_a_page(client, page, shown):
    """Not a number: the first page; out of range: the last; never an error."""
    for n in range(PAGE_SIZE + 1):
        ArticleFactory(title=f"Nautilus {n}")

    content = search_page(client, "nautilus", page=page).content.decode()

    assert f"page {shown} of 2" in content
