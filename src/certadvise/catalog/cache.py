"""A cache of the validated catalog in the user's cache directory.

Reading YAML and validating it is most of the work of a command, and it gives the same
answer until a catalog file changes. The cache is keyed by every catalog file's path, size
and modification time (and by certadvise's version), so any change rebuilds it. A cache
that cannot be read or written is ignored: it only ever makes a command faster.
"""

from __future__ import annotations

import os
import pickle
import sys
import tempfile
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path

from certadvise import __version__
from certadvise.catalog.index import Catalog, LazyEntries, Summary
from certadvise.catalog.loading import load_catalog

FORMAT = 2  # the layout of a cache file; older files are simply rebuilt
DISABLE_VAR = "CERTADVISE_NO_CACHE"
DIR_VAR = "CERTADVISE_CACHE_DIR"
PREFIX = "catalog-"


def cache_dir() -> Path:
    """Where the cache lives: $CERTADVISE_CACHE_DIR, or the platform's user cache folder."""
    if os.environ.get(DIR_VAR):
        return Path(os.environ[DIR_VAR])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("certadvise", appauthor=False))


def _files(folder: Path) -> Iterator[tuple[str, int, int]]:
    """(path, size, mtime) of every YAML file below `folder`, quickly (os.scandir)."""
    stack = [str(folder)]
    while stack:
        try:
            entries = list(os.scandir(stack.pop()))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                stack.append(entry.path)
            elif entry.name.endswith(".yaml"):
                try:
                    info = entry.stat()
                except OSError:
                    continue
                yield entry.path, info.st_size, info.st_mtime_ns


def fingerprint(dirs: Sequence[Path]) -> str:
    """A key that changes whenever any catalog file, or certadvise itself, changes.

    Two 32-bit checksums (zlib's, quick to import) of every file's path, size and time: a
    change detector, not a defence against someone who can write to the cache anyway.
    """
    models = Path(__file__).with_name("models.py").stat()
    parts = [
        f"{__version__}|{sys.version}|{Path(__file__).parent}|{models.st_size}|{models.st_mtime_ns}"
    ]
    for folder in dirs:
        parts.append(str(folder.resolve()))
        parts += [f"{path}|{size}|{mtime}" for path, size, mtime in sorted(_files(folder))]
    text = "\0".join(parts).encode()
    return f"{zlib.crc32(text):08x}{zlib.adler32(text):08x}{len(text):x}"


def load(dirs: Sequence[Path]) -> Catalog:
    """The catalog of `dirs`, from the cache when it is current, else loaded and cached."""
    if os.environ.get(DISABLE_VAR):
        return load_catalog(dirs)
    try:
        path = cache_dir() / f"{PREFIX}{fingerprint(dirs)}.pickle"
    except OSError:
        return load_catalog(dirs)
    cached = _read(path)
    if cached is not None:
        return cached
    catalog = load_catalog(dirs)  # an invalid catalog raises, and is never cached
    _write(path, catalog)
    return catalog


def _read(path: Path) -> Catalog | None:
    import gc

    was_enabled = gc.isenabled()
    gc.disable()  # many new objects at once: the cyclic collector only slows it down
    try:
        with path.open("rb") as stream:
            found = pickle.load(stream)
        if not isinstance(found, dict) or found.get("format") != FORMAT:
            return None
        summaries: dict[str, Summary] = found["summaries"]
        return Catalog(
            LazyEntries(found["entries"]),
            found["organizations"],
            found["goals"],
            found["vocabulary"],
            summaries=summaries,
            notices=tuple(found.get("notices", ())),
        )
    except Exception:  # missing, unreadable, truncated or from another version: rebuild
        return None
    finally:
        if was_enabled:
            gc.enable()


def _write(path: Path, catalog: Catalog) -> None:
    """Write atomically, then drop the caches of older catalogs. Failures are ignored."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(catalog.entries, LazyEntries):
            entries = catalog.entries.blobs  # pickled one by one by the loader already
        else:
            entries = {
                key: pickle.dumps(catalog.entries[key], pickle.HIGHEST_PROTOCOL)
                for key in catalog.summaries
            }
        payload = {
            "format": FORMAT,
            "summaries": catalog.summaries,
            "entries": entries,
            "organizations": catalog.organizations,
            "goals": catalog.goals,
            "vocabulary": catalog.vocabulary,
            "notices": catalog.notices,
        }
        with tempfile.NamedTemporaryFile(
            "wb", dir=path.parent, prefix=".tmp-", delete=False
        ) as tmp:
            pickle.dump(payload, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        Path(tmp.name).replace(path)
        for old in path.parent.glob(f"{PREFIX}*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        return
