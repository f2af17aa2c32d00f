"""Production serving: static files through WhiteNoise with hashed, compressed names, and the
gunicorn configuration (deploy/gunicorn.conf.py) loading with sane values."""

import json
import logging
import runpy
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from gunicorn.app.base import Application
from whitenoise.middleware import WhiteNoiseMiddleware

ROOT = Path(__file__).resolve().parents[2]
GUNICORN_CONF = ROOT / "deploy" / "gunicorn.conf.py"
WHITENOISE_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"
ONE_YEAR = 365 * 24 * 3600


@pytest.fixture
def production_settings(monkeypatch, tmp_path):
    """newsroom/settings.py as it reads with DEBUG off (a fresh run of the module: the test
    process's own settings were read with the test environment)."""
    monkeypatch.setenv("DEBUG", "false")
    monkeypatch.setenv("SECRET_KEY", "a-production-secret-key-that-is-long-enough-for-the-test")
    monkeypatch.setenv("ALLOWED_HOSTS", "www.example.org")
    monkeypatch.setenv("NEWSROOM_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("STATIC_ROOT", str(tmp_path / "static"))
    return runpy.run_path(str(ROOT / "newsroom" / "settings.py"))


def test_production_stores_static_files_hashed_and_compressed(production_settings):
    """With DEBUG off the static files storage is WhiteNoise's compressed manifest storage."""
    assert production_settings["DEBUG"] is False
    assert production_settings["STORAGES"]["staticfiles"]["BACKEND"] == WHITENOISE_STORAGE


def test_whitenoise_middleware_comes_right_after_the_security_middleware(production_settings):
    """WhiteNoise answers static files before sessions, CSRF and the rest do any work, and after
    SecurityMiddleware has added its headers."""
    middleware = production_settings["MIDDLEWARE"]
    assert middleware[0] == "django.middleware.security.SecurityMiddleware"
    assert middleware[1] == "whitenoise.middleware.WhiteNoiseMiddleware"


def test_hashed_static_file_is_served_gzipped_and_cached_for_a_year(production_settings, tmp_path):
    """After collectstatic, a hashed name and its .gz exist; WhiteNoise serves the hashed name
    with a year's max-age (immutable) and gzip to a client that accepts it."""
    static_root = tmp_path / "static"
    with override_settings(
        DEBUG=False, STATIC_ROOT=static_root, STORAGES=production_settings["STORAGES"]
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
        hashed = staticfiles_storage.stored_name("css/site.css")
        assert hashed != "css/site.css" and (static_root / hashed).is_file()
        assert (static_root / f"{hashed}.gz").is_file()
        manifest = json.loads((static_root / "staticfiles.json").read_text())
        assert manifest["paths"]["css/site.css"] == hashed

        middleware = WhiteNoiseMiddleware(lambda request: HttpResponse("not static"))
        factory = RequestFactory()
        response = middleware(factory.get(f"/static/{hashed}", HTTP_ACCEPT_ENCODING="gzip, br"))
        plain = middleware(factory.get("/static/css/site.css", HTTP_ACCEPT_ENCODING="gzip"))

    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "immutable" in response["Cache-Control"]
    assert max_age(response["Cache-Control"]) >= ONE_YEAR
    assert "Accept-Encoding" in response["Vary"]
    # The unhashed name may change under the same URL: a short max-age only.
    assert plain.status_code == 200 and max_age(plain["Cache-Control"]) <= 3600


def max_age(cache_control: str) -> int:
    for part in cache_control.split(","):
        name, _, value = part.strip().partition("=")
        if name == "max-age":
            return int(value)
    raise AssertionError(f"no max-age in {cache_control!r}")


class ConfigOnly(Application):
    """gunicorn's own loading of a configuration file, without command-line arguments."""

    def __init__(self, path: Path):
        self.path = path
        super().__init__()

    def load_config(self):
        self.load_config_from_file(str(self.path))

    def load(self):  # never called: nothing is served
        raise NotImplementedError


GUNICORN_VARIABLES = [
    "GUNICORN_BIND",
    "PORT",
    "WEB_CONCURRENCY",
    "GUNICORN_WORKER_CLASS",
    "GUNICORN_THREADS",
    "GUNICORN_TIMEOUT",
    "GUNICORN_KEEPALIVE",
    "GUNICORN_MAX_REQUESTS",
    "GUNICORN_PRELOAD",
    "FORWARDED_ALLOW_IPS",
]


@pytest.fixture
def gunicorn_env(monkeypatch):
    for name in GUNICORN_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_gunicorn_config_defaults_are_sane(gunicorn_env, monkeypatch):
    """Without any variable: all interfaces on 8000, 2 x CPUs + 1 sync workers, 30 s timeout,
    workers recycled with jitter, the app preloaded, JSON access log on stdout."""
    monkeypatch.setattr("os.sched_getaffinity", lambda pid: {0, 1, 2})
    config = ConfigOnly(GUNICORN_CONF).cfg

    assert config.bind == ["0.0.0.0:8000"]
    assert config.workers == 7
    assert config.worker_class_str == "sync"
    assert config.timeout == 30
    assert 0 < config.graceful_timeout <= config.timeout
    assert config.keepalive > 60  # outlives nginx's upstream keepalive_timeout
    assert config.max_requests >= 500 and 0 < config.max_requests_jitter < config.max_requests
    assert config.preload_app is True
    assert config.accesslog == "-"
    assert config.forwarded_allow_ips == ["127.0.0.1", "::1"]
    assert config.logger_class.__name__ == "JsonAccessLogger"


def test_gunicorn_config_reads_the_environment(gunicorn_env):
    gunicorn_env.setenv("GUNICORN_BIND", "127.0.0.1:9001")
    gunicorn_env.setenv("WEB_CONCURRENCY", "3")
    gunicorn_env.setenv("GUNICORN_WORKER_CLASS", "gthread")
    gunicorn_env.setenv("GUNICORN_THREADS", "8")
    gunicorn_env.setenv("FORWARDED_ALLOW_IPS", "10.0.0.0/8")
    config = ConfigOnly(GUNICORN_CONF).cfg

    assert config.bind == ["127.0.0.1:9001"]
    assert config.workers == 3
    assert config.worker_class_str == "gthread" and config.threads == 8
    assert config.forwarded_allow_ips == ["10.0.0.0/8"]


def test_gunicorn_config_refuses_a_bad_number(gunicorn_env, capsys):
    """gunicorn stops at start with the variable's name, rather than run with a guess."""
    gunicorn_env.setenv("WEB_CONCURRENCY", "many")
    with pytest.raises(SystemExit):
        ConfigOnly(GUNICORN_CONF)
    assert "WEB_CONCURRENCY must be a whole number, not 'many'" in capsys.readouterr().err


def test_access_log_line_is_one_json_object_even_with_quotes(gunicorn_env, caplog):
    """A quote or a newline in the user agent never breaks the line's JSON."""
    config = ConfigOnly(GUNICORN_CONF).cfg
    logger = config.logger_class(config)
    logger.access_log.propagate = True  # so that caplog sees it
    response = SimpleNamespace(status="404 Not Found", sent=123, headers=[])
    request = SimpleNamespace(headers=[("USER-AGENT", 'curl "x"\nevil'), ("X-REQUEST-ID", "r1")])
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/search/?q=a",
        "PATH_INFO": "/search/",
        "QUERY_STRING": "q=a",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "10.0.0.2",
    }
    with caplog.at_level(logging.INFO, logger="gunicorn.access"):
        logger.access(response, request, environ, timedelta(milliseconds=12, microseconds=500))

    [line] = [record.getMessage() for record in caplog.records]
    assert "\n" not in line
    record = json.loads(line)
    assert record["status"] == 404 and record["path"] == "/search/" and record["query"] == "q=a"
    assert record["user_agent"] == 'curl "x"\nevil' and record["request_id"] == "r1"
    assert record["duration_ms"] == 12.5 and record["bytes"] == 123
