"""Read and validate catalog folders, collecting every problem before failing once.

A folder holds `goals.yaml`, `organizations.yaml`, `vocabulary.yaml` (each optional in an
overlay) and one `<org>/<ID>.yaml` file per certification. Entry files are independent, so
they are parsed, validated and checked against the vocabulary in parallel for large
catalogs; each comes back as its summary, its model in plain form (lists of builtins, quick
to pass between processes: `certadvise.catalog.plain`) and its references to other
entries, which are checked once every id is known (unknown ids, shadowing aliases, loops).
Line numbers are looked up only for problems. The catalog it returns builds each model on
first use; it knows nothing of caching or storage.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import signal
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from certadvise.catalog.countries import COUNTRY_CODES
from certadvise.catalog.index import (
    CLASS_PREFIX,
    SPECIAL_FILES,
    Catalog,
    Summary,
    name_key,
    phrase_key,
)
from certadvise.catalog.models import (
    INTERNATIONAL,
    Certification,
    CredentialClass,
    Goal,
    Organization,
    Rates,
    Term,
    UnitTerm,
    Vocabulary,
)
from certadvise.catalog.plain import PlainEntries, build, plain_json
from certadvise.errors import CatalogError

if TYPE_CHECKING:
    from certadvise.catalog import yamlsource

M = TypeVar("M")
Loc = tuple[str | int, ...]
PARALLEL_FROM = 500  # entry files; below this a pool of processes costs more than it saves


@dataclass
class _Problems:
    """Problems across files, each as `file:line: field: message`."""

    found: list[str] = field(default_factory=list)

    def add(self, path: Path, line: int, where: str, message: str) -> None:
        location = f"{path}:{line}" if line else str(path)
        self.found.append(f"{location}: {where}: {message}" if where else f"{location}: {message}")

    def document(self, path: Path) -> yamlsource.Document | None:
        from certadvise.catalog import yamlsource

        try:
            return yamlsource.load(path)
        except yamlsource.YamlProblem as exc:
            self.add(path, exc.line, "", exc.message)
            return None

    def model(self, cls: type[M], data: Any, path: Path, doc: Any, prefix: Loc = ()) -> M | None:
        """`data` validated as `cls`, or None with its problems recorded."""
        from certadvise.catalog import validation

        try:
            return validation.validate(cls, data)
        except validation.ValidationError as exc:
            for problem in validation.problems(exc):
                loc = (*prefix, *problem.loc)
                self.add(path, doc.line_of(loc), ".".join(map(str, loc)), problem.message)
            return None

    def records(self, cls: type[M], path: Path, key: str) -> list[M]:
        """A `key:` list of records from a vocabulary-style file."""
        doc = self.document(path)
        if doc is None:
            return []
        if not isinstance(doc.data, dict) or not isinstance(doc.data.get(key), list):
            self.add(path, 1, key, f"expected a mapping with a `{key}:` list")
            return []
        found = [self.model(cls, item, path, doc, (key, i)) for i, item in enumerate(doc.data[key])]
        return [item for item in found if item is not None]


class _Lines:
    """Line numbers of a file, read again only when a problem needs one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._doc: yamlsource.Document | None = None

    def line_of(self, loc: Loc) -> int:
        from certadvise.catalog import yamlsource

        if self._doc is None:
            try:
                self._doc = yamlsource.load(self.path)
            except yamlsource.YamlProblem:
                return 1
        return self._doc.line_of(loc)


