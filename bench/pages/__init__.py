"""The page benchmark: every kind of page rendered in one process with Django's test client,
cold (page cache off) and warm, against the targets of issue 17; then article pages and the bare
view through gunicorn (`python -m bench.pages`, run.py)."""
