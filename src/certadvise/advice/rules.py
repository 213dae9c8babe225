"""Eligibility rules: small pure functions (entry, profile, context) -> verdicts.

A verdict that fails excludes the certification; a warning keeps it, with a to-do. Every
reason is written here, where the decision is made, from the values that made it. The
registry of rules is the plain list `RULES`, in the order reasons are shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from certadvise.advice.costs import Quote, cheapest_way_in, money
from certadvise.advice.profile import CPR_ID, Profile
from certadvise.catalog.index import Catalog, Summary
from certadvise.catalog.models import Certification, CprAed, Route, Status


class Outcome(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    WARN = "warn"


@dataclass(frozen=True)
class Verdict:
    rule: str
    outcome: Outcome
    reason: str

    @property
    def failed(self) -> bool:
        return self.outcome is Outcome.FAIL


@dataclass(frozen=True)
class RuleContext:
    catalog: Catalog
    today: dt.date
    _quotes: dict[tuple[str, tuple[str, ...]], Quote] = field(default_factory=dict, repr=False)

    _goals: dict[tuple[tuple[str, ...], ...], list[Verdict]] = field(
        default_factory=dict, repr=False
    )

    def goal_verdicts(self, served_by: tuple[str, ...], wanted: tuple[str, ...]) -> list[Verdict]:
        """The goal rule's verdict, once per distinct set of goals served (few in a catalog)."""
        key = (served_by, wanted)
        if key not in self._goals:
            self._goals[key] = _goal_verdicts(served_by, wanted)
        return self._goals[key]

    def quote(self, entry: Certification, profile: Profile) -> Quote:
        """The cheapest way in for this person, worked out once per certification."""
        key = (entry.id, profile.member)
        if key not in self._quotes:
            organization = self.catalog.organizations.get(entry.organization)
            self._quotes[key] = cheapest_way_in(entry, organization, profile.member)
        return self._quotes[key]


Rule = Callable[[Certification, Profile, RuleContext], Iterable[Verdict]]
Identity = Certification | Summary  # the identity rules read only what a Summary holds


def _pass(rule: str, reason: str) -> list[Verdict]:
    return [Verdict(rule, Outcome.PASS, reason)]


def _fail(rule: str, reason: str) -> list[Verdict]:
    return [Verdict(rule, Outcome.FAIL, reason)]


def _warn(rule: str, reason: str) -> list[Verdict]:
    return [Verdict(rule, Outcome.WARN, reason)]


# ----------------------------------------------------------------------------- the rules


def kind(entry: Identity, profile: Profile, ctx: RuleContext) -> list[Verdict]:
    if entry.kind == "prerequisite":
        return _fail("kind", "a prerequisite credential, not a certification to pursue on its own")
    return []


def retired(entry: Identity, profile: Profile, ctx: RuleContext) -> list[Verdict]:
    if entry.status is Status.RETIRED and entry.retired is not None:
        successor = f": replaced by {entry.retired.successor}" if entry.retired.successor else ""
        return _fail("retired", f"retired in {entry.retired.year}{successor}")
    return _pass("retired", "active")


def already_held(entry: Certification, profile: Profile, ctx: RuleContext) -> list[Verdict]:
    if not profile.holds(entry.id):
        return []
    rec = entry.recertification
    cycle = f" (every {rec.period_years:g} years)" if rec and rec.period_years else ""
    return _fail("already-held", f"already held: recertify instead{cycle}")


def goals(entry: Identity, profile: Profile, ctx: RuleContext) -> list[Verdict]:
    if not profile.goals:
        return []
    return ctx.goal_verdicts(entry.goals, profile.goals)


def _goal_verdicts(served_by: tuple[str, ...], wanted: tuple[str, ...]) -> list[Verdict]:
    served = [g for g in wanted if g in served_by]
    if served:
        return _pass("goal", f"serves {', '.join(served)}")
    return _fail("goal", f"does not serve: {', '.join(wanted)}")


def age(entry: Certification, profile: Profile, ctx: RuleContext) -> list[Verdict]:
    pre = entry.prerequisites
    if pre is None or pre.min_age is None:
        return []
    if profile.age is None:
        return _pass("age", f"must be at least {pre.min_age} (assumed)")
    if profile.age < pre.min_age:
        return _fail("age", f"must be at least {pre.min_age} years old (you are {profile.age})")
    return _pass("age", f"at least {pre.min_age} years old")


def prerequisites(entry: Certification, profile: Profile, ctx: RuleContext) -> list[Verdict]:
    """Education, degree field, credentials, supervised hours: any one route suffices."""
    pre = entry.prerequisites
    if pre is None or not pre.verified:
        return _warn(
            "prerequisites", f"prerequisites not verified: check with {entry.organization}"
        )
    if not pre.routes:
        return _pass("prerequisites", "no mandatory prerequisites")
    gaps = [(route, missing_for_route(route, profile, ctx.catalog)) for route in pre.routes]
    met = [route for route, missing in gaps if not missing]
    if met:
        return _pass("prerequisites", f"meets: {met[0].text}")
    route, missing = min(gaps, key=lambda gap: (len(gap[1]), -_level_met(gap[0], profile)))
    alternatives = f" (closest of {len(gaps)} routes)" if len(gaps) > 1 else ""
    return _fail(
        "prerequisites", f"requires {route.text}{alternatives}; missing: {'; '.join(missing)}"
    )


