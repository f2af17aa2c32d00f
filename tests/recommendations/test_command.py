"""manage.py recompute_recommendations: a progress report and a summary."""

import io

import pytest
from django.core.management import call_command

from progress import Progress
from tests.factories import ArticleFactory, ArtistFactory

pytestmark = pytest.mark.django_db


def test_command_reports_progress_and_a_summary():
    """Without a terminal it logs plain progress lines, then what it stored."""
    artist = ArtistFactory()
    for _ in range(3):
        ArticleFactory().featured_artists.add(artist)
    out = io.StringIO()

    call_command("recompute_recommendations", stdout=out)

    text = out.getvalue()
    assert "Recomputing [" in text and "3/3 (100%)" in text
    assert "Recomputed suggestions for 3 articles: 6 suggestions stored" in text


def test_progress_bar_on_a_terminal_redraws_one_line():
    """On a terminal the bar redraws in place and ends with a newline."""
    out = io.StringIO()
    progress = Progress(total=4, label="Work", stream=out, interactive=True)
    for _ in range(4):
        progress.advance()
    progress.finish()

    assert out.getvalue().startswith("\rWork [")
    assert "4/4 (100%)" in out.getvalue() and "/s, " in out.getvalue()
    assert out.getvalue().count("\n") == 1
