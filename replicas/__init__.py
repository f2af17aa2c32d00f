"""Reads of anonymous public pages from a PostgreSQL read replica: the database router and the
middleware that marks the requests it may serve (router.py)."""
