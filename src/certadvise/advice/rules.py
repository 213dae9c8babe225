"""Eligibility rules: small pure functions (entry, profile, context) -> verdicts.

A verdict passes, fails (the certification is excluded), warns, or says what stands in the
way: a short step to take now (`todo`: a CPR/AED course) or a long step that makes the
certification one for later (`later`: an age, a degree, hours, a base credential). The
gaps come from `certadvise.advice.gaps` through the planner, so a rule's reason and the
step a person is shown are worded from the same gap. The registry is the plain list
`RULES`, in the order reasons are shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from certadvise.advice.costs import Quote, money
from certadvise.advice.gaps import GapKind
from certadvise.advice.planning import Plan, Planner
from certadvise.advice.profile import Profile
from certadvise.catalog.index import Catalog, Summary
from certadvise.catalog.models import Certification, CprAed, Delivery, Status

INTERNATIONAL = "international"
LOCAL_NAMED = 2  # local certifications named beside one from another market
# Ways an exam is sat that do not tie it to the market where it is the standard.
PORTABLE_DELIVERY = frozenset(
    {Delivery.TEST_CENTRE, Delivery.REMOTE_PROCTORED, Delivery.ONLINE, Delivery.ONLINE_OPEN_BOOK}
)


class Outcome(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    WARN = "warn"
    TODO = "todo"  # a short step to take now: the certification stays in reach
    LATER = "later"  # a long step first: the certification is one for later


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
    profile: Profile
    _planner: Planner | None = field(default=None, repr=False)
    _plans: dict[str, Plan] = field(default_factory=dict, repr=False)
    _local: list[dict[str, list[str]]] = field(default_factory=list, repr=False)
    _goals: dict[tuple[tuple[str, ...], ...], list[Verdict]] = field(
        default_factory=dict, repr=False
    )

    def goal_verdicts(self, served_by: tuple[str, ...], wanted: tuple[str, ...]) -> list[Verdict]:
        """The goal rule's verdict, once per distinct set of goals served (few in a catalog)."""
        key = (served_by, wanted)
        if key not in self._goals:
            self._goals[key] = _goal_verdicts(served_by, wanted)
        return self._goals[key]

    @property
    def planner(self) -> Planner:
        if self._planner is None:
            object.__setattr__(self, "_planner", Planner(self.catalog, self.profile))
        assert self._planner is not None
        return self._planner

    def plan(self, entry: Certification) -> Plan:
        """The nearest route to `entry` for this person, planned once."""
        if entry.id not in self._plans:
            self._plans[entry.id] = self.planner.plan(entry)
        return self._plans[entry.id]

    def local_alternatives(self, entry: Certification) -> list[str]:
        """A few active certifications recognized in the person's market that serve one of
        the person's goals (or, with none given, one of the entry's), by id."""
        if not self._local:  # the market's certifications by goal, a few each, listed once
            by_goal: dict[str, list[str]] = {}
            for e in self.catalog.summaries.values():  # summaries: no entry is read
                local = self.profile.market in e.markets and e.kind == "certification"
                if local and e.status is Status.ACTIVE:
                    for goal in e.goals:
                        ids = by_goal.setdefault(goal, [])
                        if len(ids) < LOCAL_NAMED + 1:
                            ids.append(e.id)
            self._local.append(by_goal)
        wanted = self.profile.goals or entry.goals
        found = [i for goal in wanted for i in self._local[0].get(goal, ()) if i != entry.id]
        return list(dict.fromkeys(found))[:LOCAL_NAMED]

    def quote(self, entry: Certification) -> Quote:
        """The cheapest way in for this person (member, student or non-member price)."""
        return self.planner.quote(entry)


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


def superseded(entry: Certification, profile: Profile, ctx: RuleContext) -> list[Verdict]:
    """An entry-level CPT is not for someone past it.

    A CSCS holder does not need the NSCA-CPT (or another body's CPT): the CSCS asks for a
    degree, a CPT for a diploma, and gyms accept the CSCS for personal training. A CPT
    holder does not need a second CPT, unless theirs lacks the NCCA accreditation that
    this one has (employers ask for it).
    """
    if entry.category != "foundational-cpt":
        return []
    for held in profile.have:
        other = ctx.catalog.entries.get(held) if held in ctx.catalog.summaries else None
        if other is None or other.kind != "certification":
            continue
        if other.category == "foundational-cpt":
            if other.is_accredited_ncca or not entry.is_accredited_ncca:
                return _fail(
                    "superseded",
                    f"you hold {other.id}, a personal-trainer certification already: "
                    "a second one adds little",
                )
        elif _entry_level(other) > _entry_level(entry):
            return _fail(
                "superseded",
                f"you hold {other.id}, which asks for more ({_level_phrase(other)}): "
                f"an entry-level CPT would add little",
            )
    return []


def _level_phrase(entry: Certification) -> str:
    routes = entry.prerequisites.routes if entry.prerequisites else ()
    levels = [r.degree for r in routes if r.degree is not None]
    return min(levels, key=lambda level: level.rank).phrase if levels else "more"


def _entry_level(entry: Certification) -> int:
    """The lowest education any route of an entry asks for (0 when none)."""
    routes = entry.prerequisites.routes if entry.prerequisites else ()
    return min((r.degree.rank if r.degree else 0 for r in routes), default=0)


