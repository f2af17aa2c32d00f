"""What the page cache needs to know about exhibitions (registered from
ExhibitionsConfig.ready()): the models pages show."""

import pagecache
from exhibitions.models import Exhibition, Venue


def register() -> None:
    pagecache.register_model(Exhibition)
    pagecache.register_model(Venue)
