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
import dataclasses
import datetime as dt
import json
import os
import stat
import sys
import time
import types
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from enum import Enum
from hashlib import blake2b
from pathlib import Path
from typing import Any

from certadvise import __version__
from certadvise.catalog.index import Catalog, Summary
from certadvise.catalog.loading import load_catalog
from certadvise.catalog.models import Certification, Goal, Organization, Vocabulary

FORMAT = 3  # the layout of a cache file; files of another format are simply rebuilt
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


def fingerprint(dirs: Sequence[Path]) -> str:
    """A key hashed from the bytes of every catalog file and of certadvise's models.

    Content, not size and time: `touch -r`, `cp -p` or a one-second clock cannot hide an
    edit. Only regular files are read (a FIFO named `*.yaml` is left to the loader, which
    refuses it), each bounded like the loader's reads.
    """
    from certadvise.catalog.yamlsource import MAX_BYTES

    digest = blake2b(digest_size=DIGEST)
    here = Path(__file__).parent
    digest.update(f"{FORMAT}|{__version__}|{sys.version_info[:2]}\0".encode())
    for model_file in (here / "models.py", here / "index.py", here.parent / "levels.py"):
        digest.update(model_file.read_bytes())
    for folder in dirs:
        digest.update(b"\0dir\0" + os.fsencode(folder.resolve()))
        for path in sorted(_yaml_files(os.fsencode(folder))):
            digest.update(b"\0file\0" + path + b"\0")
            digest.update(_bounded_bytes(path, MAX_BYTES + 1))
    return digest.hexdigest()


def _yaml_files(folder: bytes) -> Iterator[bytes]:
    """Every `*.yaml` below `folder`, through symbolic links too (each folder once)."""
    stack, seen = [folder], set()
    while stack:
        try:
            with os.scandir(stack.pop()) as found:
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


def _bounded_bytes(path: bytes, most: int) -> bytes:
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


# ----------------------------------------------------------------------------- load


def load(dirs: Sequence[Path], explain: Explain | None = None) -> Catalog:
    """The catalog of `dirs`, from the cache when it is current, else loaded and cached.

    `explain` hears why a cache was ignored (for `--debug`); nothing else changes.
    """
    say = explain or (lambda _: None)
    if os.environ.get(DISABLE_VAR):
        return load_catalog(dirs)
    try:
        key = fingerprint(dirs)
        folder = _private_folder(cache_dir(), say)
    except OSError as exc:
        say(f"cache not used: {exc}")
        return load_catalog(dirs)
    if folder is None:
        return load_catalog(dirs)
    path = folder / f"{PREFIX}{key}{SUFFIX}"
    cached = _read(path, say)
    if cached is not None:
        return cached
    catalog = load_catalog(dirs)  # an invalid catalog raises, and is never cached
    try:
        if fingerprint(dirs) != key:  # a file changed while it was read: do not cache a mix
            say("cache not written: a catalog file changed while it was read")
            return catalog
    except OSError:
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


def _read(path: Path, say: Explain) -> Catalog | None:
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
        catalog = _decode(data)
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
# organizations, goals, vocabulary and entry summaries, then one line per entry in the
# order of the summaries. A dataclass is stored as the list of its fields' values, in field
# order; enums by value, dates as ISO text, tuples as lists.


def _line(value: Any) -> bytes:
    payload = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    raw = payload.encode("utf-8")
    return blake2b(raw, digest_size=DIGEST).hexdigest().encode() + b" " + raw + b"\n"


def _encode(catalog: Catalog) -> bytes:
    summaries = list(catalog.summaries.values())
    head = {"format": FORMAT, "entries": len(summaries)}
    meta = [
        [_plain(o) for o in catalog.organizations.values()],
        [_plain(g) for g in catalog.goals.values()],
        _plain(catalog.vocabulary),
        [_plain(s) for s in summaries],
    ]
    lines = [_line(head), _line(meta)]
    lines += [_line(_plain(catalog.entries[s.id])) for s in summaries]
    return b"".join(lines)


