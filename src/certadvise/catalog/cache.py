"""The cache of the validated catalog: the only module that knows how it is stored.

Reading YAML and validating it is most of the work of a command, and it gives the same
answer until a catalog file changes. The cache keeps the validated catalog as plain JSON
(loading it runs no code: no pickle), one line per stored part, each line with a BLAKE2b
checksum that is checked before anything is used; any mismatch means "rebuild from YAML".
The file name carries a key hashed from the bytes of every catalog file (and from
certadvise itself), so an edit that keeps a file's size and time still makes a new key,
and several catalogs live side by side; the least recently used beyond `KEEP` are pruned.

Trust: a cache folder or file that is not owned by the current user, or that group or
others may write, is refused (and `explain` is told why). The folder is created private.
A cache that cannot be read or written is ignored: it only ever makes a command faster.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from hashlib import blake2b
from pathlib import Path
from typing import Any

from certadvise import __version__
from certadvise.catalog.index import Catalog, Summary
from certadvise.catalog.loading import load_catalog, without_gc
from certadvise.catalog.models import Goal, Organization, Rates, Vocabulary
from certadvise.catalog.plain import PlainEntries, build, to_plain

FORMAT = 5  # the layout of a cache file; files of another format are simply rebuilt
DISABLE_VAR = "CERTADVISE_NO_CACHE"
DIR_VAR = "CERTADVISE_CACHE_DIR"
PREFIX = "catalog-"
SUFFIX = ".json"
TEMP_PREFIX = ".tmp-"
KEEP = 4  # catalogs kept side by side (built-in, with an overlay, another install, ...)
STALE_TEMP_SECONDS = 600  # a temporary file this old was left by a run that was killed
DIGEST = 16  # bytes of BLAKE2b: for the key and for each line's checksum

Explain = Callable[[str], None]


def cache_dir() -> Path:
    """Where the cache lives: $CERTADVISE_CACHE_DIR, or the platform's user cache folder."""
    if os.environ.get(DIR_VAR):
        return Path(os.environ[DIR_VAR])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("certadvise", appauthor=False))


# ----------------------------------------------------------------------------- the key


Stamp = tuple[bytes, int, int, int, int]  # path, size, mtime, ctime, inode


def fingerprint(dirs: Sequence[Path]) -> str:
    """A key hashed from the bytes of every catalog file and of the code that reads them.

    Content, not size and time: `touch -r`, `cp -p` or a one-second clock cannot hide an
    edit. Only regular files are read (a FIFO named `*.yaml` is left to the loader, which
    refuses it), each bounded like the loader's reads.
    """
    return _fingerprint(dirs)[0]


