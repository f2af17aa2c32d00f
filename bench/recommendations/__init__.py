"""The recommendations benchmark: the full rebuild of "You may also like" and the update after
one publish, on SQLite and PostgreSQL (`python -m bench.recommendations`, run.py)."""
