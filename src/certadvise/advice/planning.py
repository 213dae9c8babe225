"""Planning: each gap between a person and a certification becomes a step.

A step has a kind, a cost (known or not: never $0 when unknown), a rough duration and a
reason. `Planner.plan` works out every route of a certification (recursing into the
credentials a route asks for), picks the nearest (time, then unpriced steps, then money)
and keeps the others as alternatives. `recommend` plans every certification that serves
the person's goals, `path` plans one; both read the same steps.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from certadvise.advice.costs import Ownership, Quote, cheapest_way_in, cost_of_ownership, money
from certadvise.advice.gaps import (
    Gap,
    GapKind,
    age_gap,
    base_credential_gap,
    cpr_gap,
    route_gaps,
)
from certadvise.advice.profile import CPR_ID, Profile
from certadvise.catalog.index import Catalog
from certadvise.catalog.models import Certification, DegreeLevel, Route, Status

HOURS_A_WEEK = 40  # full-time supervised work, for rough durations
WEEKS_A_MONTH = 52 / 12
A_DAY = 1 / 30  # months: a CPR/AED course, joining an organization
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
FINAL_YEAR_MONTHS = 12  # in the final year of a degree: done within a year
DIPLOMA_BY_AGE = 18  # a pupil finishes high school at about this age
SECOND_FIELD_MONTHS = 24  # rough: a second degree or a post-baccalaureate program


@dataclass(frozen=True)
class Step:
    """One thing to do, with what it costs and roughly how long it takes."""

    kind: str  # a GapKind value, or "exam" for the target's own exam
    text: str
    why: str
    usd: float | None = None  # None: not verified (or not something money buys)
    months: float | None = None  # rough duration; None: not known
    cert_id: str | None = None
    note: str | None = None

    @property
    def short(self) -> bool:
        """A to-do that takes money and a few days, not a long step."""
        return self.kind in {GapKind.CPR_AED.value, GapKind.MEMBERSHIP.value}

    @property
    def years(self) -> float | None:
        return None if self.months is None else round(self.months / 12, 2)

    @property
    def duration(self) -> str | None:
        """The rough duration in words: 'a day', 'about 4 months', 'about 4 years'."""
        return duration_text(self.months)


def duration_text(months: float | None) -> str | None:
    if months is None:
        return None
    if months <= A_DAY:
        return "a day" if months > 0 else "at once"
    if months < 2:
        weeks = max(1, round(months * WEEKS_A_MONTH))
        return f"about {weeks} week{'s' if weeks > 1 else ''}"
    if months < 24:
        return f"about {round(months)} months"
    years = round(months / 6) / 2  # to the half year
    return f"about {years:g} years"


@dataclass(frozen=True)
class Plan:
    """The steps of one route to a certification, the target's exam last."""

    target: Certification
    route: str
    steps: tuple[Step, ...]
    gaps: tuple[Gap, ...] = ()
    alternatives: tuple[Plan, ...] = ()
    warnings: tuple[str, ...] = ()
    ownership: Ownership | None = None
    reachable: bool = True

    @property
    def before_exam(self) -> tuple[Step, ...]:
        return tuple(s for s in self.steps if s.kind != "exam")

    @property
    def long_steps(self) -> tuple[Step, ...]:
        return tuple(s for s in self.before_exam if not s.short)

    @property
    def short_steps(self) -> tuple[Step, ...]:
        return tuple(s for s in self.before_exam if s.short)

    @property
    def known_usd(self) -> float:
        return sum(s.usd for s in self.steps if s.usd is not None)

    @property
    def unpriced(self) -> list[str]:
        return [s.text for s in self.steps if s.usd is None]

    @property
    def complete(self) -> bool:
        return not self.unpriced

    @property
    def cost_text(self) -> str:
        if not self.known_usd and self.unpriced:  # nothing known to cost money yet
            return "not verified"
        return ("at least " if self.unpriced else "") + money(self.known_usd)

    @property
    def months(self) -> float:
        """Known months, added up (steps of unknown duration count as none); waiting for a
        birthday runs beside everything else (a 17-year-old finishes school meanwhile)."""
        waiting = sum(s.months or 0 for s in self.steps if s.kind == "age")
        doing = sum(s.months or 0 for s in self.steps if s.kind != "age")
        return max(waiting, doing)

    @property
    def time_unknown(self) -> bool:
        """A long step whose time nobody can say (a diploma for an adult without one)."""
        return any(s.months is None for s in self.long_steps if s.kind != "credential")

    @property
    def years(self) -> float:
        return self.months / 12

    @property
    def time_text(self) -> str:
        """The rough time in words, saying when some of it (often study) is not known."""
        unknown = [s for s in self.steps if s.months is None]
        known = duration_text(self.months) if self.months > A_DAY else None
        if known is None:
            return "not known" if unknown else duration_text(self.months) or "at once"
        if not unknown:
            return known
        if all(s.kind in ("exam", "credential") for s in unknown):
            return f"{known} + study"
        return f"at least {known}"

    def sort_key(self) -> tuple[float, int, float, int]:
        """Nearest first: time, then how many prices are unknown, then money, then steps.

        An unknown price never makes a route look cheap.
        """
        return (round(self.months, 1), len(self.unpriced), self.known_usd, len(self.steps))


