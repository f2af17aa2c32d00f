"""Slugs in every script: one way to make them (`making.py`) and one URL converter that reads
them (`converters.py`, registered as `<unicode_slug:...>` by the app's ready())."""
