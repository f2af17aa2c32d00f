"""What a page shows, learnt while it is built: every object of a registered model
(registry.register_model) loaded in the meantime.

Rows that belong to one of them (an article's figures, an artwork's images and credits, tag
assignments, related links; registry.register_part) are not tracked themselves: a change to
one of them invalidates the objects it belongs to (owners.py)."""

from contextvars import ContextVar

from django.db.models.signals import post_init

from pagecache import declared, keys

_shown: ContextVar[set[str] | None] = ContextVar("pagecache_shown", default=None)


class Recorder:
    """`with Recorder() as shown:` collects the version keys of every tracked object loaded
    inside the block into the set `shown`."""

    def __enter__(self) -> set[str]:
        self.shown: set[str] = set()
        self._token = _shown.set(self.shown)
        return self.shown

    def __exit__(self, *exc):
        _shown.reset(self._token)
        return False


def note(names) -> None:
    """The page being built depends on these version keys too (a fragment kept in the cache,
    fragments.py, whose objects were not loaded this time)."""
    shown = _shown.get()
    if shown is not None:
        shown.update(names)


def _record(sender, instance, **kwargs):
    shown = _shown.get()
    if shown is not None and instance.pk is not None:
        shown.add(keys.for_object(sender._meta.label_lower, instance.pk))


def _record_set(sender, instance, **kwargs):
    shown = _shown.get()
    if shown is not None:
        shown.add(keys.for_all(sender._meta.label_lower))


def watch(model, *, as_set: bool) -> None:
    """Record the objects of `model` loaded during a build (or, `as_set`, the model's set)."""
    receiver = _record_set if as_set else _record
    post_init.connect(receiver, sender=model, dispatch_uid=f"pagecache-track-{model._meta.label}")


def record(model, pks) -> None:
    """Record objects of `model` as shown by the page being built, as loading them would: for
    reads that build no instances (a `values()` read of what cards print). `model` must be
    registered; one shown as a set records its set."""
    shown = _shown.get()
    if shown is None:
        return
    declaration = declared.shown(model)
    if declaration is None:
        raise ValueError(f"{model._meta.label} is not registered with register_model()")
    label = declared.label_of(model)
    if declaration.as_set:
        shown.add(keys.for_all(label))
    else:
        shown.update(keys.for_object(label, pk) for pk in pks if pk is not None)