def _stamp(path: bytes, info: os.stat_result) -> Stamp:
    return (path, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def _unchanged(stamps: list[Stamp]) -> bool:
    """Whether the files and folders stamped are as they were: any write since changes a
    file's ctime, and adding or removing a file changes its folder's."""
    for stamp in stamps:
        try:
            if _stamp(stamp[0], os.stat(stamp[0])) != stamp:  # noqa: PTH116 - a bytes path
                return False
        except OSError:
            return False
    return True


def _fingerprint(dirs: Sequence[Path]) -> tuple[str, list[Stamp]]:
    """The key, and the stamps of the files and folders as they were read for it."""
    from certadvise.limits import MAX_FILE_BYTES as MAX_BYTES  # light: no yaml import

    digest = blake2b(digest_size=DIGEST)
    here = Path(__file__).parent
    digest.update(f"{FORMAT}|{__version__}|{sys.version_info[:2]}\0".encode())
    for source in (*sorted(here.glob("*.py")), here.parent / "levels.py"):
        digest.update(source.read_bytes())  # what reads, checks and stores a catalog
    stamps: list[Stamp] = []
    for folder in dirs:
        digest.update(b"\0dir\0" + os.fsencode(folder.resolve()))
        for path in sorted(_yaml_files(os.fsencode(folder), stamps)):
            digest.update(b"\0file\0" + path + b"\0")
            digest.update(_bounded_bytes(path, MAX_BYTES + 1, stamps))
    return digest.hexdigest(), stamps


def _yaml_files(folder: bytes, stamps: list[Stamp]) -> Iterator[bytes]:
    """Every `*.yaml` below `folder`, through symbolic links too (each folder once); each
    folder's stamp is added to `stamps`."""
    stack, seen = [folder], set()
    while stack:
        where = stack.pop()
        try:
            stamps.append(_stamp(where, os.stat(where)))  # noqa: PTH116 - a bytes path
            with os.scandir(where) as found:
                entries = list(found)
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir():
                    info = entry.stat()
                    if (info.st_dev, info.st_ino) not in seen:
                        seen.add((info.st_dev, info.st_ino))
                        stack.append(entry.path)
                    continue
            except OSError:
                continue
            if entry.name.endswith(b".yaml"):
                yield entry.path


def _bounded_bytes(path: bytes, most: int, stamps: list[Stamp]) -> bytes:
    """A regular file's first `most` bytes (its stamp added to `stamps`); b"?" for anything
    else (never blocks)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return b"?"
    try:
        size = os.fstat(fd)
        if not stat.S_ISREG(size.st_mode):
            return b"?"
        stamps.append(_stamp(path, size))
        chunks, total = [], 0
        while total < most:
            chunk = os.read(fd, min(most - total, max(size.st_size + 1, 4096)))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        return b"".join(chunks)
    except OSError:
        return b"?"
    finally:
        os.close(fd)


# ----------------------------------------------------------------------------- load


def load(dirs: Sequence[Path], explain: Explain | None = None) -> Catalog:
    """The catalog of `dirs`, from the cache when it is current, else loaded and cached.

    `explain` hears why a cache was ignored (for `--debug`); nothing else changes.
    """
    say = explain or (lambda _: None)
    if os.environ.get(DISABLE_VAR):
        return load_catalog(dirs)
    try:
        key, stamps = _fingerprint(dirs)
        folder = _private_folder(cache_dir(), say)
    except OSError as exc:
        say(f"cache not used: {exc}")
        return load_catalog(dirs)
    if folder is None:
        return load_catalog(dirs)
    path = folder / f"{PREFIX}{key}{SUFFIX}"
    cached = _read(path, say, _rebuilder(dirs, path, say))
    if cached is not None:
        return cached
    catalog = load_catalog(dirs)  # an invalid catalog raises, and is never cached
    if not _unchanged(stamps):  # a file changed while it was read: do not cache a mix
        say("cache not written: a catalog file changed while it was read")
        return catalog
    _write(path, catalog, say)
    return catalog


def _trusted(info: os.stat_result) -> str | None:
    """Why a cache folder or file is not to be trusted, or None when it is."""
    if not hasattr(os, "getuid"):  # no owners to check (Windows): the user's own folder
        return None
    if info.st_uid != os.getuid():
        return f"owned by user id {info.st_uid}, not by you ({os.getuid()})"
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return f"writable by group or others (mode {stat.S_IMODE(info.st_mode):o})"
    return None


def _private_folder(folder: Path, say: Explain) -> Path | None:
    """`folder`, created private (0700) when missing; None when it is not to be trusted."""
    try:
        info = folder.stat()
    except FileNotFoundError:
        try:
            folder.parent.mkdir(parents=True, exist_ok=True)
            folder.mkdir(mode=0o700)
        except FileExistsError:
            pass  # another certadvise made it just now: check it like any other
        except OSError as exc:
            say(f"cache not used: cannot create {folder}: {exc.strerror or exc}")
            return None
        info = folder.stat()
    if not stat.S_ISDIR(info.st_mode):
        say(f"cache not used: {folder} is not a folder")
        return None
    why = _trusted(info)
    if why:
        say(f"cache not used: the folder {folder} is {why}")
        return None
    return folder


def _rebuilder(dirs: Sequence[Path], path: Path, say: Explain) -> Callable[[], Catalog]:
    """What to do if an entry, checksum and all, does not fit the models after all (a file
    written by hand): drop the file and read the catalog from YAML, once."""
    rebuilt: list[Catalog] = []

    def rebuild() -> Catalog:
        if not rebuilt:
            say(f"cache rebuilt: an entry in {path} does not fit the models")
            _unlink(path)
            rebuilt.append(load_catalog(dirs))
        return rebuilt[0]

    return rebuild


def _read(path: Path, say: Explain, rebuild: Callable[[], Catalog]) -> Catalog | None:
    """The catalog stored at `path` if it is ours and every checksum holds; else None."""
    try:
        fd = os.open(
            path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        )
    except FileNotFoundError:
        return None
    except OSError as exc:
        say(f"cache not read: {path}: {exc.strerror or exc}")
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            say(f"cache not read: {path} is not a regular file")
            return None
        why = _trusted(info)
        if why:
            say(f"cache not read: {path} is {why}")
            return None
        with os.fdopen(fd, "rb", closefd=False) as stream:
            data = stream.read()
    except OSError as exc:
        say(f"cache not read: {path}: {exc.strerror or exc}")
        return None
    finally:
        os.close(fd)
    try:
        with without_gc():
            catalog = _decode(data, lambda: rebuild().entries)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError) as exc:
        say(f"cache rebuilt: {path} is damaged ({exc})")
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: pruned last
    return catalog


# ----------------------------------------------------------------------------- write


def _write(path: Path, catalog: Catalog, say: Explain) -> None:
    """Write atomically, then prune; a failure leaves no temporary file behind."""
    try:
        with without_gc():
            data = _encode(catalog)
    except (ValueError, TypeError) as exc:  # e.g. a value JSON cannot hold: just do not cache
        say(f"cache not written: {exc}")
        return
    tmp: Path | None = None
    try:
        fd, name = _temp_file(path.parent)
        tmp = Path(name)
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        tmp.replace(path)
        tmp = None
    except OSError as exc:
        say(f"cache not written: {path}: {exc.strerror or exc}")
    finally:  # also on Ctrl-C
        if tmp is not None:
            _unlink(tmp)
    _prune(path.parent, keep=path)


def _temp_file(folder: Path) -> tuple[int, str]:
    import tempfile

    return tempfile.mkstemp(dir=folder, prefix=TEMP_PREFIX, suffix=SUFFIX)  # mode 0600


def _prune(folder: Path, keep: Path) -> None:
    """Drop all but the `KEEP` most recently used catalogs, old formats and stale temp files."""
    try:
        found = list(os.scandir(folder))
    except OSError:
        return
    mine = []
    now = time.time()
    for item in found:
        try:
            info = item.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode) or _trusted(info):
            continue  # never touch what is not ours
        if item.name.startswith(PREFIX) and item.name.endswith(SUFFIX):
            mine.append((info.st_mtime, item.path))
        elif item.name.startswith(PREFIX) and item.name.endswith(".pickle"):
            _unlink(Path(item.path))  # the old format: never read again
        elif item.name.startswith(TEMP_PREFIX) and now - info.st_mtime > STALE_TEMP_SECONDS:
            _unlink(Path(item.path))
    mine.sort(reverse=True)
    for _, old in mine[KEEP:]:
        if old != str(keep):
            _unlink(Path(old))


def _unlink(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


# ----------------------------------------------------------------------------- the format
#
# A file is lines of `<checksum> <json>`: first a header (format, count), then the catalog's
# organizations, goals, vocabulary, entry summaries, notices and exchange rates, then one
# line per entry in the
# order of the summaries, each in its plain form (`certadvise.catalog.plain`).


def _line(value: Any) -> bytes:
    if isinstance(value, bytes):  # JSON already
        raw = value
    else:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        raw = text.encode("utf-8")
    return blake2b(raw, digest_size=DIGEST).hexdigest().encode() + b" " + raw + b"\n"


def _encode(catalog: Catalog) -> bytes:
    summaries = list(catalog.summaries.values())
    head = {"format": FORMAT, "entries": len(summaries)}
    meta = [
        [to_plain(o) for o in catalog.organizations.values()],
        [to_plain(g) for g in catalog.goals.values()],
        to_plain(catalog.vocabulary),
        [to_plain(s) for s in summaries],
        list(catalog.notices),
        None if catalog.rates is None else to_plain(catalog.rates),
    ]
    entries = catalog.entries
    if isinstance(entries, PlainEntries):  # as the loader left them: no need to build them
        plain = [entries.plain(s.id) for s in summaries]
    else:
        plain = [to_plain(entries[s.id]) for s in summaries]
    lines = [_line(head), _line(meta)]
    lines += [_line(item) for item in plain]
    return b"".join(lines)


def _payloads(data: bytes) -> Iterator[bytes]:
    """Each line's JSON, after its checksum is checked."""
    lines = data.split(b"\n")
    if lines[-1] != b"":
        raise ValueError("truncated")
    for line in lines[:-1]:
        checksum, _, payload = line.partition(b" ")
        if blake2b(payload, digest_size=DIGEST).hexdigest().encode() != checksum:
            raise ValueError("a checksum does not match")
        yield payload


def _decode(data: bytes, on_damage: Callable[[], Mapping[str, Any]]) -> Catalog:
    payloads = list(_payloads(data))
    head = json.loads(payloads[0])
    if not isinstance(head, dict) or head.get("format") != FORMAT:
        raise ValueError("another format")
    if head.get("entries") != len(payloads) - 2:
        raise ValueError("entries are missing")
    organizations, goals, vocabulary, summaries, notices, rates = json.loads(payloads[1])
    orgs = [build(Organization, o) for o in organizations]
    goal_list = [build(Goal, g) for g in goals]
    summary_list = [build(Summary, s) for s in summaries]
    return Catalog(
        PlainEntries(dict(zip((s.id for s in summary_list), payloads[2:], strict=True)), on_damage),
        {o.id: o for o in orgs},
        {g.id: g for g in goal_list},
        build(Vocabulary, vocabulary),
        summaries={s.id: s for s in summary_list},
        notices=tuple(str(notice) for notice in notices),
        rates=None if rates is None else build(Rates, rates),
    )
