"""The layout the README's architecture section draws: layers that import only downwards, no
import cycle (imports under TYPE_CHECKING and inside functions count), small modules."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "multilateral"

# What each layer may import besides itself. `errors` and `settings` are the ground floor.
LAYERS: dict[str, set[str]] = {
    "errors": set(),
    "settings": set(),
    "model": {"errors"},
    "reference": {"errors", "model"},
    "store": {"errors", "model", "reference", "settings"},
    "ingest": {"errors", "model", "reference", "settings"},
    "check": {"errors", "model", "ingest", "settings"},
    "kb": {"errors", "model", "reference", "store", "ingest", "check", "settings"},
    "cli": {"errors", "model", "kb", "settings", "web"},
    "web": {"errors", "model", "kb", "settings"},
    "__init__": {"errors", "model", "kb"},
    "__main__": {"cli"},
}
MAX_LINES = 450
MAX_TYPE_IGNORES = 3


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in PACKAGE.rglob("*.py")
            if "migrations" not in path.parts}


def imports(path: Path, known: set[str]) -> set[str]:
    """The project's modules that `path` imports, anywhere in the file."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in known)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                child = f"{node.module}.{alias.name}"
                found.add(child if child in known else node.module)
    return {name for name in found if name in known}


def graph() -> dict[str, set[str]]:
    found = modules()
    return {name: imports(path, set(found)) - {name} for name, path in found.items()}


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycle_among_the_modules() -> None:
    assert cycles(graph()) == []


def test_each_layer_imports_only_the_layers_below_it() -> None:
    wrong = defaultdict(set)
    for module, targets in graph().items():
        own = layer(module)
        allowed = LAYERS[own] | {own}
        for target in targets:
            if target != "multilateral" and layer(target) not in allowed:
                wrong[module].add(target)
    assert dict(wrong) == {}


def test_no_module_over_450_lines() -> None:
    long = {name: lines for name, path in modules().items()
            if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_at_most_three_type_ignores() -> None:
    found = [f"{path.relative_to(SRC)}:{number}" for path in PACKAGE.rglob("*.py")
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if "type: ignore" in line]
    assert len(found) <= MAX_TYPE_IGNORES, found
