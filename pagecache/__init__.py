"""Rendered public pages kept in the cache until something they show changes.

See docs/architecture.md ("Page cache") for how a page learns what it depends on and how a
change reaches it; `pagecache.invalidate` is the API for code that writes in bulk."""
