"""The package's rooms and the one direction of their imports.

The order is written once, in ``docs/development.md`` ("Where things live"), as a ``rooms``
block: one room a line, from the bottom of the house up, each with the modules it holds. This
test reads that block and the package's source (with :mod:`ast`, nothing is imported) and
fails when

- a module imports a module of a higher room;
- modules import each other in a circle (an import inside a function counts: it only hides
  the circle);
- a module imports one of the package's modules inside a function, except ``AppConfig.ready``
  (Django's app loading: models and signals exist only once every app is loaded);
- a module of the package belongs to no room;
- a room's modules do not import in a fresh interpreter of their own.
"""

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGE = "wagtail_cityoflearning"


def read_rooms() -> list[tuple[str, list[str]]]:
    text = (REPO / "docs" / "development.md").read_text()
    block = re.search(r"```text rooms\n(.*?)```", text, re.S)
    assert block, "docs/development.md has no ```text rooms block"
    rooms = []
    for line in block.group(1).splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _colon, modules = line.rpartition(":")
            rooms.append((name.strip(), modules.split()))
    assert len(rooms) > 5, rooms
    return rooms


def package_modules() -> dict[str, Path]:
    found = {}
    for path in (REPO / PACKAGE).rglob("*.py"):
        parts = path.relative_to(REPO).with_suffix("").parts
        if "migrations" in parts:
            continue
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def room_of(module: str, rooms) -> int | None:
    """The index of the room holding ``module``: the longest name in the block that is the
    module or a package above it (``name.*`` means the package's modules, not itself)."""
    best, best_len = None, -1
    for index, (_name, patterns) in enumerate(rooms):
        for pattern in patterns:
            if pattern.endswith("$"):
                matches = module == pattern[:-1]
                length = len(pattern) + 1  # the exact name is the most specific
            elif pattern.endswith(".*"):
                package = pattern[:-2]
                matches = module.startswith(package + ".")
                length = len(package) + 1
            else:
                matches = module == pattern or module.startswith(pattern + ".")
                length = len(pattern)
            if matches and length > best_len:
                best, best_len = index, length
    return best


class Import:
    def __init__(self, source, target, line, in_function, in_ready):
        self.source, self.target, self.line = source, target, line
        self.in_function, self.in_ready = in_function, in_ready


def imports_of(module: str, path: Path, modules) -> list[Import]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    is_package = path.name == "__init__.py"

    def resolve(node) -> list[str]:
        if isinstance(node, ast.Import):
            return [alias.name for alias in node.names]
        base = node.module or ""
        if node.level:
            here = module.split(".") if is_package else module.split(".")[:-1]
            here = here[: len(here) - (node.level - 1)]
            base = ".".join(here + ([base] if base else []))
        targets = []
        for alias in node.names:
            candidate = f"{base}.{alias.name}"
            targets.append(candidate if candidate in modules else base)
        return targets

    def visit(node, function=None):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                visit(child, function or child.name)
            elif isinstance(child, ast.Import | ast.ImportFrom):
                for target in resolve(child):
                    if target == PACKAGE or target.startswith(PACKAGE + "."):
                        while target not in modules and "." in target:
                            target = target.rsplit(".", 1)[0]
                        found.append(
                            Import(
                                module,
                                target,
                                child.lineno,
                                function is not None,
                                function == "ready",
                            )
                        )
            else:
                visit(child, function)

    visit(tree)
    return found


@pytest.fixture(scope="module")
def house():
    modules = package_modules()
    rooms = read_rooms()
    imports = [i for name, path in modules.items() for i in imports_of(name, path, modules)]
    return modules, rooms, imports


def test_every_module_has_a_room(house):
    modules, rooms, _imports = house
    homeless = sorted(m for m in modules if room_of(m, rooms) is None)
    assert not homeless, f"modules in no room of docs/development.md: {homeless}"


def test_no_module_imports_a_higher_room(house):
    _modules, rooms, imports = house
    upwards = []
    for i in imports:
        source, target = room_of(i.source, rooms), room_of(i.target, rooms)
        if source is not None and target is not None and target > source:
            upwards.append(
                f"{i.source}:{i.line} ({rooms[source][0]}) imports {i.target} ({rooms[target][0]})"
            )
    assert not upwards, "imports that run upwards:\n" + "\n".join(upwards)


# Apps that sit side by side on the same floor: each builds on the rooms below both, and neither
# imports the other (they meet through hooks).
SIDE_BY_SIDE = [(f"{PACKAGE}.providers", f"{PACKAGE}.insight")]


def _in_app(module: str, app: str) -> bool:
    return module == app or module.startswith(app + ".")


def test_apps_side_by_side_never_import_each_other(house):
    _modules, _rooms, imports = house
    crossing = [
        f"{i.source}:{i.line} imports {i.target}"
        for i in imports
        for one, other in SIDE_BY_SIDE + [(b, a) for a, b in SIDE_BY_SIDE]
        if _in_app(i.source, one) and _in_app(i.target, other)
    ]
    assert not crossing, "\n".join(crossing)


def test_no_import_inside_a_function_but_app_loading(house):
    _modules, _rooms, imports = house
    hidden = [
        f"{i.source}:{i.line} imports {i.target} inside a function"
        for i in imports
        if i.in_function and not i.in_ready
    ]
    assert not hidden, "\n".join(hidden)


def test_no_circle_of_imports(house):
    modules, _rooms, imports = house
    graph = {m: set() for m in modules}
    for i in imports:
        if i.target != i.source and not i.in_ready:
            graph[i.source].add(i.target)
    # Tarjan's strongly connected components: any with more than one module is a circle.
    index, low, stack, on_stack, circles, counter = {}, {}, [], set(), [], [0]

    def connect(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    assert not circles, f"modules that import each other in a circle: {circles}"


def test_the_rooms_block_names_only_existing_modules(house):
    modules, rooms, _imports = house
    unknown = [
        pattern
        for _name, patterns in rooms
        for pattern in patterns
        if not any(
            m == pattern.removesuffix(".*").removesuffix("$")
            or m.startswith(pattern.removesuffix(".*") + ".")
            for m in modules
        )
    ]
    assert not unknown, f"the rooms block names modules that do not exist: {unknown}"


def test_each_room_imports_alone(house):
    """Each room's modules import in a fresh interpreter of their own (once Django has loaded
    the apps), so none depends on another module having been imported first."""
    modules, rooms, _imports = house
    by_room = {}
    for module in sorted(modules):
        if ".management.commands." in module or module.endswith(".apps"):
            continue
        by_room.setdefault(room_of(module, rooms), []).append(module)
    failures = []
    for index, names in sorted(by_room.items()):
        script = (
            "import importlib, django; django.setup()\n"
            f"for name in {names!r}:\n"
            "    importlib.import_module(name)\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", script],
            cwd=REPO,
            env={**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"},
            capture_output=True,
            text=True,
            timeout=120,
        )
        if result.returncode:
            failures.append(f"{rooms[index][0]}: {result.stderr.strip().splitlines()[-1]}")
    assert not failures, "\n".join(failures)
