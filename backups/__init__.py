"""Backups: `manage.py backup` writes the database and the media into one archive, with a
manifest of what it holds and a checksum of each part; `manage.py restore` checks an archive
before it changes anything, then puts it back (see README.md, "Backups")."""
