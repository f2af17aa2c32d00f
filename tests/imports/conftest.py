import pytest

from tests.imports.tate_collections import copy_fixture


@pytest.fixture
def collection(tmp_path):
    """A copy of the fixture of real Tate records, which the test may change."""
    return copy_fixture(tmp_path / "tate")
