"""Pathway planning: the steps, money and time from where a person stands to a target.

Each unmet prerequisite of the target becomes a step, in an order that works: wait for the
minimum age, earn the degree, the degree field, the credentials (each with its own steps
first), the supervised hours and experience, CPR/AED, and finally the target's exam.
Alternative routes are planned too; the shortest (then cheapest) is chosen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from certadvise.advice.costs import Ownership, cheapest_way_in, cost_of_ownership, money
from certadvise.advice.profile import CPR_ID, Profile
from certadvise.advice.rules import meets_degree
from certadvise.catalog.index import Catalog
from certadvise.catalog.models import Certification, CprAed, DegreeLevel, Route, Status
from certadvise.errors import CatalogError

HOURS_A_WEEK = 40  # full-time supervised work, for rough durations
# Typical full-time years of study after high school to reach each level (US); rough, and
# only for durations. A high-school diploma (or GED) itself is counted as no time.
YEARS_AFTER_HIGH_SCHOOL = {
    DegreeLevel.NONE: 0,
    DegreeLevel.HIGH_SCHOOL: 0,
    DegreeLevel.ASSOCIATE: 2,
    DegreeLevel.BACHELOR: 4,
    DegreeLevel.MASTER: 6,
    DegreeLevel.DOCTORATE: 10,
}


@dataclass(frozen=True)
class Step:
    kind: str  # age, degree, degree-field, credential, experience, cpr-aed, exam
    text: str
    why: str
    usd: float | None = None  # None: not verified, or not something money buys
    years: float | None = None  # rough duration; None: not known
    cert_id: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Plan:
    target: Certification
    route: str
    steps: tuple[Step, ...]
    alternatives: tuple[Plan, ...] = ()
    warnings: tuple[str, ...] = ()
    ownership: Ownership | None = None

    @property
    def known_usd(self) -> float:
        return sum(s.usd for s in self.steps if s.usd is not None)

    @property
    def unpriced(self) -> list[str]:
        return [s.text for s in self.steps if s.usd is None]

    @property
    def cost_text(self) -> str:
        if not any(step.usd is not None for step in self.steps):
            return "not verified"
        return ("at least " if self.unpriced else "") + money(self.known_usd)

    @property
    def years(self) -> float:
        return sum(s.years or 0 for s in self.steps)

    def sort_key(self) -> tuple[float, bool, float, int, int]:
        """Shortest first (a degree is neither cheap nor quick), then priced before unpriced
        (an unknown price is not $0), then cheapest, then simplest."""
        return (
            round(self.years, 2),
            bool(self.unpriced),
            self.known_usd,
            len(self.unpriced),
            len(self.steps),
        )


@dataclass
class _Planner:
    catalog: Catalog
    profile: Profile
    _best: dict[str, Plan] = field(default_factory=dict)  # memo: a credential's best plan
    _visiting: list[str] = field(default_factory=list)  # the chain being planned, for loops

    def plan(self, target: Certification) -> Plan:
        """The best route to `target` (shortest, then cheapest), with the others."""
        if target.id in self._best:
            return self._best[target.id]
        if target.id in self._visiting:
            chain = " -> ".join([*self._visiting[self._visiting.index(target.id) :], target.id])
            raise CatalogError([f"requirement loop: {chain}"])
        self._visiting.append(target.id)
        try:
            routes = target.prerequisites.routes if target.prerequisites else ()
            plans = [self._route_plan(target, route) for route in routes] or [
                self._route_plan(target, None)
            ]
        finally:
            self._visiting.pop()
        best, *others = sorted(plans, key=Plan.sort_key)
        self._best[target.id] = replace(best, alternatives=tuple(others))
        return self._best[target.id]

    def _route_plan(self, target: Certification, route: Route | None) -> Plan:
        steps = [*self._age(target), *(self._route_steps(target, route) if route else [])]
        steps += self._cpr(target)
        quote = cheapest_way_in(
            target, self.catalog.organizations.get(target.organization), self.profile.member
        )
        steps.append(
            Step(
                "exam",
                f"pass the {target.id} exam",
                f"the target: {target.name}",
                quote.usd,
                cert_id=target.id,
                note=quote.route if quote.verified else "price not verified",
            )
        )
        label = route.text if route else "no education or credential requirement"
        return Plan(target, label, tuple(steps))

    def _age(self, target: Certification) -> list[Step]:
        minimum = target.prerequisites.min_age if target.prerequisites else None
        if minimum is None or self.profile.age is None or self.profile.age >= minimum:
            return []
        wait = minimum - self.profile.age
        return [
            Step(
                "age",
                f"turn {minimum}",
                f"{target.id} requires candidates aged {minimum}+",
                years=wait,
                note="time, not money",
            )
        ]

    def _route_steps(self, target: Certification, route: Route) -> list[Step]:
        steps: list[Step] = []
        fields = {t.id: t.name.lower() for t in self.catalog.vocabulary.degree_fields}
        if route.degree is not None and not meets_degree(route, self.profile):
            years = self._degree_years(route.degree)
            where = f" in {', '.join(fields[f] for f in route.fields)}" if route.fields else ""
            steps.append(
                Step(
                    "degree",
                    f"earn {route.degree.phrase}{where}",
                    f"{target.id} requires {route.text}",
                    years=years,
                    note=f"money alone cannot buy it: usually about {years:g} years "
                    "of full-time study",
                )
            )
        elif route.fields and self.profile.field not in route.fields:
            steps.append(
                Step(
                    "degree-field",
                    f"a degree in {', '.join(fields[f] for f in route.fields)}",
                    f"{target.id} accepts only these fields",
                    note="money alone cannot buy it",
                )
            )
        for ref in route.credentials:
            steps += self._credential(target, [ref])
        if route.credentials_any:
            steps += self._credential(target, list(route.credentials_any))
        kinds = {t.id: t.name.split(" (")[0].lower() for t in self.catalog.vocabulary.hour_kinds}
        for kind, needed in route.hours.items():
            have = self.profile.hours.get(kind, 0)
            if have < needed:
                weeks = (needed - have) / HOURS_A_WEEK
                steps.append(
                    Step(
                        "experience",
                        f"{needed - have:,} more hours of {kinds[kind]}",
                        f"{target.id} requires {needed:,} h (you have {have:,})",
                        years=round(weeks / 52, 2),
                        note=f"about {weeks:.0f} weeks full-time; cost not verified",
                    )
                )
        for kind, years in route.years.items():
            held = self.profile.experience.get(kind, 0)
            if held < years:
                steps.append(
                    Step(
                        "experience",
                        f"{years - held:g} more years of {kinds[kind]}",
                        f"{target.id} requires {years:g} years (you have {held:g})",
                        years=years - held,
                        note="time, not money",
                    )
                )
        return steps

    def _credential(self, target: Certification, refs: Sequence[str]) -> list[Step]:
        """Steps to one credential meeting any of `refs`: the best fit for this person."""
        if any(self.catalog.satisfies(h, r) for h in self.profile.have for r in refs):
            return []
        wanted = " or ".join(self.catalog.describe_requirement(r) for r in refs)
        options = [
            e
            for ref in refs
            for e in self._members(ref)
            if e.status is Status.ACTIVE and e.id != target.id
        ]
        if not options:
            return [
                Step("credential", wanted, f"{target.id} requires it", note="not in the catalog")
            ]
        plans = [self.plan(option) for option in options]
        best = min(plans, key=lambda p: (-self._goal_fit(p.target), *p.sort_key(), p.target.id))
        others = sorted({p.target.id for p in plans} - {best.target.id})
        also = f"; {', '.join(others)} would also do" if others else ""
        *before, exam = best.steps
        earn = replace(
            exam,
            kind="credential",
            text=f"earn {best.target.id}",
            why=f"{target.id} requires {wanted}{also}",
        )
        return [*before, earn]

    def _members(self, ref: str) -> list[Certification]:
        if self.catalog.credential_class(ref) is not None:
            return self.catalog.members_of(ref)
        return [self.catalog.entries[ref]] if ref in self.catalog.entries else []

    def _goal_fit(self, entry: Certification) -> int:
        return sum(goal in entry.goals for goal in self.profile.goals)

    def _cpr(self, target: Certification) -> list[Step]:
        pre = target.prerequisites
        if pre is None or pre.cpr_aed not in (CprAed.REQUIRED, CprAed.AFTER_EXAM):
            return []
        if self.profile.holds(CPR_ID):
            return []
        when = "may follow the exam" if pre.cpr_aed is CprAed.AFTER_EXAM else "before the exam"
        return [
            Step(
                "cpr-aed",
                "get CPR/AED certified (hands-on course)",
                f"{target.id} requires CPR/AED ({when})",
                cert_id=CPR_ID,
                note="course price not verified",
            )
        ]

    def _degree_years(self, level: DegreeLevel) -> float:
        """Typical years of full-time study from the person's level to `level`."""
        return max(
            0, YEARS_AFTER_HIGH_SCHOOL[level] - YEARS_AFTER_HIGH_SCHOOL[self.profile.education]
        )