@contextlib.contextmanager
def without_gc() -> Iterator[None]:
    """Building many objects at once: the cyclic collector would only slow it down."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass(frozen=True)
class Known:
    """The vocabulary an entry is checked against on its own (no other entry needed)."""

    organizations: frozenset[str]
    categories: frozenset[str]
    goals: frozenset[str]
    degree_fields: frozenset[str]
    hour_kinds: frozenset[str]
    classes: frozenset[str]


@dataclass(frozen=True)
class ReadEntry:
    """One entry file, read: what the rest of loading needs to know about it."""

    path: Path
    summary: Summary | None = None
    plain: bytes = b""  # the entry in plain form, as JSON
    references: tuple[tuple[Loc, str], ...] = ()  # other entries it names, and where
    requires: frozenset[str] = frozenset()  # what every route needs (for loops)
    problems: tuple[str, ...] = ()
    patch: dict[str, Any] | None = None  # an `extends: ID` file: applied once the base is known


def load_catalog(dirs: Sequence[Path]) -> Catalog:
    """Load and validate catalog folders; raise CatalogError listing every problem."""
    with without_gc():
        return _load(dirs)


def _load(dirs: Sequence[Path]) -> Catalog:
    problems = _Problems()
    goals: dict[str, Goal] = {}
    organizations: dict[str, Organization] = {}
    vocab: dict[str, dict[str, Any]] = {}
    rates: Rates | None = None
    folders = []
    for folder in dirs:
        if not folder.is_dir():
            problems.add(folder, 0, "", "catalog folder does not exist")
            continue
        folders.append(folder)
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
    known = Known(
        frozenset(organizations),
        frozenset(t.id for t in vocabulary.categories),
        frozenset(goals),
        frozenset(t.id for t in vocabulary.degree_fields),
        frozenset(t.id for t in vocabulary.hour_kinds),
        frozenset(c.id for c in vocabulary.credential_classes),
    )
    entries: dict[str, ReadEntry] = {}
    notices: list[str] = []
    for folder in folders:
        paths = list(_entry_files(folder))
        if not paths and not any((folder / name).exists() for name in SPECIAL_FILES):
            problems.add(folder, 0, "", "catalog folder holds no YAML files")
        seen_here: dict[str, Path] = {}
        for read in _read_entries(paths, known):
            problems.found += read.problems
            if read.patch is not None:
                read = _apply_patch(read, entries, known, problems)
                notices += [f"{read.summary.id}: patched by {read.path}"] if read.summary else []
            if read.summary is None:
                continue
            cert_id = read.summary.id
            if cert_id in seen_here:
                message = f"{cert_id} is also defined in {seen_here[cert_id]}"
                problems.add(read.path, _Lines(read.path).line_of(("id",)), "id", message)
                continue
            seen_here[cert_id] = read.path
            earlier = entries.get(cert_id)
            if earlier is not None and read.patch is None:
                notices.append(f"{cert_id}: {read.path} replaces {earlier.path} whole")
            entries[cert_id] = read  # a later folder replaces an earlier one
    _check_references(problems, entries)
    _check_class_members(problems, vocabulary, entries, folders)
    _check_names(problems, entries)
    _check_same_names(problems, entries)
    _check_loops(problems, entries)
    if problems.found:
        raise CatalogError(problems.found)
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


def _read_rates(problems: _Problems, path: Path) -> Rates | None:
    """`rates.yaml`: one `rates:` mapping of dated exchange rates (a later folder's wins)."""
    doc = problems.document(path)
    if doc is None:
        return None
    if not isinstance(doc.data, dict) or not isinstance(doc.data.get("rates"), dict):
        problems.add(path, 1, "rates", "expected a mapping with a `rates:` mapping")
        return None
    return problems.model(Rates, doc.data["rates"], path, doc, ("rates",))


def _check_class_members(
    problems: _Problems,
    vocabulary: Vocabulary,
    entries: dict[str, ReadEntry],
    folders: Sequence[Path],
) -> None:
    """A credential class names only certifications the catalog holds."""
    for cls in vocabulary.credential_classes:
        for member in cls.ids:
            if member not in entries:
                where = next(
                    (
                        f / "vocabulary.yaml"
                        for f in reversed(folders)
                        if (f / "vocabulary.yaml").exists()
                    ),
                    Path("vocabulary.yaml"),
                )
                problems.add(
                    where,
                    0,
                    f"credential_classes.{cls.id}.ids",
                    f"unknown certification {member!r}",
                )


def _entry_files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*.yaml")):
        if path.parent == folder and path.name in SPECIAL_FILES:
            continue
        yield path


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
            workers, mp_context=context, initializer=_ignore_interrupts
        ) as pool:
            results = pool.map(_read_chunk, chunks, [known] * len(chunks))
            return [read for chunk in results for read in chunk]
    except (OSError, concurrent.futures.process.BrokenProcessPool):
        return _read_chunk(paths, known)  # no processes here (a sandbox): one core it is


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the main process, which reports it once (no worker tracebacks)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _read_chunk(paths: list[Path], known: Known) -> list[ReadEntry]:
    with without_gc():
        return [_read_entry(path, known) for path in paths]


