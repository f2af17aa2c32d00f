"""The page cache knows the site only through what the apps declare (pagecache/registry.py): a
public view or a model of ours declared nowhere fails here instead of going stale quietly, and
pagecache itself imports no app of ours."""

import ast
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.urls import URLResolver, get_resolver

from pagecache import declared

ROOT = Path(settings.BASE_DIR)
# Apps that are the site's content and its parts; pagecache and images are mechanisms they use.
CONTENT_APPS = {
    "articles",
    "artists",
    "artworks",
    "recommendations",
    "sitesettings",
    "search",
    "imports",
    "revisions",
    "newsroom",
}


def named_patterns(patterns=None, namespace=""):
    """Every named URL pattern of the site outside the admin, as "namespace:name"."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from named_patterns(pattern.url_patterns, inner)
        elif pattern.name:
            yield f"{namespace}{pattern.name}"


def our_models():
    for config in apps.get_app_configs():
        if Path(config.path).is_relative_to(ROOT) and ".venv" not in Path(config.path).parts:
            yield from config.get_models()


def test_every_public_view_is_cached_or_declared_uncached():
    names = set(named_patterns())
    undeclared = names - set(declared.VIEWS) - set(declared.UNCACHED_VIEWS)
    assert not undeclared, f"register these with pagecache.register_view(): {sorted(undeclared)}"
    assert "articles:article-detail" in declared.VIEWS
    assert "articles:article-preview" in declared.UNCACHED_VIEWS


def test_nothing_is_registered_for_a_view_that_does_not_exist():
    gone = set(declared.VIEWS) - set(named_patterns())
    assert not gone, f"registered, but no URL pattern has these names: {sorted(gone)}"


def test_every_model_of_ours_is_declared_to_the_page_cache():
    models = list(our_models())
    assert len(models) >= 15
    labels = {model._meta.label_lower for model in models}
    undeclared = labels - set(declared.SHOWN) - set(declared.PARTS) - set(declared.NOT_SHOWN)
    assert not undeclared, (
        "declare these with pagecache.register_model(), register_part() or not_shown(): "
        f"{sorted(undeclared)}"
    )


def test_parts_belong_to_shown_models():
    """A part with nothing shown to belong to would never make a page stale."""
    for label in declared.PARTS:
        model = apps.get_model(label)
        owners = [
            field
            for field in model._meta.concrete_fields
            if field.many_to_one and declared.shown(field.related_model) is not None
        ]
        assert owners, f"{label} belongs to no registered model"


def imported_modules(package: str):
    """(file, module) of every import in a package, at module level and inside functions."""
    for path in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                yield from ((path, alias.name) for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                yield path, node.module


def test_pagecache_and_images_import_no_content_app():
    for package in ("pagecache", "images"):
        found = [
            f"{path.relative_to(ROOT)}: {module}"
            for path, module in imported_modules(package)
            if module.split(".")[0] in CONTENT_APPS
        ]
        assert not found, found
