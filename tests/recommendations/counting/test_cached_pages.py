"""Counting leaves the page cache alone: the article page with its block is stored and served
from the cache with the same headers as any page (no cookie, nothing varying by reader beyond
what the cache itself declares), its script's nonce is the response's own on a hit, and
clicks and beacons make no page stale."""

import re

import pytest

from pagecache import versions
from recommendations import slots
from recommendations.models import RelatedLink, SlotDay
from sitesettings.models import SiteSettings
from tests.factories import ArticleFactory
from tests.recommendations.counting.blocks import READER

pytestmark = pytest.mark.django_db
HIT, MISS = "HIT", "MISS"


@pytest.fixture
def source():
    SiteSettings.current()  # made by the first request otherwise, which would not store its page
    source = ArticleFactory(title="The source")
    for n in range(3):
        RelatedLink.objects.create(source=source, target=ArticleFactory(), score=3 - n)
    return source


def page(client, article):
    response = client.get(article.get_absolute_url(), headers=READER)
    assert response.status_code == 200
    return response


def block_token(response) -> str:
    return re.search(r'data-block="([^"]+)"', response.content.decode()).group(1)


def test_the_page_with_its_block_is_stored_and_served_from_the_cache(client, source):
    first, second = page(client, source), page(client, source)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == (MISS, HIT)
    assert slots.load(block_token(second)) is not None  # the kept token is still good
    assert block_token(first) == block_token(second)
    for response in (first, second):
        assert not response.cookies and "Set-Cookie" not in response
        assert "public" in response["Cache-Control"]


def test_the_block_adds_nothing_to_what_a_page_varies_on(client, source):
    """The page cache says `Vary: Cookie` of every page (a logged-in editor gets a fresh one);
    the block and its script add nothing to it."""
    plain = ArticleFactory(title="No block under this one")
    for article in (plain, source):
        page(client, article)
    with_block, without = page(client, source), page(client, plain)
    assert with_block["X-Page-Cache"] == without["X-Page-Cache"] == HIT
    assert with_block["Vary"] == without["Vary"] == "Cookie"


def test_on_a_hit_the_scripts_nonce_is_the_responses_own(client, source):
    page(client, source)
    nonces = []
    for _ in range(2):
        response = page(client, source)
        assert response["X-Page-Cache"] == HIT
        header = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
        script = re.search(
            r'<script src="/static/recommendations/impressions.js" defer nonce="([^"]+)">',
            response.content.decode(),
        )
        assert script is not None and script.group(1) == header
        nonces.append(header)
    assert nonces[0] != nonces[1]


def test_clicks_and_beacons_make_no_page_stale(client, source):
    page(client, source)
    token = block_token(page(client, source))
    before = versions.change_count()
    assert client.get(f"/r/{token}/1/", headers=READER).status_code == 302
    seen = client.post("/r/seen/", token, content_type="text/plain", headers=READER)
    assert seen.status_code == 204
    assert SlotDay.objects.get(position=1).clicks == 1
    assert SlotDay.objects.filter(impressions=1).count() == 3
    assert versions.change_count() == before
    assert page(client, source)["X-Page-Cache"] == HIT


def test_a_cards_link_from_the_cached_page_counts_and_lands(client, source):
    page(client, source)
    cached = page(client, source)
    assert cached["X-Page-Cache"] == HIT
    links = re.findall(r'class="card__link" href="(/r/[^"]+)"', cached.content.decode())
    assert len(links) == 3
    landed = client.get(links[0], headers=READER)
    target = RelatedLink.objects.filter(source=source).order_by("-score").first().target
    assert landed.status_code == 302 and landed["Location"] == target.get_absolute_url()
    assert list(SlotDay.objects.values_list("target_id", "position", "clicks")) == [
        (target.pk, 1, 1)
    ]
