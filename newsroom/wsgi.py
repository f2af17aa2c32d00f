"""WSGI entry point, used by gunicorn in production."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
# Web requests get a statement timeout by default; commands and the worker do not (settings.py).
os.environ.setdefault("NEWSROOM_WEB_PROCESS", "1")

application = get_wsgi_application()
