"""links/addresses.py: which addresses are outbound, their key, and finding and replacing them
in rich text and plain text without touching anything else."""

import pytest

from links import addresses


@pytest.mark.parametrize(
    ("written", "key"),
    [
        (
            "https://www.woostercollective.com/post/klayman",
            "https://www.woostercollective.com/post/klayman",
        ),
        ("  HTTPS://Example.ORG/Path?b=2&a=1#part  ", "https://example.org/Path?b=2&a=1"),
        ("http://example.org:80/x", "http://example.org/x"),
        ("https://example.org:8443/x", "https://example.org:8443/x"),
        ("https://example.org", "https://example.org/"),
    ],
)
def test_an_outbound_address_is_kept_as_written_with_only_its_case_insensitive_parts_uniform(
    written, key
):
    """Scheme and host lower case, default port and fragment dropped; path and query as written."""
    assert addresses.outbound(written, hosts=set()) == key


@pytest.mark.parametrize(
    "written",
    [
        "/articles/x/",
        "mailto:someone@example.org",
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://example.org/file",
        "https://",
        "https://[::1/",
        "https://example.org:notaport/",
        "",
    ],
)
def test_relative_and_other_schemes_are_not_outbound(written):
    assert addresses.outbound(written, hosts=set()) is None


def test_the_sites_own_hosts_are_not_outbound(settings):
    """ALLOWED_HOSTS, a leading dot meaning subdomains too; loopback names are not the site's
    (the checker's test servers listen there)."""
    settings.LINKS_OWN_HOSTS = None
    settings.ALLOWED_HOSTS = ["news.example", ".arts.example", "localhost", "*"]

    assert addresses.outbound("https://news.example/articles/a/") is None
    assert addresses.outbound("https://www.arts.example/") is None
    assert addresses.outbound("https://arts.example/") is None
    assert addresses.outbound("https://other.example/") == "https://other.example/"
    assert addresses.outbound("http://localhost:8123/") == "http://localhost:8123/"


def test_links_own_hosts_overrides_allowed_hosts(settings):
    settings.LINKS_OWN_HOSTS = ["mirror.example"]
    settings.ALLOWED_HOSTS = ["news.example"]

    assert addresses.outbound("https://mirror.example/a") is None
    assert addresses.outbound("https://news.example/a") == "https://news.example/a"


def test_links_in_rich_text_are_read_with_their_entities_decoded():
    html = (
        '<p>Follow <a href="https://example.org/a?x=1&amp;y=2">this</a> and '
        '<a title="a &quot;quoted&quot; > title" href="https://example.org/b">that</a>; '
        "https://example.org/not-a-link in words.</p>"
    )

    assert addresses.in_html(html) == ["https://example.org/a?x=1&y=2", "https://example.org/b"]


def test_addresses_in_plain_text_lose_the_sentences_punctuation():
    text = (
        "Visit https://example.org/a. Or (https://example.org/b), "
        "https://en.wikipedia.org/wiki/Banksy_(artist)! Not ftp://example.org."
    )

    assert addresses.in_text(text) == [
        "https://example.org/a",
        "https://example.org/b",
        "https://en.wikipedia.org/wiki/Banksy_(artist)",
    ]


def test_replacing_in_rich_text_touches_only_that_links_href():
    html = (
        '<p><a href="https://old.example/a#part">one</a> '
        '<a href="https://old.example/ab">two</a> https://old.example/a</p>'
    )

    replaced = addresses.replace_in_html(html, "https://old.example/a", "https://new.example/a")

    assert replaced == (
        '<p><a href="https://new.example/a#part">one</a> '
        '<a href="https://old.example/ab">two</a> https://old.example/a</p>'
    )


def test_a_hostile_new_address_is_escaped_in_the_attribute():
    """Quotes and angle brackets in the new address cannot leave the href."""
    html = '<p><a href="https://old.example/">x</a></p>'

    replaced = addresses.replace_in_html(
        html, "https://old.example/", 'https://new.example/"><script>alert(1)</script>'
    )

    assert "<script>" not in replaced
    assert "&quot;&gt;&lt;script&gt;" in replaced


def test_replacing_in_plain_text_keeps_the_punctuation_after_it():
    text = "See https://old.example/a. And https://old.example/ab."

    replaced = addresses.replace_in_text(text, "https://old.example/a", "https://new.example/")

    assert replaced == "See https://new.example/. And https://old.example/ab."
