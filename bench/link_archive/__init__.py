"""The archived copies benchmark: what recording them adds to a publish, and what the note
after a dead link adds to the article page (`python -m bench.link_archive`, run.py)."""
