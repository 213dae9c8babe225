"""Synthetic catalogs for the benchmark: realistic entries, varied ids, aliases, prerequisites.

Each synthetic entry is a copy of a built-in certification with a new id and new aliases, so
it carries real prerequisites (degree routes, credential classes, hours), prices and sources.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from certadvise.catalog.index import builtin_dir

BUCKET = 1000  # files a folder


def base_entries() -> list[dict[str, object]]:
    folder = builtin_dir()
    entries = []
    for path in sorted(folder.glob("*/*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        if data.get("kind") != "prerequisite":
            entries.append(data)
    return entries


def write_catalog(folder: Path, count: int) -> Path:
    """Write `count` synthetic entries under `folder`; return it."""
    bases = base_entries()
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    for index in range(count):
        base = dict(bases[index % len(bases)])
        new_id = f"SYN{index:06d}-{base['id']}"
        base["id"] = new_id
        base["aliases"] = [f"{alias} {index}" for alias in base.get("aliases", [])][:2]
        base["former_names"] = []
        base.pop("status", None)
        base.pop("retired", None)
        base["name"] = f"{base['name']} (variant {index})"
        target = folder / f"bucket{index // BUCKET:03d}" / f"{new_id}.yaml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(yaml.dump(base, Dumper=dumper, sort_keys=False), encoding="utf-8")
    return folder


if __name__ == "__main__":
    write_catalog(Path(sys.argv[1]), int(sys.argv[2]))