def _read_entry(path: Path, known: Known) -> ReadEntry:
    """Parse, validate and check one entry file against the vocabulary."""
    problems = _Problems()
    doc = problems.document(path)
    if doc is None:
        return ReadEntry(path, problems=tuple(problems.found))
    if not isinstance(doc.data, dict):
        problems.add(path, 1, "", "expected a mapping of fields (id:, name:, ...)")
        return ReadEntry(path, problems=tuple(problems.found))
    if PATCH_KEY in doc.data:
        return _read_patch(path, doc, problems)
    entry = problems.model(Certification, doc.data, path, doc)
    if entry is None:
        return ReadEntry(path, problems=tuple(problems.found))
    return _finish_entry(entry, path, doc, known, problems)


def _finish_entry(
    entry: Certification, path: Path, lines: Any, known: Known, problems: _Problems
) -> ReadEntry:
    """Check a validated entry against its file name and the vocabulary."""
    if entry.id != path.stem:
        message = f"id {entry.id} does not match the file name {path.name}"
        problems.add(path, lines.line_of(("id",)), "id", message)

    def bad(loc: Loc, message: str) -> None:
        problems.add(path, lines.line_of(loc), ".".join(map(str, loc)), message)

    references = _check_entry(entry, known, bad)
    return ReadEntry(
        path,
        Summary.of(entry),
        plain_json(entry),
        tuple(references),
        _required(entry),
        tuple(problems.found),
    )


PATCH_KEY = "extends"


def _read_patch(path: Path, doc: Any, problems: _Problems) -> ReadEntry:
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


def merge_patch(base: Any, patch: Any, key: str | None = None) -> Any:
    """`patch` over `base`: mappings merge field by field, `sources` by source key (a new
    key is added, a known one replaced), anything else is replaced whole (lists too)."""
    if isinstance(base, dict) and isinstance(patch, dict):
        merged = dict(base)
        for name, value in patch.items():
            merged[name] = merge_patch(base.get(name), value, name) if name in base else value
        return merged
    if key == "sources" and isinstance(base, list) and isinstance(patch, list):
        by_key = {s.get("key"): s for s in base if isinstance(s, dict)}
        for source in patch:
            if isinstance(source, dict):
                by_key[source.get("key")] = source
        return list(by_key.values())
    return patch


def _apply_patch(
    read: ReadEntry, entries: dict[str, ReadEntry], known: Known, problems: _Problems
) -> ReadEntry:
    """Merge a patch file over the entry an earlier folder defines, and check the result."""
    from certadvise.catalog.models import to_jsonable

    target = read.path.stem
    lines = _Lines(read.path)
    base = entries.get(target)
    if base is None:
        message = f"extends {target}, which no earlier catalog folder defines"
        problems.add(read.path, lines.line_of((PATCH_KEY,)), PATCH_KEY, message)
        return ReadEntry(read.path)
    data = merge_patch(to_jsonable(build(Certification, json.loads(base.plain))), read.patch)
    entry = problems.model(Certification, data, read.path, lines)
    if entry is None:
        return ReadEntry(read.path)
    finished = _finish_entry(entry, read.path, lines, known, _Problems())
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


Bad = Callable[[Loc, str], None]


def _check_organization(entry: Certification, known: Known, bad: Bad) -> None:
    if entry.organization not in known.organizations:
        bad(("organization",), f"unknown organization {entry.organization!r}")


def _check_category(entry: Certification, known: Known, bad: Bad) -> None:
    if entry.category not in known.categories:
        bad(("category",), f"unknown category {entry.category!r}")


def _check_goals(entry: Certification, known: Known, bad: Bad) -> None:
    for index, goal in enumerate(entry.goals):
        if goal not in known.goals:
            bad(("goals", index), f"unknown goal {goal!r}")
    for index, advice in enumerate(entry.advice):
        for goal in advice.goals:
            if goal not in known.goals:
                bad(("advice", index, "goals"), f"unknown goal {goal!r}")


def _check_sources(entry: Certification, known: Known, bad: Bad) -> None:
    keys = [s.key for s in entry.sources]
    for key in sorted({k for k in keys if keys.count(k) > 1}):
        bad(("sources",), f"source key {key!r} is used twice")
    for loc, key in _cited_sources(entry):
        if entry.source(key) is None:
            bad(loc, f"cites source {key!r}, which is not in `sources`")


