"""The cache of the validated catalog: the only module that knows how it is stored.

Reading YAML and validating it is most of the work of a command, and it gives the same
answer until a catalog file changes. The cache keeps the validated catalog as plain JSON
(loading it runs no code: no pickle), one line per stored part, each line with a BLAKE2b
checksum that is checked before the line is used; any mismatch means "rebuild from YAML".
The file name carries a key hashed from the bytes of every catalog file (and from
certadvise itself), so an edit that keeps a file's size and time still makes a new key,
and several catalogs live side by side; the least recently used beyond `KEEP` are pruned.
A warm run finds that key from the files' stamps, without reading them (see "the key").

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
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from hashlib import blake2b
from itertools import accumulate, chain, pairwise
from pathlib import Path
from typing import Any

from certadvise import __version__
from certadvise.catalog.index import Catalog, Summary
from certadvise.catalog.loading import load_catalog
from certadvise.catalog.models import Goal, Organization, Rates, Vocabulary
from certadvise.catalog.plain import PlainEntries, build, to_plain
from certadvise.catalog.walk import WalkBound, walk
from certadvise.collector import without_gc

FORMAT = 6  # the layout of a cache file; files of another format are simply rebuilt
DISABLE_VAR = "CERTADVISE_NO_CACHE"
DIR_VAR = "CERTADVISE_CACHE_DIR"
PREFIX = "catalog-"
SUFFIX = ".json"
TEMP_PREFIX = ".tmp-"
KEEP = 4  # catalogs kept side by side (built-in, with an overlay, another install, ...)
STAMP_PREFIX = "stamp-"
STALE_TEMP_SECONDS = 60  # a temporary file this old was left by a run that was killed
SETTLED_SECONDS = 3.0  # files written longer ago than this get a stamp record (see the key)
DIGEST = 16  # bytes of BLAKE2b: for the key and for each line's checksum

Explain = Callable[[str], None]


def cache_dir() -> Path:
    """Where the cache lives: $CERTADVISE_CACHE_DIR, or the platform's user cache folder."""
    if os.environ.get(DIR_VAR):
        return Path(os.environ[DIR_VAR])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("certadvise", appauthor=False))


# ----------------------------------------------------------------------------- the key
#
# The key is hashed from the bytes of every catalog file and of the code that reads them
# (the content key): `touch -r`, `cp -p` or a one-second clock cannot hide an edit. Reading
# 70 MB to hash it was most of a warm run on 10,000 entries, so a second, cheaper key
# finds the first: the stat key, hashed from each file's path, size, mtime, ctime, inode
# and device. A stamp record (`stamp-<stat key>.json`) holds the content key those stamps
# had. Any write to a file sets its ctime to the current time, and nobody can set a ctime
# back (`touch`, `utime` and `cp -p` set mtime and atime only; a rename is a new inode),
# so an edit that keeps size and mtime still makes a new stat key, and the content key is
# hashed again. One race remains, as in git's "racily clean" index: an edit within the
# same clock tick as the stamps were taken (file systems keep ctime in ticks of up to two
# seconds). So a stamp record is written only when every file's ctime and mtime are more
# than `SETTLED_SECONDS` old: any later edit then has a later ctime.

Stamp = tuple[str, int, int, int, int, int]  # path, size, mtime, ctime, inode, device


def fingerprint(dirs: Sequence[Path]) -> str:
    """The content key of `dirs`: hashed from the bytes of every catalog file and of the
    code that reads them. Only regular files are read (a FIFO named `*.yaml` is left to
    the loader, which refuses it), each bounded like the loader's reads."""
    return _content_key(_Files.of(dirs))


def _stamp(path: str, info: os.stat_result) -> Stamp:
    return (path, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)


def _unchanged(stamps: list[Stamp]) -> bool:
    """Whether the files and folders stamped are as they were: any write since changes a
    file's ctime, and adding or removing a file changes its folder's."""
    for stamp in stamps:
        try:
            if _stamp(stamp[0], os.stat(stamp[0])) != stamp:  # noqa: PTH116 - text, not a Path
                return False
        except OSError:
            return False
    return True