class _Loop(Exception):
    """A route that needs, through its credentials, the certification being planned."""

    def __init__(self, chain: list[str]) -> None:
        super().__init__(" -> ".join(chain))
        self.chain = chain


@dataclass
class Planner:
    """Plans for one person over one catalog, each credential planned once."""

    catalog: Catalog
    profile: Profile
    pace: float = STUDY_HOURS_A_WEEK  # hours of study a week
    _best: dict[str, Plan] = field(default_factory=dict)
    _visiting: list[str] = field(default_factory=list)
    _loops: int = 0
    _options: dict[tuple[tuple[str, ...], str, bool], tuple[list[Plan], list[str]]] = field(
        default_factory=dict
    )
    _cpr_usd: list[float | None] = field(default_factory=list)  # worked out once

    def plan(self, target: Certification) -> Plan:
        """The nearest route to `target`, with the others as alternatives; never raises.

        A route that loops back to the target (A needs B, which needs A) is set aside; when
        every route loops, the plan is marked unreachable.
        """
        try:
            return self._plan(target)
        except _Loop as loop:
            step = Step(
                "credential",
                f"not reachable: requirement loop {loop}",
                "the catalog's routes need each other",
            )
            return Plan(target, "no route", (step,), reachable=False)

    def _plan(self, target: Certification) -> Plan:
        if target.id in self._best:
            return self._best[target.id]
        if target.id in self._visiting:
            self._loops += 1
            raise _Loop([*self._visiting[self._visiting.index(target.id) :], target.id])
        loops_before = self._loops
        self._visiting.append(target.id)
        try:
            routes: Sequence[Route | None] = (
                target.prerequisites.routes if target.prerequisites else ()
            ) or (None,)
            plans: list[Plan] = []
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
            self._best[target.id] = plan
        return plan

    def _route_plan(self, target: Certification, route: Route | None) -> Plan:
        gaps = [gap for gap in (age_gap(target, self.profile),) if gap]
        if route is not None:
            gaps += route_gaps(route, self.profile, self.catalog)
        gaps += [g for g in (base_credential_gap(target, self.profile, self.catalog),) if g]
        gaps += [gap for gap in (cpr_gap(target, self.profile),) if gap]
        steps: list[Step] = []
        for gap in gaps:
            steps += self._steps_for(target, gap)
        steps += self._exam(target)
        label = route.text if route else "no education or credential requirement"
        return Plan(target, label, _dedupe(steps), tuple(gaps))

    # ------------------------------------------------------------------ gaps into steps

    def _steps_for(self, target: Certification, gap: Gap) -> list[Step]:
        why = f"{target.id} requires {gap.words}"
        if gap.kind is GapKind.AGE:
            minimum = self.profile.age + gap.missing if self.profile.age else gap.missing
            return [
                Step(
                    "age",
                    f"turn {minimum:g}",
                    why,
                    usd=0,
                    months=gap.missing * 12,
                    note="time, not money: study meanwhile",
                )
            ]
        if gap.kind is GapKind.DEGREE:
            assert gap.level is not None
            names = {t.id: t.name.lower() for t in self.catalog.vocabulary.degree_fields}
            where = f" in {', '.join(names.get(f, f) for f in gap.fields)}" if gap.fields else ""
            months = self._degree_months(gap.level)
            return [
                Step(
                    "degree",
                    f"earn {gap.level.phrase}{where}",
                    why,
                    months=months,
                    note="tuition not counted: money alone cannot buy it",
                )
            ]
        if gap.kind is GapKind.FIELD:
            return [
                Step(
                    "degree-field",
                    gap.need,
                    f"{target.id} accepts only these fields ({gap.have})",
                    months=SECOND_FIELD_MONTHS,
                    note="rough: a second degree or a post-baccalaureate program",
                )
            ]
        if gap.kind in (GapKind.CREDENTIAL, GapKind.BASE_CREDENTIAL):
            prefer = target.organization if gap.kind is GapKind.BASE_CREDENTIAL else None
            return self._credential(target, gap, prefer)
        if gap.kind is GapKind.HOURS:
            weeks = gap.missing / HOURS_A_WEEK
            return [
                Step(
                    "hours",
                    f"{gap.missing:,.0f} more hours of {gap.subject}",
                    why,
                    months=weeks / WEEKS_A_MONTH,
                    note=f"about {weeks:.0f} weeks full-time; cost not verified",
                )
            ]
        if gap.kind is GapKind.YEARS:
            return [
                Step(
                    "years",
                    f"{gap.missing:g} more years of {gap.subject}",
                    why,
                    usd=0,
                    months=gap.missing * 12,
                    note="time, not money",
                )
            ]
        if gap.kind is GapKind.CPR_AED:
            return [self._cpr(target, gap)]
        if gap.kind is GapKind.OTHER:
            return [
                Step(
                    "requirement",
                    gap.need,
                    f"{target.id} requires it; certadvise cannot tell whether you meet it",
                    note="cost and time not verified",
                )
            ]
        raise AssertionError(f"no step for {gap.kind}")  # pragma: no cover

    def _credential(self, target: Certification, gap: Gap, prefer_org: str | None) -> list[Step]:
        """Steps to one credential meeting any of the gap's references: the best fit."""
        planned, rest = self._ranked_options(gap.refs, target.organization, prefer_org is not None)
        plans = [p for p in planned if p.target.id != target.id]
        if not plans:
            if any(
                self.catalog.satisfies(s, ref) for s in self.catalog.summaries for ref in gap.refs
            ):
                raise _Loop([target.id, *gap.refs])  # there are some, but none can be reached
            return [
                Step("credential", gap.need, f"{target.id} requires it", note="not in the catalog")
            ]
        best = plans[0]
        others = [p.target.id for p in plans[1:]] + [i for i in rest if i != target.id]
        named = ", ".join(others[:3]) + (" and others" if len(others) > 3 else "")
        also = f"; {named} would also do" if others else ""
        advised = " first, as its organization advises" if prefer_org else ""
        *before, exam = best.steps
        earn = replace(
            exam,
            kind="credential",
            text=f"earn {best.target.id}",
            why=f"{target.id}{' is taken after' if prefer_org else ' requires'} {gap.need}"
            f"{advised}{also}",
        )
        return [*before, earn]

    def _ranked_options(
        self, refs: tuple[str, ...], org: str, advised: bool
    ) -> tuple[list[Plan], list[str]]:
        """The credentials meeting `refs`: the plans of the best-fitting ones, nearest first,
        and the ids of the others; worked out once.

        A requirement takes the best fit for the person's goals, then the target's own
        organization's; a base credential the organization advises follows its order ("a
        CPT, or ..."), its own first. Only the candidates that tie on that are planned (a
        large catalog has thousands of CPTs): the nearest plan among them is the choice.
        """
        key = (refs, org, advised)
        if key in self._options:
            return self._options[key]
        loops_before = self._loops
        fits: dict[str, tuple[int, ...]] = {}
        for summary in self.catalog.summaries.values():
            if summary.status is not Status.ACTIVE or summary.kind != "certification":
                continue
            order = next(
                (i for i, ref in enumerate(refs) if self.catalog.satisfies(summary.id, ref)), None
            )
            if order is None:
                continue
            fit = -sum(goal in summary.goals for goal in self.profile.goals)
            own = int(summary.organization != org)
            fits[summary.id] = (order, own, fit) if advised else (fit, own)
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
            self._options[key] = found
        return found

    def _goal_fit(self, entry: Certification) -> int:
        return sum(goal in entry.goals for goal in self.profile.goals)

    def _cpr(self, target: Certification, gap: Gap) -> Step:
        if not self._cpr_usd:
            course = self.catalog.entries.get(CPR_ID) if CPR_ID in self.catalog.summaries else None
            self._cpr_usd.append(self.quote(course).usd if course is not None else None)
        price = self._cpr_usd[0]
        return Step(
            "cpr-aed",
            "take a CPR/AED course with a hands-on skills check",
            f"{target.id} requires {gap.need}",
            usd=price,
            months=A_DAY,
            cert_id=CPR_ID,
            note=None if price is not None else "course price not verified",
        )

    def _exam(self, target: Certification) -> list[Step]:
        """The target's exam, after joining its organization when that is the cheaper way."""
        quote = self.quote(target)
        steps = []
        exam_usd = quote.usd
        if quote.joins is not None:
            steps.append(
                Step(
                    "membership",
                    f"join {quote.joins}",
                    f"the member price of {target.id}, dues included, is the cheaper way in",
                    usd=quote.dues_usd,
                    months=A_DAY,
                    note=quote.dues_note,
                )
            )
            if exam_usd is not None and quote.dues_usd is not None:
                exam_usd -= quote.dues_usd
        months, study = self._study(target)
        steps.append(
            Step(
                "exam",
                _final_step(target),
                f"the target: {target.name}",
                exam_usd,
                months=months,
                cert_id=target.id,
                note="; ".join((quote.route if quote.verified else "price not verified", study)),
            )
        )
        return steps

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

    def quote(self, entry: Certification) -> Quote:
        organization = self.catalog.organizations.get(entry.organization)
        return cheapest_way_in(
            entry, organization, self.profile.member, student=self.profile.student
        )

    def _degree_months(self, level: DegreeLevel) -> float | None:
        """Typical months of full-time study from the person's level to `level`; None when
        how long a high-school diploma takes is not known (an adult without one)."""
        final = self.profile.final_year
        if final is not None and final.rank >= level.rank:
            return FINAL_YEAR_MONTHS
        if (
            final is not None
            and final.rank > self.profile.education.rank
            and final in YEARS_AFTER_HIGH_SCHOOL
        ):
            # finish the degree in progress, then study on from it
            return (
                FINAL_YEAR_MONTHS
                + max(0, YEARS_AFTER_HIGH_SCHOOL[level] - YEARS_AFTER_HIGH_SCHOOL[final]) * 12
            )
        to_diploma = self._months_to_diploma()
        if to_diploma is None:
            return None
        start = YEARS_AFTER_HIGH_SCHOOL.get(self.profile.education, 0)
        return to_diploma + max(0, YEARS_AFTER_HIGH_SCHOOL[level] - start) * 12

    def _months_to_diploma(self) -> float | None:
        profile = self.profile
        if profile.education.rank >= DegreeLevel.HIGH_SCHOOL.rank:
            return 0
        if profile.final_year is DegreeLevel.HIGH_SCHOOL:
            return FINAL_YEAR_MONTHS
        if profile.age is not None and profile.age < DIPLOMA_BY_AGE:
            return (DIPLOMA_BY_AGE - profile.age) * 12
        return None


