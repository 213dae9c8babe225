"""The walk of a catalog folder: which files are entry files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from certadvise.catalog.index import SPECIAL_FILES


def entry_files(folder: Path) -> Iterator[Path]:
    """Every `*.yaml` below `folder` but its special files, in path order."""
    for path in sorted(folder.rglob("*.yaml")):
        if path.parent == folder and path.name in SPECIAL_FILES:
            continue
        yield path
