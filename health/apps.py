from django.apps import AppConfig

import pagecache


class HealthConfig(AppConfig):
    name = "health"
    verbose_name = "Health and faults"

    def ready(self):
        for name in ("health:healthz", "health:readyz"):
            pagecache.uncached_view(name, why="a probe answers what is true now")
