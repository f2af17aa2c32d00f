"""The load test: gunicorn on a PostgreSQL of its own under wrk, steady and with PostgreSQL
restarted mid-run (`python -m bench.load`, run.py)."""