def age(entry: Certification, profile: Profile, ctx: RuleContext) -> list[Verdict]:
    gap = next((g for g in ctx.plan(entry).gaps if g.kind is GapKind.AGE), None)
    if gap is not None:
        return [Verdict("age", Outcome.LATER, f"must be {gap.words}")]
    pre = entry.prerequisites
    if pre is None or pre.min_age is None:
        return []
    if profile.age is None:
        return _pass("age", f"must be at least {pre.min_age} (assumed)")
    return _pass("age", f"at least {pre.min_age} years old")


def prerequisites(entry: Certification, profile: Profile, ctx: RuleContext) -> list[Verdict]:
    """Education, degree field, credentials, hours: the nearest route, and what it lacks."""
    pre = entry.prerequisites
    if pre is None or not pre.verified:
        return _warn(
            "prerequisites", f"prerequisites not verified: check with {entry.organization}"
        )
    if not pre.routes:
        return _pass("prerequisites", "no mandatory prerequisites")
    plan = ctx.plan(entry)
    if not plan.reachable:
        return _fail("prerequisites", plan.steps[0].text)
    missing = [
        g.words
        for g in plan.gaps
        if g.kind not in (GapKind.AGE, GapKind.CPR_AED, GapKind.BASE_CREDENTIAL)
    ]
    if not missing:
        return _pass("prerequisites", f"meets: {plan.route}")
    routes = len(pre.routes)
    alternatives = f" (nearest of {routes} routes)" if routes > 1 else ""
    return [
        Verdict(
            "prerequisites",
            Outcome.LATER,
            f"requires {plan.route}{alternatives}; missing: {'; '.join(missing)}",
        )
    ]


def base_credential(entry: Certification, profile: Profile, ctx: RuleContext) -> list[Verdict]:
    """A specialization its organization advises taking after a base credential."""
    gap = next((g for g in ctx.plan(entry).gaps if g.kind is GapKind.BASE_CREDENTIAL), None)
    if gap is None:
        return []
    return [Verdict("base-credential", Outcome.LATER, f"an add-on: {gap.have}")]


def cpr_aed(entry: Certification, profile: Profile, ctx: RuleContext) -> list[Verdict]:
    pre = entry.prerequisites
    if pre is None or entry.kind == "prerequisite":
        return []
    if pre.cpr_aed is None:
        return _warn("cpr-aed", "CPR/AED requirement not verified") if pre.verified else []
    if pre.cpr_aed is CprAed.NOT_REQUIRED:
        return _pass("cpr-aed", "no CPR/AED needed")
    gap = next((g for g in ctx.plan(entry).gaps if g.kind is GapKind.CPR_AED), None)
    if gap is None:
        return _pass("cpr-aed", "holds CPR/AED")
    return [Verdict("cpr-aed", Outcome.TODO, f"to do: {gap.need}")]


def budget(entry: Certification, profile: Profile, ctx: RuleContext) -> list[Verdict]:
    """What it costs now (the exam and the short steps) against the budget.

    Certifications for later are not held to today's budget: their plan shows the total.
    """
    plan = ctx.plan(entry)
    if plan.long_steps or not plan.reachable:
        return []
    quote = ctx.quote(entry)
    if not quote.verified:
        return _warn("budget", "price not verified")
    now = cost_now(plan)
    at_least = "at least " if any(s.usd is None for s in plan.short_steps) else ""
    if profile.budget_usd is None:
        return _pass("budget", f"costs {at_least}{money(now)} ({quote.route})")
    if now > profile.budget_usd:
        gap = now - profile.budget_usd
        return _fail("budget", f"{money(gap)} over budget ({money(now)}, {quote.route})")
    return _pass("budget", f"within budget: {at_least}{money(now)} ({quote.route})")


def cost_now(plan: Plan) -> float:
    """The known cost of what is done now: the short steps and the exam."""
    return sum(s.usd for s in plan.steps if s.usd is not None and (s.short or s.kind == "exam"))


def market(entry: Certification, profile: Profile, ctx: RuleContext) -> list[Verdict]:
    """Whether the certification is a recognized standard where the person will work.

    A credential of another market stays, with a warning and after the local ones, when
    its exam is sat only in ways open anywhere (test centres, remote proctoring, online):
    a UK trainer may still choose the NASM-CPT. One earned only through that market's
    own training providers, or whose delivery nobody verified, is not advice for
    elsewhere: a US teenager is not sent to an Australian Certificate IV.
    """
    if not entry.markets:
        return []
    where = profile.market
    if recognized_in(entry.markets, where):
        return _pass("market", f"recognized in {where}")
    said = f"a {', '.join(entry.markets)} credential: not the usual standard in {where}"
    local = ctx.local_alternatives(entry)
    if local:
        said += f", where {' or '.join(local)} is"
    delivery = entry.exam.delivery if entry.exam else ()
    if delivery and all(d in PORTABLE_DELIVERY for d in delivery):
        return _warn("market", said)
    return _fail("market", f"{said} (and it is earned where it is the standard)")


def recognized_in(markets: tuple[str, ...], country: str) -> bool:
    """A credential is a recognized standard in `country`, or everywhere."""
    return country in markets or INTERNATIONAL in markets


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
    superseded,
    goals,
    age,
    prerequisites,
    base_credential,
    cpr_aed,
    budget,
    market,
    rule_changes,
]


def evaluate(entry: Certification, profile: Profile, ctx: RuleContext) -> list[Verdict]:
    """Every verdict of every rule, in the registry's order."""
    return [verdict for rule in RULES for verdict in rule(entry, profile, ctx)]


def identity_failures(entry: Identity, profile: Profile, ctx: RuleContext) -> list[Verdict]:
    """The failures of the rules about what a certification is (no need to read it all)."""
    return [v for rule in IDENTITY_RULES for v in rule(entry, profile, ctx) if v.failed]