class _Files:
    """The catalog files of `dirs` as the loader walks them, with their stamps."""

    def __init__(self, code: bytes, folders: list[tuple[Path, list[str], list[str]]]) -> None:
        self.code = code  # the digest of the code that reads, checks and stores a catalog
        self.folders = folders  # each folder, its entry and special files, the walk's notes
        self.stamps: list[Stamp] = []  # of the folders walked (for files added or removed)
        self.file_stamps: list[Stamp] = []
        for _, files, _ in folders:
            for path in files:
                with contextlib.suppress(OSError):
                    self.file_stamps.append(_stamp(path, os.stat(path)))  # noqa: PTH116

    @classmethod
    def of(cls, dirs: Sequence[Path]) -> _Files:
        """Walk `dirs` (raises WalkBound past the walk's bounds, OSError)."""
        from certadvise.catalog.index import SPECIAL_FILES

        digest = blake2b(digest_size=DIGEST)
        here = Path(__file__).parent
        digest.update(f"{FORMAT}|{__version__}|{sys.version_info[:2]}\0".encode())
        for source in (*sorted(here.glob("*.py")), here.parent / "levels.py"):
            digest.update(source.read_bytes())
        folders, walked = [], []
        for folder in dirs:
            found = walk(folder)
            special = [str(folder / name) for name in SPECIAL_FILES if (folder / name).exists()]
            folders.append((folder, [*special, *found.files], found.notes + found.problems))
            walked += found.folders
        files = cls(digest.digest(), folders)
        for where in walked:
            with contextlib.suppress(OSError):
                files.stamps.append(_stamp(where, os.stat(where)))  # noqa: PTH116
        files.stamps += files.file_stamps
        return files

    def stat_key(self) -> str:
        digest = blake2b(self.code, digest_size=DIGEST)
        for folder, _, notes in self.folders:
            digest.update(b"\0dir\0" + os.fsencode(folder.resolve()))
            digest.update("\0".join(notes).encode("utf-8", "surrogateescape"))
        digest.update(repr(self.file_stamps).encode())
        return digest.hexdigest()

    def settled(self) -> bool:
        """Whether every file was last written more than `SETTLED_SECONDS` ago."""
        horizon = time.time_ns() - int(SETTLED_SECONDS * 1e9)
        return all(max(s[2], s[3]) < horizon for s in self.file_stamps)


def _content_key(files: _Files) -> str:
    from certadvise.limits import MAX_FILE_BYTES  # light: no yaml import

    digest = blake2b(files.code, digest_size=DIGEST)
    for folder, paths, notes in files.folders:
        digest.update(b"\0dir\0" + os.fsencode(folder.resolve()))
        digest.update("\0".join(notes).encode("utf-8", "surrogateescape"))
        for path in paths:
            digest.update(b"\0file\0" + os.fsencode(path) + b"\0")
            digest.update(_bounded_bytes(path, MAX_FILE_BYTES + 1))
    return digest.hexdigest()


