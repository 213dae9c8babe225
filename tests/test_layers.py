"""The layers hold: each half of the core imports only what sits below it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "certadvise"

# package -> the certadvise packages it must never import
FORBIDDEN = {
    "catalog": {"advice", "views", "render", "cli"},
    "advice": {"views", "render", "cli"},
    "render": {"catalog", "advice", "views", "cli"},
    "views": {"cli"},
}


def imported_packages(path: Path) -> set[str]:
    """The first part below `certadvise` of every certadvise module a file imports."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "certadvise" and len(parts) > 1:
                found.add(parts[1])
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_a_layer_never_imports_the_layers_above_it(package: str) -> None:
    for path in sorted((SRC / package).glob("*.py")):
        wrong = imported_packages(path) & FORBIDDEN[package]
        assert not wrong, f"{path.relative_to(SRC)} imports certadvise.{', '.join(sorted(wrong))}"


def module_imports() -> dict[str, set[str]]:
    """Each certadvise module and the certadvise modules it imports, at the top or inside
    a function (its own package's `__init__` left out: importing a module runs that)."""
    modules = {}
    for path in SRC.rglob("*.py"):
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        base = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                stem = node.module or ""
                if node.level:
                    up = base.split(".")[: len(base.split(".")) - node.level + 1]
                    stem = ".".join(up + ([stem] if stem else []))
                targets = [stem] + [f"{stem}.{a.name}" for a in node.names]
            else:
                continue
            found |= {
                t for t in targets if t in modules and t != name and not name.startswith(t + ".")
            }
        graph[name] = found
    return graph


def test_no_two_modules_import_each_other_even_inside_functions() -> None:
    """Zero import circles (the README's design section says so)."""
    import graphlib

    try:
        graphlib.TopologicalSorter(module_imports()).prepare()
    except graphlib.CycleError as circle:
        raise AssertionError(f"import circle: {' -> '.join(circle.args[1])}") from None
