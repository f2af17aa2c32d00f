"""The admin site: Django's, with every model admin's change list answering bad parameters in the
address with Django's own "?e=1" (see changelists.py), third-party admins included."""
