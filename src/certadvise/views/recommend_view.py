"""Reports for `recommend`: recommended now, later, near misses, excluded, and `--why`."""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Hashable, Sequence
from typing import Any, Generic, TypeVar

from certadvise.advice.costs import Ownership, Quote
from certadvise.advice.judgement import Judgement
from certadvise.advice.plans import Plan, Step
from certadvise.advice.ranking import ORDER, Component, Evaluation, Recommendations, Section
from certadvise.advice.rules import Outcome, Verdict
from certadvise.catalog.models import Certification, Source
from certadvise.render.report import Column, Page, Report, SharedDocument, SharedList
from certadvise.views import (
    cost_document,
    ownership_document,
    page,
    price_for_people,
    source_document,
    step_document,
    step_for_people,
)

LATER_SHOWN = 5  # rows of the "later" table unless --all


def reasons(ev: Evaluation, market_given: bool = True) -> list[str]:
    """Why it is recommended: the scoring reasons, strongest first, then what it meets.

    Being recognized in the assumed market (US) tells nobody anything: it is said only when
    the person named a country.
    """
    scored = sorted(
        (c for c in ev.components if c.points > 0 and (market_given or c.name != "market")),
        key=lambda c: -c.points,
    )
    held = [v.reason for v in ev.verdicts if v.rule == "already-held" and not v.failed]
    met = [v.reason for v in ev.verdicts if v.rule == "prerequisites" and v.outcome is Outcome.PASS]
    return held + [c.reason for c in scored] + met


def warnings(ev: Evaluation) -> list[str]:
    return ev.warnings + list(ev.quote.notes)


def _plan(ev: Evaluation) -> Plan:
    assert ev.plan is not None
    return ev.plan


T = TypeVar("T")


class _Shared(Generic[T]):
    """Documents a batch's people share, each made once: under a key holding the ids of
    the objects it was made from, which are kept beside it (so that their ids cannot pass
    to another object while it is kept). At most `_KEPT` of a kind; then it starts over."""

    def __init__(self) -> None:
        self._kept: dict[Hashable, tuple[tuple[object, ...], T]] = {}

    def get(self, key: Hashable, made_from: tuple[object, ...], make: Callable[[], T]) -> T:
        found = self._kept.get(key)  # the key holds their ids: as many as `made_from`
        if found is not None and all(map(operator.is_, found[0], made_from)):
            return found[1]
        if len(self._kept) >= _KEPT:
            self._kept.clear()
        value = make()
        self._kept[key] = (made_from, value)
        return value

    def of(self, made_from: Any, make: Callable[[Any], T]) -> T:
        """What `make(made_from)` gave, kept by that one object (found without building a
        key: a batch asks it for every entry each person leaves out)."""
        found = self._kept.get(id(made_from))
        if found is not None and found[0][0] is made_from:
            return found[1]
        return self.get(id(made_from), (made_from,), lambda: make(made_from))


_KEPT = 1 << 14  # shared documents kept at most, of each kind (a batch's)
_LATER: _Shared[SharedDocument] = _Shared()
_COSTS: _Shared[SharedDocument] = _Shared()
_OWNERSHIP: _Shared[SharedDocument] = _Shared()
_EXCLUDED: _Shared[SharedList] = _Shared()
_LEFT_OUT: _Shared[dict[str, Any]] = _Shared()  # by the Evaluation of an entry left out


def recommendation_document(
    rank: int, ev: Evaluation, ownership: Ownership | None, judged: Judgement
) -> dict[str, Any]:
    fit = judged.market_fit(ev.entry)
    return {
        "rank": rank,
        "id": ev.entry.id,
        "name": ev.entry.name,
        "organization": ev.entry.organization,
        "score": ev.score,
        "cost": _shared_cost(ev.quote, judged),
        "steps": [_step_document(s) for s in _plan(ev).short_steps],
        "reasons": reasons(ev, judged.profile.country is not None),
        "warnings": warnings(ev),
        "total_cost": _shared_ownership(ownership),
        "score_components": _score_components(tuple(ev.components)),
        "sources": _sources(ev),
        "market": {"standing": fit.standing, "reason": fit.reason},
    }


