"""The tests run against the embedded development set-up (DEBUG on: throwaway secrets, plain
static file names), as `make run` does. A pytest plugin (`-p tests.environment` in pyproject's
addopts) rather than a conftest.py: pytest-django reads the settings before any conftest.py is
imported, and this module is imported before that. A DEBUG already in the environment wins.

Processes the tests start inherit it; those that stand for production say DEBUG=false."""

import os

os.environ.setdefault("DEBUG", "true")
