"""The inventory kept current from each source: an article's body and outbound-links inline, an
artist's website, source and bio, an artwork's source, the site settings' footer; on save, on
change, on delete; each address once; the article recorded on its uses."""

import pytest
from django.utils import timezone

from articles import services
from articles.models import Article
from links.models import Link, LinkUse
from sitesettings.models import SiteSettings
from tests.factories import ArticleFactory, ArticleLinkFactory, ArtistFactory, ArtworkFactory
from tests.links.inventory_helpers import uses_of

pytestmark = pytest.mark.django_db

BODY = (
    '<p>Follow the link to <a href="https://www.woostercollective.com/klayman">Wooster '
    'Collective</a> and to <a href="https://curatedmagazine.example/interview#q1">Curated '
    'Magazine</a>, or <a href="/articles/other/">our own page</a> and '
    '<a href="mailto:desk@example.org">the desk</a>.</p>'
)


def test_an_articles_body_and_links_inline_are_inventoried_with_the_article():
    article = ArticleFactory(body=BODY)
    link = ArticleLinkFactory(article=article, url="https://vimeo.example/preview")

    assert uses_of(article) == {
        ("body", "https://www.woostercollective.com/klayman"),
        ("body", "https://curatedmagazine.example/interview"),
    }
    assert uses_of(link) == {("outbound links", "https://vimeo.example/preview")}
    assert set(LinkUse.objects.values_list("article_id", flat=True)) == {article.pk}


def test_a_new_address_is_due_for_a_check_at_once_with_its_host():
    before = timezone.now()
    ArticleFactory(body='<p><a href="https://Curated.Example/x">x</a></p>')

    link = Link.objects.get()
    assert (link.url, link.host, link.status) == (
        "https://curated.example/x",
        "curated.example",
        "unchecked",
    )
    assert before <= link.next_check_at <= timezone.now()


def test_an_address_used_twice_is_one_link_with_two_uses():
    first = ArticleFactory(body=BODY)
    second = ArticleFactory(body=BODY)

    assert Link.objects.count() == 2
    assert LinkUse.objects.filter(article=first).count() == 2
    assert LinkUse.objects.filter(article=second).count() == 2


def test_an_edited_body_adds_and_drops_uses_and_a_link_nobody_uses_goes():
    article = ArticleFactory(body=BODY)
    other = ArticleFactory(body='<p><a href="https://curatedmagazine.example/interview">i</a></p>')
    wooster = Link.objects.get(url="https://www.woostercollective.com/klayman")

    article.body = '<p><a href="https://curatedmagazine.example/interview">i</a> <a href="https://new.example/">n</a></p>'
    services.article_save(article=article, user=None)

    assert uses_of(article) == {
        ("body", "https://curatedmagazine.example/interview"),
        ("body", "https://new.example/"),
    }
    assert not Link.objects.filter(pk=wooster.pk).exists()  # its last use went
    assert uses_of(other) == {("body", "https://curatedmagazine.example/interview")}


def test_a_deleted_article_takes_its_uses_and_its_links_only_uses_with_it():
    article = ArticleFactory(body=BODY)
    ArticleLinkFactory(article=article, url="https://vimeo.example/preview")
    kept = ArticleFactory(body='<p><a href="https://curatedmagazine.example/interview">i</a></p>')

    Article.objects.filter(pk=article.pk).delete()

    assert set(Link.objects.values_list("url", flat=True)) == {
        "https://curatedmagazine.example/interview"
    }
    assert set(LinkUse.objects.values_list("article_id", flat=True)) == {kept.pk}


def test_a_changed_and_a_deleted_outbound_link_row():
    link = ArticleLinkFactory(url="https://vimeo.example/preview")

    link.url = "https://vimeo.example/full"
    link.save()
    assert uses_of(link) == {("outbound links", "https://vimeo.example/full")}

    link.delete()
    assert not LinkUse.objects.exists() and not Link.objects.exists()


def test_an_artists_website_source_and_bio_links():
    artist = ArtistFactory(
        website="https://klayman.example/",
        source_url="https://www.tate.org.uk/art/artists/klayman-1",
        bio='<p>Shown at <a href="https://gallery.example/show">the gallery</a>.</p>',
    )

    assert uses_of(artist) == {
        ("website", "https://klayman.example/"),
        ("source URL", "https://www.tate.org.uk/art/artists/klayman-1"),
        ("bio", "https://gallery.example/show"),
    }
    assert LinkUse.objects.get(field="website").article_id is None

    artist.website = ""
    artist.save()
    assert ("website", "https://klayman.example/") not in uses_of(artist)


def test_an_artworks_source_address():
    artwork = ArtworkFactory(source_url="https://www.tate.org.uk/art/artworks/x-T01234")

    assert uses_of(artwork) == {("source URL", "https://www.tate.org.uk/art/artworks/x-T01234")}

    artwork.delete()
    assert not Link.objects.exists()


def test_the_site_settings_footer_addresses():
    row = SiteSettings.current()
    row.footer_blurb = "Prints at https://shop.example/prints. Follow https://social.example/@us"
    row.save()

    assert uses_of(row) == {
        ("footer", "https://shop.example/prints"),
        ("footer", "https://social.example/@us"),
    }


def test_the_sites_own_addresses_are_not_inventoried(settings):
    settings.LINKS_OWN_HOSTS = ["newsroom.example"]

    ArticleFactory(body='<p><a href="https://newsroom.example/articles/a/">ours</a></p>')

    assert not Link.objects.exists()


def test_a_save_of_other_columns_reads_nothing(django_assert_num_queries):
    """update_fields without the source's fields: the same links, no query of the inventory's."""
    article = ArticleFactory(body=BODY)

    article = Article.objects.get(pk=article.pk)
    with django_assert_num_queries(1):  # the UPDATE itself
        article.save(update_fields=["title"])


def test_the_cost_of_syncing_an_article_does_not_grow_with_its_links(
    django_assert_max_num_queries,
):
    """A handful of queries for a body with 40 new addresses (and, the article being published,
    five for their archived copies' addresses: two reads, the write in its savepoint,
    links/archive.py); one when nothing changed."""
    from links.inventory import sync_uses  # noqa: PLC0415

    article = ArticleFactory()
    article.body = "".join(f'<p><a href="https://site{n}.example/">{n}</a></p>' for n in range(40))
    Article.objects.filter(pk=article.pk).update(body=article.body)

    with django_assert_max_num_queries(6 + 5):
        sync_uses(article)
    assert LinkUse.objects.filter(article=article).count() == 40

    with django_assert_max_num_queries(1):
        sync_uses(article)

    article.body = "".join(
        f'<p><a href="https://site{n}.example/">{n}</a></p>' for n in range(20, 60)
    )
    with django_assert_max_num_queries(11 + 5):  # the links nobody uses any more deleted too
        sync_uses(article)
    assert LinkUse.objects.filter(article=article).count() == 40
    assert Link.objects.count() == 40  # the 20 dropped went with their last use


def test_a_body_without_links_saved_over_one_without_any_reads_nothing(
    django_assert_num_queries,
):
    """As the body's figures: no read of the inventory when neither held a link; one when the
    stored body had one, and the same instance saved again knows what it now holds."""
    plain = Article.objects.get(pk=ArticleFactory(body="<p>x</p>").pk)
    plain.body = "<p>y</p>"
    with django_assert_num_queries(1):  # the article's UPDATE alone
        plain.save()

    plain.body = '<p><a href="https://a.example/">a</a></p>'
    plain.save()
    plain.body = "<p>z</p>"
    plain.save()
    assert not LinkUse.objects.exists() and not Link.objects.exists()
