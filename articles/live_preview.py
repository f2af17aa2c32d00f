"""The article as saving the change form would make it, built in memory for the live preview
(articles/admin_preview.py).

Nothing is written: no row, no file, no revision, no signal, so no page-cache invalidation and
no task. The article page's template reads the byline, figures, links, tags and featured
artists through the prefetch cache (as `for_detail()` loads them), so the form's unsaved parts
are put there; what the form does not edit (the "You may also like" links, the images'
renditions) is read from the database as the public page reads it. The featured exhibitions are
the form's, each with its venue, as for_detail() loads them. What each save fills by
itself (the slug, the publication time, clean HTML) is filled here the same way.
"""

from dataclasses import dataclass

from django.db.models import prefetch_related_objects
from django.forms import BaseForm
from django.forms.formsets import BaseFormSet
from taggit.models import Tag

from articles.body_figures.nodes import body_figures_of
from articles.models import Article
from richtext.fields import RichTextField, SafeURLField
from slugs.making import fill_slug, unique_slug

# The parts of an article its change form edits, by prefetch cache name (the related name).
EDITED_PARTS = ("article_authors", "figures", "links")

# The figures' pictures and captions (as querysets._figures_prefetch(with_captions=True)).
FIGURE_LOOKUPS = ("artwork__images", "artwork__artist_credits__artist")

# An unsaved article has no key, and Django's related managers refuse to work without one. The
# preview's parts all come from the prefetch cache; what is read from the database for this
# key (its stored suggestions) is nothing, as for the new article it is: no row has key 0.
UNSAVED_KEY = 0


@dataclass
class PreviewedArticle:
    article: Article
    # Figures whose picture is a new upload: shown once the article is saved.
    uploads_not_shown: int = 0


def article_as_saved(form: BaseForm, formsets: list[BaseFormSet]) -> PreviewedArticle:
    """The validated change form's article with its parts, as one save would store them."""
    article = form.instance
    _clean_as_saved(article)
    fill_slug(article, article.title, fallback="article")
    article.fill_publication_times()
    preview = PreviewedArticle(article)
    parts = {name: [] for name in EDITED_PARTS}
    for formset in formsets:
        name = formset.fk.remote_field.get_accessor_name()
        if name in parts:
            parts[name] = _kept_rows(formset)
    parts["figures"], preview.uploads_not_shown = _shown_figures(parts["figures"])
    # What for_detail() loads with the figures, for their pictures and captions.
    prefetch_related_objects(parts["figures"], *FIGURE_LOOKUPS)
    # The body's figures as its posted nodes make them (articles/body_figures/), unsaved
    # where they are new; their artworks and images read, nothing written.
    parts["figures"] += body_figures_of(article)
    data = form.cleaned_data
    cache = {
        **{name: sorted(rows, key=_stored_order) for name, rows in parts.items()},
        "tags": _tags(article, data.get("tags", [])),
        "featured_artists": list(data.get("featured_artists", [])),
        "featured_artworks": list(data.get("featured_artworks", [])),
        "featured_exhibitions": list(data.get("featured_exhibitions", [])),
    }
    # The "On view" block names each show's venue (the picker's choices have it already).
    prefetch_related_objects(cache["featured_exhibitions"], "venue")
    if article.pk is None:
        article.pk = UNSAVED_KEY
    article._prefetched_objects_cache = cache
    for row in cache["figures"] + cache["article_authors"] + cache["links"]:
        row.article = article
    return preview


def _clean_as_saved(instance) -> None:
    """What our fields do to a value as it is saved: HTML sanitized, unsafe addresses cleared."""
    for model_field in instance._meta.concrete_fields:
        if isinstance(model_field, RichTextField | SafeURLField):
            model_field.pre_save(instance, add=instance._state.adding)


def _kept_rows(formset) -> list:
    """The rows the formset would leave: not deleted, and not an untouched blank form."""
    rows = []
    for row_form in formset.forms:
        if formset.can_delete and formset._should_delete_form(row_form):
            continue
        if row_form.instance._state.adding and not row_form.has_changed():
            continue
        _clean_as_saved(row_form.instance)
        rows.append(row_form.instance)
    return rows


def _shown_figures(figures) -> tuple[list, int]:
    """A picture that is a new upload has no renditions (and no address) before it is stored:
    its figure is left out of the preview, and counted."""
    shown = [figure for figure in figures if not _new_upload(figure)]
    return shown, len(figures) - len(shown)


def _new_upload(figure) -> bool:
    image = figure.image
    return image is not None and (image.pk is None or not image.file._committed)


def _stored_order(row):
    # The models' ordering ("position", "pk"): new rows after saved ones, in form order.
    return (getattr(row, "position", 0), row.pk is None, row.pk or 0)


def _tags(article, chosen) -> list[Tag]:
    """The tag field gives tags and names of new ones; a name finds its tag as taggit's save
    would (case-insensitively, TAGGIT_CASE_INSENSITIVE), or is a tag with the slug it will get.
    The tags kept come in the order the article's page reads them, the ones added after."""
    tags = []
    for tag in chosen:
        if not isinstance(tag, Tag):
            tag = Tag.objects.filter(name__iexact=tag).first() or _new_tag(tag)
        tags.append(tag)
    stored = _stored_tag_order(article)
    return sorted(tags, key=lambda tag: stored.get(tag.pk, len(stored)))


def _stored_tag_order(article) -> dict[int, int]:
    if article.pk is None:
        return {}
    # Read as the article page reads them (a prefetch, in the database's order).
    stored = Article.objects.filter(pk=article.pk).prefetch_related("tags").first()
    return {tag.pk: index for index, tag in enumerate(stored.tags.all())} if stored else {}


def _new_tag(name: str) -> Tag:
    tag = Tag(name=name)
    tag.slug = unique_slug(tag, name, fallback="tag")
    return tag
