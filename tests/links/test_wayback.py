"""links/wayback.py: the Wayback address of a URL at a moment, built from the URL alone."""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from links import wayback

APRIL_3 = datetime(2011, 4, 3, 14, 5, 9, tzinfo=UTC)


def test_address_is_the_url_after_a_utc_timestamp():
    address = wayback.wayback_address("http://woostercollective.com/post/klayman", APRIL_3)
    assert (
        address
        == "https://web.archive.org/web/20110403140509/http://woostercollective.com/post/klayman"
    )


def test_the_timestamp_is_utc_whatever_the_moment_s_zone():
    """1:30 on 4 April in Tokyo is 16:30 on 3 April in UTC: the Archive's timestamps are UTC."""
    tokyo = datetime(2011, 4, 4, 1, 30, tzinfo=timezone(timedelta(hours=9)))
    assert wayback.timestamp(tokyo) == "20110403163000"


def test_query_string_kept_as_it_is():
    address = wayback.wayback_address("https://curated.example/i?id=12&lang=en", APRIL_3)
    assert address.endswith("/20110403140509/https://curated.example/i?id=12&lang=en")


def test_fragment_kept_for_the_reader_s_place_in_the_page():
    address = wayback.wayback_address("https://example.org/a#section-2", APRIL_3)
    assert address.endswith("/https://example.org/a#section-2")


def test_existing_escapes_kept_and_not_escaped_twice():
    address = wayback.wayback_address("https://example.org/a%20b?q=x%26y", APRIL_3)
    assert address.endswith("/https://example.org/a%20b?q=x%26y")


def test_spaces_quotes_and_angle_brackets_are_escaped():
    address = wayback.wayback_address('https://example.org/a b"c<d>?q=1 2', APRIL_3)
    assert address.endswith("/https://example.org/a%20b%22c%3Cd%3E?q=1%202")


def test_non_ascii_path_as_utf8_escapes_and_host_as_punycode():
    address = wayback.wayback_address("https://münchen.example/Künstler/Émile", APRIL_3)
    assert address.endswith("/https://xn--mnchen-3ya.example/K%C3%BCnstler/%C3%89mile")


def test_scheme_and_host_lowered_port_kept_credentials_dropped():
    address = wayback.wayback_address("HTTP://user:secret@Example.ORG:8080/Path", APRIL_3)
    assert address.endswith("/20110403140509/http://example.org:8080/Path")
    assert "secret" not in address


def test_bare_host_gets_a_path():
    assert wayback.wayback_address("https://example.org", APRIL_3).endswith("/https://example.org/")


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(document.cookie)",
        "data:text/html,<script>alert(1)</script>",
        "mailto:editor@example.org",
        "ftp://example.org/file",
        "/relative/path",
        "https://",
        "https://[::1",
        "http://example.org:notaport/",
        "",
    ],
)
def test_no_address_for_what_is_not_an_http_url(url):
    assert wayback.wayback_address(url, APRIL_3) is None


def test_no_address_too_long_for_its_column():
    url = "https://example.org/" + "é" * 800  # 6 characters each once escaped
    assert wayback.wayback_address(url, APRIL_3) is None


def test_the_base_is_a_setting(settings):
    settings.LINK_ARCHIVE_BASE = "http://127.0.0.1:9/"
    address = wayback.wayback_address("https://example.org/", APRIL_3)
    assert address == "http://127.0.0.1:9/web/20110403140509/https://example.org/"
    assert (
        wayback.save_address("https://example.org/")
        == "http://127.0.0.1:9/save/https://example.org/"
    )
    assert wayback.moment_of(address) == APRIL_3.replace(microsecond=0)


def test_moment_of_reads_only_addresses_of_ours():
    assert wayback.moment_of("https://elsewhere.example/web/20110403140509/x") is None
    assert wayback.moment_of("https://web.archive.org/web/2011/x") is None


@given(st.text(max_size=80))
def test_any_text_gives_none_or_a_valid_http_address(path):
    """Whatever an editor typed after the host: no address, or one with no character a URL
    may not hold, that starts with the Archive's and keeps the host."""
    address = wayback.wayback_address(f"https://example.org/{path}", APRIL_3)
    if address is None:
        return
    assert address.startswith("https://web.archive.org/web/20110403140509/https://example.org/")
    assert address.isascii()
    assert not any(c in address for c in ' "<>\\^`{|}') and all(ord(c) > 32 for c in address)