def _dedupe(steps: Sequence[Step]) -> tuple[Step, ...]:
    """A step needed twice (CPR/AED for the target and a prerequisite) is taken once."""
    first: dict[str, Step] = {}
    for step in steps:
        first.setdefault(step.text, step)
    return tuple(first.values())


def plan_path(
    target: Certification,
    profile: Profile,
    catalog: Catalog,
    today: dt.date,
    by: dt.date | None = None,
    years: int = 3,
) -> Plan:
    """The plan to `target` for `profile`, with alternatives, warnings and ownership cost."""
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
    planner = _Planner(catalog, profile)
    plan = planner.plan(target)
    plan = replace(
        plan,
        steps=_dedupe(plan.steps),
        alternatives=tuple(replace(a, steps=_dedupe(a.steps)) for a in plan.alternatives),
    )
    warnings += _dated_warnings(plan, catalog, today, by)
    if len(plan.steps) == 1:
        warnings.append(f"you already qualify: register for the {target.id} exam")
    ownership = cost_of_ownership(
        target, catalog.organizations.get(target.organization), profile.member, years
    )
    return replace(plan, warnings=tuple(warnings), ownership=ownership)


def _dated_warnings(plan: Plan, catalog: Catalog, today: dt.date, by: dt.date | None) -> list[str]:
    said = []
    finish = today + dt.timedelta(days=round(plan.years * 365.25))
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
