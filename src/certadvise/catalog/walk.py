"""The walk of a catalog folder: which files are entry files, and what it says it skipped.

Entry files are the `*.yaml` files below the folder (but its special files), in path
order. Symbolically linked folders are followed, each real folder once (a link back to a
folder already walked is skipped with a note, so loops end). Hidden names (`.git`, an
editor's lock `.#ID.yaml`) are skipped, a hidden YAML file with a note; so are `.yml` and
`.YAML` files, with a note naming the file to rename: one spelling keeps the file name the
identity. A folder that vanishes during the walk is simply gone. The walk is bounded
(folders, files, depth): `--catalog /` stops at the first bound with one clear line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from certadvise.catalog.index import SPECIAL_FILES

SUFFIX = ".yaml"
MAX_FOLDERS = 20_000  # below one catalog folder; 100,000 entries in folders of 1,000 take 100
MAX_FILES = 500_000  # YAML files below one catalog folder
MAX_DEPTH = 8  # folders below the catalog folder; entries sit one below (`<org>/<ID>.yaml`)


class WalkBound(Exception):
    """The walk went past a bound: not a catalog folder, most likely."""


@dataclass
class Walk:
    """The entry files of one catalog folder, the folders walked and what was skipped.

    Paths are text (`os.path`, not `pathlib`: a third of a warm run on 10,000 entries went
    into building `Path` objects that the cache key only stats)."""

    files: list[str] = field(default_factory=list)
    folders: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # a folder that cannot be read


def walk(folder: Path) -> Walk:
    """The entry files below `folder`, in path order; raises WalkBound past a bound."""
    found = Walk()
    seen: set[tuple[int, int]] = set()
    stack: list[tuple[str, int]] = [(str(folder), 0)]
    while stack:
        where, depth = stack.pop()
        try:
            info = os.stat(where)  # noqa: PTH116 - text paths, on purpose (see Walk)
            with os.scandir(where) as listing:
                items = sorted(listing, key=lambda item: item.name)
        except FileNotFoundError:
            continue  # removed during the walk: its files are gone
        except OSError as exc:
            found.problems.append(f"{where}: cannot be read: {exc.strerror or exc}")
            continue
        if (info.st_dev, info.st_ino) in seen:
            found.notes.append(f"{where}: skipped: a link to a folder already read")
            continue
        seen.add((info.st_dev, info.st_ino))
        found.folders.append(where)
        if len(found.folders) > MAX_FOLDERS:
            raise WalkBound(f"{folder}: more than {MAX_FOLDERS:,} folders: stopped")
        for item in items:
            name = item.name
            path = item.path
            try:
                is_folder = item.is_dir()  # through a link too
            except OSError:
                is_folder = False
            if name.startswith("."):
                if not is_folder and _yaml_like(name):
                    found.notes.append(f"{path}: skipped: a hidden file (an editor's lock?)")
                continue
            if is_folder and not name.endswith(SUFFIX):  # `X.yaml/`: the loader refuses it
                if depth + 1 > MAX_DEPTH:
                    raise WalkBound(f"{path}: more than {MAX_DEPTH} folders deep: stopped")
                stack.append((path, depth + 1))
            elif name.endswith(SUFFIX):
                if not (depth == 0 and name in SPECIAL_FILES):
                    found.files.append(path)
                    if len(found.files) > MAX_FILES:
                        raise WalkBound(f"{folder}: more than {MAX_FILES:,} YAML files: stopped")
            elif _yaml_like(name):
                stem = name.rsplit(".", 1)[0]
                found.notes.append(
                    f"{path}: skipped: catalog files end in {SUFFIX} (rename it {stem}{SUFFIX})"
                )
    found.files.sort(key=lambda path: path.split(os.sep))  # noqa: PTH206 - as Paths sort
    found.notes.sort()
    return found


def _yaml_like(name: str) -> bool:
    return name.lower().endswith((".yaml", ".yml"))
