"""Find catalog folders, load and validate them, and resolve names against them.

A catalog folder holds `goals.yaml`, `organizations.yaml`, `vocabulary.yaml` (all
optional in overlays) and one `<org>/<ID>.yaml` file per certification. Folders are
layered: the built-in catalog first, then `CERTADVISE_CATALOG`, then `--catalog`;
an entry with the same id replaces the earlier one. Every problem in every file is
collected and reported at once as a CatalogError.
"""

from __future__ import annotations

import contextlib
import difflib
import gc
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from certadvise.errors import AmbiguousNameError, CatalogError, UnknownNameError
from certadvise.models import (
    Certification,
    CredentialClass,
    Goal,
    Organization,
    Retirement,
    Status,
    Term,
    Vocabulary,
)

ENV_VAR = "CERTADVISE_CATALOG"
CLASS_PREFIX = "class:"
SPECIAL_FILES = ("goals.yaml", "organizations.yaml", "vocabulary.yaml")

if TYPE_CHECKING:
    from certadvise import yamlsource

M = TypeVar("M")


def builtin_dir() -> Path:
    """The catalog that ships inside the package."""
    installed = Path(__file__).with_name("builtin_catalog")
    if installed.is_dir():  # a normal install: no need to ask importlib.resources
        return installed
    from importlib.resources import files

    return Path(str(files("certadvise.builtin_catalog")))  # an editable install


def catalog_dirs(extra: Sequence[Path] = (), environ: dict[str, str] | None = None) -> list[Path]:
    """Built-in folder, then the environment's folders, then `extra`, in layering order."""
    env = (os.environ if environ is None else environ).get(ENV_VAR, "")
    from_env = [Path(part) for part in env.split(os.pathsep) if part]
    return [builtin_dir(), *from_env, *extra]


def name_key(name: str) -> str:
    """How names are compared: case, spaces, dashes and dots do not matter."""
    return re.sub(r"[^A-Z0-9]", "", name.upper())


