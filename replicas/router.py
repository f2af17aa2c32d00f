"""Reads of anonymous public pages from a PostgreSQL read replica (DATABASE_REPLICA_URL).

Only what a reader sees may come from the replica, which lags a little behind: a request is
marked for replica reads when it is an anonymous GET or HEAD outside the admin. Everything else
(the admin, logged-in people, every write, management commands, tasks) uses the primary, so an
editor always reads what they just saved. The page cache does not store a page built from the
replica shortly after a change (REPLICA_LAG_SECONDS): it could show rows older than the change
(pagecache/middleware.py). Routed from DATABASE_ROUTERS and MIDDLEWARE in newsroom/settings.py."""

from contextvars import ContextVar

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed

REPLICA = "replica"
_reading_from_replica: ContextVar[bool] = ContextVar("replica_reads", default=False)


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


def reading_from_replica() -> bool:
    return _reading_from_replica.get()


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return REPLICA if _reading_from_replica.get() else "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same data on both

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"  # the replica gets the schema through replication


class ReplicaReadsMiddleware:
    """After AuthenticationMiddleware: marks the requests whose reads may go to the replica."""

    def __init__(self, get_response):
        if not replica_configured():
            raise MiddlewareNotUsed  # no replica: Django leaves this middleware out
        self.get_response = get_response

    def __call__(self, request):
        token = _reading_from_replica.set(may_read_from_replica(request))
        try:
            return self.get_response(request)
        finally:
            _reading_from_replica.reset(token)


def may_read_from_replica(request) -> bool:
    return (
        request.method in {"GET", "HEAD"}
        and not request.path.startswith("/admin/")
        and not request.user.is_authenticated
    )
