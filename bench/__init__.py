"""Benchmarks, one package per benchmark, each run from the project root as a module:

    .venv/bin/python -m bench.corpus            # a synthetic corpus, on its own
    .venv/bin/python -m bench.recommendations   # the "You may also like" rebuild and refresh
    .venv/bin/python -m bench.serve             # public pages through gunicorn + wrk
    .venv/bin/python -m bench.load              # under load, PostgreSQL restarted mid-run
    .venv/bin/python -m bench.images            # renditions, and a page that opens no image
    .venv/bin/python -m bench.import_tate       # manage.py import_tate's service

What more than one of them uses is in bench/shared/ once. Results: docs/benchmarks.md.
"""