def _final_step(target: Certification, verb: str = "pass") -> str:
    """'pass the CSCS exam'; a designation (NSCA-RSCC) is applied for, not examined."""
    if target.kind == "designation":
        return f"apply for the {target.id} designation"
    return f"{verb} the {target.id} exam"


def _dedupe(steps: Sequence[Step]) -> tuple[Step, ...]:
    """A step needed twice (CPR/AED for the target and a prerequisite) is taken once; so is
    a degree: one degree (the longest asked for) meets every route that asks for one."""
    first: dict[str, Step] = {}
    for step in steps:
        key = step.kind if step.kind in ("degree", "degree-field") else step.text
        kept = first.get(key)
        if kept is None or (step.months or 0) > (kept.months or 0):
            first[key] = step if kept is None else replace(step, why=kept.why)
    if "degree" in first:  # a new degree can be taken in the right field
        first.pop("degree-field", None)
    return tuple(first.values())


def plan_path(
    target: Certification,
    profile: Profile,
    catalog: Catalog,
    today: dt.date,
    by: dt.date | None = None,
    years: int = 3,
    pace: float = STUDY_HOURS_A_WEEK,
) -> Plan:
    """The plan to `target` for `profile`, with alternatives, warnings and ownership cost;
    exams take the typical study time at `pace` hours a week, where it is known."""
    warnings: list[str] = []
    if target.status is Status.RETIRED and target.retired and target.retired.successor:
        successor = catalog.entries[target.retired.successor]
        warnings.append(
            f"{target.id} was retired in {target.retired.year}; "
            f"planning for its successor {successor.id} instead"
        )
        target = successor
    if profile.holds(target.id):
        rec = target.recertification
        cycle = f" every {rec.period_years:g} years" if rec and rec.period_years else ""
        return Plan(
            target,
            "already held",
            (),
            warnings=(*warnings, f"you already hold {target.id}: recertify{cycle} instead"),
        )
    plan = Planner(catalog, profile, pace).plan(target)
    warnings += _dated_warnings(plan, catalog, today, by)
    pre = target.prerequisites
    if pre is None or not pre.verified:
        warnings.append(f"prerequisites not verified: check with {target.organization}")
    elif plan.reachable and not plan.long_steps:
        warnings.append(f"you already qualify: {_final_step(target, 'register for')}")
    ownership = cost_of_ownership(
        target,
        catalog.organizations.get(target.organization),
        profile.member,
        years,
        student=profile.student,
    )
    return replace(plan, warnings=tuple(warnings), ownership=ownership)


def _dated_warnings(plan: Plan, catalog: Catalog, today: dt.date, by: dt.date | None) -> list[str]:
    said = []
    finish = today + dt.timedelta(days=round(plan.months * 30.44))
    exam_day = by or finish
    if by is not None and by < finish:
        said.append(
            f"the plan takes about {plan.years:.1f} years, so it ends around {finish.isoformat()}, "
            f"after your date {by.isoformat()}"
        )
    ids = [s.cert_id for s in plan.steps if s.cert_id and s.cert_id in catalog.entries]
    for cert_id in dict.fromkeys(ids):
        for change in catalog.entries[cert_id].rule_changes:
            if today < change.effective <= max(exam_day, finish):
                said.append(
                    f"{cert_id}: from {change.effective.isoformat()} {change.text} "
                    f"(your plan reaches {cert_id} after that date)"
                )
    return said
