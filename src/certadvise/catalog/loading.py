"""Read and validate catalog folders, collecting every problem before failing once.

A folder holds `goals.yaml`, `organizations.yaml`, `vocabulary.yaml`, `rates.yaml` (each
optional in an overlay) and one `<org>/<ID>.yaml` file per certification (found by
`certadvise.catalog.walk`). Entry files are independent, so they are parsed, validated and
checked against the vocabulary (`certadvise.catalog.checks`) in parallel for large
catalogs; each comes back as its summary, its model in plain form (lists of builtins, quick
to pass between processes: `certadvise.catalog.plain`) and its references to other
entries, which are checked once every id is known. Overlay patches are merged in file order
(`certadvise.catalog.patches`). The catalog it returns builds each model on first use; it
knows nothing of caching or storage.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from certadvise.catalog.checks import Known, check_catalog, check_entry, required
from certadvise.catalog.index import SPECIAL_FILES, Catalog, Summary
from certadvise.catalog.models import (
    Certification,
    CredentialClass,
    Goal,
    Organization,
    Rates,
    Term,
    UnitTerm,
    Vocabulary,
)
from certadvise.catalog.patches import PATCH_KEY, patched, read_patch
from certadvise.catalog.plain import PlainEntries, plain_json
from certadvise.catalog.problems import Lines, Loc, Problems, ReadEntry
from certadvise.catalog.walk import Walk, WalkBound, walk
from certadvise.collector import without_gc
from certadvise.errors import CatalogError

PARALLEL_FROM = 500  # entry files; below this a pool of processes costs more than it saves
MAX_SHOWN = 100  # problems listed; past these, one line says how many more there are


def load_catalog(dirs: Sequence[Path]) -> Catalog:
    """Load and validate catalog folders; raise CatalogError listing every problem."""
    with without_gc():
        problems = Problems()
        folders = [folder for folder in dirs if _is_folder(folder, problems)]
        goals, organizations, vocabulary, rates = _read_shared(folders, problems)
        known = Known(
            frozenset(organizations),
            frozenset(t.id for t in vocabulary.categories),
            frozenset(goals),
            frozenset(t.id for t in vocabulary.degree_fields),
            frozenset(t.id for t in vocabulary.hour_kinds),
            frozenset(c.id for c in vocabulary.credential_classes),
        )
        entries, notices = _read_folders(folders, known, problems)
        check_catalog(problems, vocabulary, entries, folders)
        if problems.found:
            raise CatalogError(_shown(problems.found))
        ordered = sorted(entries)
        return Catalog(
            PlainEntries({key: entries[key].plain for key in ordered}),
            organizations,
            goals,
            vocabulary,
            summaries={key: summary for key in ordered if (summary := entries[key].summary)},
            notices=tuple(notices),
            rates=rates,
        )


def _shown(found: list[str]) -> list[str]:
    """The first `MAX_SHOWN` problems, and how many more there are."""
    if len(found) <= MAX_SHOWN:
        return found
    return [*found[:MAX_SHOWN], f"... and {len(found) - MAX_SHOWN:,} more problems not shown"]


def _is_folder(folder: Path, problems: Problems) -> bool:
    try:
        if folder.is_dir():
            return True
    except OSError as exc:  # a name too long, a folder above it that cannot be entered
        problems.add(folder, 0, "", f"catalog folder cannot be read: {exc.strerror or exc}")
        return False
    problems.add(folder, 0, "", "catalog folder does not exist")
    return False


def _read_shared(
    folders: Sequence[Path], problems: Problems
) -> tuple[dict[str, Goal], dict[str, Organization], Vocabulary, Rates | None]:
    """Goals, organizations, vocabulary and exchange rates, a later folder's over an earlier's."""
    goals: dict[str, Goal] = {}
    organizations: dict[str, Organization] = {}
    vocab: dict[str, dict[str, Any]] = {}
    rates: Rates | None = None
    for folder in folders:
        if (folder / "goals.yaml").exists():
            goals.update((g.id, g) for g in problems.records(Goal, folder / "goals.yaml", "goals"))
        if (folder / "organizations.yaml").exists():
            found = problems.records(Organization, folder / "organizations.yaml", "organizations")
            organizations.update((o.id, o) for o in found)
        if (folder / "vocabulary.yaml").exists():
            _merge_vocabulary(problems, folder / "vocabulary.yaml", vocab)
        if (folder / "rates.yaml").exists():
            rates = _read_rates(problems, folder / "rates.yaml") or rates
    vocabulary = Vocabulary(
        categories=tuple(vocab.get("categories", {}).values()),
        degree_fields=tuple(vocab.get("degree_fields", {}).values()),
        hour_kinds=tuple(vocab.get("hour_kinds", {}).values()),
        credential_classes=tuple(vocab.get("credential_classes", {}).values()),
        ce_units=tuple(vocab.get("ce_units", {}).values()),
    )
    return goals, organizations, vocabulary, rates


def _read_folders(
    folders: Sequence[Path], known: Known, problems: Problems
) -> tuple[dict[str, ReadEntry], list[str]]:
    """Every entry by id (a later folder's replaces or patches an earlier's), and notices."""
    entries: dict[str, ReadEntry] = {}
    notices: list[str] = []
    walked: list[tuple[Path, Walk | None]] = []
    for folder in folders:
        try:
            walked.append((folder, walk(folder)))
        except WalkBound as exc:
            walked.append((folder, None))
            problems.found.append(f"{exc} (is {folder} a catalog folder?)")
    every = [Path(path) for _, found in walked if found for path in found.files]
    reads = iter(_read_entries(every, known))  # all at once: one pool of workers
    for folder, found in walked:  # folder by folder, in order: a later one's entries win
        if found is None:
            continue
        problems.found += found.problems
        notices += found.notes
        if not found.files and not any((folder / name).exists() for name in SPECIAL_FILES):
            problems.add(folder, 0, "", "catalog folder holds no YAML files")
        seen_here: dict[str, Path] = {}
        for read in itertools.islice(reads, len(found.files)):
            problems.found += read.problems
            if read.patch is not None:
                read = _apply_patch(read, entries, known, problems)
                notices += [f"{read.summary.id}: patched by {read.path}"] if read.summary else []
            if read.summary is None:
                continue
            cert_id = read.summary.id
            if cert_id in seen_here:
                message = f"{cert_id} is also defined in {seen_here[cert_id]}"
                problems.add(read.path, Lines(read.path).line_of(("id",)), "id", message)
                continue
            seen_here[cert_id] = read.path
            earlier = entries.get(cert_id)
            if earlier is not None and read.patch is None:
                notices.append(f"{cert_id}: {read.path} replaces {earlier.path} whole")
            entries[cert_id] = read  # a later folder replaces an earlier one
    return entries, notices


def _read_rates(problems: Problems, path: Path) -> Rates | None:
    """`rates.yaml`: one `rates:` mapping of dated exchange rates (a later folder's wins)."""
    doc = problems.document(path)
    if doc is None:
        return None
    if not isinstance(doc.data, dict) or not isinstance(doc.data.get("rates"), dict):
        problems.add(path, 1, "rates", "expected a mapping with a `rates:` mapping")
        return None
    return problems.model(Rates, doc.data["rates"], path, doc, ("rates",))


def _merge_vocabulary(problems: Problems, path: Path, parts: dict[str, dict[str, Any]]) -> None:
    kinds: dict[str, type[Any]] = {
        "categories": Term,
        "degree_fields": Term,
        "hour_kinds": Term,
        "credential_classes": CredentialClass,
        "ce_units": UnitTerm,
    }
    doc = problems.document(path)
    if doc is None:
        return
    if not isinstance(doc.data, dict):
        problems.add(path, 1, "", "expected a mapping of vocabulary lists")
        return
    for key, value in doc.data.items():
        if key not in kinds:
            problems.add(path, doc.line_of((key,)), key, "unknown field")
        elif not isinstance(value, list):
            problems.add(path, doc.line_of((key,)), key, "expected a list")
        else:
            for index, item in enumerate(value):
                term = problems.model(kinds[key], item, path, doc, (key, index))
                if term is not None:
                    parts.setdefault(key, {})[term.id] = term


# ----------------------------------------------------------------------------- entry files


def _read_entries(paths: list[Path], known: Known) -> list[ReadEntry]:
    """Read entry files, on every core for large catalogs, in file order."""
    workers = min(os.cpu_count() or 1, 8)
    if len(paths) < PARALLEL_FROM or workers < 2:
        return _read_chunk(paths, known)
    import concurrent.futures
    import multiprocessing

    size = -(-len(paths) // (workers * 4))
    chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    try:
        with concurrent.futures.ProcessPoolExecutor(
            workers, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),)
        ) as pool:
            results = pool.map(_read_chunk, chunks, [known] * len(chunks))
            return [read for chunk in results for read in chunk]
    except (OSError, concurrent.futures.process.BrokenProcessPool):
        return _read_chunk(paths, known)  # no processes here (a sandbox): one core it is


