class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


class ArchiveRefused(BackupError):
    """The archive is damaged, unsafe or not a Newsroom backup: nothing was changed."""


class RestoreRefused(BackupError):
    """The archive is sound, but restoring it here would be wrong: nothing was changed."""
