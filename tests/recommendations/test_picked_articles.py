"""Articles picked for a related link are named as the article picker names them (title,
section, date, slug: adminsite/autocomplete.py), on the link's own page and in the related-links
inline of the article's page, in a fixed number of queries."""

import pytest
from django.urls import reverse

from articles.labels import article_label
from tests.factories import ArticleFactory, RelatedLinkFactory, SectionFactory
from tests.staff import staff_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    return staff_in(client, "Editor")


def test_the_link_form_names_source_and_target_by_label(client, editor):
    source = ArticleFactory(title="Monet", section=SectionFactory(name="Reviews"))
    target = ArticleFactory(title="Monet", section=SectionFactory(name="News"))

    response = client.get(
        reverse("admin:recommendations_relatedlink_add"),
        {"source": source.pk, "target": target.pk},
    )

    html = response.content.decode()
    for chosen in (source, target):
        assert f'<option value="{chosen.pk}" selected>{article_label(chosen)}</option>' in html


def section_queries(queries) -> int:
    return sum('FROM "articles_section"' in query["sql"] for query in queries)


def test_the_article_page_inline_names_targets_by_label(
    client, editor, django_assert_max_num_queries
):
    source = ArticleFactory(title="Source")
    targets = [ArticleFactory(title="Monet", section=SectionFactory()) for _ in range(2)]
    for target in targets:
        RelatedLinkFactory(source=source, target=target)
    url = reverse("admin:articles_article_change", args=[source.pk])

    with django_assert_max_num_queries(200) as few:
        html = client.get(url).content.decode()
    for target in targets:
        assert f">{article_label(target)}</option>" in html

    for _ in range(3):
        RelatedLinkFactory(source=source, target=ArticleFactory(section=SectionFactory()))
    with django_assert_max_num_queries(200) as more:
        client.get(url)
    # The labels' sections come with the articles (Django's picker loads each row's choice
    # on its own, as it did before).
    assert section_queries(more.captured_queries) == section_queries(few.captured_queries) == 1


def test_the_queue_tells_namesakes_apart(client, editor, django_assert_max_num_queries):
    """Two links from two articles called "Monet" read as two different articles in the
    queue: each title has its section, date, state and slug under it, at no query per row."""
    reviews = ArticleFactory(title="Monet", slug="monet", section=SectionFactory(name="Reviews"))
    news = ArticleFactory(title="Monet", slug="monet-2", section=SectionFactory(name="News"))
    for source in (reviews, news):
        RelatedLinkFactory(source=source)
    RelatedLinkFactory.create_batch(3)

    with django_assert_max_num_queries(12):
        response = client.get(reverse("admin:recommendations_relatedlink_changelist"))

    html = response.content.decode()
    for source in (reviews, news):
        assert source.section.name in html
        assert f"· /{source.slug}/</span>" in html
