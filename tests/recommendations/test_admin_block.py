"""The "What readers see now" panel on the article's change page: the block slot by slot as
readers get it, with where each link came from and why, escaped; saving the article is
unaffected by it."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from recommendations.models import Experiment, RelatedLink
from tests.factories import ArticleFactory, ArtistFactory
from tests.revisions.adminpages import form_data

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def panel(page: str) -> str:
    start = page.index('class="inline-group shown-block"')
    return page[start : page.index("</fieldset>", start)]


def test_the_panel_shows_each_slot_its_origin_and_reasons(admin_client):
    source = ArticleFactory()
    pinned = ArticleFactory(title="The pinned one")
    suggested = ArticleFactory(title="<b>Bold</b> suggestion")
    RelatedLink.objects.create(
        source=source, target=pinned, status=RelatedLink.Status.PINNED, position=0
    )
    RelatedLink.objects.create(
        source=source,
        target=suggested,
        score=2,
        reasons={"artists": ["Ai Weiwei"], "tags": ["porcelain"], "rare_tags": ["porcelain"]},
    )
    RelatedLink.objects.create(
        source=source, target=ArticleFactory(title="Rejected"), status=RelatedLink.Status.REJECTED
    )

    shown = panel(admin_client.get(change_url(source)).content.decode())

    assert "What readers see now" in shown
    assert "<td>1</td><td>The pinned one</td><td>Pinned</td><td>chosen by the editors</td>" in shown
    assert "&lt;b&gt;Bold&lt;/b&gt; suggestion" in shown
    assert "shares the artist Ai Weiwei and the rare tag porcelain" in shown
    assert "Also on Ai Weiwei" in shown
    assert "Rejected" not in shown


def test_the_panel_names_the_experiments_teams(admin_client):
    source = ArticleFactory()
    for n in range(3):
        target = ArticleFactory()
        target.featured_artists.add(ArtistFactory())
        RelatedLink.objects.create(source=source, target=target, score=3 - n)
    Experiment.objects.create(name="E", variant_a="standard", variant_b="fresher", running=True)

    shown = panel(admin_client.get(change_url(source)).content.decode())

    assert "(scoring A)" in shown or "(scoring B)" in shown
    assert "drafted by the running experiment" in shown


def test_an_article_without_a_block_says_so(admin_client):
    source = ArticleFactory()
    assert "Readers see no" in panel(admin_client.get(change_url(source)).content.decode())


def test_saving_the_article_with_the_panel_on_the_page(admin_client):
    source = ArticleFactory(title="Before")
    RelatedLink.objects.create(source=source, target=ArticleFactory(), score=2)
    data = form_data(admin_client.get(change_url(source)))
    data["title"] = "After"
    for name in ("status", "position", "target"):  # what the related-links row showed
        data[f"initial-related_links-0-{name}"] = data.get(f"related_links-0-{name}", "")
    response = admin_client.post(change_url(source), data)
    assert response.status_code == 302
    source.refresh_from_db()
    assert source.title == "After"
    assert RelatedLink.objects.filter(source=source).count() == 1


def test_only_those_who_may_view_links_see_it(client, django_user_model):
    source = ArticleFactory()
    RelatedLink.objects.create(source=source, target=ArticleFactory(), score=2)
    contributor = django_user_model.objects.create_user("c", password="p", is_staff=True)
    contributor.groups.add(Group.objects.get(name="Contributor"))
    moderator = django_user_model.objects.create_user("m", password="p", is_staff=True)
    moderator.groups.add(Group.objects.get(name="Moderator"))

    client.force_login(moderator)
    assert "What readers see now" in client.get(change_url(source)).content.decode()
    client.force_login(contributor)
    page = client.get(change_url(source))
    assert "What readers see now" not in page.content.decode()
