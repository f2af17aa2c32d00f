"""How apps tell the page cache about themselves, each from its own AppConfig.ready(): the
models pages show and the rows that belong to them, the views that are cached and the sets a
page of each depends on, the lists an object enters and leaves (its footprint), and objects
that go public on their own at a time (a schedule). pagecache imports no app: a new model or
view joins the cache by a declaration next to itself, and tests/pagecache/test_registry.py fails
for a model of ours or a public view that is declared nowhere.

These are the names `pagecache` exports (pagecache/__init__.py)."""

from collections.abc import Callable, Iterable

from pagecache import declared, signals, tracking


def register_model(model, *, shown_as_set: bool = False, content: bool = True) -> None:
    """Pages show objects of `model`: each one loaded while a page is built makes the page
    depend on it (`obj:<model>:<pk>`), and a change to it makes those pages stale. With
    `shown_as_set`, a page depends on all of them at once (`all:<model>`: the sections in every
    page's navigation, the site settings). `content`: a change is a change of the site's
    content, which search results and sitemaps depend on (`any-content`)."""
    declared.SHOWN[declared.label_of(model)] = declared.Shown(shown_as_set, content)
    tracking.watch(model, as_set=shown_as_set)
    signals.watch(model)


def register_part(model, *, belongs_to: Iterable[str] | None = None, content: bool = True):
    """Rows of `model` are parts of objects pages show (a figure of an article, a credit of an
    artwork, a tag assignment): they are not tracked themselves, and a change to one makes stale
    the pages of the objects its foreign keys `belongs_to` point at (by default, every foreign
    key to a registered model)."""
    names = None if belongs_to is None else tuple(belongs_to)
    declared.PARTS[declared.label_of(model)] = declared.Part(names, content)
    signals.watch(model)


def not_shown(model, *, why: str) -> None:
    """No page shows rows of `model` (a bookkeeping table): declared, so that the test that
    every model is declared can tell it from a forgotten one."""
    declared.NOT_SHOWN[declared.label_of(model)] = why


def register_view(
    view_name: str, *, depends_on: Iterable[str] | Callable[[dict], Iterable[str]] = ()
) -> None:
    """Anonymous GETs of the view (`"articles:section-detail"`) are served from the cache.
    `depends_on`: the set keys a page of it depends on beyond the objects it shows (set_key(),
    all_key(), ANY_CONTENT), or a function of the URL's keyword arguments that gives them."""
    if callable(depends_on):
        declared.VIEWS[view_name] = depends_on
    else:
        fixed = tuple(depends_on)
        declared.VIEWS[view_name] = lambda kwargs: fixed


def uncached_view(view_name: str, *, why: str) -> None:
    """A public view that is never cached (a preview link, a health probe): declared, so that
    the test that every view is declared can tell it from a forgotten one."""
    declared.UNCACHED_VIEWS[view_name] = why


def register_footprint(model, keys_for: Callable[[list], Iterable[str]]) -> None:
    """When objects of `model` enter, leave or move in a public set (an article published,
    unpublished, moved to another section), `keys_for(pks)` gives the keys of the lists and
    blocks they are in, as the database has them now; it runs after the commit. Several apps
    may register one for the same model (recommendations adds the blocks that link to an
    article)."""
    declared.FOOTPRINTS[declared.label_of(model)].append(keys_for)


def register_schedule(
    model,
    *,
    next_after: Callable,
    went_live_between: Callable,
) -> None:
    """Objects of `model` go public on their own when a time passes (a scheduled article).
    `next_after(moment)` gives the first such time after `moment` (or None), and
    `went_live_between(start, end)` the pks of those whose time is in (start, end]: the first
    request after that time invalidates their footprints (schedule.py)."""
    label = declared.label_of(model)
    declared.SCHEDULES[label] = declared.Schedule(label, next_after, went_live_between)