def _plain(value: Any) -> Any:
    """A model as JSON data: dataclasses and named tuples as lists of their fields."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (str, int, float)) or value is None:
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [_plain(getattr(value, name)) for name in _names(type(value))]
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot store a {type(value).__name__}")


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


def _decode(data: bytes) -> Catalog:
    payloads = list(_payloads(data))
    head = json.loads(payloads[0])
    if not isinstance(head, dict) or head.get("format") != FORMAT:
        raise ValueError("another format")
    if head.get("entries") != len(payloads) - 2:
        raise ValueError("entries are missing")
    organizations, goals, vocabulary, summaries = json.loads(payloads[1])
    orgs = [_build(Organization, o) for o in organizations]
    goal_list = [_build(Goal, g) for g in goals]
    summary_list = [_build(Summary, s) for s in summaries]
    return Catalog(
        StoredEntries(dict(zip((s.id for s in summary_list), payloads[2:], strict=True))),
        {o.id: o for o in orgs},
        {g.id: g for g in goal_list},
        _build(Vocabulary, vocabulary),
        summaries={s.id: s for s in summary_list},
    )


class StoredEntries(Mapping[str, Certification]):
    """Entries kept as checked JSON, each built into its model the first time it is asked for.

    A large catalog is mostly entries a command never looks at (`compare` reads two, and
    `recommend` only those that serve the person's goals): they stay bytes.
    """

    def __init__(self, payloads: dict[str, bytes]) -> None:
        self._payloads = payloads
        self._built: dict[str, Certification] = {}

    def __getitem__(self, key: str) -> Certification:
        entry = self._built.get(key)
        if entry is None:
            entry = self._built[key] = _build(Certification, json.loads(self._payloads[key]))
        return entry

    def __contains__(self, key: object) -> bool:
        return key in self._payloads

    def __iter__(self) -> Iterator[str]:
        return iter(self._payloads)

    def __len__(self) -> int:
        return len(self._payloads)


# ----------------------------------------------------------------------------- rebuilding
#
# Rebuilding runs no code from the file: for each model class a small builder function is
# written once from the class's own type hints (never from stored data), so that building
# an entry costs a few attribute stores per object instead of a loop of generic calls.

Convert = Callable[[Any], Any]
_NAMES: dict[type[Any], tuple[str, ...]] = {}
_BUILDERS: dict[type[Any], Convert] = {}


def _names(cls: type[Any]) -> tuple[str, ...]:
    names = _NAMES.get(cls)
    if names is None:
        if dataclasses.is_dataclass(cls):
            names = tuple(f.name for f in dataclasses.fields(cls))
        else:
            names = tuple(cls._fields)
        _NAMES[cls] = names
    return names


def _build(cls: type[Any], values: Any) -> Any:
    """An instance of the dataclass or named tuple `cls` from its stored list of values."""
    builder = _BUILDERS.get(cls) or _builder(cls)
    return builder(values)


def _builder(cls: type[Any]) -> Convert:
    """Write the function that builds `cls` from its stored list of values."""
    hints = typing.get_type_hints(cls)
    names = _names(cls)
    scope: dict[str, Any] = {"cls": cls, "new": object.__new__, "ValueError": ValueError}
    fields = [_expression(hints[name], f"v[{i}]", scope) for i, name in enumerate(names)]
    if dataclasses.is_dataclass(cls):  # frozen: values go straight into __dict__
        pairs = ", ".join(f"{n!r}: {e}" for n, e in zip(names, fields, strict=True))
        body = ["o = new(cls)", f"o.__dict__.update({{{pairs}}})", "return o"]
    else:
        body = [f"return cls({', '.join(fields)})"]
    source = (
        "def build(v):\n"
        f"    if type(v) is not list or len(v) != {len(names)}:\n"
        f"        raise ValueError('a stored {cls.__name__} has the wrong shape')\n"
        + "".join(f"    {line}\n" for line in body)
    )
    exec(source, scope)  # code written above from the model's type hints, never from data
    builder: Convert = scope["build"]
    _BUILDERS[cls] = builder
    return builder


def _expression(hint: Any, value: str, scope: dict[str, Any]) -> str:
    """Python text that turns the JSON form `value` of a `hint`-typed value into it."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Annotated:
        return _expression(args[0], value, scope)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) != 1:
            return value
        converted = _expression(inner[0], value, scope)
        return value if converted == value else f"(None if {value} is None else {converted})"
    if origin is tuple:
        each = _expression(args[0], "x", scope)
        return f"tuple({value})" if each == "x" else f"tuple([{each} for x in {value}])"
    if origin is dict:
        each = _expression(args[1], "y", scope)
        return f"dict({value})" if each == "y" else f"{{k: {each} for k, y in {value}.items()}}"
    if isinstance(hint, type) and (
        dataclasses.is_dataclass(hint) or issubclass(hint, (tuple, Enum)) or hint is dt.date
    ):
        name = f"c{len(scope)}"
        if dataclasses.is_dataclass(hint) or issubclass(hint, tuple):
            scope[name] = _BUILDERS.get(hint) or _builder(hint)  # models nest without loops
        elif hint is dt.date:
            scope[name] = dt.date.fromisoformat
        else:
            scope[name] = hint
        return f"{name}({value})"
    return value
