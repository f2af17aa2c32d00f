"""The checker's chain on the real queue (TASKS_BACKEND=database, django-tasks-db), in a site of
its own run by manage.py as a deployment runs it: every migrate makes sure one pass is queued,
never two (links/tasks.py). The other task tests use Django's DummyBackend."""

import pytest

from tests.backups.sites import site_create, site_drop

COUNT_PASSES = (
    "from django_tasks_db.models import DBTaskResult; "
    "print(DBTaskResult.objects.filter(task_path='links.tasks.check_links_pass',"
    " status='READY').count())"
)


@pytest.fixture
def queued_site(tmp_path):
    site = site_create(tmp_path / "site")
    site.env["TASKS_BACKEND"] = "database"
    try:
        yield site
    finally:
        site_drop(site)


def test_migrate_queues_the_first_pass_once(queued_site):
    queued_site.manage("migrate", "--verbosity=0")
    assert queued_site.manage("shell", "--no-imports", "-c", COUNT_PASSES).stdout.strip() == "1"

    queued_site.manage("migrate", "--verbosity=0")  # the next deploy: still one
    assert queued_site.manage("shell", "--no-imports", "-c", COUNT_PASSES).stdout.strip() == "1"
