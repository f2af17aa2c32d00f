"""Demo content for a fresh Newsroom: texts (content, stories), drawings (pictures) and the
idempotent loader that writes them (loader). Used by `manage.py seed_demo`."""
