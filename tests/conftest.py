"""Shared fixtures: a pinned environment, an in-process CLI runner and the real catalog."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from certadvise.catalog.index import Catalog, catalog_dirs
from certadvise.catalog.loading import load_catalog
from certadvise.cli import main

REPO = Path(__file__).resolve().parents[1]
TODAY = "2026-11-26"  # every test runs on this day: none depends on the clock


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()


Runner = Callable[..., Result]


@pytest.fixture(autouse=True)
def pinned_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Deterministic output: no user catalogs, no colour, a fixed width, a private cache and
    config folder (so no saved profile of the user's), a fixed day."""
    import os

    for name in list(os.environ):
        if name.startswith("CERTADVISE_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("CERTADVISE_TODAY", TODAY)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("CERTADVISE_CONFIG_DIR", str(tmp_path / "certadvise-config"))


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Runner:
    """Run certadvise in-process: cli('list', '-f', 'json') -> Result(code, out, err)."""

    def run(*args: str, stdin: str | None = None) -> Result:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin or ""))
        code = main(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog(catalog_dirs(environ={}))


def write(path: Path, text: str) -> Path:
    """Write a file, creating its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
