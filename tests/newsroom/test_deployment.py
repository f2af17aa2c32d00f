"""The deployment files: docker-compose.yml, Dockerfile, nginx and .env.example agree."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_has_database_web_proxy_and_migration_services():
    """The stack runs PostgreSQL, a migration step, gunicorn and nginx."""
    assert {"db", "migrate", "web", "proxy"} <= set(compose()["services"])


def test_database_has_a_healthcheck_that_web_waits_for():
    """Web starts only once PostgreSQL answers and migrations have run."""
    services = compose()["services"]
    assert "pg_isready" in " ".join(services["db"]["healthcheck"]["test"])
    assert services["web"]["depends_on"]["db"]["condition"] == "service_healthy"
    assert services["web"]["depends_on"]["migrate"]["condition"] == (
        "service_completed_successfully"
    )


def test_web_uses_postgres_and_media_lives_on_a_shared_volume():
    """Uploads survive a rebuild and nginx serves the same files the app wrote."""
    config = compose()
    web, proxy = config["services"]["web"], config["services"]["proxy"]
    assert web["environment"]["DATABASE_URL"].startswith("postgres://")
    assert "media:/srv/newsroom/media" in web["volumes"]
    assert any(volume.startswith("media:/srv/newsroom/media") for volume in proxy["volumes"])
    assert "media" in config["volumes"]


def test_image_runs_gunicorn_as_an_unprivileged_user():
    """The container serves through gunicorn, not runserver, and not as root."""
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.search(r'^CMD \["gunicorn", "newsroom\.wsgi:application"', dockerfile, re.M)
    assert re.search(r"^USER newsroom$", dockerfile, re.M)


def test_nginx_proxies_to_web_and_serves_media():
    """nginx passes requests to the web service and serves /media/ itself."""
    nginx = (ROOT / "deploy" / "nginx.conf").read_text()
    assert "proxy_pass http://web:8000;" in nginx
    assert "alias /srv/newsroom/media/;" in nginx
    assert "add_header X-Content-Type-Options nosniff always;" in nginx


def test_env_example_documents_every_variable_the_settings_read():
    """Each env("NAME") in the settings has a line in .env.example."""
    settings_source = "".join(
        (ROOT / "newsroom" / name).read_text() for name in ("settings.py", "settings_editorial.py")
    )
    read = set(re.findall(r'env\(\s*"([A-Z_]+)"', settings_source))
    documented = set(re.findall(r"^#?\s*([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert read - documented == set()


def test_a_worker_runs_the_database_task_queue():
    """Background tasks go through django-tasks-db, run by a worker service."""
    services = compose()["services"]
    assert services["worker"]["command"] == ["python", "manage.py", "db_worker"]
    for name in ("web", "worker", "migrate"):
        assert services[name]["environment"]["TASKS_BACKEND"] == "database"
    assert services["worker"]["depends_on"]["migrate"]["condition"] == (
        "service_completed_successfully"
    )


def test_every_process_shares_one_redis_cache():
    """Web and worker use the same Redis, so an edit (or a worker's bulk write) invalidates the
    pages every web process serves."""
    services = compose()["services"]
    assert "redis" in services and "allkeys-lru" in services["redis"]["command"]
    for name in ("web", "worker"):
        assert services[name]["environment"]["REDIS_URL"] == "redis://redis:6379/0"
        assert services[name]["depends_on"]["redis"]["condition"] == "service_healthy"
