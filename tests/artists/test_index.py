"""The A-Z's read (artists/index.py) and its markup (templatetags/artist_index.py): entries say
what the Artist model says, grouped by letter as {% regroup %} grouped them, every value
escaped."""

import pytest
from django.template import Context, Template

from artists.index import IndexEntry, index_entries
from artists.models import Artist
from pagecache import keys
from pagecache.tracking import Recorder
from tests.factories import ArtistFactory

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert(\"x\")</script> & 'q'"


def test_entries_say_what_the_model_says():
    ArtistFactory(
        name="Émile Bernard", sort_name="Bernard, Émile", birth_year=1868, death_year=1941
    )
    ArtistFactory(name="Ai Weiwei", sort_name="Ai, Weiwei", birth_year=1957, nationality="Chinese")
    ArtistFactory(name="1010", sort_name="1010", death_year=2020)
    ArtistFactory(name="Øster", sort_name="Øster", slug="øster")
    artists = Artist.objects.all()

    entries = index_entries(artists)

    assert [(e.initial, e.url, e.name, e.nationality, e.life_dates) for e in entries] == [
        (a.initial, a.get_absolute_url(), a.name, a.nationality, a.life_dates) for a in artists
    ]
    assert [e.initial for e in entries] == ["#", "A", "B", "O"]


def test_the_page_cache_learns_the_artists_shown():
    shown_artist = ArtistFactory()

    with Recorder() as shown:
        index_entries(Artist.objects.all())

    assert shown == {keys.for_object("artists.artist", shown_artist.pk)}


def entry(**fields):
    values = {
        "initial": "A",
        "url": "/artists/a/",
        "name": "A",
        "nationality": "",
        "life_dates": "",
    }
    return IndexEntry(**(values | fields))


def render(entries) -> str:
    return Template("{% load artist_index %}{% artist_groups entries %}").render(
        Context({"entries": entries})
    )


def test_groups_by_letter_with_the_bytes_regroup_wrote():
    entries = [
        entry(name="Ai", nationality="Chinese", life_dates="born 1957"),
        entry(name="Albers", life_dates="1888–1976"),
        entry(initial="B", name="Bernard", url="/artists/b/"),
    ]

    assert render(entries) == (
        '\n  <div class="az-groups">\n    \n    <section class="az-group">\n'
        '      <h2 class="az-group__letter">A</h2>\n      <ul class="az-list">\n        \n'
        '        <li>\n          <a href="/artists/a/">Ai</a>\n'
        '          <span class="meta">Chinese, born 1957</span>\n        </li>\n        \n'
        '        <li>\n          <a href="/artists/a/">Albers</a>\n'
        '          <span class="meta">1888–1976</span>\n        </li>\n        \n'
        "      </ul>\n    </section>\n    \n"
        '    <section class="az-group">\n      <h2 class="az-group__letter">B</h2>\n'
        '      <ul class="az-list">\n        \n        <li>\n'
        '          <a href="/artists/b/">Bernard</a>\n          \n        </li>\n        \n'
        "      </ul>\n    </section>\n    \n  </div>"
    )


def test_every_value_is_escaped():
    html = render([entry(initial=HOSTILE, name=HOSTILE, nationality=HOSTILE, url=HOSTILE)])

    assert "<script>" not in html
    assert html.count("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;q&#x27;") == 4


def test_a_name_is_written_as_the_include_wrote_it():
    def name(e):
        return Template("{% load artist_index %}{% artist_name e %}").render(Context({"e": e}))

    assert name(entry(life_dates="born 1957")) == (
        '\n<a href="/artists/a/">A</a> <span class="meta">born 1957</span>\n'
    )
    assert name(entry()) == '\n<a href="/artists/a/">A</a>\n'
    hostile = name(entry(name=HOSTILE, life_dates=HOSTILE, url=HOSTILE))
    assert "<script>" not in hostile
    assert hostile.count("&lt;script&gt;") == 3