def cpr_aed(entry: Certification, profile: Profile, ctx: RuleContext) -> list[Verdict]:
    pre = entry.prerequisites
    if pre is None or entry.kind == "prerequisite":
        return []
    if pre.cpr_aed is None:
        return _warn("cpr-aed", "CPR/AED requirement not verified") if pre.verified else []
    if pre.cpr_aed is CprAed.NOT_REQUIRED:
        return _pass("cpr-aed", "no CPR/AED needed")
    if profile.holds(CPR_ID):
        return _pass("cpr-aed", "holds CPR/AED")
    if pre.cpr_aed is CprAed.AFTER_EXAM:
        return _warn("cpr-aed", "to do: CPR/AED (may be submitted after the exam)")
    return _fail("cpr-aed", "requires CPR/AED before the exam (get CPR-AED first)")


def budget(entry: Certification, profile: Profile, ctx: RuleContext) -> list[Verdict]:
    quote = ctx.quote(entry, profile)
    if not quote.verified:
        return _warn("budget", "price not verified")
    if profile.budget_usd is None:
        return _pass("budget", f"costs {money(quote.usd)} ({quote.route})")
    assert quote.usd is not None
    if quote.usd > profile.budget_usd:
        gap = quote.usd - profile.budget_usd
        return _fail("budget", f"{money(gap)} over budget ({money(quote.usd)}, {quote.route})")
    return _pass("budget", f"within budget: {money(quote.usd)} ({quote.route})")


def rule_changes(entry: Certification, profile: Profile, ctx: RuleContext) -> list[Verdict]:
    return [
        Verdict("rule-change", Outcome.WARN, f"from {c.effective.isoformat()}: {c.text}")
        for c in entry.rule_changes
        if c.effective > ctx.today
    ]


IDENTITY_RULES: list[Callable[[Identity, Profile, RuleContext], list[Verdict]]] = [
    kind,
    retired,
    goals,
]
RULES: list[Rule] = [
    kind,
    retired,
    already_held,
    goals,
    age,
    prerequisites,
    cpr_aed,
    budget,
    rule_changes,
]


def evaluate(entry: Certification, profile: Profile, ctx: RuleContext) -> list[Verdict]:
    """Every verdict of every rule, in the registry's order."""
    return [verdict for rule in RULES for verdict in rule(entry, profile, ctx)]


def identity_failures(entry: Identity, profile: Profile, ctx: RuleContext) -> list[Verdict]:
    """The failures of the rules about what a certification is (no need to read it all)."""
    return [v for rule in IDENTITY_RULES for v in rule(entry, profile, ctx) if v.failed]


# ----------------------------------------------------------------------------- routes


def meets_degree(route: Route, profile: Profile) -> bool:
    """The route's education level, held or (where allowed) in its final year."""
    if route.degree is None:
        return True
    if profile.education.rank >= route.degree.rank:
        return True
    return bool(
        route.final_year_students
        and profile.final_year
        and profile.final_year.rank >= route.degree.rank
    )


def _level_met(route: Route, profile: Profile) -> int:
    """How high a route's met education level is (-1 when not met): closer routes first."""
    if not meets_degree(route, profile):
        return -1
    return route.degree.rank if route.degree else 0


def missing_for_route(route: Route, profile: Profile, catalog: Catalog) -> list[str]:
    """What the person lacks for one route, in words; empty when the route is met."""
    missing = []
    if route.degree is not None and not meets_degree(route, profile):
        have = f"you have {profile.degree.phrase}" if profile.degree else "no degree given"
        missing.append(f"{route.degree.phrase} ({have})")
    elif route.fields and profile.field not in route.fields:
        fields = {t.id: t.name.lower() for t in catalog.vocabulary.degree_fields}
        wanted = ", ".join(fields.get(f, f) for f in route.fields)
        given = fields.get(profile.field, profile.field) if profile.field else "none given"
        missing.append(f"a degree in {wanted} (your field: {given})")
    for ref in route.credentials:
        if not any(catalog.satisfies(held, ref) for held in profile.have):
            missing.append(catalog.describe_requirement(ref))
    if route.credentials_any and not any(
        catalog.satisfies(held, ref) for held in profile.have for ref in route.credentials_any
    ):
        missing.append(" or ".join(catalog.describe_requirement(r) for r in route.credentials_any))
    # "Hands-on clinical exercise experience (hours)" -> "hands-on clinical exercise experience"
    kinds = {t.id: t.name.split(" (")[0].lower() for t in catalog.vocabulary.hour_kinds}
    for kind_id, needed in route.hours.items():
        hours = profile.hours.get(kind_id, 0)
        if hours < needed:
            missing.append(f"{needed:,} h of {kinds[kind_id]} (you have {hours:,})")
    for kind_id, years in route.years.items():
        held = profile.experience.get(kind_id, 0)
        if held < years:
            missing.append(f"{years:g} years of {kinds[kind_id]} (you have {held:g})")
    return missing