def phrase_key(text: str) -> str:
    """How goal and vocabulary phrases are compared: lower-case words."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


class Summary(NamedTuple):
    """What is known of an entry without reading all of it: enough to index and to filter."""

    id: str
    name: str
    organization: str
    kind: str
    status: Status
    retired: Retirement | None
    category: str
    goals: tuple[str, ...]
    accreditation: tuple[str, ...]
    aliases: tuple[str, ...]
    former_names: tuple[str, ...]

    @classmethod
    def of(cls, entry: Certification) -> Summary:
        bodies = entry.accreditation.bodies if entry.accreditation else ()
        return cls(
            entry.id,
            entry.name,
            entry.organization,
            entry.kind,
            entry.status,
            entry.retired,
            entry.category,
            entry.goals,
            bodies,
            entry.aliases,
            entry.former_names,
        )


@dataclass
class Catalog:
    """A validated catalog with its indexes.

    `entries` may be a lazy mapping (a cached catalog reads an entry when it is first
    asked for); `summaries` answers the questions every entry is asked.
    """

    entries: Mapping[str, Certification]
    organizations: dict[str, Organization]
    goals: dict[str, Goal]
    vocabulary: Vocabulary
    files: dict[str, Path] = field(default_factory=dict)
    summaries: dict[str, Summary] = field(default_factory=dict)
    _names: dict[str, set[str]] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if not self.summaries:
            self.summaries = {key: Summary.of(self.entries[key]) for key in sorted(self.entries)}

    @property
    def names(self) -> dict[str, set[str]]:
        """Every name (by its key) to the ids that answer to it; built on first use."""
        if self._names is None:
            self._names = {}
            for summary in self.summaries.values():
                for name in self.names_of(summary):
                    self._names.setdefault(name_key(name), set()).add(summary.id)
        return self._names

    @staticmethod
    def names_of(entry: Certification | Summary) -> list[str]:
        """Every name an entry answers to: id, aliases, former names, org-prefixed id."""
        names = [entry.id, *entry.aliases, *entry.former_names]
        if not name_key(entry.id).startswith(name_key(entry.organization)):
            names.append(f"{entry.organization}-{entry.id}")
        return names

    @property
    def certifications(self) -> list[Certification]:
        """Every entry, sorted by id (a lazy catalog reads them all)."""
        return [self.entries[key] for key in self.summaries]

    def resolve(self, name: str) -> Certification:
        """The entry a name means; ambiguous and unknown names raise with help."""
        ids = self.names.get(name_key(name), set())
        if len(ids) == 1:
            return self.entries[next(iter(ids))]
        if ids:
            raise AmbiguousNameError("certification", name, sorted(ids))
        raise UnknownNameError("certification", name, self.suggest(name))

    def suggest(self, name: str) -> list[str]:
        """Closest ids to a misspelt name."""
        by_key: dict[str, str] = {}
        for summary in self.summaries.values():
            for alias in self.names_of(summary):
                by_key.setdefault(name_key(alias), summary.id)
        close = difflib.get_close_matches(name_key(name), list(by_key), n=6, cutoff=0.6)
        return list(dict.fromkeys(by_key[key] for key in close))[:3]

    def resolve_goal(self, text: str) -> Goal:
        """A goal id, or a phrase ('coach college athletes') that maps onto one."""
        wanted = phrase_key(text)
        matches: dict[str, int] = {}
        for goal in self.goals.values():
            for phrase in (goal.id.replace("-", " "), goal.name, *goal.synonyms):
                key = phrase_key(phrase)
                if key == wanted:
                    return goal
                if key and re.search(rf"\b{re.escape(key)}\b", wanted):
                    matches[goal.id] = max(matches.get(goal.id, 0), len(key))
        if matches:
            best = max(matches.values())
            winners = sorted(gid for gid, size in matches.items() if size == best)
            if len(winners) == 1:
                return self.goals[winners[0]]
            raise AmbiguousNameError("goal", text, winners)
        close = difflib.get_close_matches(wanted, [g.replace("-", " ") for g in self.goals], n=3)
        suggestions = [c.replace(" ", "-") for c in close]
        raise UnknownNameError("goal", text, suggestions, choices=sorted(self.goals))

    def resolve_organization(self, name: str) -> str:
        """An organization id, case-insensitively ('nsca' -> 'NSCA')."""
        by_key = {name_key(org): org for org in self.organizations}
        found = by_key.get(name_key(name))
        if found is None:
            close = difflib.get_close_matches(name_key(name), list(by_key), n=3)
            raise UnknownNameError(
                "organization", name, [by_key[c] for c in close], choices=sorted(self.organizations)
            )
        return found

    def resolve_term(self, kind: str, terms: Iterable[Term], text: str) -> Term:
        """A vocabulary term (degree field, kind of hours) by id, name or synonym."""
        terms = list(terms)
        wanted = phrase_key(text)
        for term in terms:
            if wanted in {phrase_key(p) for p in (term.id, term.name, *term.synonyms)}:
                return term
        ids = [t.id for t in terms]
        close = difflib.get_close_matches(text.lower(), ids, n=3)
        raise UnknownNameError(kind, text, close, choices=ids)

    def credential_class(self, ref: str) -> CredentialClass | None:
        """The class a `class:<id>` reference names, if it is one."""
        if not ref.startswith(CLASS_PREFIX):
            return None
        wanted = ref.removeprefix(CLASS_PREFIX)
        return next((c for c in self.vocabulary.credential_classes if c.id == wanted), None)

    def describe_requirement(self, ref: str) -> str:
        """A credential reference in words."""
        cls = self.credential_class(ref)
        return cls.name if cls else ref

    def satisfies(self, held: str, ref: str) -> bool:
        """Whether holding credential `held` (an id) meets requirement `ref`."""
        cls = self.credential_class(ref)
        if cls is None:
            return held == ref
        summary = self.summaries.get(held)
        if summary is None or summary.category != cls.category:
            return False
        return cls.accreditation is None or cls.accreditation in summary.accreditation

    def members_of(self, ref: str) -> list[Certification]:
        """Catalog entries that meet a credential requirement."""
        return [self.entries[key] for key in self.summaries if self.satisfies(key, ref)]


# --------------------------------------------------------------------------- loading


@dataclass
class _Loader:
    """Collects problems across files while building a Catalog."""

    problems: list[str] = field(default_factory=list)

    def problem(self, path: Path, line: int, where: str, message: str) -> None:
        location = f"{path}:{line}" if line else str(path)
        self.problems.append(
            f"{location}: {where}: {message}" if where else f"{location}: {message}"
        )

    def document(self, path: Path) -> yamlsource.Document | None:
        from certadvise import yamlsource

        try:
            return yamlsource.load(path)
        except yamlsource.YamlProblem as exc:
            self.problem(path, exc.line, "", exc.message)
            return None

    def model(
        self,
        cls: type[M],
        data: Any,
        path: Path,
        doc: yamlsource.Document,
        prefix: tuple[str | int, ...] = (),
    ) -> M | None:
        from certadvise import validation

        try:
            return validation.validate(cls, data)
        except validation.ValidationError as exc:
            for problem in validation.problems(exc):
                loc = (*prefix, *problem.loc)
                where = ".".join(str(part) for part in loc)
                self.problem(path, doc.line_of(loc), where, problem.message)
            return None

    def records(self, cls: type[M], path: Path, key: str) -> list[M]:
        """A `key:` list of records from a vocabulary-style file."""
        doc = self.document(path)
        if doc is None:
            return []
        if not isinstance(doc.data, dict) or not isinstance(doc.data.get(key), list):
            self.problem(path, 1, key, f"expected a mapping with a `{key}:` list")
            return []
        found = [
            self.model(cls, item, path, doc, (key, index))
            for index, item in enumerate(doc.data[key])
        ]
        return [item for item in found if item is not None]


class _Lines:
    """Line numbers of a catalog file, read again only when a problem needs them."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._doc: yamlsource.Document | None = None

    def line_of(self, loc: tuple[str | int, ...]) -> int:
        from certadvise import yamlsource

        if self._doc is None:
            try:
                self._doc = yamlsource.load(self.path)
            except yamlsource.YamlProblem:
                return 1
        return self._doc.line_of(loc)


