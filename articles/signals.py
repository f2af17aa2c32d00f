"""The articles app's domain signal: what other apps listen to instead of reading rows in
pre_save/post_save and working out for themselves what a save meant.

`article_public_state_changed` is sent once per change of an article's place for readers (its
status, publication time or section), by the publishing services (articles/services.py) after
the row is saved, and when an article is about to be deleted. Arguments:

- `article`: the article, as saved (or as it is before its deletion);
- `before`, `after`: its PublicState (articles/public_state.py) before and after, each knowing
  whether the article was public by the public rule at the moment of the change; `before` is
  None for a new article, `after` None for one being deleted.

Receivers run inside the writer's transaction: work that must see the commit goes through
`transaction.on_commit`. The page cache (articles/cached_pages.py) and recommendations
(recommendations/signals.py) listen to it."""

from django.dispatch import Signal

article_public_state_changed = Signal()
