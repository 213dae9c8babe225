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
