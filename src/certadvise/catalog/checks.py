"""The checks a catalog passes beyond its models: each entry against the vocabulary, then
the whole catalog once every id is known (unknown ids, shadowing aliases, twins, loops).

An entry check reports through `bad(loc, message)`; `ENTRY_CHECKS` lists them all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from certadvise.catalog.countries import COUNTRY_CODES
from certadvise.catalog.index import CLASS_PREFIX, name_key, phrase_key
from certadvise.catalog.models import INTERNATIONAL, Certification, Vocabulary
from certadvise.catalog.problems import Lines, Loc, Problems, ReadEntry


@dataclass(frozen=True)
class Known:
    """The vocabulary an entry is checked against on its own (no other entry needed)."""

    organizations: frozenset[str]
    categories: frozenset[str]
    goals: frozenset[str]
    degree_fields: frozenset[str]
    hour_kinds: frozenset[str]
    classes: frozenset[str]


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


def _check_stage_routes(entry: Certification, known: Known, bad: Bad) -> None:
    """A route key names one route, and a stage names only routes the entry has."""
    routes = entry.prerequisites.routes if entry.prerequisites else ()
    keys = [route.key for route in routes]
    for r, key in enumerate(keys):
        if key is not None and key in keys[:r]:
            bad(("prerequisites", "routes", r, "key"), f"route key {key!r} is used twice")
    for index, stage in enumerate(entry.stages):
        for key in stage.routes:
            if key not in keys:
                bad(("stages", index, "routes"), f"no route has the key {key!r}")


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
    _check_stage_routes,
    _check_recertification,
    _check_dated_prices,
)
"""The checks one entry needs only the vocabulary for: each reports through `bad`."""


def check_entry(entry: Certification, known: Known, bad: Bad) -> list[tuple[Loc, str]]:
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
    holders = entry.prerequisites.holders_degree if entry.prerequisites else None
    if holders is not None:
        yield ("prerequisites", "holders_degree", "source"), holders.source
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
    if rec is not None and rec.ce_shared is not None:
        yield ("recertification", "ce_shared", "source"), rec.ce_shared.source


def required(entry: Certification) -> frozenset[str]:
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


def _check_class_members(
    problems: Problems,
    vocabulary: Vocabulary,
    entries: Mapping[str, ReadEntry],
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


def _check_references(problems: Problems, entries: Mapping[str, ReadEntry]) -> None:
    for read in entries.values():
        lines = Lines(read.path)
        for loc, ref in read.references:
            if ref not in entries:
                problems.add(
                    read.path,
                    lines.line_of(loc),
                    ".".join(map(str, loc)),
                    f"unknown certification {ref!r}",
                )


def _check_names(problems: Problems, entries: Mapping[str, ReadEntry]) -> None:
    """An alias may be shared (then it is ambiguous), but never shadow another id."""
    ids = {name_key(i): i for i in entries}
    for cert_id in sorted(entries):
        read = entries[cert_id]
        names = (*read.summary.aliases, *read.summary.former_names) if read.summary else ()
        for alias in names:
            owner = ids.get(name_key(alias))
            if owner and owner != cert_id:
                line = Lines(read.path).line_of(("aliases",))
                problems.add(read.path, line, "aliases", f"{alias!r} is the id of {owner}")


def _check_same_names(problems: Problems, entries: Mapping[str, ReadEntry]) -> None:
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
                Lines(read.path).line_of(("name",)),
                "name",
                f"{cert_id} has the same organization and name as {other} "
                f"({entries[other].path}): one credential entered twice?",
            )
        else:
            seen[key] = cert_id


def _check_loops(problems: Problems, entries: Mapping[str, ReadEntry]) -> None:
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
                    Lines(where).line_of(("prerequisites",)),
                    "prerequisites",
                    "requirement loop: " + " -> ".join(cycle),
                )
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(graph[nxt]))


def check_catalog(
    problems: Problems,
    vocabulary: Vocabulary,
    entries: Mapping[str, ReadEntry],
    folders: Sequence[Path],
) -> None:
    """The checks that need every entry: references, class members, names, loops."""
    _check_references(problems, entries)
    _check_class_members(problems, vocabulary, entries, folders)
    _check_names(problems, entries)
    _check_same_names(problems, entries)
    _check_loops(problems, entries)
