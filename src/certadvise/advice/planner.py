"""The planner: each gap between a person and a certification becomes a step.

`Planner.plan` works out every route of a certification (recursing into the credentials a
route asks for), picks the nearest (time, then unpriced steps, then money) and keeps the
others as alternatives. The target's own steps come last: its exam, the stages of a
qualification earned over months, or (for a credential the person let lapse) the way back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from typing import Any, ClassVar, TypeVar, cast

from certadvise.advice.costs import Quote, cheapest_way_in, yearly_dues
from certadvise.advice.cycles import add_years
from certadvise.advice.gaps import (
    Gap,
    GapKind,
    age_gap,
    base_credential_gap,
    cpr_gap,
    route_gaps,
)
from certadvise.advice.money import Converter, Money
from certadvise.advice.plans import A_DAY, WEEKS_A_MONTH, Plan, Step, StepKind
from certadvise.advice.profile import DIPLOMA_AGE, FINAL_YEAR_MONTHS, Held, Profile
from certadvise.amounts import USD, amount_text
from certadvise.catalog.freshness import is_stale, source_year, tier_named
from certadvise.catalog.index import Catalog
from certadvise.catalog.models import (
    Certification,
    DegreeLevel,
    Route,
    Stage,
    StageKind,
)

HOURS_A_WEEK = 40  # full-time supervised work, for rough durations
# Typical full-time years of study after high school to reach each level (US); rough, and
# only for durations.
YEARS_AFTER_HIGH_SCHOOL = {
    DegreeLevel.HIGH_SCHOOL: 0,
    DegreeLevel.ASSOCIATE: 2,
    DegreeLevel.BACHELOR: 4,
    DegreeLevel.MASTER: 6,
    DegreeLevel.DOCTORATE: 10,
}
STUDY_HOURS_A_WEEK = 6  # the default pace of study beside work (`path --pace`)
SECOND_FIELD_MONTHS = 24  # rough: a second degree or a post-baccalaureate program
ALSO_NAMED = 3  # other credentials that would meet a requirement, named beside the choice
# Stages whose time is the holder's own work (a course, a case study), not a formality.
_STAGE_STEPS = {
    StageKind.ENROLMENT: StepKind.ENROLMENT,
    StageKind.COURSE: StepKind.COURSE,
    StageKind.MEMBERSHIP: StepKind.MEMBERSHIP,
    StageKind.PLACEMENT: StepKind.PLACEMENT,
    StageKind.CASE_STUDY: StepKind.CASE_STUDY,
    StageKind.PRACTICAL: StepKind.PRACTICAL,
    StageKind.PORTFOLIO: StepKind.PORTFOLIO,
    StageKind.EXAM: StepKind.EXAM,
    StageKind.APPLICATION: StepKind.APPLICATION,
}


K = TypeVar("K")
V = TypeVar("V")


class _Loop(Exception):
    """A route that needs, through its credentials, the certification being planned."""

    def __init__(self, chain: list[str]) -> None:
        super().__init__(" -> ".join(chain))


def situation(profile: Profile) -> Profile:
    """What of a person a planner reads: all but their goals (read only through
    `Planner._goal_fits`, which notes it), budget and country."""
    return replace(profile, goals=(), budget=None, budget_usd=None, country=None)


# What a planner read of the person, and what it gave (hashable: see `_as_key`): an
# attribute ("attr", name), a credential asked `held` about ("held", id), whether they hold
# something meeting a requirement ("holds", refs), their age if under a minimum ("under",
# years), the goal fits of a requirement's credentials ("fits", refs).
Asked = tuple[str, Any]
Read = tuple[Asked, Any]
# Each value worked out under a key, by what was asked for it, then by what that gave.
Kept = dict[K, dict[tuple[Asked, ...], dict[tuple[Any, ...], V]]]


def _as_key(value: Any) -> Any:
    """A value read of a profile in a form that can be looked up: a dict as its items."""
    return tuple(sorted(value.items())) if isinstance(value, dict) else value


class PlanBook:
    """What planners work out, each value kept with what they read of the person for it:
    each credential's price, own steps and nearest plan. A `shared` book (a batch's) serves
    everyone whose reads give the same, and its planners note what they read. (A plain
    class: a dataclass is compiled when every command starts.)"""

    def __init__(self, shared: bool = False) -> None:
        self.shared = shared
        self.plans: Kept[str, Plan] = {}
        self.quotes: Kept[tuple[str, str | None], Quote] = {}  # by id and tier paid
        # by id, tier paid and route key (the route's own stages)
        self.owns: Kept[tuple[str, str | None, str | None], tuple[Step, ...]] = {}


class PlanBooks:
    """A batch's shared plan books (one catalog), one for each day and pace of study; and
    `kept`, what else its people share that the catalog and the key alone decide (the
    entries a set of goals leaves out, for the ranking)."""

    def __init__(self) -> None:
        self._books: dict[tuple[dt.date, float], PlanBook] = {}
        self.kept: dict[Hashable, Any] = {}

    def book(self, today: dt.date, pace: float) -> PlanBook:
        found = self._books.get((today, pace))
        if found is None:
            found = self._books[today, pace] = PlanBook(shared=True)
        return found


class _Given(dict[Asked, Any]):
    """What a person (their `situation`, their `wanted` goals) gives for each question a
    plan asks of them, worked out when first asked: a missing key is a new question."""

    __slots__ = ("_catalog", "_situation", "_wanted")

    def __init__(self, situation: Profile, wanted: tuple[str, ...], catalog: Catalog) -> None:
        super().__init__()
        self._situation, self._wanted, self._catalog = situation, wanted, catalog

    def __missing__(self, asked: Asked) -> Any:
        kind, what = asked
        if kind == "attr":
            found = _as_key(getattr(self._situation, what))
        elif kind == "held":
            found = self._situation.held(what)
        elif kind == "holds":
            found = self._situation.holds_any(what, self._catalog.satisfies)
        elif kind == "under":
            found = self._situation.age_under(what)
        else:
            found = tuple(
                -sum(goal in summary.goals for goal in self._wanted)
                for summary, _ in self._catalog.meeting(what)
            )
        self[asked] = found
        return found


class _Noted:
    """A person's situation that notes, in `reads`, each attribute a planner reads of it
    and each question it asks (`held`, `holds_any`), with what it gave."""

    __slots__ = ("_profile", "_reads")

    def __init__(self, profile: Profile, reads: list[Read]) -> None:
        self._profile, self._reads = profile, reads

    def __getattr__(self, name: str) -> Any:
        if name == "held":
            return self._held
        if name == "holds_any":
            return self._holds_any
        if name == "age_under":
            return self._age_under
        value = getattr(self._profile, name)
        if callable(value):  # a method it cannot note: fail, never share unnoted reads
            raise TypeError(f"a planner asks Profile.{name}(): note what it gives")
        self._reads.append((("attr", name), _as_key(value)))
        return value

    def _held(self, credential: str) -> Held | None:
        found = self._profile.held(credential)
        self._reads.append((("held", credential), found))
        return found

    def _age_under(self, years: int) -> int | None:
        found = self._profile.age_under(years)
        self._reads.append((("under", years), found))
        return found

    def _holds_any(self, refs: tuple[str, ...], satisfies: Callable[[str, str], bool]) -> bool:
        found = self._profile.holds_any(refs, satisfies)  # `satisfies`: the book's catalog's
        self._reads.append((("holds", refs), found))
        return found


@dataclass
class Planner:
    """Plans for one person over one catalog, each credential planned once.

    The planner keeps only the person's situation as its `profile`; their goals rank the
    credentials that meet a requirement (`_goal_fits`). What it works out goes into its
    `book` with what it read for it (`_reads`), so that a batch's people share it.
    """

    catalog: Catalog
    profile: Profile
    today: dt.date
    pace: float = STUDY_HOURS_A_WEEK  # hours of study a week
    converter: Converter = field(default_factory=Converter)
    book: PlanBook = field(default_factory=PlanBook)

    def __post_init__(self) -> None:  # its own state here: each field costs every start
        self._visiting: list[str] = []
        self._loops = 0
        wanted = self.profile.goals
        self._reads: list[Read] = []
        self._options: Kept[tuple[tuple[str, ...], str, bool], tuple[list[Plan], list[str]]] = {}
        self.profile = self._situation = situation(self.profile)
        self._given = _Given(self._situation, wanted, self.catalog)  # by question asked
        if self.book.shared:
            self.profile = cast(Profile, _Noted(self._situation, self._reads))

    def _goal_fits(self, refs: tuple[str, ...]) -> tuple[int, ...]:
        """How many of the person's goals each credential meeting `refs` serves (negated,
        in `Catalog.meeting` order): all a plan reads of the goals, noted as read."""
        fits: tuple[int, ...] = self._given["fits", refs]
        self._reads.append((("fits", refs), fits))
        return fits

    def _recall(self, kept: Kept[K, V], key: K) -> V | None:
        """What was worked out before under `key` from what this person gives too (noted
        as read for what is being worked out now)."""
        given_for = self._given.__getitem__
        for asked, found in kept.get(key, {}).items():
            given = tuple(map(given_for, asked))
            value = found.get(given)
            if value is not None:
                self._reads.extend(zip(asked, given, strict=True))
                return value
        return None

    def _keep(self, kept: Kept[K, V], key: K, since: int, value: V) -> V:
        """Keep `value` with what was read for it (since `since`)."""
        reads = dict(self._reads[since:])
        kept.setdefault(key, {}).setdefault(tuple(reads), {})[tuple(reads.values())] = value
        return value

    def plan(self, target: Certification) -> Plan:
        """The nearest route to `target`, with the others as alternatives; never raises.

        A route that loops back to the target (A needs B, which needs A) is set aside; when
        every route loops, the plan is marked unreachable.
        """
        try:
            return self._plan(target)
        except _Loop as loop:
            step = Step(
                StepKind.CREDENTIAL,
                f"not reachable: requirement loop {loop}",
                "the catalog's routes need each other",
            )
            return Plan(target, "no route", (step,), reachable=False)

    def quote(self, entry: Certification, tier: str | None = None) -> Quote:
        """The cheapest honest way in for this person (member, student or non-member); the
        `tier` a route pays, when it names one."""
        since = len(self._reads)
        found = self._recall(self.book.quotes, (entry.id, tier))
        if found is not None:
            return found
        organization = self.catalog.organizations.get(entry.organization)
        found = cheapest_way_in(
            entry,
            organization,
            self.profile.member,
            student=self.profile.student,
            converter=self.converter,
            tier=tier,
        )
        return self._keep(self.book.quotes, (entry.id, tier), since, found)

    def _plan(self, target: Certification) -> Plan:
        since = len(self._reads)
        found = self._recall(self.book.plans, target.id)
        if found is not None:
            return found
        if target.id in self._visiting:
            self._loops += 1
            raise _Loop([*self._visiting[self._visiting.index(target.id) :], target.id])
        loops_before = self._loops
        self._visiting.append(target.id)
        try:
            plans = self._way_back(target)
            routes: Sequence[Route | None] = (
                target.prerequisites.routes if target.prerequisites else ()
            ) or (None,)
            loop: _Loop | None = None
            for route in routes:
                try:
                    plans.append(self._route_plan(target, route))
                except _Loop as exc:
                    loop = exc
            if not plans:
                assert loop is not None
                raise loop
        finally:
            self._visiting.pop()
        best, *others = sorted(plans, key=Plan.sort_key)
        plan = replace(best, alternatives=tuple(others))
        if self._loops == loops_before:  # a plan cut short by a loop is not the whole story
            self._keep(self.book.plans, target.id, since, plan)
        return plan

    def _route_plan(self, target: Certification, route: Route | None) -> Plan:
        gaps = [gap for gap in (age_gap(target, self.profile),) if gap]
        if route is not None:
            gaps += route_gaps(route, self.profile, self.catalog)
        gaps += [g for g in (base_credential_gap(target, self.profile, self.catalog),) if g]
        gaps += [gap for gap in (cpr_gap(target, self.profile, self.catalog),) if gap]
        steps: list[Step] = []
        for gap in gaps:
            steps += self._STEPS[gap.kind](self, target, gap)
        tier = route.tier if route else None
        steps += self._own_steps(target, route)
        label = route.text if route else "no education or credential requirement"
        return Plan(target, label, _dedupe(steps), tuple(gaps), tier=tier)

    # ------------------------------------------------------------------ gaps into steps

    def _age(self, target: Certification, gap: Gap) -> list[Step]:
        why = f"{target.id} requires {gap.words}"
        if gap.exception is not None:
            return [
                Step(
                    StepKind.CONSENT,
                    f"sit it {gap.exception}",
                    f"{why}; {target.organization} lets younger candidates sit it {gap.exception}",
                    usd=0,
                    months=A_DAY,
                )
            ]
        assert self.profile.age is not None  # an age gap is only found for a known age
        minimum = self.profile.age + gap.missing
        return [
            Step(
                StepKind.AGE,
                f"turn {minimum:g}",
                why,
                usd=0,
                months=gap.missing * 12,
                note="time, not money: study meanwhile",
                waits=True,
            )
        ]

    def _degree(self, target: Certification, gap: Gap) -> list[Step]:
        assert gap.level is not None
        why = f"{target.id} requires {gap.words}"
        name = self.catalog.vocabulary.field_name
        where = f" in {', '.join(map(name, gap.fields))}" if gap.fields else ""
        studying = self.profile.studying
        months_left = self.profile.months_to_graduate
        if studying is not None and studying.rank >= gap.level.rank and months_left is not None:
            if gap.final_year_students:  # sit it in the final year: only time has to pass
                opens = self.today + dt.timedelta(days=(months_left - FINAL_YEAR_MONTHS) * 30.44)
                return [
                    Step(
                        StepKind.DEGREE,
                        f"reach the final year of your {_short(studying)} (from {opens:%Y-%m})",
                        f"{why}; {target.organization} lets final-year students sit it",
                        usd=0,
                        months=months_left - FINAL_YEAR_MONTHS,
                        note="time, not money: study meanwhile",
                        waits=True,
                    )
                ]
            ends = f" ({self.profile.graduating:%Y-%m})" if self.profile.graduating else ""
            return [
                Step(
                    StepKind.DEGREE,
                    f"finish your {_short(studying)}{ends}",
                    why,
                    usd=0,
                    months=months_left,
                    note="the degree you are studying for",
                    waits=True,
                )
            ]
        if studying is not None and studying.rank >= gap.level.rank:
            return [
                Step(
                    StepKind.DEGREE,
                    f"finish your {_short(studying)}",
                    why,
                    usd=0,
                    note="time not known: --graduating YYYY-MM says when it ends",
                    waits=True,
                )
            ]
        return [
            Step(
                StepKind.DEGREE,
                f"earn {gap.level.phrase}{where}",
                why,
                months=self._degree_months(gap.level, gap.degree_years),
                note="tuition not counted: money alone cannot buy it",
            )
        ]

    def _field(self, target: Certification, gap: Gap) -> list[Step]:
        return [
            Step(
                StepKind.FIELD,
                gap.need,
                f"{target.id} accepts only these fields ({gap.have})",
                months=SECOND_FIELD_MONTHS,
                note="rough: a second degree or a post-baccalaureate program",
            )
        ]

    def _credential(self, target: Certification, gap: Gap) -> list[Step]:
        """Steps to one credential meeting any of the gap's references: the best fit."""
        advised = gap.kind is GapKind.BASE_CREDENTIAL
        planned, rest = self._ranked_options(gap.refs, target.organization, advised)
        plans = (p for p in planned if p.target.id != target.id)  # thousands, in a big catalog
        best = next(plans, None)  # the nearest; the target cannot be its own requirement
        if best is None:
            if any(
                self.catalog.satisfies(s, ref) for s in self.catalog.summaries for ref in gap.refs
            ):
                raise _Loop([target.id, *gap.refs])  # there are some, but none can be reached
            return [
                Step(
                    StepKind.CREDENTIAL,
                    gap.need,
                    f"{target.id} requires it",
                    note="not in the catalog",
                )
            ]
        others = [
            *islice(
                chain((p.target.id for p in plans), (i for i in rest if i != target.id)),
                ALSO_NAMED + 1,  # the few named, and whether there are more
            )
        ]
        named = ", ".join(others[:ALSO_NAMED]) + (" and others" if len(others) > ALSO_NAMED else "")
        also = f"; {named} would also do" if others else ""
        first = " first, as its organization advises" if advised else ""
        verb = " is taken after" if advised else " requires"
        before = [s for s in best.steps if not s.own]
        own = best.own_steps
        kept = own and own[0].kind in (StepKind.RENEW, StepKind.REINSTATE)  # lapsed, not lost
        earn = Step(
            StepKind.CREDENTIAL,
            f"{own[0].kind.value if kept else 'earn'} {best.target.id}",
            f"{target.id}{verb} {gap.need}{first}{also}",
            usd=None if any(s.usd is None for s in own) else sum(s.usd or 0 for s in own),
            months=None if any(s.months is None for s in own) else sum(s.months or 0 for s in own),
            cert_id=best.target.id,
            note="; ".join(s.note for s in own if s.note) or None,
        )
        return [*before, earn]

    def _hours(self, target: Certification, gap: Gap) -> list[Step]:
        weeks = gap.missing / HOURS_A_WEEK
        return [
            Step(
                StepKind.HOURS,
                f"{gap.missing:,.0f} more hours of {gap.subject}",
                f"{target.id} requires {gap.words}",
                months=weeks / WEEKS_A_MONTH,
                note=f"about {weeks:.0f} weeks full-time; cost not verified",
            )
        ]

    def _years(self, target: Certification, gap: Gap) -> list[Step]:
        years = "year" if gap.missing == 1 else "years"
        return [
            Step(
                StepKind.YEARS,
                f"{gap.missing:g} more {years} of {gap.subject}",
                f"{target.id} requires {gap.words}",
                usd=0,
                months=gap.missing * 12,
                note="time, not money",
            )
        ]

    def _requirement(self, target: Certification, gap: Gap) -> list[Step]:
        return [
            Step(
                StepKind.REQUIREMENT,
                gap.need,
                f"{target.id} requires it; certadvise cannot tell whether you meet it",
                note="cost and time not verified",
            )
        ]

    def _cpr(self, target: Certification, gap: Gap) -> list[Step]:
        card = gap.refs[0]  # the card asked for (CPR-AED, BLS)
        course = self.catalog.entries.get(card) if card in self.catalog.summaries else None
        quote = self.quote(course) if course is not None else None
        price = quote.usd if quote is not None else None
        text = (
            "take a CPR/AED course with a hands-on skills check"
            if card == "CPR-AED"
            else f"take a {card} provider course"
        )
        return [
            Step(
                StepKind.CPR_AED,
                text,
                f"{target.id} requires {gap.need}",
                usd=price,
                months=A_DAY,
                cert_id=card,
                note=None if price is not None else "course price not verified",
                price=_original(quote),
            )
        ]

    _STEPS: ClassVar[dict[GapKind, Callable[[Planner, Certification, Gap], list[Step]]]] = {
        GapKind.AGE: _age,
        GapKind.DEGREE: _degree,
        GapKind.FIELD: _field,
        GapKind.CREDENTIAL: _credential,
        GapKind.BASE_CREDENTIAL: _credential,
        GapKind.HOURS: _hours,
        GapKind.YEARS: _years,
        GapKind.OTHER: _requirement,
        GapKind.CPR_AED: _cpr,
    }

    # ------------------------------------------------------------------ the target's own

    def _own_steps(self, target: Certification, route: Route | None) -> tuple[Step, ...]:
        """The target's own steps on `route`, worked out once for all its routes that pay
        the same and have the same stages (the same key)."""
        since = len(self._reads)
        key = (target.id, route.tier if route else None, route.key if route else None)
        found = self._recall(self.book.owns, key)
        if found is None:
            found = self._keep(self.book.owns, key, since, tuple(self._own(target, route)))
        return found

    def _own(self, target: Certification, route: Route | None) -> list[Step]:
        """The target's exam, after joining its organization when that is the cheaper way;
        or the stages of a qualification earned over months that `route` goes through. The
        price is the `tier` the route pays."""
        quote = self.quote(target, route.tier if route else None)
        steps = []
        price = quote.usd
        if quote.joins is not None:
            dues_usd = (
                None
                if quote.dues is None
                else self.converter.convert(quote.dues, quote.currency, USD)
            )
            steps.append(
                Step(
                    StepKind.MEMBERSHIP,
                    f"join {quote.joins}",
                    f"the member price of {target.id}, dues included, is the cheaper way in"
                    if target.cost is not None and target.cost.exam_non_member is not None
                    else f"{target.id} is open to {target.organization} members only",
                    usd=dues_usd,
                    months=A_DAY,
                    note=quote.dues_note,
                    price=None
                    if quote.dues is None or quote.currency == USD
                    else Money(quote.dues, quote.currency),
                )
            )
            if price is not None and dues_usd is not None:
                price -= dues_usd
        as_of = quote.source.as_of if quote.verified and quote.source else None
        dated = [f"price of {source_year(as_of)}"] if is_stale(as_of, self.today) else []
        priced = "; ".join(
            (
                *dated,
                quote.route if quote.verified else "price not verified",
                *self._conversion(quote),
            )
        )
        if target.stages:
            stages = target.stages_of(route)
            return steps + self._stages(target, stages, price, quote, priced, joined=bool(steps))
        months, study = self._study(target)
        steps.append(
            Step(
                StepKind.EXAM,
                _final_step(target),
                f"the target: {target.name}",
                price,
                months=months,
                cert_id=target.id,
                note="; ".join((priced, study)),
                own=True,
                price=_original(quote, less=quote.dues),
                unpriced_fees=_unpriced_fees(quote),
            )
        )
        return steps

    def _stages(
        self,
        target: Certification,
        stages: Sequence[Stage],
        price: float | None,
        quote: Quote,
        priced: str,
        joined: bool = False,
    ) -> list[Step]:
        """A qualification's `stages` on one route, in order; the price goes with the stage
        that `pays` it, else with the membership when the price is its first year (CSEP's
        annual certification fee, `includes_dues`), else its first stage that is not a
        membership. A membership stage is left out when joining is already a step (`joined`).
        With no price known, a known application fee goes with the application stage: it
        is not "included" in a price nobody knows (the RYT-200's $50 beside the tuition)."""
        steps: list[Step] = []
        tier = tier_named(target, quote.route) if quote.package else None
        dues_in_price = tier is not None and tier.includes_dues
        unverified = target.cost.unverified_fees if target.cost else ()
        paid = _paying_stage(stages, dues_in_price)
        fee = target.cost.application_fee if target.cost and price is None else None
        applying = next(
            (i for i, s in enumerate(stages) if s.kind is StageKind.APPLICATION and i != paid),
            None,
        )
        for index, stage in enumerate(stages):
            usd: float | None = 0
            note = stage.note
            stated = None
            included = stage.kind is not StageKind.MEMBERSHIP and index != paid
            if stage.kind is StageKind.MEMBERSHIP and joined:
                continue
            unpriced_fees: tuple[str, ...] = ()
            if index == paid:
                usd, note = price, "; ".join(filter(None, (priced, note)))
                stated = _original(quote)
                unpriced_fees = _unpriced_fees(quote)
            elif stage.kind is StageKind.MEMBERSHIP:
                dues, currency = yearly_dues(self.catalog.organizations.get(target.organization))
                usd = None if dues is None else self.converter.convert(dues, currency, USD)
                note = note or ("dues not verified" if usd is None else None)
                stated = Money(dues, currency) if dues is not None and currency != USD else None
            elif index == applying and fee is not None:
                usd, included = self._usd(fee, target.currency), False
                stated = Money(fee, target.currency) if target.currency != USD else None
                note = "; ".join(filter(None, (self._fee_words(target), note)))
            elif dues_in_price and stage.kind is StageKind.EXAM and unverified:
                # the price is the membership's: the exam's own fees are not in it
                usd, included = None, False
                note = "; ".join(filter(None, (f"{', '.join(unverified)} not verified", note)))
            steps.append(
                Step(
                    _STAGE_STEPS[stage.kind],
                    stage.text,
                    f"part of {target.id}: {target.name}",
                    usd,
                    months=_stage_months(stage),
                    cert_id=target.id,
                    note=note
                    or (None if _stage_months(stage) is not None else "time not verified"),
                    own=True,
                    price=stated,
                    included=included,
                    unpriced_fees=unpriced_fees,
                )
            )
        return steps

    def _way_back(self, target: Certification) -> list[Plan]:
        """For a credential the person let lapse: renewing late inside its grace window, or
        reinstating it inside the organization's window, instead of a new exam. Outside
        every window (or where no way back is verified), nothing: the exam again it is."""
        held = self.profile.held(target.id)
        rec = target.recertification
        if held is None or not held.lapsed or held.expires is None or rec is None:
            return []
        ce = _ce_owed(target)
        currency = target.currency
        if rec.grace_months and self.today <= add_years(held.expires, rec.grace_months / 12):
            until = add_years(held.expires, rec.grace_months / 12)
            fee = None if rec.fee_non_member is None else rec.fee_non_member + (rec.late_fee or 0)
            late = " and late fee" if rec.late_fee else ""
            step = Step(
                StepKind.RENEW,
                f"renew {target.id} late: {ce} and pay the renewal{late} by {until.isoformat()}",
                f"your {target.id} lapsed on {held.expires.isoformat()}; "
                f"{target.organization} accepts late renewals until {until.isoformat()}",
                self._usd(fee, currency),
                months=A_DAY,
                cert_id=target.id,
                note=None if fee is not None else "renewal fee not verified",
                own=True,
                price=Money(fee, currency) if fee is not None and currency != USD else None,
            )
            return [Plan(target, "late renewal of a lapsed credential", (step,))]
        back = rec.reinstatement
        if back is None:
            return []
        window = back.window_months
        if window is not None and self.today > add_years(held.expires, window / 12):
            return []
        fee = back.fee_non_member if back.fee_non_member is not None else back.fee_member
        open_until = (
            f" until {add_years(held.expires, window / 12).isoformat()}"
            if window is not None
            else " (its window is not verified: ask " + target.organization + ")"
        )
        step = Step(
            StepKind.REINSTATE,
            f"reinstate {target.id}: {back.ce or ce}",
            f"your {target.id} lapsed on {held.expires.isoformat()}; "
            f"{target.organization} reinstates lapsed credentials{open_until}",
            self._usd(fee, currency),
            months=A_DAY,
            cert_id=target.id,
            note=None if fee is not None else "reinstatement fee not verified",
            own=True,
            price=Money(fee, currency) if fee is not None and currency != USD else None,
        )
        return [Plan(target, "reinstatement of a lapsed credential", (step,))]

    def _fee_words(self, target: Certification) -> str:
        """'the application fee', with the year of a fee too old to read as today's."""
        source = target.source(target.cost.source) if target.cost else None
        as_of = source.as_of if source else None
        year = source_year(as_of) if is_stale(as_of, self.today) else None
        return "the application fee" + (f" ({year})" if year is not None else "")

    def _usd(self, amount: float | None, currency: str) -> float | None:
        return None if amount is None else self.converter.convert(amount, currency, USD)

    def _conversion(self, quote: Quote) -> list[str]:
        if not quote.converted or quote.amount is None:
            return []
        approx = self.converter.approximately(quote.amount, quote.currency, USD)
        return [f"{amount_text(quote.amount, quote.currency)}, {approx}"] if approx else []

    def _study(self, target: Certification) -> tuple[float | None, str]:
        """Months of study for an exam at the person's pace, from the typical hours a
        source gives (the middle of its range), and how that was worked out."""
        hours = target.study_hours
        if hours is None:
            return None, "study time not verified"
        known = [h for h in (hours.low, hours.high) if h is not None]
        middle = sum(known) / len(known)
        weeks = middle / self.pace
        span = " to ".join(f"{h:,}" for h in dict.fromkeys(known))
        return weeks / WEEKS_A_MONTH, f"study {span} h at {self.pace:g} h a week"

    def _ranked_options(
        self, refs: tuple[str, ...], org: str, advised: bool
    ) -> tuple[list[Plan], list[str]]:
        """The credentials meeting `refs`: the plans of the best-fitting ones, nearest first,
        and the ids of the others; worked out once.

        A requirement takes the best fit for the person's goals, then one the person held
        and let lapse (the way back to their own CPT, not another body's), then the target's
        own organization's; a base credential the organization advises follows its order
        ("a CPT, or ..."), then the same. Only the candidates that tie on that are planned (a
        large catalog has thousands of CPTs): the nearest plan among them is the choice.
        """
        key = (refs, org, advised)
        since = len(self._reads)
        known = self._recall(self._options, key)
        if known is not None:
            return known
        goal_fits = self._goal_fits(refs)
        loops_before = self._loops
        lapsed = {held.id for held in self.profile.lapsed}
        fits: dict[str, tuple[int, ...]] = {}
        for (summary, order), fit in zip(self.catalog.meeting(refs), goal_fits, strict=True):
            own, once = int(summary.organization != org), int(summary.id not in lapsed)
            fits[summary.id] = (order, once, own, fit) if advised else (fit, once, own)
        ranked_ids = sorted(fits, key=lambda i: (fits[i], i))
        best_fit = fits[ranked_ids[0]] if ranked_ids else None
        plans: list[Plan] = []
        for cert_id in (i for i in ranked_ids if fits[i] == best_fit):
            try:
                plans.append(self._plan(self.catalog.entries[cert_id]))
            except _Loop:
                continue
        plans.sort(key=lambda p: (*p.sort_key(), p.target.id))
        rest = [i for i in ranked_ids if fits[i] != best_fit]
        if not plans and rest:  # the best-fitting ones all loop: plan the next ones
            for cert_id in rest:
                try:
                    plans.append(self._plan(self.catalog.entries[cert_id]))
                except _Loop:
                    continue
            plans.sort(key=lambda p: (fits[p.target.id], *p.sort_key(), p.target.id))
            rest = []
        found = (plans, rest)
        if self._loops == loops_before:  # complete only when no loop cut it short
            self._keep(self._options, key, since, found)
        return found

    def _degree_months(self, level: DegreeLevel, years: float | None = None) -> float | None:
        """Typical months of full-time study from the person's level to `level`; None when
        how long a high-school diploma takes is not known (an adult without one). `years`:
        the degree's own typical length where it is unusual (a DPT: 3 years after a
        bachelor's), on top of what comes before it."""
        if years is not None:
            before = (
                DegreeLevel.BACHELOR
                if level.rank > DegreeLevel.BACHELOR.rank
                else DegreeLevel.HIGH_SCHOOL
            )
            first = (
                self._degree_months(before)
                if before.rank > DegreeLevel.HIGH_SCHOOL.rank
                else (self._months_to_diploma())
            )
            return None if first is None else first + years * 12
        studying, months_left = self.profile.studying, self.profile.months_to_graduate
        if (
            studying is not None
            and months_left is not None
            and studying.rank > self.profile.education.rank
            and studying in YEARS_AFTER_HIGH_SCHOOL
        ):  # finish the degree in progress, then study on from it
            more = max(0, YEARS_AFTER_HIGH_SCHOOL[level] - YEARS_AFTER_HIGH_SCHOOL[studying])
            return months_left + more * 12
        to_diploma = self._months_to_diploma()
        if to_diploma is None:
            return None
        start = YEARS_AFTER_HIGH_SCHOOL.get(self.profile.education, 0)
        return to_diploma + max(0, YEARS_AFTER_HIGH_SCHOOL[level] - start) * 12

    def _months_to_diploma(self) -> float | None:
        profile = self.profile
        if profile.education.rank >= DegreeLevel.HIGH_SCHOOL.rank:
            return 0
        if profile.studying is DegreeLevel.HIGH_SCHOOL and profile.months_to_graduate is not None:
            return profile.months_to_graduate
        if profile.age is not None and profile.age < DIPLOMA_AGE:
            return (DIPLOMA_AGE - profile.age) * 12
        return None


