"""links/readers.py: readers see the archived copy after a dead link, in the body, the further
links and the feeds; the editor's text is untouched, and without a dead link nothing changes."""

import io
import re
from datetime import UTC, datetime
from html import escape, unescape

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import given
from hypothesis import strategies as st

from articles import link_notes
from articles.body_figures.render import body_html
from articles.models import Article
from links import wayback
from links.addresses import outbound
from links.archive import record_for_article
from links.models import Link
from tests.factories import ArticleFactory
from tests.links.helpers import link_for, use_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]

APRIL_3 = datetime(2011, 4, 3, 9, 30, tzinfo=UTC)
WOOSTER = "http://www.woostercollective.com/post/klayman-preview"
NOTE = re.compile(r' <a class="archived-copy" [^>]*>.*?</a>', re.DOTALL)


def article_with(body, *urls, links=(), dead=(), **fields):
    article = ArticleFactory(body=body, published_at=APRIL_3, **fields)
    for title, url in links:
        article.links.create(title=title, url=url)
    for url in urls:
        use_of(article, url)
    record_for_article(article)
    Link.objects.filter(url__in=dead).update(dead=True, status=Link.Status.GONE)
    return Article.objects.get(pk=article.pk)


def test_a_dead_link_is_followed_by_its_archived_copy():
    body = f'<p>Follow the link to <a href="{WOOSTER}">Wooster Collective</a> to watch.</p>'
    article = article_with(body, WOOSTER, dead=[WOOSTER])

    html = body_html(article)

    address = f"https://web.archive.org/web/20110403093000/{WOOSTER}"
    assert html.startswith('<p>Follow the link to <a href="http://www.woostercollective.com')
    assert (
        f'>Wooster Collective</a> <a class="archived-copy" href="{address}" '
        'rel="nofollow noopener">(archived copy<span class="visually-hidden"> of '
        '“Wooster Collective”</span>, <time datetime="2011-04-03">3 Apr 2011</time>)</a>'
        " to watch.</p>"
    ) in html
    assert NOTE.sub("", html) == article.body  # the editor's text as it was


@pytest.mark.parametrize(
    "state",
    [
        {"dead": False, "status": Link.Status.GONE, "failures": 1},  # one strike is not dead
        {"dead": True, "ignored": True},  # an editor said to ignore it
        {"dead": False, "status": Link.Status.BLOCKED},
    ],
)
def test_no_note_unless_dead_and_not_ignored(state):
    body = f'<p><a href="{WOOSTER}">Wooster</a></p>'
    article = article_with(body, WOOSTER)
    Link.objects.filter(url=WOOSTER).update(**state)
    article = Article.objects.get(pk=article.pk)
    assert body_html(article) == article.body


def test_no_note_for_a_dead_link_without_an_archived_copy_for_this_article():
    body = f'<p><a href="{WOOSTER}">Wooster</a></p>'
    article = ArticleFactory(body=body, draft=True)
    use_of(article, WOOSTER, dead=True)  # a draft: no address recorded
    assert body_html(article) == article.body


def test_further_links_get_the_note_too(client):
    url = "https://www.example.org/interviews/alison-klayman"
    article = article_with("<p>Text.</p>", url, links=[("Read the interview", url)], dead=[url])

    content = client.get(article.get_absolute_url()).content.decode()

    assert (
        f'<a href="{url}" rel="noopener">Read the interview</a> <a class="archived-copy"' in content
    )
    assert "of “Read the interview”</span>" in content


def test_a_url_used_twice_gets_a_note_after_each_link():
    body = f'<p><a href="{WOOSTER}">one</a> and <a href="{WOOSTER}">two</a></p>'
    article = article_with(body, WOOSTER, dead=[WOOSTER])
    html = body_html(article)
    assert html.count('class="archived-copy"') == 2
    assert "of “one”" in html and "of “two”" in html


def test_escaped_ampersands_in_the_body_match_the_url():
    url = "https://curated.example/i?id=7&lang=en"
    article = article_with(f'<p><a href="{url}">Curated</a></p>', url, dead=[url])
    assert "&amp;lang" in article.body  # as the sanitizer stores it
    assert "archived-copy" in body_html(article)


def test_hostile_link_text_and_url_are_escaped():
    url = "https://evil.example/\"><script>alert(1)</script>?q='x'"
    text = "<b>bold</b> &lt;script&gt;alert('t')&lt;/script&gt; \"quoted\""
    body = f'<p><a href="{escape(url)}">{text}</a></p>'
    article = article_with(body, url, dead=[url])

    html = body_html(article)
    assert "&quot;&gt;&lt;script&gt;" in article.body  # the sanitizer kept the URL, escaped
    note = NOTE.search(html).group(0)

    assert "<script" not in html
    assert "&lt;script&gt;alert(&#x27;t&#x27;)&lt;/script&gt;" in note  # text, escaped again
    assert "%22%3E%3Cscript%3E" in note  # the URL as the Archive is given it
    assert NOTE.sub("", html) == article.body