def _start_worker(parent: int) -> None:
    """A worker dies with the process that started it, however that one ends (a KILL too):
    else it would live on, holding the pipe of `certadvise list | wc -l` open. On Linux the
    kernel kills it (PR_SET_PDEATHSIG); elsewhere a thread watches the parent. Ctrl-C is
    left to the main process, which reports it once (no worker tracebacks)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    import threading

    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


_PR_SET_PDEATHSIG = 1


def _watch_parent(parent: int) -> None:
    """End this worker as soon as its parent is gone (also when it died before we looked)."""
    import time

    while os.getppid() == parent:
        time.sleep(0.1)
    os._exit(1)


def _read_chunk(paths: list[Path], known: Known) -> list[ReadEntry]:
    with without_gc():
        return [_read_entry(path, known) for path in paths]


def _read_entry(path: Path, known: Known) -> ReadEntry:
    """Parse, validate and check one entry file against the vocabulary."""
    problems = Problems()
    doc = problems.document(path)
    if doc is None:
        return ReadEntry(path, problems=tuple(problems.found))
    if not isinstance(doc.data, dict):
        problems.add(path, 1, "", "expected a mapping of fields (id:, name:, ...)")
        return ReadEntry(path, problems=tuple(problems.found))
    if PATCH_KEY in doc.data:
        return read_patch(path, doc, problems)
    entry = problems.model(Certification, doc.data, path, doc)
    if entry is None:
        return ReadEntry(path, problems=tuple(problems.found))
    return _finish_entry(entry, path, doc, known, problems)


def _finish_entry(
    entry: Certification, path: Path, lines: Any, known: Known, problems: Problems
) -> ReadEntry:
    """Check a validated entry against its file name and the vocabulary."""
    if entry.id != path.stem:
        message = f"id {entry.id} does not match the file name {path.name}"
        problems.add(path, lines.line_of(("id",)), "id", message)

    def bad(loc: Loc, message: str) -> None:
        problems.add(path, lines.line_of(loc), ".".join(map(str, loc)), message)

    references = check_entry(entry, known, bad)
    return ReadEntry(
        path,
        Summary.of(entry),
        plain_json(entry),
        tuple(references),
        required(entry),
        tuple(problems.found),
    )


def _apply_patch(
    read: ReadEntry, entries: dict[str, ReadEntry], known: Known, problems: Problems
) -> ReadEntry:
    """Merge a patch file over the entry an earlier folder defines, and check the result."""
    entry = patched(read, entries, problems)
    if entry is None:
        return ReadEntry(read.path)
    finished = _finish_entry(entry, read.path, Lines(read.path), known, Problems())
    problems.found += list(finished.problems)
    return ReadEntry(
        read.path,
        finished.summary,
        finished.plain,
        finished.references,
        finished.requires,
        (),
        patch=read.patch,
    )