@contextlib.contextmanager
def _without_gc() -> Iterator[None]:
    """Building many objects at once: the cyclic collector would only slow it down."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_catalog(dirs: Sequence[Path]) -> Catalog:
    """Load and validate catalog folders; raise CatalogError listing every problem."""
    with _without_gc():
        return _load_catalog(dirs)


def _load_catalog(dirs: Sequence[Path]) -> Catalog:
    loader = _Loader()
    goals: dict[str, Goal] = {}
    organizations: dict[str, Organization] = {}
    vocab_parts: dict[str, dict[str, Any]] = {}
    entries: dict[str, Certification] = {}
    where: dict[str, Path] = {}

    for folder in dirs:
        if not folder.is_dir():
            loader.problem(folder, 0, "", "catalog folder does not exist")
            continue
        if (folder / "goals.yaml").exists():
            goals.update((g.id, g) for g in loader.records(Goal, folder / "goals.yaml", "goals"))
        if (folder / "organizations.yaml").exists():
            organizations.update(
                (o.id, o)
                for o in loader.records(
                    Organization, folder / "organizations.yaml", "organizations"
                )
            )
        if (folder / "vocabulary.yaml").exists():
            _merge_vocabulary(loader, folder / "vocabulary.yaml", vocab_parts)
        seen_here: dict[str, Path] = {}
        paths = list(_entry_files(folder))
        if not paths and not any((folder / name).exists() for name in SPECIAL_FILES):
            loader.problem(folder, 0, "", "catalog folder holds no YAML files")
        for path, entry, problems in _read_entries(paths):
            loader.problems += problems
            if entry is None:
                continue
            if entry.id in seen_here:
                loader.problem(
                    path,
                    _Lines(path).line_of(("id",)),
                    "id",
                    f"{entry.id} is also defined in {seen_here[entry.id]}",
                )
                continue
            seen_here[entry.id] = path
            entries[entry.id] = entry
            where[entry.id] = path

    vocabulary = Vocabulary(
        categories=tuple(vocab_parts.get("categories", {}).values()),
        degree_fields=tuple(vocab_parts.get("degree_fields", {}).values()),
        hour_kinds=tuple(vocab_parts.get("hour_kinds", {}).values()),
        credential_classes=tuple(vocab_parts.get("credential_classes", {}).values()),
    )
    catalog = Catalog(entries, organizations, goals, vocabulary, where)
    lines = {entry_id: _Lines(path) for entry_id, path in where.items()}
    for entry_id, entry in entries.items():
        _cross_check(loader, catalog, entry, where[entry_id], lines[entry_id])
    _check_names(loader, catalog, lines)
    _check_loops(loader, catalog, lines)
    if loader.problems:
        raise CatalogError(loader.problems)
    return catalog


def _entry_files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*.yaml")):
        if path.parent == folder and path.name in SPECIAL_FILES:
            continue
        yield path


EntryResult = tuple[Path, Certification | None, list[str]]
PARALLEL_FROM = 2000  # files; below this a pool of processes costs more than it saves


def _read_entries(paths: list[Path]) -> list[EntryResult]:
    """Parse and validate entry files, on every core for large catalogs, in file order."""
    workers = min(os.cpu_count() or 1, 8)
    if len(paths) < PARALLEL_FROM or workers < 2:
        return _read_chunk(paths)
    import concurrent.futures
    import multiprocessing

    size = -(-len(paths) // (workers * 4))
    chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    try:
        with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context) as pool:
            return [item for chunk in pool.map(_read_chunk, chunks) for item in chunk]
    except (OSError, concurrent.futures.process.BrokenProcessPool):
        return _read_chunk(paths)  # no processes here (a sandbox): one core it is


def _read_chunk(paths: list[Path]) -> list[EntryResult]:
    loader = _Loader()
    found = []
    with _without_gc():
        for path in paths:
            before = len(loader.problems)
            entry, _ = _load_entry(loader, path)
            found.append((path, entry, loader.problems[before:]))
    return found


def _load_entry(
    loader: _Loader, path: Path
) -> tuple[Certification | None, yamlsource.Document | None]:
    doc = loader.document(path)
    if doc is None:
        return None, None
    if not isinstance(doc.data, dict):
        loader.problem(path, 1, "", "expected a mapping of fields (id:, name:, ...)")
        return None, None
    entry = loader.model(Certification, doc.data, path, doc)
    if entry is not None and entry.id != path.stem:
        loader.problem(
            path,
            doc.line_of(("id",)),
            "id",
            f"id {entry.id} does not match the file name {path.name}",
        )
    return entry, doc


def _merge_vocabulary(loader: _Loader, path: Path, parts: dict[str, dict[str, Any]]) -> None:
    kinds: dict[str, type[Any]] = {
        "categories": Term,
        "degree_fields": Term,
        "hour_kinds": Term,
        "credential_classes": CredentialClass,
    }
    doc = loader.document(path)
    if doc is None:
        return
    if not isinstance(doc.data, dict):
        loader.problem(path, 1, "", "expected a mapping of vocabulary lists")
        return
    for key, value in doc.data.items():
        if key not in kinds:
            loader.problem(path, doc.line_of((key,)), key, "unknown field")
            continue
        if not isinstance(value, list):
            loader.problem(path, doc.line_of((key,)), key, "expected a list")
            continue
        for index, item in enumerate(value):
            term = loader.model(kinds[key], item, path, doc, (key, index))
            if term is not None:
                parts.setdefault(key, {})[getattr(term, "id")] = term  # noqa: B009


def _cross_check(
    loader: _Loader, catalog: Catalog, entry: Certification, path: Path, doc: _Lines
) -> None:
    """References from one entry to the rest of the catalog."""

    def bad(loc: tuple[str | int, ...], message: str) -> None:
        loader.problem(path, doc.line_of(loc), ".".join(map(str, loc)), message)

    vocab = catalog.vocabulary
    if entry.organization not in catalog.organizations:
        bad(("organization",), f"unknown organization {entry.organization!r}")
    if entry.category not in {c.id for c in vocab.categories}:
        bad(("category",), f"unknown category {entry.category!r}")
    for index, goal in enumerate(entry.goals):
        if goal not in catalog.goals:
            bad(("goals", index), f"unknown goal {goal!r}")
    for index, advice in enumerate(entry.advice):
        for goal in advice.goals:
            if goal not in catalog.goals:
                bad(("advice", index, "goals"), f"unknown goal {goal!r}")
    keys = [s.key for s in entry.sources]
    for key in {k for k in keys if keys.count(k) > 1}:
        bad(("sources",), f"source key {key!r} is used twice")
    for loc, key in _cited_sources(entry):
        if entry.source(key) is None:
            bad(loc, f"cites source {key!r}, which is not in `sources`")
    fields = {t.id for t in vocab.degree_fields}
    hour_kinds = {t.id for t in vocab.hour_kinds}
    prereq = entry.prerequisites
    for r, route in enumerate(prereq.routes if prereq else ()):
        base = ("prerequisites", "routes", r)
        for name in route.fields:
            if name not in fields:
                bad((*base, "fields"), f"unknown degree field {name!r}")
        for kind in (*route.hours, *route.years):
            if kind not in hour_kinds:
                bad((*base, "hours"), f"unknown kind of experience {kind!r}")
        for ref in (*route.credentials, *route.credentials_any):
            _check_ref(catalog, ref, lambda m, b=base: bad((*b, "credentials"), m))
    for r, rec in enumerate(prereq.recommended if prereq else ()):
        for ref in rec.credentials_any:
            _check_ref(catalog, ref, lambda m, r=r: bad(("prerequisites", "recommended", r), m))
    if entry.retired and entry.retired.successor and entry.retired.successor not in catalog.entries:
        bad(("retired", "successor"), f"unknown certification {entry.retired.successor!r}")


def _check_ref(catalog: Catalog, ref: str, bad: Any) -> None:
    if ref.startswith(CLASS_PREFIX):
        if catalog.credential_class(ref) is None:
            bad(f"unknown credential class {ref!r}")
    elif ref not in catalog.entries:
        bad(f"unknown certification {ref!r}")


def _cited_sources(entry: Certification) -> Iterator[tuple[tuple[str | int, ...], str]]:
    for name in ("prerequisites", "cost", "exam", "accreditation", "recertification", "retired"):
        group = getattr(entry, name)
        if group is not None:
            yield (name, "source"), group.source
    if entry.cost:
        for index, tier in enumerate(entry.cost.tiers):
            if tier.source:
                yield ("cost", "tiers", index, "source"), tier.source
    for list_name in ("pass_rates", "rule_changes", "advice"):
        for index, item in enumerate(getattr(entry, list_name)):
            yield (list_name, index, "source"), item.source


def _check_names(loader: _Loader, catalog: Catalog, docs: dict[str, _Lines]) -> None:
    """An alias may be shared (then it is ambiguous), but never shadow another id."""
    ids = {name_key(i): i for i in catalog.entries}
    for entry in catalog.certifications:
        for alias in (*entry.aliases, *entry.former_names):
            owner = ids.get(name_key(alias))
            if owner and owner != entry.id:
                loader.problem(
                    catalog.files[entry.id],
                    docs[entry.id].line_of(("aliases",)),
                    "aliases",
                    f"{alias!r} is the id of {owner}",
                )


def _check_loops(loader: _Loader, catalog: Catalog, docs: dict[str, _Lines]) -> None:
    """Required credentials must not lead back to the certification that needs them."""

    def needs(entry_id: str) -> set[str]:
        entry = catalog.entries[entry_id]
        routes = entry.prerequisites.routes if entry.prerequisites else ()
        # A loop only traps a person when every route needs the next certification.
        required: set[str] | None = None
        for route in routes:
            refs = {r for r in (*route.credentials, *route.credentials_any) if r in catalog.entries}
            if len(route.credentials_any) > 1:
                refs -= set(route.credentials_any)
            required = refs if required is None else required & refs
        return required or set()

    graph = {entry_id: sorted(needs(entry_id)) for entry_id in sorted(catalog.entries)}
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
                loader.problem(
                    catalog.files[nxt],
                    docs[nxt].line_of(("prerequisites",)),
                    "prerequisites",
                    "requirement loop: " + " -> ".join(cycle),
                )
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(graph[nxt]))
