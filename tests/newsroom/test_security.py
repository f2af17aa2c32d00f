"""Production is secure by default: the deploy checks pass with .env.example's settings, HTTPS
is enforced, unknown hosts get 400, passwords are hashed with Argon2."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.hashers import check_password, identify_hasher, make_password
from django.contrib.auth.models import User
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_CHECK = ["manage.py", "check", "--deploy", "--fail-level", "WARNING"]


def env_example() -> dict[str, str]:
    """Every variable .env.example sets, with its value (production: DEBUG=false)."""
    text = (ROOT / ".env.example").read_text()
    return dict(re.findall(r"^([A-Z_0-9]+)=(.*)$", text, re.M))


def run_in_production(tmp_path, args, **overrides) -> subprocess.CompletedProcess:
    """Run Python in a fresh process whose environment is .env.example's, plus overrides."""
    environment = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", str(tmp_path)),
        **env_example(),
        "NEWSROOM_VAR_DIR": str(tmp_path / "var"),
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        **overrides,
    }
    return subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
        [sys.executable, *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_deploy_check_passes_with_the_production_environment(tmp_path):
    """`manage.py check --deploy --fail-level WARNING` exits 0 with .env.example's variables."""
    assert env_example()["DEBUG"] == "false"
    result = run_in_production(tmp_path, PRODUCTION_CHECK)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("variable", "value", "warning"),
    [
        ("SECURE_HSTS_SECONDS", "0", "security.W004"),
        ("SECURE_SSL_REDIRECT", "false", "security.W008"),
        ("SECURE_HSTS_INCLUDE_SUBDOMAINS", "false", "security.W005"),
    ],
)
def test_the_deploy_check_fails_with_a_weak_setting(tmp_path, variable, value, warning):
    """The check above can fail: one weakened variable makes it exit non-zero, naming it."""
    result = run_in_production(tmp_path, PRODUCTION_CHECK, **{variable: value})
    assert result.returncode != 0
    assert warning in result.stderr


PROBE = """
import json, logging
import django
django.setup()
from django.http import HttpResponse
from django.middleware.security import SecurityMiddleware
from django.test import Client, RequestFactory

records = []
class Keep(logging.Handler):
    def emit(self, record):
        records.append([record.name, record.levelname])
logging.getLogger().addHandler(Keep())

client = Client()
bad = [client.get("/", HTTP_HOST="evil.example", secure=secure).status_code
       for secure in (True, False)]
security = SecurityMiddleware(lambda request: HttpResponse("ok"))
def answer(path, secure):
    request = RequestFactory().get(path, HTTP_HOST="www.example.org", secure=secure)
    response = security(request)
    return [response.status_code, response.get("Location"),
            response.get("Strict-Transport-Security")]
print(json.dumps({
    "bad_host": bad,
    "records": records,
    "http": answer("/articles/", False),
    "healthz": answer("/healthz", False),
    "readyz": answer("/readyz/", False),
    "https": answer("/articles/", True),
}))
"""


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    """What the production settings answer, from a fresh process (no database needed)."""
    result = run_in_production(tmp_path_factory.mktemp("production"), ["-c", PROBE])
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_an_unknown_host_gets_400_not_500(production):
    """Over HTTPS and over plain HTTP (where the redirect would name the host) alike."""
    assert production["bad_host"] == [400, 400]


def test_an_unknown_host_is_logged_at_error_only_by_djangos_security_logger(production):
    """One ERROR line, from django.security.DisallowedHost; nothing else above a warning."""
    errors = [name for name, level in production["records"] if level in {"ERROR", "CRITICAL"}]
    assert errors == ["django.security.DisallowedHost"] * 2


def test_plain_http_is_redirected_to_https(production):
    status, location, _ = production["http"]
    assert (status, location) == (301, "https://www.example.org/articles/")


def test_health_probes_are_not_redirected(production):
    """The orchestrator's probes reach the app over plain HTTP, without a redirect."""
    assert production["healthz"][0] == 200
    assert production["readyz"][0] == 200


def test_https_responses_ask_for_https_for_a_year_with_subdomains(production):
    _, _, hsts = production["https"]
    assert hsts == "max-age=31536000; includeSubDomains"


def test_production_settings_values(tmp_path):
    """Cookies are secure and out of scripts' reach; referrers and framing are limited."""
    names = [
        "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "CSRF_COOKIE_SECURE",
        "SECURE_PROXY_SSL_HEADER",
        "SECURE_REFERRER_POLICY",
        "SECURE_CROSS_ORIGIN_OPENER_POLICY",
        "X_FRAME_OPTIONS",
        "TRUSTED_PROXY_COUNT",
    ]
    script = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {names!r}}}))"
    )
    result = run_in_production(tmp_path, ["-c", script])
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "SESSION_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "SECURE_REFERRER_POLICY": "strict-origin-when-cross-origin",
        "SECURE_CROSS_ORIGIN_OPENER_POLICY": "same-origin",
        "X_FRAME_OPTIONS": "DENY",
        "TRUSTED_PROXY_COUNT": 1,
    }


@pytest.mark.parametrize(
    ("bucket_settings", "origin"),
    [
        ({"AWS_S3_CUSTOM_DOMAIN": "cdn.example.org"}, "https://cdn.example.org"),
        (
            {"AWS_S3_ENDPOINT_URL": "https://s3.example.net:9000/", "AWS_S3_CUSTOM_DOMAIN": ""},
            "https://s3.example.net:9000",
        ),
    ],
)
def test_images_from_the_bucket_are_allowed_by_the_policy(tmp_path, bucket_settings, origin):
    """With media in a bucket, img-src names its CDN host (AWS_S3_CUSTOM_DOMAIN), or else the
    store's own address (AWS_S3_ENDPOINT_URL)."""
    script = (
        "import django; django.setup(); from django.conf import settings; "
        "print(' '.join(settings.SECURE_CSP['img-src']))"
    )
    result = run_in_production(
        tmp_path, ["-c", script], AWS_STORAGE_BUCKET_NAME="newsroom-media", **bucket_settings
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["'self'", "data:", origin]


def test_a_new_password_is_hashed_with_argon2():
    assert make_password("x").startswith("argon2")


@pytest.mark.django_db
def test_an_old_pbkdf2_password_still_logs_in_and_is_upgraded_to_argon2(client):
    """Hashes made before Argon2 keep working, and become Argon2 at the next login."""
    user = User.objects.create(
        username="editor",
        is_staff=True,
        password=make_password("an old password 1", hasher="pbkdf2_sha256"),
    )
    response = client.post(
        reverse("admin:login"), {"username": "editor", "password": "an old password 1"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert identify_hasher(user.password).algorithm == "argon2"
    assert check_password("an old password 1", user.password)
