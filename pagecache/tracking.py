"""What a page shows, learnt while it is built: every content object loaded in the meantime.

Only the models in TRACKED count. Rows that belong to one of them (an article's figures, an
artwork's images and credits, tag assignments, related links) are not tracked themselves: a
change to one of them invalidates the objects it belongs to (signals.py)."""

from contextvars import ContextVar

from django.apps import apps
from django.db.models.signals import post_init

from pagecache import keys

TRACKED = (
    "articles.Article",
    "articles.Section",
    "articles.Author",
    "artists.Artist",
    "artworks.Artwork",
    "taggit.Tag",
    "sitesettings.SiteSettings",
)

# Models every page shows all of (the sections in the navigation, the site settings): a page
# depends on the set (`all:<model>`, which any change of one of them moves) rather than on each.
TRACKED_AS_A_SET = ("articles.Section", "sitesettings.SiteSettings")

_shown: ContextVar[set[str] | None] = ContextVar("pagecache_shown", default=None)


def tracked_models():
    return [apps.get_model(label) for label in TRACKED]


def is_tracked(model) -> bool:
    return model._meta.label in TRACKED


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


def _record(sender, instance, **kwargs):
    shown = _shown.get()
    if shown is not None and instance.pk is not None:
        shown.add(keys.for_object(sender._meta.label_lower, instance.pk))


def _record_set(sender, instance, **kwargs):
    shown = _shown.get()
    if shown is not None:
        shown.add(keys.for_all(sender._meta.label_lower))


def connect():
    for model in tracked_models():
        receiver = _record_set if model._meta.label in TRACKED_AS_A_SET else _record
        post_init.connect(receiver, sender=model, dispatch_uid=f"pagecache-track-{model}")
