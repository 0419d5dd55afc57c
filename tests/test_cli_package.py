"""The CLI package stays untied: its modules import each other one way only, type-only imports
included, and each stays short enough to read."""

from __future__ import annotations

import ast
from pathlib import Path

import multilateral.cli

PACKAGE = Path(multilateral.cli.__file__).parent
NAME = "multilateral.cli"


def _module(path: Path) -> str:
    return NAME if path.stem == "__init__" else f"{NAME}.{path.stem}"


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The package's modules that `path` imports, wherever the import stands."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name in modules}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                child = f"{node.module}.{alias.name}"
                if child in modules:
                    found.add(child)
                elif node.module in modules:
                    found.add(node.module)
    found.discard(_module(path))
    return found


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle in `graph` as the list of modules along it, or [] when there is none."""
    done: set[str] = set()

    def visit(node: str, path: list[str]) -> list[str]:
        if node in path:
            return path[path.index(node):] + [node]
        if node in done:
            return []
        for target in sorted(graph[node]):
            found = visit(target, [*path, node])
            if found:
                return found
        done.add(node)
        return []

    for start in sorted(graph):
        found = visit(start, [])
        if found:
            return found
    return []


def test_the_cli_modules_import_each_other_one_way() -> None:
    paths = sorted(PACKAGE.glob("*.py"))
    modules = {_module(path) for path in paths}
    graph = {_module(path): _imports(path, modules) for path in paths}
    # The package registers the commands by importing their modules, which import `base`.
    assert {f"{NAME}.questions", f"{NAME}.articles", f"{NAME}.tokens"} <= graph[NAME]
    assert f"{NAME}.base" in graph[f"{NAME}.questions"]
    assert _cycle(graph) == [], " -> ".join(_cycle(graph))


def test_no_cli_module_is_over_450_lines() -> None:
    long = {path.name: n for path in PACKAGE.glob("*.py")
            if (n := len(path.read_text().splitlines())) > 450}
    assert long == {}


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) == []
