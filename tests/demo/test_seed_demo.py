import io

import pytest
from django.apps import apps
from django.core.management import call_command

from articles.models import Article
from recommendations.models import RelatedLink

SEED_SLUG = "ai-weiwei-on-film-never-sorry"
# An Art article with no tag, artist or artwork in common with the seed article.
SECTION_ONLY_SLUG = "elodie-marchand-blue-hours"
DEMO_APPS = {"articles", "artists", "artworks", "exhibitions", "images", "sitesettings", "taggit"}


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in DEMO_APPS
    }


@pytest.mark.django_db
def test_seed_demo_twice_leaves_the_same_rows_and_files(settings):
    """Running seed_demo a second time adds, duplicates and removes nothing, pictures included."""
    call_command("seed_demo")
    rows, files = row_counts(), sorted(settings.MEDIA_ROOT.rglob("*.jpg"))
    call_command("seed_demo")
    assert row_counts() == rows
    assert sorted(settings.MEDIA_ROOT.rglob("*.jpg")) == files
    assert rows["articles.Article"] >= 16


@pytest.mark.django_db
def test_seed_article_is_published_with_the_urn_caption():
    """The Never Sorry article is live and its figure is captioned exactly as printed."""
    call_command("seed_demo")
    article = Article.objects.published().get(slug=SEED_SLUG)
    assert article.title == "Ai Weiwei on film: Never Sorry"
    assert article.figures.first().caption_lines() == [
        "Ai Weiwei, Dropping a Han Dynasty Urn (1995)",
        "Three black and white photographs, each 148 x 121cm",
    ]


@pytest.mark.django_db
def test_seed_demo_has_published_articles_and_a_draft():
    """The demo has at least fifteen public articles and a draft that stays hidden."""
    call_command("seed_demo")
    assert Article.objects.published().count() >= 15
    drafts = Article.objects.filter(status=Article.Status.DRAFT)
    assert drafts.exists()
    assert not Article.objects.published().filter(pk__in=drafts).exists()


@pytest.mark.django_db
def test_seed_demo_if_empty_keeps_an_editors_changes():
    """With --if-empty (what make run uses) a restart does not overwrite an edited article."""
    call_command("seed_demo")
    Article.objects.filter(slug=SEED_SLUG).update(title="Edited by an editor")
    call_command("seed_demo", "--if-empty")
    assert Article.objects.get(slug=SEED_SLUG).title == "Edited by an editor"


@pytest.mark.django_db
def test_demo_gives_the_seed_article_a_meaningful_related_block():
    """On the demo, Never Sorry relates to at least four articles: those featuring Ai Weiwei
    come first, one sharing only rare tags follows, and an article that merely shares its
    section stays below the floor."""
    call_command("seed_demo")
    call_command("recompute_recommendations", stdout=io.StringIO())
    seed = Article.objects.get(slug=SEED_SLUG)
    section_only = Article.objects.get(slug=SECTION_ONLY_SLUG)
    assert section_only.section_id == seed.section_id
    assert not set(section_only.tags.names()) & set(seed.tags.names())
    assert not section_only.featured_artists.filter(pk__in=seed.featured_artists.all()).exists()

    targets = [
        link.target
        for link in RelatedLink.objects.filter(source=seed).order_by("-score", "target_id")
    ]
    assert len(targets) >= 4
    shares_artist = [
        target.featured_artists.filter(slug="ai-weiwei").exists() for target in targets
    ]
    assert shares_artist[:3] == [True, True, True]
    # Articles sharing the artist rank above those that share tags only.
    assert shares_artist == sorted(shares_artist, reverse=True)
    assert "documentary" in targets[3].tags.names()
    assert section_only not in targets


@pytest.mark.django_db
def test_seed_article_shows_remembering_beside_the_paragraph_that_names_it(client, settings):
    """A body figure (issue 18): Remembering after the paragraph about it, wide; every demo
    article without one renders its body exactly as stored."""
    settings.PAGE_CACHE = False
    call_command("seed_demo")
    article = Article.objects.get(slug=SEED_SLUG)
    (figure,) = article.body_figures()
    assert (figure.artwork.slug, figure.size, figure.position) == ("remembering", "wide", 0)
    page = client.get(article.get_absolute_url()).content.decode()
    named = page.index("<em>Remembering</em> (2009)")
    shown = page.index('<figure class="figure figure--wide">')
    assert named < shown < page.index("Klayman's aim")
    assert "Ai Weiwei, Remembering (2009)" in page[shown:]
    for other in Article.objects.published().exclude(pk=article.pk):
        assert "<figure" not in other.body
        body = client.get(other.get_absolute_url()).content.decode()
        assert other.body in body
