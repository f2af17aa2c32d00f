# Newsroom web image: gunicorn serving Django. Static files are collected at build time.
FROM python:3.13-slim-trixie

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    NEWSROOM_VAR_DIR=/srv/newsroom \
    STATIC_ROOT=/srv/newsroom/static \
    MEDIA_ROOT=/srv/newsroom/media

# pg_dump and pg_restore for `manage.py backup` and `restore`: Debian 13's client is PostgreSQL
# 17, the server of docker-compose.yml (pg_dump must be at least as new as the server).
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY . .

RUN pip install "." \
    && DEBUG=false SECRET_KEY=build-only ALLOWED_HOSTS=localhost python manage.py collectstatic --noinput \
    && useradd --system --home /srv/newsroom newsroom \
    && mkdir -p /srv/newsroom/media /srv/newsroom/backups \
    && chown -R newsroom /srv/newsroom

USER newsroom
EXPOSE 8000
CMD ["gunicorn", "newsroom.wsgi:application", "--config", "deploy/gunicorn.conf.py"]
