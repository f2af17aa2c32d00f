"""Settings of the site gunicorn serves in the benchmarks (bench/shared/gunicorn.py): the
application's own, from the same environment, with one more URL, the bare view (site_urls)."""

from newsroom.settings import *  # noqa: F403

ROOT_URLCONF = "bench.shared.site_urls"
