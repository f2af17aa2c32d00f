import pytest
from django.apps import apps
from django.core.management import call_command

from articles.models import Article

SEED_SLUG = "ai-weiwei-on-film-never-sorry"
DEMO_APPS = {"articles", "artists", "artworks", "sitesettings", "taggit"}


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
    assert rows["articles.Article"] >= 10


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
    """The demo has at least nine public articles and a draft that stays hidden."""
    call_command("seed_demo")
    assert Article.objects.published().count() >= 9
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
