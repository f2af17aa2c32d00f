"""Settings of the serving benchmark (bench/serve.py): the application's own, from the same
environment, with one more URL, the bare view (bench/serve_urls.py)."""

from newsroom.settings import *  # noqa: F403

ROOT_URLCONF = "bench.serve_urls"