def _short(level: DegreeLevel) -> str:
    """'bachelor's', 'master's': a degree in progress, as people say it."""
    return level.phrase.removeprefix("a ").removeprefix("an ").removesuffix(" degree")


def _original(quote: Quote | None, less: float | None = None) -> Money | None:
    """The price as its source states it, when that is not US dollars."""
    if quote is None or quote.amount is None or quote.currency == USD:
        return None
    return Money(quote.amount - (less or 0), quote.currency)


def _unpriced_fees(quote: Quote) -> tuple[str, ...]:
    """The fees of a known price nobody verified, but its dues: joining is its own step."""
    if not quote.verified:
        return ()
    return tuple(p.label for p in quote.parts if p.amount is None and p.kind != "dues")


def _paying_stage(stages: Sequence[Stage], dues_in_price: bool) -> int:
    """Where the price is paid: the stage that says it `pays`; else, when the price is the
    membership's first year (`includes_dues`), the membership; else the first stage that
    is not a membership (a membership's money is the organization's dues)."""
    marked = next((i for i, s in enumerate(stages) if s.pays), None)
    if marked is not None:
        return marked
    return next(
        (i for i, s in enumerate(stages) if (s.kind is StageKind.MEMBERSHIP) == dues_in_price),
        0,
    )


def _stage_months(stage: Stage) -> float | None:
    known = [m for m in (stage.months_low, stage.months_high) if m is not None]
    return sum(known) / len(known) if known else None


