"""Creates (or refreshes) the demo logins and prints how to log in. Development only."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

EDITOR = "editor"
MODERATOR = "moderator"
CONTRIBUTOR = "contributor"


class Command(BaseCommand):
    help = (
        "Create or refresh the demo logins (an editor with every right, a contributor who "
        "writes drafts, and a moderator of related links) with new random passwords, and "
        "print them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", default="8000")

    def handle(self, *args, host, port, **options):
        if not settings.DEBUG:
            raise CommandError("demo_login only runs with DEBUG on: it prints passwords.")
        editor_password = self.refresh_user(EDITOR, superuser=True)
        contributor_password = self.refresh_user(CONTRIBUTOR, group="Contributor")
        moderator_password = self.refresh_user(MODERATOR, group="Moderator")
        site = f"http://{host}:{port}/"
        self.stdout.write(
            "\n"
            f"  Newsroom is starting at {site}\n"
            f"  The seed article:  {site}articles/ai-weiwei-on-film-never-sorry/\n"
            f"  Admin:             {site}admin/\n"
            f"  Log in as          {EDITOR}  with password  {editor_password}\n"
            f"  or, to write drafts and submit them for review (no publishing),\n"
            f"                     {CONTRIBUTOR}  with password  {contributor_password}\n"
            f"  or, to moderate related links only,\n"
            f"                     {MODERATOR}  with password  {moderator_password}\n"
            "  (new passwords are generated each time `make run` starts)\n"
        )

    @staticmethod
    def refresh_user(username: str, *, superuser: bool = False, group: str | None = None) -> str:
        password = secrets.token_urlsafe(12)
        user, _ = get_user_model().objects.get_or_create(username=username)
        user.is_staff = True
        user.is_superuser = superuser
        user.email = user.email or f"{username}@example.org"
        user.set_password(password)
        user.save()
        if group:
            user.groups.add(Group.objects.get(name=group))
        return password