@pytest.mark.parametrize(
    "stored",
    ["javascript:alert(1)", " JAVASCRIPT:alert(1)", "data:text/html,x", "//evil.example/x"],
)
def test_an_archive_address_that_is_not_http_is_never_a_link(stored):
    article = article_with(f'<p><a href="{WOOSTER}">W</a></p>', WOOSTER, dead=[WOOSTER])
    article.link_uses.update(archive_url=stored)
    article = Article.objects.get(pk=article.pk)
    assert body_html(article) == article.body


def test_a_javascript_href_in_the_body_never_gets_a_note():
    """The sanitizer drops such an href; even a Link row for it gets no note."""
    article = article_with('<p><a href="javascript:alert(1)">x</a></p>')
    link_for("javascript:alert(1)", dead=True)
    assert "archived-copy" not in body_html(article)
    assert "javascript:" not in body_html(article)


def test_the_feeds_full_content_carries_the_note(client):
    body = f'<p><a href="{WOOSTER}">Wooster Collective</a></p>'
    article_with(body, WOOSTER, dead=[WOOSTER])

    content = client.get("/feeds/atom/").content.decode()

    assert "archived-copy" in content
    assert "20110403093000" in content


def test_feeds_read_the_notes_of_all_items_in_one_query(client, django_assert_num_queries):
    for i in range(2):
        url = f"https://gone{i}.example/"
        article_with(f'<p><a href="{url}">Gone {i}</a></p>', url, dead=[url])
    client.get("/feeds/rss/")
    with CaptureQueriesContext(connection) as few:
        client.get("/feeds/rss/")
    for i in range(2, 6):
        url = f"https://gone{i}.example/"
        article_with(f'<p><a href="{url}">Gone {i}</a></p>', url, dead=[url])
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get("/feeds/rss/")
    assert response.content.decode().count("archived-copy") == 6


def test_the_demo_articles_are_byte_for_byte_the_same_while_no_link_is_dead(monkeypatch):
    """Every demo article, with every link of its body and further links known and archived:
    the body as it is rendered without any note, to the byte; one link dead adds its note and
    nothing else."""
    call_command("seed_demo", stdout=io.StringIO())
    articles = list(Article.objects.published())
    with_links = 0
    for article in articles:
        urls = set(re.findall(r'href="([^"]+)"', article.body)) | {
            link.url for link in article.links.all()
        }
        for url in urls:
            use_of(article, url.replace("&amp;", "&"))
        record_for_article(article)
        with_links += bool(urls)
    assert with_links  # the demo has links

    def rendered():
        return {a.pk: str(body_html(Article.objects.get(pk=a.pk))) for a in articles}

    monkeypatch.setattr(link_notes, "_readers", [])
    without_notes = rendered()
    monkeypatch.undo()
    assert rendered() == without_notes

    Link.objects.filter(url="https://hausderkunst.de/").update(dead=True)
    after = rendered()
    changed = [pk for pk in after if after[pk] != without_notes[pk]]
    assert len(changed) == 1
    assert NOTE.sub("", after[changed[0]]) == without_notes[changed[0]]
    assert after[changed[0]].count("archived-copy") == 1


@given(text=st.text(min_size=1, max_size=40), path=st.text(max_size=30))
def test_any_link_text_and_url_keep_the_editor_s_text_and_stay_escaped(text, path):
    """Whatever an editor typed as a link's text and address: the body with the note taken
    out is the body stored, the note is one well-formed link, and nothing typed is markup."""
    url = f"https://example.org/{path}"
    body = f'<p><a href="{escape(url)}">{escape(text)}</a> after</p>'
    article = ArticleFactory(body=body, published_at=APRIL_3)
    stored = Article.objects.get(pk=article.pk).body
    hrefs = [unescape(h) for h in re.findall(r'href="([^"]*)"', stored)]
    keys = [outbound(href) for href in hrefs]  # as the inventory recorded them
    record_for_article(article)
    Link.objects.filter(uses__article=article).update(dead=True)
    html = body_html(Article.objects.get(pk=article.pk))

    assert NOTE.sub("", html) == stored
    notes = NOTE.findall(html)
    assert len(notes) == sum(1 for key in keys if key and wayback.wayback_address(key, APRIL_3))
    for note in notes:
        assert note.count("<a ") == 1 and note.count("<span ") == 1 and "<script" not in note
