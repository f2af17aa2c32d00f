from django.apps import AppConfig


class WorkingCopiesConfig(AppConfig):
    """Autosave for admin change forms: what an editor typed, kept per user and object as a
    working copy that never touches the object itself (no revision, no publishing record, no
    slug redirect, no page-cache invalidation). A model admin opts in with
    `workingcopies.admin.WorkingCopyAdminMixin`; this app imports no content app."""

    name = "workingcopies"
    verbose_name = "Working copies"

    def ready(self):
        import pagecache  # noqa: PLC0415 (the registry is read once every app is loaded)
        from workingcopies.models import WorkingCopy  # noqa: PLC0415 (models load only now)

        pagecache.not_shown(WorkingCopy, why="what an editor typed and has not saved; no page")