def _check_markets(entry: Certification, known: Known, bad: Bad) -> None:
    for index, market in enumerate(entry.markets):
        if market != INTERNATIONAL and market not in COUNTRY_CODES:
            bad(
                ("markets", index),
                f"{market!r} is not an ISO 3166-1 alpha-2 country code (GB, CA) "
                f"or {INTERNATIONAL!r}",
            )
    if len(set(entry.markets)) != len(entry.markets):
        bad(("markets",), "a market is listed twice")


def _check_route_vocabulary(entry: Certification, known: Known, bad: Bad) -> None:
    prereq = entry.prerequisites
    for r, route in enumerate(prereq.routes if prereq else ()):
        base = ("prerequisites", "routes", r)
        for name in route.fields:
            if name not in known.degree_fields:
                bad((*base, "fields"), f"unknown degree field {name!r}")
        for kind in (*route.hours, *route.years):
            if kind not in known.hour_kinds:
                bad((*base, "hours"), f"unknown kind of experience {kind!r}")


def _check_dated_prices(entry: Certification, known: Known, bad: Bad) -> None:
    """Every price says its year: an amount whose source is undated cannot say how old it is."""
    from certadvise.catalog.freshness import source_year

    cost = entry.cost
    if cost is None:
        return
    shared = [a for a in (cost.exam_member, cost.exam_non_member, cost.application_fee) if a]
    shared += [t.price for t in cost.tiers if not t.source]
    cited: list[tuple[Loc, str]] = []
    if shared or cost.not_published:
        cited.append((("cost", "source"), cost.source))
    for index, tier in enumerate(cost.tiers):
        if tier.source:
            cited.append((("cost", "tiers", index, "source"), tier.source))
    for loc, key in cited:
        source = entry.source(key)
        if source is not None and source_year(source.as_of) is None:
            what = "where it was looked" if cost.not_published else "a price"
            bad(loc, f"{what} needs a dated source: {key!r} is {source.as_of!r}")


def _check_recertification(entry: Certification, known: Known, bad: Bad) -> None:
    rec = entry.recertification
    for index, accepted in enumerate(rec.accepts_ce_from if rec else ()):
        for org in accepted.organizations:
            if org not in known.organizations:
                loc = ("recertification", "accepts_ce_from", index, "organizations")
                bad(loc, f"unknown organization {org!r}")


ENTRY_CHECKS: tuple[Callable[[Certification, Known, Bad], None], ...] = (
    _check_organization,
    _check_category,
    _check_goals,
    _check_sources,
    _check_markets,
    _check_route_vocabulary,
    _check_recertification,
    _check_dated_prices,
)
"""The checks one entry needs only the vocabulary for: each reports through `bad`."""


def _check_entry(entry: Certification, known: Known, bad: Bad) -> list[tuple[Loc, str]]:
    """Run every entry check; return the ids the entry names (checked once all are known)."""
    for check in ENTRY_CHECKS:
        check(entry, known, bad)
    references: list[tuple[Loc, str]] = []

    def refer(loc: Loc, ref: str) -> None:
        if not ref.startswith(CLASS_PREFIX):
            references.append((loc, ref))
        elif ref.removeprefix(CLASS_PREFIX) not in known.classes:
            bad(loc, f"unknown credential class {ref!r}")

    prereq = entry.prerequisites
    for r, route in enumerate(prereq.routes if prereq else ()):
        for ref in (*route.credentials, *route.credentials_any):
            refer(("prerequisites", "routes", r, "credentials"), ref)
    for r, rec in enumerate(prereq.recommended if prereq else ()):
        for ref in rec.credentials_any:
            refer(("prerequisites", "recommended", r), ref)
    if entry.retired and entry.retired.successor:
        refer(("retired", "successor"), entry.retired.successor)
    for index, covered in enumerate(entry.covers):
        for ref in covered.ids:
            refer(("covers", index, "ids"), ref)
    for index, ref in enumerate(entry.counts_as):
        refer(("counts_as", index), ref)
    if prereq is not None and prereq.cpr_credential:
        refer(("prerequisites", "cpr_credential"), prereq.cpr_credential)
    return references


