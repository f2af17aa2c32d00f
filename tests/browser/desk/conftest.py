"""Fixtures of the desk's browser tests of figures in the body (body_figure_pages.py)."""

import pytest

from tests.browser.desk.staff_pages import log_in
from tests.factories import ArtistFactory, ArtworkArtistFactory, ArtworkFactory, ArtworkImageFactory
from tests.staff import staff_in


@pytest.fixture
def remembering(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    artist = ArtistFactory(name="Ai Weiwei")
    artwork = ArtworkFactory(title="Remembering", date_display="2009", medium="Backpacks")
    ArtworkArtistFactory(artwork=artwork, artist=artist, position=0)
    ArtworkImageFactory(artwork=artwork, position=0, alt_text="Backpacks on the façade")
    return artwork


@pytest.fixture
def editor_page(live_server, new_page):
    page = new_page()
    log_in(page, live_server.url, staff_in(None, "Editor", username="eddie"))
    return page
