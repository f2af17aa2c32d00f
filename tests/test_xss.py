"""Hostile text in any field comes out escaped or removed, on public and admin pages alike.

Each payload is put into every text field an editor (or an import) can fill, then every page
that shows those fields is fetched and parsed: no script, no event-handler attribute, no
javascript: address may survive.
"""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from taggit.models import Tag

from sitesettings.models import SiteSettings
from tests.factories import (
    ArticleAuthorFactory,
    ArticleFactory,
    ArticleFigureFactory,
    ArticleLinkFactory,
    ArtistFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
    ArtworkImageFactory,
    AuthorFactory,
    ExhibitionFactory,
    ImageFactory,
    SectionFactory,
    SeriesFactory,
    VenueFactory,
)
from tests.xss_checks import dangers

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java&#x09;script:alert(1)",
    "&#106;avascript:alert(1)",
    " javascript:alert(1)",
]


@pytest.mark.parametrize(
    "html",
    [
        "<p><script>alert(1)</script></p>",
        "<img src=x onerror=alert(1)>",
        '<a title=""><svg onload=alert(1)>',
        '<a href="javascript:alert(1)">x</a>',
        '<a href="JaVaScRiPt:alert(1)">x</a>',
        '<a href="java&#x09;script:alert(1)">x</a>',
        '<a href="&#106;avascript:alert(1)">x</a>',
        '<a href=" javascript:alert(1)">x</a>',
        "<a href=javascript:alert(1)>x</a>",
        '<script type="application/ld+json">{"a": "</script><script>alert(1)</script>"}</script>',
    ],
)
def test_the_detector_finds_live_payloads(html):
    """The checker below is not blind: it flags each payload when it is live."""
    assert dangers(html)


@pytest.mark.parametrize(
    "html",
    [
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
        '<img src="/a.png" alt="&lt;img src=x onerror=alert(1)&gt;">',
        '<a href="/x" title="&quot;&gt;&lt;svg onload=alert(1)&gt;">x</a>',
        "<p>javascript:alert(1)</p>",
        '<img alt="javascript:alert(1)" src="/a.png">',
        '<script type="application/ld+json">{"a": "\\u003Cscript\\u003Ealert(1)"}</script>',
    ],
)
def test_the_detector_ignores_escaped_payloads(html):
    """Escaped payloads are text, not code, and the checker knows the difference."""
    assert dangers(html) == []


def hostile_world(payload: str) -> dict:
    """Content with the payload in every text field, reachable from every page type."""
    site = SiteSettings.current()
    site.publisher_name = payload
    site.tagline = payload
    site.footer_blurb = f"{payload}\n\n{payload}"
    site.save()

    section = SectionFactory(name=f"Section {payload}")
    author = AuthorFactory(name=f"Author {payload}", bio=payload)
    rich = f'<p>{payload}</p><p><a href="{payload}">a link</a></p>{payload}'
    artist = ArtistFactory(
        name=f"Ai {payload}",
        sort_name=f"Ai {payload}",
        bio=rich,
        birth_place=payload,
        nationality=payload,
        website=payload,
        portrait=ImageFactory(),
        portrait_alt_text=payload,
        birth_year=1957,
        tags=[payload],
    )
    artwork = ArtworkFactory(
        title=f"Urn {payload}",
        date_display=payload,
        medium=payload,
        dimensions_display=payload,
        classification=payload,
        credit_line=payload,
        accession_number=payload[:50],
        source_url=payload,
        tags=[payload],
    )
    ArtworkArtistFactory(artwork=artwork, artist=artist)
    image = ArtworkImageFactory(artwork=artwork, alt_text=payload, credit=payload)
    other_work = ArtworkFactory(title=f"Other {payload}", date_display=payload)
    ArtworkArtistFactory(artwork=other_work, artist=artist)

    series = SeriesFactory(title=f"Series {payload}", description=payload, planned_parts=3)
    ArticleFactory(title=f"Part one {payload}", series=series, series_part=1, section=section)
    article = ArticleFactory(
        title=payload,
        standfirst=payload,
        body=rich,
        meta_description=payload,
        section=section,
        tags=[payload],
        series=series,
        series_part=2,
    )
    ArticleAuthorFactory(article=article, author=author)
    ArticleFigureFactory(article=article, artwork=artwork, position=0)  # composed caption
    ArticleFigureFactory(
        article=article,
        artwork=artwork,
        artwork_image=image,
        caption=f"{payload}\n{payload}",
        credit=payload,
        alt_text=payload,
        position=1,
    )
    ArticleFigureFactory(
        article=article,
        artwork=None,
        image=ImageFactory(),
        caption=payload,
        credit=payload,
        alt_text=payload,
        position=2,
    )
    ArticleLinkFactory(article=article, title=payload, url=payload)
    article.featured_artists.add(artist)
    article.featured_artworks.add(artwork)
    venue = VenueFactory(name=f"Gallery {payload}", city=payload, country=payload, url=payload)
    exhibition = ExhibitionFactory(
        title=f"Show {payload}",
        venue=venue,
        description=payload,
        url=payload,
        image=ImageFactory(),
        image_alt_text=payload,
        image_credit=payload,
        artists=[artist],
        artworks=[artwork],
    )
    article.featured_exhibitions.add(exhibition)
    return {
        "exhibition": exhibition,
        "venue": venue,
        "series": series,
        "article": article,
        "artist": artist,
        "artwork": artwork,
        "image": image,
        "section": section,
        "author": author,
        "tag": Tag.objects.get(name=payload.strip()),  # names are stored trimmed (plaintext)
        "site": site,
    }


