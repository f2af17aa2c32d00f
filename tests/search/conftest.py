import pytest

from tests.search.test_word_ranks import CAP


@pytest.fixture
def small_cap(monkeypatch):
    """The paginator's count cap of the word-rank tests: more than CAP hits is "many"."""
    monkeypatch.setattr("search.paginator.COUNT_CAP", CAP)
