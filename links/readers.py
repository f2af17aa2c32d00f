"""What readers see of the state of an article's links: after a link found dead (two failed
checks, links/checking/), not ignored by an editor, whose use by this article has an archived
copy's address (links/archive.py), a small link to that copy: "(archived copy, 3 Apr 2011)".
The editor's text is never changed: the note is written after the link when the body, the
further links and the feeds' full content are rendered (articles/link_notes.py, which this
module registers with from LinksConfig.ready()).

One query for the notes of a page's articles (a feed's thirty alike), compiled once per process
(sqlreads). The page depends on every link of its articles, dead or not (pagecache:
`record_shown(Link, ...)`), so a link that dies, comes back or is ignored makes stale exactly
the pages that show an article using it: a `Link` saved does so through its model signal; a
writer that uses `update()` or `bulk_update()` calls `link_states_changed(link_ids)`."""

from collections.abc import Iterable
from datetime import date
from functools import partial
from urllib.parse import urlsplit

from django.utils.dateformat import format as format_date
from django.utils.html import format_html

import pagecache
import pagecache.invalidate
from links.addresses import outbound
from links.models import Link, LinkUse
from sqlreads.compiled import Read

_USES = Read(
    lambda ids: (
        LinkUse.objects.filter(article__in=ids)
        .order_by("archived_on", "pk")
        .values_list(
            "article_id",
            "link_id",
            "link__url",
            "link__dead",
            "link__ignored",
            "archive_url",
            "archived_on",
        )
    ),
    ids=list,
)


class NotesByAddress(dict):
    """An article's notes keyed as the inventory keys addresses (links/addresses.py): found by
    a link's address as the editor wrote it ("HTTP://Example.org:80/a#top" is
    "http://example.org/a")."""

    def get(self, address, default=None):
        key = outbound(address or "")
        return super().get(key, default) if key is not None else default


def notes_for(articles: list) -> dict[int, NotesByAddress]:
    """{article pk: its notes} for these articles' dead links with an archived copy (the
    reader registered with articles.link_notes)."""
    rows = _USES.rows(ids=[article.pk for article in articles])
    pagecache.record_shown(Link, {link_id for _, link_id, *_ in rows})
    notes: dict[int, NotesByAddress] = {}
    for article_id, _, url, dead, ignored, archive_url, archived_on in rows:
        if dead and not ignored and archived_on and _is_web_address(archive_url):
            found = notes.setdefault(article_id, NotesByAddress())
            # The earliest copy where the article uses the URL in several places.
            found.setdefault(
                url, partial(archived_copy_html, archive_url, archived_on, about=_host(url))
            )
    return notes


def archived_copy_html(address: str, on: date, text: str = "", *, about: str = ""):
    """The note after a dead link: a link to its archived copy whose words make sense alone
    (a screen reader's list of links reads "archived copy of “Wooster Collective”, 3 Apr
    2011"), the original's text visually hidden (or `about`, the URL's host, for a link with
    no text). Every value escaped by format_html."""
    text = text or about
    hidden = format_html('<span class="visually-hidden"> of “{}”</span>', text) if text else ""
    return format_html(
        ' <a class="archived-copy" href="{}" rel="nofollow noopener">(archived copy{}, '
        '<time datetime="{}">{}</time>)</a>',
        address,
        hidden,
        on.isoformat(),
        format_date(on, "j M Y"),
    )


def link_states_changed(link_ids: Iterable[int]) -> None:
    """For writers that change links without saving each (`update()`, `bulk_update()`: the
    checker, the editors' "ignore"): the pages showing an article that uses one of them are
    stale, and nothing else. Call it for the links whose `dead` or `ignored` changed."""
    ids = {link_id for link_id in link_ids if link_id is not None}
    if ids:
        pagecache.invalidate.pages_showing(Link, ids)


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


def _is_web_address(address: str) -> bool:
    """Only an http(s) address is ever written as a link (never `javascript:`, `data:`...),
    whatever the column holds."""
    return address.lower().startswith(("https://", "http://")) and not any(
        ord(c) < 33 for c in address
    )
