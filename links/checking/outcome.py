"""What one check of a URL found."""

from dataclasses import dataclass

from links.models import Link


@dataclass(frozen=True)
class Outcome:
    status: Link.Status
    detail: str
    http_status: int | None = None
    # A permanent redirect's final address (status REDIRECTED).
    redirect_url: str = ""
    # Seconds the site asked us to wait (429's Retry-After), for the schedule.
    retry_after: float | None = None

    @property
    def failing(self) -> bool:
        return self.status in Link.FAILING

    @property
    def healthy(self) -> bool:
        return self.status in (Link.Status.OK, Link.Status.REDIRECTED)


@dataclass(frozen=True)
class Deferred:
    """Not checked in this pass: the host's budget is spent (rate limit, Retry-After) until
    `until` (a Unix time), or the pass's time is up."""

    until: float
    reason: str
    # The site asked for the wait (a 429's Retry-After): the link waits until then, not its turn.
    site_asked: bool = False
