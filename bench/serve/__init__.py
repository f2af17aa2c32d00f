"""The serving benchmark: public pages through gunicorn and wrk, cold and warm
(`python -m bench.serve`, run.py)."""