def _bounded_bytes(path: str, most: int) -> bytes:
    """A regular file's first `most` bytes; b"?" for anything else (never blocks)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return b"?"
    try:
        size = os.fstat(fd)
        if not stat.S_ISREG(size.st_mode):
            return b"?"
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


def _key(files: _Files, folder: Path, say: Explain) -> tuple[str, bool]:
    """The content key, from the stamp record of the files' stat key when there is one
    (and whether it came from there)."""
    record = folder / f"{STAMP_PREFIX}{files.stat_key()}{SUFFIX}"
    data = _read_private(record, say)
    if data is not None:
        try:
            (payload,) = _payloads(data)
            found = json.loads(payload)
            if found["format"] == FORMAT and isinstance(found["key"], str):
                with contextlib.suppress(OSError):
                    os.utime(record)  # recently used: pruned last
                return str(found["key"]), True
        except (ValueError, TypeError, KeyError):
            say(f"cache: {record} is damaged: the catalog files are read again")
    return _content_key(files), False


def _record_stamps(files: _Files, folder: Path, key: str) -> None:
    """Write the stamp record of `files` (the content key they had), once they settled."""
    if files.settled() and _unchanged(files.stamps):
        _write_atomically(
            folder / f"{STAMP_PREFIX}{files.stat_key()}{SUFFIX}",
            _line({"format": FORMAT, "key": key}),
        )


# ----------------------------------------------------------------------------- load


def load(dirs: Sequence[Path], explain: Explain | None = None) -> Catalog:
    """The catalog of `dirs`, from the cache when it is current, else loaded and cached.

    `explain` hears why a cache was ignored (for `--debug`); nothing else changes.
    """
    say = explain or (lambda _: None)
    if os.environ.get(DISABLE_VAR):
        return load_catalog(dirs)
    try:
        files = _Files.of(dirs)
        folder = _private_folder(cache_dir(), say)
        key, recorded = _key(files, folder, say) if folder is not None else ("", False)
    except (OSError, WalkBound) as exc:
        say(f"cache not used: {exc}")
        return load_catalog(dirs)  # which says what is wrong with the folders, if anything
    if folder is None:
        return load_catalog(dirs)
    path = folder / f"{PREFIX}{key}{SUFFIX}"
    cached = _read(path, say, _rebuilder(dirs, path, say, files))
    if cached is not None:
        if not recorded:
            _record_stamps(files, folder, key)
        _prune(folder, keep=path)  # temporary files of killed runs go on warm runs too
        return cached
    catalog = load_catalog(dirs)  # an invalid catalog raises, and is never cached
    if not _unchanged(files.stamps):  # a file changed while it was read: do not cache a mix
        say("cache not written: a catalog file changed while it was read")
        return catalog
    _write(path, catalog, say)
    _record_stamps(files, folder, key)
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


def _rebuilder(
    dirs: Sequence[Path], path: Path, say: Explain, files: _Files
) -> Callable[[], Catalog]:
    """What to do if an entry, checked when first built, turns out damaged or does not fit
    the models (a file written by hand): read the catalog from YAML, once, and store it."""
    rebuilt: list[Catalog] = []

    def rebuild() -> Catalog:
        if not rebuilt:
            say(f"cache rebuilt: an entry in {path} is damaged or does not fit the models")
            _unlink(path)
            rebuilt.append(load_catalog(dirs))
            if _unchanged(files.stamps):
                _write(path, rebuilt[0], say)
        return rebuilt[0]

    return rebuild


def _read_private(path: Path, say: Explain) -> bytes | None:
    """The bytes of `path` if it is a regular file of ours (never through a link); else None."""
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
            return stream.read()
    except OSError as exc:
        say(f"cache not read: {path}: {exc.strerror or exc}")
        return None
    finally:
        os.close(fd)


def _read(path: Path, say: Explain, rebuild: Callable[[], Catalog]) -> Catalog | None:
    """The catalog stored at `path` if it is ours and its checksums hold; else None."""
    data = _read_private(path, say)
    if data is None:
        return None
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
    _write_atomically(path, data, say)
    _prune(path.parent, keep=path)


def _write_atomically(
    path: Path, data: bytes | Iterable[bytes], say: Explain | None = None
) -> None:
    tmp: Path | None = None
    try:
        fd, name = _temp_file(path.parent)
        tmp = Path(name)
        with os.fdopen(fd, "wb") as stream:
            stream.writelines([data] if isinstance(data, bytes) else data)
        tmp.replace(path)
        tmp = None
    except OSError as exc:
        if say is not None:
            say(f"cache not written: {path}: {exc.strerror or exc}")
    finally:  # also on Ctrl-C
        if tmp is not None:
            _unlink(tmp)


def _temp_file(folder: Path) -> tuple[int, str]:
    import tempfile

    return tempfile.mkstemp(dir=folder, prefix=TEMP_PREFIX, suffix=SUFFIX)  # mode 0600


def _prune(folder: Path, keep: Path) -> None:
    """Drop all but the `KEEP` most recently used catalogs, old formats and stale temp files."""
    try:
        found = list(os.scandir(folder))
    except OSError:
        return
    mine, stamps = [], []
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
        elif item.name.startswith(STAMP_PREFIX) and item.name.endswith(SUFFIX):
            stamps.append((info.st_mtime, item.path))
        elif item.name.startswith(PREFIX) and item.name.endswith(".pickle"):
            _unlink(Path(item.path))  # the old format: never read again
        elif item.name.startswith(TEMP_PREFIX) and now - info.st_mtime > STALE_TEMP_SECONDS:
            _unlink(Path(item.path))
    mine.sort(reverse=True)
    stamps.sort(reverse=True)
    for _, old in [*mine[KEEP:], *stamps[KEEP * 4 :]]:
        if old != str(keep):
            _unlink(Path(old))


def _unlink(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


# ----------------------------------------------------------------------------- the format
#
# A file is lines of `<checksum> <json>`: first a header (format, count, the length of each
# entry's line, so that none has to be searched for), then the catalog's organizations,
# goals, vocabulary, entry summaries, notices and exchange rates, then one line per entry in
# the order of the summaries, each in its plain form (`certadvise.catalog.plain`).


def _line(value: Any) -> bytes:
    raw = _json(value)
    return blake2b(raw, digest_size=DIGEST).hexdigest().encode() + b" " + raw + b"\n"


def _json(value: Any) -> bytes:
    if isinstance(value, bytes):  # JSON already
        return value
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return text.encode("utf-8")


def _encode(catalog: Catalog) -> Iterator[bytes]:
    """The cache file's lines. Each entry's JSON is made first (a value JSON cannot hold
    raises here); its line is made as it is written, so the file is never held whole in
    memory beside the entries (half a gigabyte for 100,000)."""
    summaries = list(catalog.summaries.values())
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
        plain = [_json(entries.plain(s.id)) for s in summaries]
    else:
        plain = [_json(to_plain(entries[s.id])) for s in summaries]
    lengths = [2 * DIGEST + 2 + len(raw) for raw in plain]  # checksum, space, JSON, newline
    head = {"format": FORMAT, "entries": len(plain), "lengths": lengths}
    first = [_line(head), _line(meta)]
    return chain(first, (_line(raw) for raw in plain))


def _payloads(data: bytes) -> Iterator[bytes]:
    """Each line's JSON, after its checksum is checked."""
    lines = data.split(b"\n")
    if lines[-1] != b"":
        raise ValueError("truncated")
    for line in lines[:-1]:
        yield _checked(line)


