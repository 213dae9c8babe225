"""The catalog: where its folders are, its entries and indexes, and name resolution.

Folders are layered: the built-in catalog first, then `CERTADVISE_CATALOG`, then
`--catalog`; an entry with the same id replaces the earlier one. Reading and validating
them is `certadvise.catalog.loading`'s job.
"""

from __future__ import annotations

import difflib
import functools
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from certadvise.catalog.models import (
    Certification,
    CredentialClass,
    Goal,
    Organization,
    Rates,
    Retirement,
    Status,
    Term,
    Vocabulary,
)
from certadvise.errors import AmbiguousNameError, UnknownNameError

ENV_VAR = "CERTADVISE_CATALOG"
CLASS_PREFIX = "class:"
SPECIAL_FILES = ("goals.yaml", "organizations.yaml", "vocabulary.yaml", "rates.yaml")


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


@functools.lru_cache(maxsize=4096)  # pure, and asked for the same names for every person
def name_key(name: str) -> str:
    """How names are compared: case, spaces, dashes and dots do not matter."""
    return re.sub(r"[^A-Z0-9]", "", name.upper())


@functools.lru_cache(maxsize=4096)
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
    markets: tuple[str, ...] = ()
    counts_as: tuple[str, ...] = ()

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
            entry.markets,
            entry.counts_as,
        )


PURSUED_KINDS = ("certification", "licence")  # the kinds a requirement is met by earning
REMEMBERED_PAIRS = 65_536  # answers of satisfies and resolve_goal a catalog keeps, at most


@dataclass
class Catalog:
    """A validated catalog with its indexes.

    `entries` may be a lazy mapping (the cache decodes an entry when it is first asked
    for); `summaries` answers the questions every entry is asked.
    """

    entries: Mapping[str, Certification]
    organizations: dict[str, Organization]
    goals: dict[str, Goal]
    vocabulary: Vocabulary
    files: dict[str, Path] = field(default_factory=dict)
    summaries: dict[str, Summary] = field(default_factory=dict)
    notices: tuple[str, ...] = ()  # overlay entries that replace or patch an earlier one
    rates: Rates | None = None  # exchange rates for budgets in other currencies
    _names: dict[str, set[str]] | None = field(default=None, repr=False)
    _classes: dict[str, CredentialClass] | None = field(default=None, repr=False)
    _satisfied: dict[tuple[str, str], bool] = field(default_factory=dict, repr=False, compare=False)
    _goals_read: dict[str, Goal] = field(default_factory=dict, repr=False, compare=False)
    _meeting: dict[tuple[str, ...], tuple[tuple[Summary, int], ...]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _local: dict[tuple[str, int], dict[str, list[str]]] = field(
        default_factory=dict, repr=False, compare=False
    )

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
        if name in self.summaries:  # a canonical id: no need to index every name
            return self.entries[name]
        ids = self.names.get(name_key(name), set())
        if len(ids) == 1:
            return self.entries[next(iter(ids))]
        if ids:
            raise AmbiguousNameError("certification", name, sorted(ids))
        raise UnknownNameError("certification", name, self.suggest(name))

    def suggest(self, name: str) -> list[str]:
        """Closest ids to a misspelt name; for an organization's name ('NASM'), its own
        certifications, personal-trainer ones first."""
        org = next((o for o in self.organizations if name_key(o) == name_key(name)), None)
        if org is not None:
            own = [
                s
                for s in self.summaries.values()
                if s.organization == org and s.kind == "certification" and s.status is Status.ACTIVE
            ]
            own.sort(key=lambda s: (s.category != "foundational-cpt", s.id))
            if own:
                return [s.id for s in own[:3]]
        by_key: dict[str, str] = {}
        for summary in self.summaries.values():
            for alias in self.names_of(summary):
                by_key.setdefault(name_key(alias), summary.id)
        close = difflib.get_close_matches(name_key(name), list(by_key), n=6, cutoff=0.6)
        return list(dict.fromkeys(by_key[key] for key in close))[:3]

    def resolve_goal(self, text: str) -> Goal:
        """A goal id, or a phrase ('coach college athletes') that maps onto one; each
        phrase read once (a batch's people ask for the same goals)."""
        found = self._goals_read.get(text)
        if found is None:
            found = self._resolve_goal(text)
            if len(self._goals_read) < REMEMBERED_PAIRS:
                self._goals_read[text] = found
        return found

    def _resolve_goal(self, text: str) -> Goal:
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
        if self._classes is None:
            self._classes = {c.id: c for c in self.vocabulary.credential_classes}
        return self._classes.get(ref.removeprefix(CLASS_PREFIX))

    def describe_requirement(self, ref: str) -> str:
        """A credential reference in words."""
        cls = self.credential_class(ref)
        return cls.name if cls else ref

    def satisfies(self, held: str, ref: str) -> bool:
        """Whether holding credential `held` (an id) meets requirement `ref`: the same id,
        one it counts as (BLS counts as CPR-AED, never the reverse), or a class it is in.
        Remembered for the first REMEMBERED_PAIRS pairs: the catalog does not change, and
        every person of a batch asks the same (a huge catalog is not held twice over)."""
        key = (held, ref)
        found = self._satisfied.get(key)
        if found is None:
            found = self._satisfies(held, ref)
            if len(self._satisfied) < REMEMBERED_PAIRS:
                self._satisfied[key] = found
        return found

    def meeting(self, refs: tuple[str, ...]) -> tuple[tuple[Summary, int], ...]:
        """The active certifications and licences that meet one of `refs`, each with the
        index of the first it meets; worked out once (every person of a batch asks)."""
        if refs not in self._meeting:
            found = []
            for summary in self.summaries.values():
                if summary.status is not Status.ACTIVE or summary.kind not in PURSUED_KINDS:
                    continue
                order = next((i for i, r in enumerate(refs) if self.satisfies(summary.id, r)), None)
                if order is not None:
                    found.append((summary, order))
            self._meeting[refs] = tuple(found)
        return self._meeting[refs]

    def local_by_goal(self, market: str, most: int) -> dict[str, list[str]]:
        """Up to `most` active certifications recognized in `market` serving each goal, by
        id, the market's own first (its home market), and among those the ones whose main
        purpose the goal is (UKSCA-ASCC before BASES for athletes in GB; both before the
        CSCS, recognized there too); worked out once for each market (every person of a
        batch asks)."""
        key = (market, most)
        if key not in self._local:
            found: dict[str, list[Summary]] = {}
            for summary in self.summaries.values():  # summaries: no entry is read
                local = market in summary.markets and summary.kind == "certification"
                if local and summary.status is Status.ACTIVE:
                    for goal in summary.goals:
                        found.setdefault(goal, []).append(summary)
            self._local[key] = {
                goal: [
                    s.id
                    for s in sorted(
                        serving, key=lambda s: (s.markets[0] != market, s.goals[0] != goal)
                    )[:most]
                ]
                for goal, serving in found.items()
            }
        return self._local[key]

    def _satisfies(self, held: str, ref: str) -> bool:
        cls = self.credential_class(ref)
        summary = self.summaries.get(held)
        if cls is None:
            return held == ref or (summary is not None and ref in summary.counts_as)
        if summary is None or summary.kind == "prerequisite":
            return False
        if held in cls.ids:
            return True
        if cls.kind is not None and summary.kind != cls.kind:
            return False
        if cls.category is None and cls.accreditation is None:
            return cls.kind is not None  # a class of named members only
        if cls.category is not None and summary.category != cls.category:
            return False
        return cls.accreditation is None or cls.accreditation in summary.accreditation