def _cited_sources(entry: Certification) -> Iterator[tuple[Loc, str]]:
    for name in (
        "prerequisites",
        "cost",
        "exam",
        "accreditation",
        "recertification",
        "retired",
        "study_hours",
    ):
        group = getattr(entry, name)
        if group is not None:
            yield (name, "source"), group.source
    if entry.markets_source is not None:
        yield ("markets_source",), entry.markets_source
    if entry.cost:
        for index, tier in enumerate(entry.cost.tiers):
            if tier.source:
                yield ("cost", "tiers", index, "source"), tier.source
    for list_name in ("pass_rates", "rule_changes", "advice"):
        for index, item in enumerate(getattr(entry, list_name)):
            yield (list_name, index, "source"), item.source
    for list_name in ("stages", "covers"):
        for index, item in enumerate(getattr(entry, list_name)):
            if item.source:
                yield (list_name, index, "source"), item.source
    for index, conflict in enumerate(entry.conflicts):
        for v, value in enumerate(conflict.values):
            yield ("conflicts", index, "values", v, "source"), value.source
    rec = entry.recertification
    if rec is not None and rec.reinstatement is not None:
        yield ("recertification", "reinstatement", "source"), rec.reinstatement.source
    for index, accepted in enumerate(rec.accepts_ce_from if rec else ()):
        yield ("recertification", "accepts_ce_from", index, "source"), accepted.source


def _required(entry: Certification) -> frozenset[str]:
    """Certifications every route of `entry` needs: the edges a requirement loop runs on."""
    routes = entry.prerequisites.routes if entry.prerequisites else ()
    required: set[str] | None = None
    for route in routes:
        refs = {r for r in route.credentials if not r.startswith(CLASS_PREFIX)}
        if len(route.credentials_any) == 1 and not route.credentials_any[0].startswith(
            CLASS_PREFIX
        ):
            refs.add(route.credentials_any[0])
        required = refs if required is None else required & refs
    return frozenset(required or ())


def _merge_vocabulary(problems: _Problems, path: Path, parts: dict[str, dict[str, Any]]) -> None:
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


def _check_references(problems: _Problems, entries: dict[str, ReadEntry]) -> None:
    for read in entries.values():
        lines = _Lines(read.path)
        for loc, ref in read.references:
            if ref not in entries:
                problems.add(
                    read.path,
                    lines.line_of(loc),
                    ".".join(map(str, loc)),
                    f"unknown certification {ref!r}",
                )


def _check_names(problems: _Problems, entries: dict[str, ReadEntry]) -> None:
    """An alias may be shared (then it is ambiguous), but never shadow another id."""
    ids = {name_key(i): i for i in entries}
    for cert_id in sorted(entries):
        read = entries[cert_id]
        names = (*read.summary.aliases, *read.summary.former_names) if read.summary else ()
        for alias in names:
            owner = ids.get(name_key(alias))
            if owner and owner != cert_id:
                line = _Lines(read.path).line_of(("aliases",))
                problems.add(read.path, line, "aliases", f"{alias!r} is the id of {owner}")


def _check_same_names(problems: _Problems, entries: dict[str, ReadEntry]) -> None:
    """Two entries of one organization with the same name are one credential entered twice."""
    seen: dict[tuple[str, str], str] = {}
    for cert_id in sorted(entries):
        summary = entries[cert_id].summary
        if summary is None:
            continue
        key = (summary.organization, phrase_key(summary.name))
        if key in seen:
            other = seen[key]
            read = entries[cert_id]
            problems.add(
                read.path,
                _Lines(read.path).line_of(("name",)),
                "name",
                f"{cert_id} has the same organization and name as {other} "
                f"({entries[other].path}): one credential entered twice?",
            )
        else:
            seen[key] = cert_id


def _check_loops(problems: _Problems, entries: dict[str, ReadEntry]) -> None:
    """Required credentials must not lead back to the certification that needs them."""
    graph = {
        key: sorted(r for r in entries[key].requires if r in entries) for key in sorted(entries)
    }
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    for root in graph:
        if root in state:
            continue
        state[root] = 1
        path = [root]
        stack = [iter(graph[root])]
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                cycle = [*path[path.index(nxt) :], nxt]
                where = entries[nxt].path
                problems.add(
                    where,
                    _Lines(where).line_of(("prerequisites",)),
                    "prerequisites",
                    "requirement loop: " + " -> ".join(cycle),
                )
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(graph[nxt]))
