"""The registry of what uses outbound links: a source is a model whose instances hold
addresses. An app registers each of its models that does (links/registrations/), and the
inventory (inventory.py), the editors' queue (admin.py) and the replace action (services.py)
work from the registry alone.

    register(Source(
        model=Artwork,
        fields=("source_url",),
        uses=lambda artwork: [("source_url", artwork.source_url)],
        replace=replace_in_artwork,          # (instance, old_key, new, user) -> changed?
        article_of=lambda artwork: None,     # the article's key, for an article's parts
    ))

`uses` reads the instance as saved, without a query (the fields named in `fields`, which are
all a bulk rebuild loads); it may give any address: only outbound ones are kept
(addresses.py). `replace` changes one address for another in the instance through its app's
own services (revisions, the page cache and search stay right), and returns whether it changed
anything.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import models

Uses = Callable[[models.Model], Iterable[tuple[str, str]]]
Replace = Callable[[models.Model, str, str, object], bool]


def _no_article(instance: models.Model) -> int | None:
    return None


@dataclass(frozen=True)
class Source:
    model: type[models.Model]
    fields: tuple[str, ...]
    uses: Uses
    replace: Replace
    article_of: Callable[[models.Model], int | None] = _no_article
    # The foreign key a bulk rebuild also loads (the article of an article's part).
    related: tuple[str, ...] = ()
    # False when the instance, as loaded, is known to have held no address (so a save that
    # holds none either needs no read); None when unknown.
    held_none: Callable[[models.Model], bool | None] = lambda instance: None


_sources: dict[type[models.Model], Source] = {}


def register(source: Source) -> Source:
    existing = _sources.get(source.model)
    # The same registration again (ready() runs more than once in tests) replaces itself;
    # another app's for the same model is a mistake.
    if existing is not None and existing.replace.__qualname__ != source.replace.__qualname__:
        raise ValueError(f"{source.model.__name__} is registered as a link source already.")
    _sources[source.model] = source
    return source


def source_of(model: type[models.Model]) -> Source | None:
    return _sources.get(model)


def registered() -> list[Source]:
    return list(_sources.values())
