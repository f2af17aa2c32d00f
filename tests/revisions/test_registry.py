"""What is versioned, and what one revision of an article, artist or artwork holds."""

import pytest
import reversion
from django.contrib import admin
from taggit.models import Tag

from articles.admin import ArticleAdmin
from articles.models import Article, ArticleAuthor, ArticleFigure, ArticleLink, TaggedArticle
from artists.models import Artist, TaggedArtist
from artworks.models import Artwork, ArtworkArtist, ArtworkImage, TaggedArtwork
from exhibitions.models import Exhibition, Venue
from recommendations.admin import RelatedLinkInline
from recommendations.models import RelatedLink
from revisions import versioning
from revisions.admin import RevisionedAdmin
from tagging.forms import TagAutocompleteAdminMixin, TagAutocompleteField
from tests.revisions.adminpages import admin_save, admin_url, versions_of

VERSIONED = {
    Article,
    ArticleAuthor,
    ArticleFigure,
    ArticleLink,
    TaggedArticle,
    Artist,
    TaggedArtist,
    Artwork,
    ArtworkArtist,
    ArtworkImage,
    TaggedArtwork,
    Exhibition,
    Venue,
    Tag,
}


def test_content_models_their_parts_and_tags_are_versioned():
    """Articles, artists, artworks, their parts, tag rows and tags keep versions; nothing else
    does (related links are recomputed, not edited history)."""
    assert {model for model in VERSIONED if reversion.is_registered(model)} == VERSIONED
    assert set(versioning.root_models()) == {Article, Artist, Artwork, Exhibition, Venue}
    assert not reversion.is_registered(RelatedLink)


def test_an_article_follows_its_parts_and_tag_rows_and_they_their_tags():
    """An article's revision holds its byline, figures, links and tag rows; each tag row
    holds its tag."""
    assert set(versioning.versioning(Article).follow) == {
        "article_authors",
        "figures",
        "links",
        "taggedarticle_set",
    }
    assert set(versioning.versioning(Artwork).follow) == {
        "artist_credits",
        "images",
        "taggedartwork_set",
    }
    assert versioning.versioning(Artist).follow == ("taggedartist_set", "portrait")
    for shows_an_image in (Artist, ArticleFigure, ArtworkImage):
        assert versioning.versioning(shows_an_image).owns in {("portrait",), ("image",)}
    for through in (TaggedArticle, TaggedArtist, TaggedArtwork):
        assert versioning.versioning(through).follow == ("tag",)


def test_every_revisioned_admin_puts_the_mixin_first_and_versions_its_inlines():
    """Each admin with revisions is for a root model, has RevisionedAdmin before the other
    mixins (tags, workflow), and every model of its inlines that is a part is versioned."""
    revisioned = {
        model: model_admin
        for model, model_admin in admin.site._registry.items()
        if isinstance(model_admin, RevisionedAdmin)
    }
    assert set(revisioned) == {Article, Artist, Artwork, Exhibition, Venue}
    for model_admin in revisioned.values():
        mro = type(model_admin).__mro__
        assert mro.index(RevisionedAdmin) < min(
            mro.index(mixin)
            for mixin in (TagAutocompleteAdminMixin, admin.ModelAdmin)
            if mixin in mro
        )
        follows = set(versioning.versioning(model_admin.model).follow)
        for inline in model_admin.inlines:
            if inline.model is not RelatedLink:
                assert reversion.is_registered(inline.model)
                accessor = inline.model._meta.get_field(
                    inline.fk_name or model_admin.model._meta.model_name
                ).remote_field.get_accessor_name()
                assert accessor in follows


@pytest.mark.django_db
def test_the_article_admin_with_related_links_keeps_tags_and_revisions(admin_client, article):
    """recommendations adds its related links to the article admin of `articles` through its
    extension point (no second admin class): the admin keeps the tag autocomplete and the
    revisions, and saving with the related links inline works."""
    model_admin = admin.site._registry[Article]
    assert isinstance(model_admin, ArticleAdmin)
    assert not any(cls.__module__.startswith("recommendations") for cls in type(model_admin).mro())
    assert RelatedLinkInline in model_admin.get_inlines(None, article)
    form = admin_client.get(admin_url(article)).context["adminform"].form
    assert isinstance(form.fields["tags"], TagAutocompleteField)

    admin_save(admin_client, admin_url(article), title="Saved with related links")

    assert versions_of(article)[-1].field_dict["title"] == "Saved with related links"


@pytest.mark.django_db
def test_an_article_version_leaves_out_lock_version_and_updated_by(admin_client, article):
    """The locking counter and who saved last are not part of an article's versions."""
    admin_save(admin_client, admin_url(article))

    [version] = versions_of(article)

    assert "lock_version" not in version.serialized_data
    assert "updated_by" not in version.serialized_data
    assert version.field_dict["title"] == "The Urn"


@pytest.mark.django_db
def test_an_article_revision_holds_its_parts_and_tags(admin_client, article):
    """One admin save stores the article with its byline, figures, link, tag rows and tags."""
    admin_save(admin_client, admin_url(article))

    [version] = versions_of(article)
    held = {}
    for other in version.revision.version_set.all():
        held.setdefault(other._model, []).append(other.object_repr)

    assert len(held[ArticleAuthor]) == 1
    assert len(held[ArticleFigure]) == 2
    assert held[ArticleLink] == ["Watch the trailer"]
    assert len(held[TaggedArticle]) == 2
    assert sorted(held[Tag]) == ["photography", "urns"]
