"""Overlay patches: an `extends: ID` file changes only the fields it names of an entry an
earlier catalog folder defines; the merged entry is then validated and checked like any."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from certadvise.catalog.models import Certification
from certadvise.catalog.plain import build
from certadvise.catalog.problems import Lines, Problems, ReadEntry

PATCH_KEY = "extends"


def read_patch(path: Path, doc: Any, problems: Problems) -> ReadEntry:
    """An `extends: ID` file: only the fields it changes; merged once its base is known."""
    target = doc.data[PATCH_KEY]
    if not isinstance(target, str) or target != path.stem:
        problems.add(
            path,
            doc.line_of((PATCH_KEY,)),
            PATCH_KEY,
            f"must name the entry it patches, which is also the file name ({path.stem})",
        )
        return ReadEntry(path, problems=tuple(problems.found))
    if "id" in doc.data and doc.data["id"] != target:
        problems.add(path, doc.line_of(("id",)), "id", "a patch cannot change the id")
        return ReadEntry(path, problems=tuple(problems.found))
    patch = {k: v for k, v in doc.data.items() if k != PATCH_KEY}
    return ReadEntry(path, patch=patch, problems=tuple(problems.found))


def _merge(base: Any, patch: Any, key: str | None = None) -> Any:
    """`patch` over `base`: mappings merge field by field, `sources` by source key (a new
    key is added, a known one replaced), anything else is replaced whole (lists too)."""
    if isinstance(base, dict) and isinstance(patch, dict):
        merged = dict(base)
        for name, value in patch.items():
            merged[name] = _merge(base.get(name), value, name) if name in base else value
        return merged
    if key == "sources" and isinstance(base, list) and isinstance(patch, list):
        by_key = {s.get("key"): s for s in base if isinstance(s, dict)}
        for source in patch:
            if isinstance(source, dict):
                by_key[source.get("key")] = source
        return list(by_key.values())
    return patch


def patched(
    read: ReadEntry, entries: Mapping[str, ReadEntry], problems: Problems
) -> Certification | None:
    """The entry `read` patches, with the patch merged over it and validated; None (with
    the problem recorded) when no earlier folder defines it or the result does not fit."""
    from certadvise.catalog.models import to_jsonable

    target = read.path.stem
    lines = Lines(read.path)
    base = entries.get(target)
    if base is None:
        message = f"extends {target}, which no earlier catalog folder defines"
        problems.add(read.path, lines.line_of((PATCH_KEY,)), PATCH_KEY, message)
        return None
    data = _merge(to_jsonable(build(Certification, json.loads(base.plain))), read.patch)
    return problems.model(Certification, data, read.path, lines)
