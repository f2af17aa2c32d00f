"""Newsroom settings: every environment differs only by environment variables.

With no variables at all this is the embedded default: SQLite under var/, DEBUG on,
local-memory cache, media under var/media. See .env.example for production.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("NEWSROOM_VAR_DIR", BASE_DIR / "var"))


def env(name, default=None, *, cast=str, required=False):
    """Read one setting from the environment: the only way settings read it."""
    raw = os.environ.get(name)
    if raw is None or raw == "":
        if required:
            raise ImproperlyConfigured(f"Set the {name} environment variable (see .env.example).")
        return default
    if cast is bool:
        value = raw.strip().lower()
        if value in {"1", "true", "yes", "on"}:
            return True
        if value in {"0", "false", "no", "off"}:
            return False
        raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")
    if cast is list:
        return [item.strip() for item in raw.split(",") if item.strip()]
    try:
        return cast(raw)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} has an invalid value {raw!r}: {error}") from error


DEBUG = env("DEBUG", True, cast=bool)

# Production (DEBUG off) refuses to start without its secrets; development gets throwaway ones.
SECRET_KEY = env("SECRET_KEY", required=not DEBUG) or "dev-only-insecure-key-never-in-production"
ALLOWED_HOSTS = env("ALLOWED_HOSTS", cast=list, required=not DEBUG) or [
    "127.0.0.1",
    "localhost",
    "[::1]",
    "testserver",
]
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS", [], cast=list)

INSTALLED_APPS = [
    "django.contrib.admin",
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
    "images",
    "sitesettings",
    "structured_data",
    "artists",
    "artworks",
    "articles",
    "recommendations",
    "imports",
    "search",
    "revisions",
    "pagecache",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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
                "sitesettings.context_processors.site_settings",
                "articles.context_processors.navigation",
            ],
        },
    },
]

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

# The cache holds rendered public pages (pagecache/) and what invalidates them. Without REDIS_URL
# it is each process's own memory: right for `make run` and one process. With more than one
# process or machine set REDIS_URL (redis://host:6379/0), so that every process sees every edit.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
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

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env("TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
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

# Tags are matched case-insensitively, so "Photography" and "photography" are one tag.
TAGGIT_CASE_INSENSITIVE = True

# Behind a TLS-terminating proxy in production; harmless in development.
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
if env("SECURE_PROXY_SSL_HEADER", False, cast=bool):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Background work (recommendations, later renditions) goes through Django's tasks framework.
# "immediate" runs a task right after the transaction that asked for it commits; "database"
# queues it for `manage.py db_worker` (django-tasks-db), as docker-compose.yml does.
TASKS_BACKEND = env("TASKS_BACKEND", "immediate")
if TASKS_BACKEND == "database":
    INSTALLED_APPS.append("django_tasks_db")
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
elif TASKS_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
else:
    raise ImproperlyConfigured("TASKS_BACKEND must be 'immediate' or 'database'.")

# "You may also like" (see docs/recommendations.md for what each number does).
RECOMMENDATIONS_WEIGHTS = {
    "tag": env("RECOMMENDATIONS_WEIGHT_TAG", 1.0, cast=float),
    "artist": env("RECOMMENDATIONS_WEIGHT_ARTIST", 1.5, cast=float),
    "artwork": env("RECOMMENDATIONS_WEIGHT_ARTWORK", 1.5, cast=float),
    "section": env("RECOMMENDATIONS_WEIGHT_SECTION", 0.25, cast=float),
}
RECOMMENDATIONS_FLOOR = env("RECOMMENDATIONS_FLOOR", 0.6, cast=float)
RECOMMENDATIONS_BLOCK_SIZE = env("RECOMMENDATIONS_BLOCK_SIZE", 4, cast=int)
RECOMMENDATIONS_HALF_LIFE_DAYS = env("RECOMMENDATIONS_HALF_LIFE_DAYS", 365, cast=float)
# "post": suggestions show until a moderator rejects them; "pre": only approved and pinned show.
RECOMMENDATIONS_MODERATION = env("RECOMMENDATIONS_MODERATION", "post")
if RECOMMENDATIONS_MODERATION not in {"pre", "post"}:
    raise ImproperlyConfigured("RECOMMENDATIONS_MODERATION must be 'pre' or 'post'.")

# Editorial workflow: how long a preview link sent from the admin keeps working.
PREVIEW_LINK_HOURS = env("PREVIEW_LINK_HOURS", 48, cast=float)

# Revisions (revisions/retention.py): the newest this many of each article, artist and artwork
# are kept, and every revision in which an article was published.
REVISIONS_KEEP = env("REVISIONS_KEEP", 50, cast=int)
if REVISIONS_KEEP < 1:
    raise ImproperlyConfigured("REVISIONS_KEEP must be at least 1.")

# Image uploads (images/validation.py): the largest file, in bytes, and the most pixels (width x
# height) an upload may have. Pixels are checked from the header, before anything is decoded;
# Pillow's own decompression-bomb limit (about 89 million) stays the ceiling.
IMAGE_UPLOAD_MAX_BYTES = env("IMAGE_UPLOAD_MAX_BYTES", 25 * 1024 * 1024, cast=int)
IMAGE_UPLOAD_MAX_PIXELS = env("IMAGE_UPLOAD_MAX_PIXELS", 60_000_000, cast=int)
if IMAGE_UPLOAD_MAX_BYTES < 1 or IMAGE_UPLOAD_MAX_PIXELS < 1:
    raise ImproperlyConfigured(
        "IMAGE_UPLOAD_MAX_BYTES and IMAGE_UPLOAD_MAX_PIXELS must be at least 1."
    )

# Renditions (images/renditions.py), made after an upload commits: the widths, in pixels, made of
# every image for srcset (comma-separated). An image narrower than the largest also gets one at
# its own width; nothing is upscaled. After a change, `manage.py rebuild_renditions` applies it.
IMAGE_RENDITION_WIDTHS = env(
    "IMAGE_RENDITION_WIDTHS",
    [480, 960, 1600],
    cast=lambda raw: sorted({int(width) for width in raw.split(",") if width.strip()}),
)
if not IMAGE_RENDITION_WIDTHS or IMAGE_RENDITION_WIDTHS[0] < 16:
    raise ImproperlyConfigured("IMAGE_RENDITION_WIDTHS must list widths of at least 16 pixels.")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    # Every task start and finish is logged at INFO; only failures are worth a line.
    "loggers": {"django.tasks": {"level": "WARNING"}},
}