@functools.lru_cache(maxsize=1 << 14)  # people with the same goals are scored alike
def _score_components(components: tuple[Component, ...]) -> SharedList:
    return SharedList({"name": c.name, "points": c.points, "reason": c.reason} for c in components)


def _shared_cost(quote: Quote, judged: Judgement) -> dict[str, Any]:
    """The way in: the same quote, read on the same day at the same rates and in the same
    words, is one document for a batch's people, written once."""
    text = price_for_people(quote, judged)
    key = (id(quote), judged.today, judged.converter.month, text)
    return _COSTS.get(key, (quote,), lambda: SharedDocument(cost_document(quote, judged)))


def _shared_ownership(ownership: Ownership | None) -> dict[str, Any] | None:
    """What holding it costs: the same for a batch's people with the same memberships and
    student standing (one `Ownership`), so one document, written once."""
    if ownership is None:
        return None
    return _OWNERSHIP.get(
        id(ownership), (ownership,), lambda: SharedDocument(ownership_document(ownership) or {})
    )


@functools.lru_cache(maxsize=1 << 14)  # a batch's people share their plans, so their steps
def _step_document(step: Step) -> SharedDocument:
    return SharedDocument(step_document(step))


def _sources(ev: Evaluation) -> list[dict[str, Any]]:
    entry = ev.entry
    return _sources_document(entry.sources) if isinstance(entry, Certification) else []


@functools.lru_cache(maxsize=1 << 12)  # every person shown the entry is shown its sources
def _sources_document(sources: tuple[Source, ...]) -> SharedList:
    return SharedList(source_document(s) for s in sources)


def later_document(ev: Evaluation, judged: Judgement) -> dict[str, Any]:
    """What comes later and why. A batch's people share their plans: the same plan, with
    the same reasons, warnings and cost as the person reads it, is one document, written
    once (the "later" section is nearly half of an answer)."""
    plan = _plan(ev)
    cost = judged.plan_cost(plan)
    key = (id(plan), id(ev.entry), tuple(ev.later_reasons), tuple(warnings(ev)), cost)
    return _LATER.get(
        key, (plan, ev.entry), lambda: SharedDocument(_later_document(ev, plan, cost))
    )


def _later_document(ev: Evaluation, plan: Plan, cost: str) -> dict[str, Any]:
    return {
        "id": ev.entry.id,
        "name": ev.entry.name,
        "organization": ev.entry.organization,
        "steps": [_step_document(s) for s in plan.steps],
        "total_cost": {
            "minimum_usd": plan.known_usd,
            "complete": plan.complete,
            "text": cost,  # as the table says it
        },
        "months": round(plan.months, 2),
        "time": plan.time_text,
        "route": plan.route,
        "reasons": ev.later_reasons,
        "warnings": warnings(ev),
        "sources": _sources(ev),
    }


def near_miss_document(ev: Evaluation, judged: Judgement) -> dict[str, Any]:
    return {
        "id": ev.entry.id,
        "name": ev.entry.name,
        "organization": ev.entry.organization,
        "cost_now_usd": ev.cost_now_usd,
        "over_by_usd": ev.over_by_usd,
        "cost_now": ev.cost_now_in(judged),  # as the person reads them
        "over_by": ev.over_by_in(judged),
    }


def excluded_document(ev: Evaluation) -> dict[str, Any]:
    """Why an entry is left out. Over a budget, by an amount of the person's own: a
    document of theirs; otherwise the same as others of a batch are told, written once."""
    if ev.over_by_usd is not None:
        return {**_why_left_out(ev.entry.id, ev.verdicts), "over_by_usd": ev.over_by_usd}
    return _shared_why_left_out(ev.entry.id, ev.verdicts)