@pytest.fixture(params=PAYLOADS)
def payload(request):
    return request.param


def check_pages(client, urls: dict[str, str]) -> dict[str, list[str]]:
    """Fetch each page; map the name of every page that is not 200 or not harmless to why."""
    problems = {}
    for name, url in urls.items():
        response = client.get(url)
        if response.status_code != 200:
            problems[name] = [f"status {response.status_code}"]
        elif found := dangers(response.content.decode()):
            problems[name] = found
    return problems


def test_public_pages_render_payload_harmlessly(client, payload):
    """Home, article, section, tag, artist and artwork pages escape or strip the payload."""
    world = hostile_world(payload)
    urls = {
        "home": reverse("articles:home"),
        "article list": reverse("articles:article-list"),
        "article": world["article"].get_absolute_url(),
        "section": world["section"].get_absolute_url(),
        "tag": reverse("articles:tag-detail", args=[world["tag"].slug]),
        "artist list": reverse("artists:artist-list"),
        "artist list A": reverse("artists:artist-list") + "?letter=A",
        "artist": world["artist"].get_absolute_url(),
        "artwork list": reverse("artworks:artwork-list"),
        "artwork": world["artwork"].get_absolute_url(),
        "exhibitions": reverse("exhibitions:exhibition-list"),
        "exhibitions in the city": reverse("exhibitions:exhibition-list")
        + "?"
        + urlencode({"city": world["venue"].city}),
        "exhibitions, city unknown": reverse("exhibitions:exhibition-list")
        + "?"
        + urlencode({"city": payload + "x"}),
        "exhibition": world["exhibition"].get_absolute_url(),
        "series list": reverse("articles:series-list"),
        "series": world["series"].get_absolute_url(),
        "404": "/no/such/page/",
    }

    problems = check_pages(client, {k: v for k, v in urls.items() if k != "404"})

    assert problems == {}
    assert dangers(client.get(urls["404"]).content.decode()) == []


def test_article_page_shows_the_payload_as_text(client):
    """The escaping is real escaping: the article page shows the hostile title as text."""
    world = hostile_world("<script>alert(1)</script>")

    content = client.get(world["article"].get_absolute_url()).content.decode()

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


def test_admin_pages_render_payload_harmlessly(admin_client, payload):
    """The admin's lists and forms escape the payload in every model's fields."""
    world = hostile_world(payload)
    urls = {"index": reverse("admin:index")}
    for key, model_name in [
        ("article", "articles_article"),
        ("section", "articles_section"),
        ("author", "articles_author"),
        ("artist", "artists_artist"),
        ("artwork", "artworks_artwork"),
        ("image", "artworks_artworkimage"),
        ("tag", "taggit_tag"),
        ("exhibition", "exhibitions_exhibition"),
        ("venue", "exhibitions_venue"),
        ("series", "articles_series"),
    ]:
        urls[f"{key} list"] = reverse(f"admin:{model_name}_changelist")
        urls[f"{key} change"] = reverse(f"admin:{model_name}_change", args=[world[key].pk])
    urls["site settings change"] = reverse(
        "admin:sitesettings_sitesettings_change", args=[world["site"].pk]
    )
    urls["article search"] = reverse("admin:articles_article_changelist") + "?q=alert"

    problems = check_pages(admin_client, urls)

    assert problems == {}
