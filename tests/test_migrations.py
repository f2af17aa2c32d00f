import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_pending_migrations():
    """The models and the migrations agree: makemigrations has nothing to write."""
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