def _checked(line: bytes) -> bytes:
    """A line's JSON, once its checksum holds (ValueError when it does not)."""
    checksum, _, payload = line.partition(b" ")
    if blake2b(payload, digest_size=DIGEST).hexdigest().encode() != checksum:
        raise ValueError("a checksum does not match")
    return payload


def _decode(data: bytes, on_damage: Callable[[], Mapping[str, Any]]) -> Catalog:
    """The catalog in `data`. The header and the catalog's shared parts are checked here;
    each entry's line when the entry is first built (most never are: `compare` builds two),
    and a line that fails then is damage like any other (the catalog is read from YAML).
    Entries stay where they are in `data`, found by their lengths (no copy, no search)."""
    if not data.endswith(b"\n"):
        raise ValueError("truncated")
    first = data.index(b"\n")
    second = data.index(b"\n", first + 1)
    head = json.loads(_checked(data[:first]))
    if not isinstance(head, dict) or head.get("format") != FORMAT:
        raise ValueError("another format")
    lengths = head.get("lengths")
    if not isinstance(lengths, list) or len(lengths) != head.get("entries"):
        raise ValueError("entries are missing")
    if not all(type(n) is int and n > 0 for n in lengths) or sum(lengths) != len(data) - second - 1:
        raise ValueError("entries are missing")
    meta = json.loads(_checked(data[first + 1 : second]))
    organizations, goals, vocabulary, summaries, notices, rates = meta
    orgs = [build(Organization, o) for o in organizations]
    goal_list = [build(Goal, g) for g in goals]
    summary_list = [build(Summary, s) for s in summaries]
    ends = list(accumulate(lengths, initial=second + 1))  # each line, found by its length

    def line(place: tuple[int, int]) -> bytes:
        start, end = place
        return _checked(data[start : end - 1])  # its checksum checks what it holds

    places = pairwise(ends)
    return Catalog(
        PlainEntries(dict(zip((s.id for s in summary_list), places, strict=True)), on_damage, line),
        {o.id: o for o in orgs},
        {g.id: g for g in goal_list},
        build(Vocabulary, vocabulary),
        summaries={s.id: s for s in summary_list},
        notices=tuple(str(notice) for notice in notices),
        rates=None if rates is None else build(Rates, rates),
    )
