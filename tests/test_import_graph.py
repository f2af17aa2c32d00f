"""The import audit of the product code, as a newcomer would make it: every import, at module
level and inside functions, read from the source; no cycle between files or between apps; the
mechanisms (page cache, images, the admin site) import no content app; `newsroom/` only wires."""

import ast
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = sorted(
    pattern.removesuffix("*")
    for pattern in tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "packages"
    ]["find"]["include"]
)
CONTENT_APPS = {
    "articles",
    "artists",
    "artworks",
    "demo",
    "desk",
    "imports",
    "recommendations",
    "revisions",
    "search",
    "sitesettings",
    "structured_data",
}
MECHANISMS = {"pagecache", "images", "adminsite", "workingcopies"}
# What wiring is: settings and the environment they read, URLs (and the sitemaps they route),
# the WSGI and ASGI entry points.
WIRING = {
    "__init__",
    "settings",
    "settings_editorial",
    "settings_logins",
    "environment",
    "urls",
    "sitemaps",
    "wsgi",
    "asgi",
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _product_files():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def _imports(path: Path, modules: set[str]) -> set[str]:
    """Every module of `modules` that `path` imports, wherever the import stands. `from pkg
    import mod` imports the module `pkg.mod` (Python runs pkg/__init__ first, but that package
    file is no cycle of the code's making); `from pkg import name` imports `pkg`."""
    module = _module_name(path)
    is_package = path.name == "__init__.py"
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                stem = ".".join([*base, node.module] if node.module else base)
            else:
                stem = node.module
            submodules = {f"{stem}.{alias.name}" for alias in node.names} & modules
            found |= submodules
            if len(submodules) < len(node.names):
                found.add(stem)
    return found & modules


def _graph() -> dict[str, set[str]]:
    files = {_module_name(path): path for path in _product_files()}
    return {name: _imports(path, set(files)) - {name} for name, path in files.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one node (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def _app_graph(graph):
    apps = {}
    for source, targets in graph.items():
        top = source.split(".")[0]
        apps.setdefault(top, set()).update(
            target.split(".")[0] for target in targets if target.split(".")[0] != top
        )
    return apps


def test_the_audit_reads_every_app():
    """The audit is not blind: it finds the apps and the imports between them."""
    apps = _app_graph(_graph())
    assert {"articles", "pagecache", "images", "newsroom"} <= apps.keys()
    assert "articles" in apps["newsroom"]


def test_the_cycle_finder_finds_cycles():
    """A cycle of three modules is found, and a chain is not taken for one."""
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": {"c"}}) == []


def test_no_import_cycle_between_files():
    """No two files of the product import each other, directly or round a loop."""
    assert _cycles(_graph()) == []


def test_no_import_cycle_between_apps():
    """The apps import in one direction only."""
    assert _cycles(_app_graph(_graph())) == []


@pytest.mark.parametrize("mechanism", sorted(MECHANISMS))
def test_mechanisms_import_no_content_app(mechanism):
    """The page cache and the images pipeline know no content app: apps register with them."""
    assert _app_graph(_graph())[mechanism] & CONTENT_APPS == set()


def test_newsroom_only_wires():
    """`newsroom/` holds settings, URLs and entry points, nothing else."""
    modules = {path.stem for path in (ROOT / "newsroom").glob("*.py")}
    assert modules <= WIRING
