"""Creates (or refreshes) the demo editor account and prints how to log in. Development only."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEMO_USERNAME = "editor"


class Command(BaseCommand):
    help = "Create or refresh the demo editor login with a new random password and print it."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", default="8000")

    def handle(self, *args, host, port, **options):
        if not settings.DEBUG:
            raise CommandError("demo_login only runs with DEBUG on: it prints a password.")
        password = secrets.token_urlsafe(12)
        user, _ = get_user_model().objects.get_or_create(username=DEMO_USERNAME)
        user.is_staff = True
        user.is_superuser = True
        user.email = user.email or "editor@example.org"
        user.set_password(password)
        user.save()
        site = f"http://{host}:{port}/"
        self.stdout.write(
            "\n"
            f"  Newsroom is starting at {site}\n"
            f"  The seed article:  {site}articles/ai-weiwei-on-film-never-sorry/\n"
            f"  Admin:             {site}admin/\n"
            f"  Log in as          {DEMO_USERNAME}\n"
            f"  with password      {password}\n"
            "  (a new password is generated each time `make run` starts)\n"
        )
