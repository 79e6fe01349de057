"""Apps depend one way: config wires them, conditions is the model everyone reads, and no
two apps import each other, directly or round a longer loop (README, "Which app may
import which")."""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# The project's own top-level packages: every folder of Python code but the tests.
APPS = sorted(
    path.name
    for path in ROOT.iterdir()
    if (path / "__init__.py").exists() and path.name not in {"tests"}
)
# What conditions may import of the project: the editor's cached block definitions, a
# wrapper of Wagtail's form widget that knows nothing of guides.
CONDITIONS_MAY_IMPORT = {"editing"}


def imported_apps(app):
    """{app it imports: "file:line" of the first import} for every module of ``app``."""
    found = {}
    for path in sorted((ROOT / app).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in APPS and top != app:
                    found.setdefault(top, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def find_cycle(graph):
    """One loop of imports as a list of apps, or None."""
    state = {}

    def visit(app, trail):
        state[app] = "open"
        for other in sorted(graph[app]):
            if state.get(other) == "open":
                return [*trail[trail.index(other) :], other]
            if other not in state:
                cycle = visit(other, [*trail, other])
                if cycle:
                    return cycle
        state[app] = "done"
        return None

    for app in sorted(graph):
        if app not in state:
            cycle = visit(app, [app])
            if cycle:
                return cycle
    return None


def test_the_project_apps_are_found():
    assert {"conditions", "home", "review", "translations", "reach", "search"} <= set(APPS)


def test_no_two_apps_import_each_other_round_any_loop():
    graph = {app: imported_apps(app) for app in APPS}

    cycle = find_cycle(graph)

    where = (
        [graph[app][other] for app, other in zip(cycle, cycle[1:], strict=False)] if cycle else []
    )
    assert cycle is None, f"import loop {' -> '.join(cycle)}, at {', '.join(where)}"


def test_conditions_imports_no_other_app_but_its_small_core():
    assert set(imported_apps("conditions")) <= CONDITIONS_MAY_IMPORT


def test_the_loop_finder_finds_a_loop():
    assert find_cycle({"a": {"b": ""}, "b": {"c": ""}, "c": {"a": ""}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b": ""}, "b": {}}) is None