def _why_left_out(cert_id: str, verdicts: tuple[Verdict, ...]) -> dict[str, Any]:
    failed = [v for v in verdicts if v.failed]
    return {"id": cert_id, "reasons": [v.reason for v in failed], "rules": [v.rule for v in failed]}


@functools.lru_cache(maxsize=1 << 14)  # most people of a batch leave out the same, as others do
def _shared_why_left_out(cert_id: str, verdicts: tuple[Verdict, ...]) -> SharedDocument:
    return SharedDocument(_why_left_out(cert_id, verdicts))


def _excluded_documents(excluded: Sequence[Evaluation]) -> list[dict[str, Any]]:
    """Why each is left out. An entry left out for what it is (no plan: retired, off the
    goals) is one Evaluation for everyone of a batch with the same goals: its document is
    found by it (kept beside it, so that its id stays its own)."""
    return [
        _LEFT_OUT.of(ev, excluded_document) if ev.plan is None else excluded_document(ev)
        for ev in excluded
    ]


def _excluded_list(documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The list of what is left out: people with the same goals leave out the same, for
    the same reasons, so a list of shared documents is itself shared (written once); one
    with a document of the person's own (over their budget) is theirs, written from the
    shared documents' texts."""
    if not all(type(d) is SharedDocument for d in documents):
        return SharedList(documents)
    key = tuple(map(id, documents))  # the list kept holds them: their ids stay theirs
    return _EXCLUDED.get(key, (), lambda: SharedList(documents))


class Answer:
    """What `recommend` says to programs: a record for each recommendation shown, its row
    (csv, tsv and the tables) and the JSON document. Rows and document are made when first
    asked for: the document lists every entry, and each format needs only one of them. A
    plain class: a dataclass is compiled when `recommend` starts."""

    __slots__ = ("_make_rows", "_rows", "document", "records", "shown")

    def __init__(
        self,
        shown: tuple[Evaluation, ...],
        records: list[dict[str, Any]],
        rows: Callable[[], list[dict[str, Any]]],
        document: Callable[[], dict[str, Any]],
    ) -> None:
        self.shown, self.records, self.document = shown, records, document
        self._make_rows = rows
        self._rows: list[dict[str, Any]] | None = None

    @property
    def rows(self) -> list[dict[str, Any]]:
        if self._rows is None:
            self._rows = self._make_rows()
        return self._rows


def recommend_answer(result: Recommendations, top: int | None) -> Answer:
    """The records, rows and document of the `top` recommendations (all with None)."""
    shown = result.ranked if top is None else result.ranked[:top]
    records = [
        recommendation_document(rank, ev, result.ownership(ev), result.judged)
        for rank, ev in enumerate(shown, start=1)
    ]

    def rows() -> list[dict[str, Any]]:
        return [
            {
                **doc,
                "minimum_usd": doc["cost"]["minimum_usd"],
                "cost_verified": doc["cost"]["verified"],
                "cost_now": price_for_people(ev.quote, result.judged),
                "to_do": "; ".join(
                    step_for_people(s, result.judged) for s in _plan(ev).short_steps
                ),
                "why": "; ".join(doc["reasons"][:3]),
                "holding": (doc["total_cost"] or {}).get("text"),
            }
            for doc, ev in zip(records, shown, strict=True)
        ]

    def document() -> dict[str, Any]:
        return {
            "profile": result.profile.as_document(),
            "assumptions": list(result.assumptions_for((*shown, *result.later))),
            "ordered_by": list(ORDER),
            "messages": list(result.messages),
            "recommendations": records,
            "later": [later_document(ev, result.judged) for ev in result.later],
            "not_shown": [ev.entry.id for ev in result.ranked[len(shown) :]],
            "excluded": _excluded_list(_excluded_documents(result.excluded)),
            "near_misses": [near_miss_document(ev, result.judged) for ev in result.near_misses],
        }

    return Answer(shown, records, rows, document)


def recommend_report(
    result: Recommendations,
    top: int | None,
    show_excluded: bool,
    show_all_later: bool = False,
    show_holding: bool = False,
) -> Report:
    """The three sections (and what was left out); `show_holding` adds what holding each
    recommendation costs over `result.judged.years` (asked for with --years)."""
    answer = recommend_answer(result, top)
    shown, rows = answer.shown, answer.rows
    any_to_do = any(row["to_do"] for row in rows)
    columns = _columns(any_to_do, result.judged.years if show_holding else None)
    later = result.later if show_all_later else result.later[:LATER_SHOWN]
    assumed = result.assumptions_for((*shown, *later))

    notes = [f"assumption: {a}" for a in assumed]
    notes += [f"warning: {ev.entry.id}: {w}" for ev in shown for w in warnings(ev)]
    notes += [  # dated rule changes matter most to what comes later
        f"warning: {ev.entry.id}: {v.reason}"
        for ev in result.later[: None if show_all_later else LATER_SHOWN]
        for v in ev.verdicts
        if v.rule == "rule-change"
    ]
    if len(shown) < len(result.ranked):
        notes.append(
            f"{len(result.ranked) - len(shown)} more in reach: use --all or --top N to see them"
        )
    if len(later) < len(result.later):
        notes.append(f"{len(result.later) - len(later)} more for later: use --all to see them")
    extra = [_later_report(later, result.judged), _near_miss_report(result)]
    if show_excluded:
        extra.append(_excluded_report(result))
    more_rows: list[dict[str, Any]] = []
    if show_excluded:  # csv and tsv: every row says what it is; later, then excluded, follow
        columns.insert(1, Column("status", "Status", for_people=False))
        rows = [{**row, "status": "recommended"} for row in rows]
        more_rows = [
            {
                "status": status,
                "id": ev.entry.id,
                "name": ev.entry.name,
                "organization": ev.entry.organization,
                "reasons": ev.later_reasons if status == "later" else ev.failures,
            }
            for status, evs in (("later", result.later), ("excluded", result.excluded))
            for ev in evs
        ]
    return Report(
        columns,
        rows,
        answer.document,
        records=answer.records,
        notes=notes,
        preface=list(result.messages),
        extra=extra,
        title="Recommended now",
        more_rows=more_rows,
        page=recommend_page(result, shown, show_all_later),
    )


def recommend_page(
    result: Recommendations, shown: Sequence[Evaluation], show_all_later: bool = False
) -> Page:
    """The page of an answer: for whom, on what day, what was assumed for what it shows."""
    later = result.later if show_all_later else result.later[:LATER_SHOWN]
    return page(
        "recommend",
        "Certification advice",
        today=result.judged.today,
        entries=(ev.entry for ev in (*shown, *result.later)),
        profile=result.profile,
        assumptions=result.assumptions_for((*shown, *later)),
        reader=result.judged.reader,
    )


def _columns(any_to_do: bool, holding_years: int | None) -> list[Column]:
    """The columns of "Recommended now"; `holding_years` adds what holding each costs."""
    return [
        Column("rank", "#", no_wrap=True),
        Column("id", "ID", no_wrap=True),
        Column("name", "Name"),
        Column("organization", "Org", no_wrap=True),
        Column("score", "Score", for_people=False),
        Column("minimum_usd", "Minimum USD", for_people=False),
        Column("cost_verified", "Cost verified", for_people=False),
        Column("cost_now", "Cost now", for_programs=False),
        *([Column("to_do", "To do first", for_programs=False)] if any_to_do else []),
        *(
            [Column("holding", f"Holding {holding_years} years", for_programs=False)]
            if holding_years is not None
            else []
        ),
        Column("why", "Why", for_programs=False),
        Column("reasons", "Reasons", for_people=False),
        Column("warnings", "Warnings", for_people=False),
    ]


def program_keys() -> list[str]:
    """The columns `recommend -f csv` writes (without --show-excluded), in order."""
    return [c.key for c in _columns(False, None) if c.for_programs]


def _later_report(later: tuple[Evaluation, ...], judged: Judgement) -> Report:
    rows = []
    for ev in later:
        plan = _plan(ev)
        rows.append(
            {
                "id": ev.entry.id,
                "name": ev.entry.name,
                "first": "; ".join(step_for_people(s, judged) for s in plan.long_steps),
                "time": plan.time_text,
                "total": judged.plan_cost(plan),
            }
        )
    columns = [
        Column("id", "ID", no_wrap=True),
        Column("name", "Name"),
        Column("first", "First"),
        Column("time", "Time", no_wrap=True),
        Column("total", "Total cost"),
    ]
    return Report(columns, rows, None, title="Later: what to aim for next")


def _near_miss_report(result: Recommendations) -> Report:
    rows = [
        {
            "id": ev.entry.id,
            "name": ev.entry.name,
            "cost": ev.cost_now_in(result.judged),
            "over": ev.over_by_in(result.judged),
        }
        for ev in result.near_misses
    ]
    columns = [
        Column("id", "ID", no_wrap=True),
        Column("name", "Name"),
        Column("cost", "Cost now", no_wrap=True),
        Column("over", "Over budget by", no_wrap=True),
    ]
    return Report(columns, rows, None, title="Near misses: over your budget")


def _excluded_report(result: Recommendations) -> Report:
    rows = [{"id": ev.entry.id, "reasons": "; ".join(ev.failures)} for ev in result.excluded]
    return Report(
        [Column("id", "ID", no_wrap=True), Column("reasons", "Why not")],
        rows,
        None,
        title="Excluded",
    )


def why_report(result: Recommendations, ev: Evaluation) -> Report:
    """Every rule that fired for one certification, its steps, and every point of its score."""
    rank = next(
        (i for i, r in enumerate(result.ranked, start=1) if r.entry.id == ev.entry.id), None
    )
    steps = ev.plan.before_exam if ev.plan is not None else ()
    rows: list[dict[str, Any]] = [
        {"step": v.rule, "outcome": v.outcome.value, "points": None, "reason": v.reason}
        for v in ev.verdicts
    ]
    rows += [
        {
            "step": f"step: {s.kind}",
            "outcome": "step",
            "points": None,
            "reason": step_for_people(s, result.judged),
        }
        for s in steps
    ]
    rows += [
        {"step": f"score: {c.name}", "outcome": "score", "points": c.points, "reason": c.reason}
        for c in ev.components
    ]
    columns = [
        Column("step", "Rule", no_wrap=True),
        Column("outcome", "Outcome", no_wrap=True),
        Column("points", "Points", lambda p: "" if p is None else f"{p:+g}", no_wrap=True),
        Column("reason", "Reason"),
    ]
    if ev.section is Section.RECOMMENDED:
        verdict = f"recommended, #{rank} of {len(result.ranked)}, score {ev.score:g}"
    elif ev.section is Section.LATER:
        verdict = "later: " + "; ".join(ev.later_reasons)
    else:
        verdict = "excluded: " + "; ".join(ev.failures)
    gaps = ev.plan.gaps if ev.plan is not None else ()
    assumed = result.assumptions_for((ev,))
    document = {
        "id": ev.entry.id,
        "section": ev.section.value,
        "eligible": ev.eligible,
        "rank": rank,
        "score": ev.score if ev.eligible else None,
        "cost": cost_document(ev.quote, result.judged),
        "verdicts": [
            {"rule": v.rule, "outcome": v.outcome.value, "reason": v.reason} for v in ev.verdicts
        ],
        "gaps": [{"kind": g.kind.value, "need": g.need, "have": g.have} for g in gaps],
        "steps": [step_document(s) for s in steps],
        "score_components": _score_components(tuple(ev.components)),
        "assumptions": list(assumed),
    }
    return Report(
        columns,
        rows,
        document,
        title=f"{ev.entry.id}: {verdict}",
        notes=[f"assumption: {a}" for a in assumed],
        id_key="step",
        ids=[ev.entry.id],
    )
