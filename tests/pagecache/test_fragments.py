"""Fragments (pagecache/fragments.py): values kept in the cache until what they loaded, or the
keys they name, changes; the page being built depends on them, kept or not."""

import pytest
from django.core.cache import cache

import pagecache
from articles.models import Section
from pagecache import fragments, invalidate
from pagecache.tracking import Recorder
from tests.factories import SectionFactory

pytestmark = pytest.mark.django_db


class Builds:
    """A build that counts its runs and returns the sections' names."""

    def __init__(self, during=None):
        self.runs = 0
        self.during = during

    def __call__(self):
        self.runs += 1
        names = [section.name for section in Section.objects.order_by("pk")]
        if self.during is not None:
            self.during()
        return names


def test_a_fragment_is_built_once_and_then_kept(django_assert_num_queries):
    """A second use of a fragment nothing changed is not built again, and costs no query."""
    SectionFactory(name="News")
    build = Builds()
    assert fragments.remember("names", build) == ["News"]

    with django_assert_num_queries(0):
        assert fragments.remember("names", build) == ["News"]
    assert build.runs == 1


def test_a_change_to_what_it_loaded_rebuilds_it():
    """Renaming a section it loaded makes the next use build it again, with the new name."""
    section = SectionFactory(name="News")
    build = Builds()
    fragments.remember("names", build)

    section.name = "Dispatches"
    section.save()

    assert fragments.remember("names", build) == ["Dispatches"]
    assert build.runs == 2


def test_a_key_it_names_rebuilds_it():
    """A fragment depends on the keys its caller names too."""
    key = pagecache.set_key("public:test")
    build = Builds()
    fragments.remember("names", build, depends_on=[key])
    fragments.remember("names", build, depends_on=[key])
    assert build.runs == 1

    invalidate.keys_changed([key])

    fragments.remember("names", build, depends_on=[key])
    assert build.runs == 2


def test_everything_stale_rebuilds_it():
    build = Builds()
    fragments.remember("names", build)
    invalidate.everything()
    fragments.remember("names", build)
    assert build.runs == 2


def test_a_fragment_built_while_something_changed_is_not_kept():
    """A change during the build may have mixed old rows with new: the value is used once,
    and the next use builds it again."""
    section = SectionFactory(name="News")

    def rename():
        Section.objects.filter(pk=section.pk).update(name="Dispatches")
        invalidate.objects_changed(section)

    build = Builds(during=rename)
    assert fragments.remember("names", build) == ["News"]
    build.during = None
    assert fragments.remember("names", build) == ["Dispatches"]
    assert build.runs == 2


def test_the_page_being_built_depends_on_a_fragment_kept_or_built():
    """The keys a fragment depends on are recorded for the page, on a miss and on a hit (when
    its objects are not loaded at all)."""
    SectionFactory()
    build = Builds()
    with Recorder() as built:
        fragments.remember("names", build)
    with Recorder() as kept:
        fragments.remember("names", build)

    assert build.runs == 1
    assert pagecache.all_key(Section) in built
    assert kept == built


def test_a_cache_that_fails_builds_every_time(monkeypatch):
    """With the cache down the value is built every time, and nothing fails."""
    SectionFactory(name="News")

    def down(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(cache, "get_many", down)
    monkeypatch.setattr(cache, "set_many", down)
    build = Builds()
    assert fragments.remember("names", build) == ["News"]
    assert fragments.remember("names", build) == ["News"]
    assert build.runs == 2
