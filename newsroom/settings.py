"""Newsroom settings: every environment differs only by environment variables.

With DEBUG=true and nothing else this is the embedded default: SQLite under var/, local-memory
cache, media under var/media (`make run` sets DEBUG=true). Without DEBUG it is production, which
refuses to start without SECRET_KEY and ALLOWED_HOSTS. See .env.example for production.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.utils.csp import CSP

from health.logging import FORMATS, LEVELS, logging_settings
from newsroom import settings_editorial, settings_logins
from newsroom.environment import env, time_zone
from richtext import editor_extensions

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("NEWSROOM_VAR_DIR", BASE_DIR / "var"))


# Off unless set: a deployment that forgets it refuses to start without its secrets below,
# rather than running with the development key and Django's debug pages.
DEBUG = env("DEBUG", False, cast=bool)

# Production (DEBUG off) refuses to start without its secrets; development gets throwaway ones.
SECRET_KEY = env("SECRET_KEY", required=not DEBUG) or "dev-only-insecure-key-never-in-production"
# Former keys while SECRET_KEY is rotated: what they signed still verifies (sessions, preview links,
# the click tokens in cached pages), nothing new is signed with them (README "Rotating SECRET_KEY").
SECRET_KEY_FALLBACKS = env("SECRET_KEY_FALLBACKS", [], cast=list)
ALLOWED_HOSTS = env("ALLOWED_HOSTS", cast=list, required=not DEBUG) or [
    "127.0.0.1",
    "localhost",
    "[::1]",
    "testserver",
]
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS", [], cast=list)

INSTALLED_APPS = [
    # django.contrib.admin with our admin site: change lists answer bad filters with "?e=1"
    # (adminsite/).
    "adminsite.apps.NewsroomAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # /sitemap.xml and its sections (newsroom/sitemaps.py); no models.
    "django.contrib.sitemaps",
    # Full-text search fields and lookups (search/); harmless on SQLite.
    "django.contrib.postgres",
    "taggit",
    "django_prose_editor",
    "reversion",
    "reversion_compare",
    # Failed logins counted per username and address; lock-outs (Security, below).
    "axes",
    # Plain text cleaned on every save (plaintext/); before tagging, so that a new tag's slug
    # is made from its clean name.
    "plaintext",
    # <unicode_slug:...> in every public URL, registered before any URLconf is read (slugs/).
    "slugs",
    # The admin's tag autocomplete, and a working slug for every new tag (tagging/).
    "tagging",
    "images",
    "sitesettings",
    "structured_data",
    "artists",
    "artworks",
    "exhibitions",
    "articles",
    "recommendations",
    # "Featuring" found in an article's text: artists and artworks it names (featuring/).
    "featuring",
    # Every outbound URL, where it is used, checked in the background and archived (links/).
    "links",
    # The editors' desk: the admin's home page (desk/), registered with adminsite.
    "desk",
    "imports",
    "search",
    "revisions",
    # Autosave of admin forms as per-user working copies (workingcopies/).
    "workingcopies",
    "pagecache",
    # /healthz, /readyz and the friendly 503 when the database is gone (health/).
    "health",
    "backups",
    # The demo content and logins of `make run` (manage.py seed_demo, demo_login).
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Probes answered before host checks and sessions; then OperationalError/InterfaceError
    # from anything below become the friendly 503 (health/middleware.py).
    "health.middleware.ProbeMiddleware",
    "health.middleware.DatabaseUnavailableMiddleware",
    # Content-Security-Policy header (SECURE_CSP), with a nonce on every HTML page (security/).
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "security.csp.NonceOnEveryPageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # A fresh cached page for a visitor without a session, before everything below (pagecache/).
    "pagecache.middleware.CachedPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Marks anonymous public GETs for reads from the replica, when there is one (no-op otherwise).
    "replicas.router.ReplicaReadsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Answers a locked-out login with security.lockout (after the user is known).
    "axes.middleware.AxesMiddleware",
    # Last: it needs the user, and serves cached pages after URL resolution (pagecache/).
    "pagecache.middleware.PageCacheMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                # {{ csp_nonce }} and {% csp_nonce_attr %} for inline scripts.
                "django.template.context_processors.csp",
                "sitesettings.context_processors.site_settings",
                "articles.context_processors.navigation",
            ],
            # adminsite is not an app of its own (NewsroomAdminConfig is Django's admin).
            "libraries": {
                "admin_dates": "adminsite.templatetags.admin_dates",
                "admin_written": "adminsite.templatetags.admin_written",
            },
        },
    },
]
# Django's default form renderer, with its plainest widget templates (inputs, selects, empty
# error lists) written in Python, the same HTML: the admin's forms render hundreds of widgets.
FORM_RENDERER = "adminsite.rendering.WidgetRenderer"

# DATABASE_URL selects PostgreSQL (postgres://user:pass@host:5432/name); without it, SQLite.
DATABASE_URL = env("DATABASE_URL")
if DATABASE_URL is None:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL or f"sqlite:///{VAR_DIR / 'newsroom.sqlite3'}",
        conn_max_age=env("DATABASE_CONN_MAX_AGE", 60, cast=int),
        conn_health_checks=True,
    )
}
# Each request is one transaction: an error never leaves half-saved data.
DATABASES["default"]["ATOMIC_REQUESTS"] = True

# A PostgreSQL read replica for what anonymous readers see (replicas/router.py and
# docs/deployment.md); everything else reads and writes the primary. A page built from the replica
# within REPLICA_LAG_SECONDS of a change is not kept by the page cache (it may predate the change).
DATABASE_REPLICA_URL = env("DATABASE_REPLICA_URL")
REPLICA_LAG_SECONDS = env("REPLICA_LAG_SECONDS", 10.0, cast=float)
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL,
        conn_max_age=env("DATABASE_CONN_MAX_AGE", 60, cast=int),
        conn_health_checks=True,
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["replicas.router.ReplicaRouter"]
# Nothing waits long on a database that is gone or stuck (README, "Faults and health"): a
# connection attempt gives up after DATABASE_CONNECT_TIMEOUT seconds, and PostgreSQL cancels a
# statement that runs past DATABASE_STATEMENT_TIMEOUT_MS (default 15 s in web processes, which
# newsroom/wsgi.py marks; none in commands and the worker, whose long statements are work). The
# request then gets the friendly 503 (health/). A connection the server dropped is noticed at
# the next request (CONN_HEALTH_CHECKS) and replaced, so the site recovers by itself.
if DATABASES["default"]["ENGINE"].endswith(("postgresql", "postgis")):
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options.setdefault("connect_timeout", env("DATABASE_CONNECT_TIMEOUT", 3, cast=int))
    _web = os.environ.get("NEWSROOM_WEB_PROCESS") == "1"
    _statement_timeout_ms = env("DATABASE_STATEMENT_TIMEOUT_MS", 15000 if _web else 0, cast=int)
    if "statement_timeout" not in _options.get("options", ""):  # DATABASE_URL's own wins
        _options["options"] = (
            f"{_options.get('options', '')} -c statement_timeout={_statement_timeout_ms}".strip()
        )

# The public pages' reads as prepared statements on PostgreSQL, planned once per connection
# (sqlreads/prepared.py). Off behind PgBouncer in transaction mode (docs/deployment.md).
DATABASE_PREPARED_READS = env("DATABASE_PREPARED_READS", True, cast=bool)

# The cache holds rendered public pages (pagecache/) and what invalidates them. Without REDIS_URL
# it is each process's own memory: right for `make run` and one process. With more than one
# process or machine set REDIS_URL (redis://host:6379/0), so that every process sees every edit.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache, reusing its redis-py client (pagecache/backends.py).
            "BACKEND": "pagecache.backends.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "newsroom"),
            # A stalled Redis costs a request one second, never a hung worker.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "newsroom",
            "OPTIONS": {"MAX_ENTRIES": env("LOCMEM_CACHE_ENTRIES", 5000, cast=int)},
        }
    }

# Page cache (pagecache/): anonymous GETs of public pages served from CACHES, each page kept until
# something it shows changes (exact invalidation, no TTL guessing). PAGE_CACHE=false turns it off.
PAGE_CACHE = env("PAGE_CACHE", True, cast=bool)
# How long an unchanged page may sit in the cache before it is rebuilt anyway (memory hygiene only:
# a change invalidates it at once).
PAGE_CACHE_SECONDS = env("PAGE_CACHE_SECONDS", 24 * 3600, cast=int)
# What public pages tell a CDN or shared proxy: keep a page this many seconds (s-maxage), and serve
# the old copy for this many more while fetching a new one (stale-while-revalidate). Browsers always
# revalidate (max-age=0) and get a 304 when nothing changed. 0 keeps pages out of shared caches.
CDN_CACHE_SECONDS = env("CDN_CACHE_SECONDS", 60, cast=int)
CDN_STALE_SECONDS = env("CDN_STALE_SECONDS", 30, cast=int)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# New and changed passwords get Argon2 (memory-hard: costly to crack on GPUs); the others stay to
# check existing hashes, which Django upgrades to Argon2 at their owner's next login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env("TIME_ZONE", "Europe/London", cast=time_zone)
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Django's two finders, where a path that leads out of the static folders is not found (404)
# rather than an error (security/static_paths.py): runserver serves static files through them.
STATICFILES_FINDERS = [
    "security.static_paths.FileSystemFinder",
    "security.static_paths.AppDirectoriesFinder",
]
STATIC_ROOT = Path(env("STATIC_ROOT", VAR_DIR / "static"))
if DEBUG:
    # WhiteNoise looks here at start-up; in development the files come from the finders.
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed file names in production (after collectstatic); plain files while
    # developing, so nothing needs collecting first.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_URL = env("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env("MEDIA_ROOT", VAR_DIR / "media"))
# Where `manage.py backup` writes its archives unless given --output (backups/).
BACKUP_DIR = Path(env("BACKUP_DIR", VAR_DIR / "backups"))

# Uploads (and their renditions) in an S3-compatible bucket instead of MEDIA_ROOT, through
# django-storages (`pip install -e .[s3]`); see docs/deployment-media.md.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", "") or None,
            "region_name": env("AWS_S3_REGION_NAME", "") or None,
            "access_key": env("AWS_ACCESS_KEY_ID", "") or None,
            "secret_key": env("AWS_SECRET_ACCESS_KEY", "") or None,
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN", "") or None,
            "querystring_auth": False,  # public pictures, stable URLs a CDN can keep
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=2592000"},
        },
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Editor extensions of our own: the figure in an article's body (richtext/editor_extensions.py).
DJANGO_PROSE_EDITOR_EXTENSIONS = editor_extensions.EXTENSIONS

# Tags are matched case-insensitively, so "Photography" and "photography" are one tag.
TAGGIT_CASE_INSENSITIVE = True

# --- Security (README "Security"): `manage.py check --deploy` passes with .env.example. ---
# Behind a TLS-terminating proxy in production (deploy/nginx.conf); harmless in development.
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = not DEBUG
if env("SECURE_PROXY_SSL_HEADER", False, cast=bool):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Plain HTTP is redirected to HTTPS, except the probes of the orchestrator, which call the app
# directly over HTTP.
SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT", not DEBUG, cast=bool)
SECURE_REDIRECT_EXEMPT = [r"^healthz/?$", r"^readyz/?$"]
# Browsers remember to use HTTPS only. Preloading (browsers' built-in list) is hard to undo, so
# it is opt-in; without it, check --deploy's reminder to preload (W021) is silenced on purpose.
SECURE_HSTS_SECONDS = env("SECURE_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 3600, cast=int)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env("SECURE_HSTS_INCLUDE_SUBDOMAINS", True, cast=bool)
SECURE_HSTS_PRELOAD = env("SECURE_HSTS_PRELOAD", False, cast=bool)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
# Other sites we link to learn our origin, never a page's path (preview links carry a token).
SECURE_REFERRER_POLICY = ",".join(
    env(
        "SECURE_REFERRER_POLICY",
        ["strict-origin-when-cross-origin"],
        cast=list,  # fallbacks are allowed: "no-referrer,strict-origin-when-cross-origin"
        choices=[
            "no-referrer",
            "no-referrer-when-downgrade",
            "origin",
            "origin-when-cross-origin",
            "same-origin",
            "strict-origin",
            "strict-origin-when-cross-origin",
            "unsafe-url",
        ],
    )
)
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content Security Policy (django.middleware.csp): scripts only from our origin or carrying the
# response's nonce (every inline <script> has one; security/csp.py puts one in every HTML
# page's policy). Styles allow 'unsafe-inline': the admin and its widgets (select2, the prose
# editor, thumbnails, reversion-compare) write style attributes, and 500.html has its own
# <style>; CSS cannot run script, and what editors write is sanitized (richtext/).
CSP_IMG_SRC = [CSP.SELF, "data:"]
if AWS_STORAGE_BUCKET_NAME:  # pictures come from the bucket's CDN host, or the bucket itself
    _bucket = STORAGES["default"]["OPTIONS"]
    if _bucket["custom_domain"]:
        CSP_IMG_SRC.append("https://" + _bucket["custom_domain"].split("/")[0])
    elif _bucket["endpoint_url"]:
        CSP_IMG_SRC.append("{0.scheme}://{0.netloc}".format(urlsplit(_bucket["endpoint_url"])))
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": CSP_IMG_SRC,
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

# Logins (django-axes): lockouts after repeated failures (newsroom/settings_logins.py).
globals().update(settings_logins.read())

# Background work (recommendations, later renditions) goes through Django's tasks framework.
# "immediate" runs a task right after the transaction that asked for it commits; "database"
# queues it for `manage.py db_worker` (django-tasks-db), as docker-compose.yml does.
TASKS_BACKEND = env("TASKS_BACKEND", "immediate", choices=["immediate", "database"])
if TASKS_BACKEND == "database":
    INSTALLED_APPS.append("django_tasks_db")
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
else:
    TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}

# What the product's features may be tuned by (recommendations, the editorial workflow and
# its checks, autosave, revisions, images): newsroom/settings_editorial.py.
globals().update(settings_editorial.read())

# Logs on stderr, one line per record: "json" (time, level, logger, message, and the request's
# method, path and status where there is one; health/logging.py), the default with DEBUG off, for
# a log shipper; "text" for people, the default while developing.
LOG_FORMAT = env("LOG_FORMAT", "text" if DEBUG else "json", choices=FORMATS)
LOGGING = logging_settings(LOG_FORMAT, level=env("LOG_LEVEL", "INFO", choices=LEVELS))

# Outbound links (links/): the hosts that are this site's own, whose addresses are not outbound
# links. Unset: ALLOWED_HOSTS without the loopback names (links/addresses.py).
LINKS_OWN_HOSTS = env("LINKS_OWN_HOSTS", None, cast=list)