def _ce_owed(target: Certification) -> str:
    rec = target.recertification
    if rec is None or rec.ceus is None:
        return "log the continuing education owed (amount not verified)"
    unit = (rec.ce_unit.value if rec.ceus == 1 else rec.ce_unit.plural) if rec.ce_unit else "units"
    hours = f" ({rec.ce_hours:g} h)" if rec.ce_hours and rec.ce_unit and unit != "hours" else ""
    return f"log {rec.ceus:g} {unit}{hours}"


def _final_step(target: Certification, verb: str = "pass") -> str:
    """'pass the CSCS exam'; a designation (NSCA-RSCC) is applied for, not examined."""
    if target.kind == "designation":
        return f"apply for the {target.id} designation"
    return f"{verb} the {target.id} exam"


def final_step(target: Certification, verb: str = "pass") -> str:
    """The target's last step in words: 'register for the CSCS exam', 'apply for ...'."""
    if target.stages:
        return target.stages[0].text
    return _final_step(target, verb)


def _dedupe(steps: Sequence[Step]) -> tuple[Step, ...]:
    """A step needed twice (CPR/AED for the target and a prerequisite) is taken once; so is
    a degree: one degree (the longest asked for) meets every route that asks for one."""
    first: dict[str, Step] = {}
    for step in steps:
        degree = step.kind in (StepKind.DEGREE, StepKind.FIELD)
        key = step.kind.value if degree else step.text
        kept = first.get(key)
        if kept is None or (step.months or 0) > (kept.months or 0):
            first[key] = step if kept is None else replace(step, why=kept.why)
    if StepKind.DEGREE.value in first:  # a new degree can be taken in the right field
        first.pop(StepKind.FIELD.value, None)
    return tuple(first.values())
