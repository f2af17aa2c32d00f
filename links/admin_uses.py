"""What uses an address, as the queue and its replace page list it."""

from django.urls import NoReverseMatch, reverse

from links.models import Link


def _admin_url(model, pk) -> str | None:
    opts = model._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[pk])
    except NoReverseMatch:
        return None


def used_by(link: Link) -> list[tuple[str, str | None, str]]:
    """(what, its admin address, which field) for each use, an article's parts under the
    article; read from the uses prefetched by LinkAdmin.get_queryset."""
    shown = []
    for use in link.uses.all():
        if use.article_id is not None:
            shown.append(
                (str(use.article), _admin_url(type(use.article), use.article_id), use.field)
            )
        elif use.source is not None:
            label = f"{use.source._meta.verbose_name}: {use.source}"
            shown.append((label, _admin_url(type(use.source), use.object_id), use.field))
    return shown
