"""Sections, soft scoring with reasons, and the result of `recommend`.

Every certification lands in one section: recommended (in reach now, perhaps after short
steps such as a CPR/AED course), later (after a long step: an age, a degree, hours, a base
credential), or excluded (off the goals, retired, held, superseded, over budget). The
recommended are ranked by a score that is a sum of named components, each with the reason
it was given; the weights live in one table, `WEIGHTS`, documented in the README. The
later are ordered by nearness: time, then unknown prices, then money.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from enum import StrEnum

from certadvise.advice.costs import Ownership, Quote, cost_of_ownership, money
from certadvise.advice.planning import Plan
from certadvise.advice.profile import CPR_ID, Profile
from certadvise.advice.rules import (
    Outcome,
    RuleContext,
    Verdict,
    cost_now,
    evaluate,
    identity_failures,
    recognized_in,
)
from certadvise.catalog.index import Catalog, Summary
from certadvise.catalog.models import Certification, Confidence

NOT_PRICED = Quote(None, "not priced: excluded before its price mattered")
NEAR_MISSES = 3  # over-budget certifications shown as near misses

# Points for each component of a score. Goal fit dominates; the rest break near-ties.
WEIGHTS: dict[str, float] = {
    "goal-fit": 40,  # share of the person's goals the certification serves
    "main-purpose": 10,  # its main purpose (first goal listed) is one of the person's goals
    "advice": 15,  # the sources advise it for this goal (and these credentials)
    "recommended": 5,  # each recommended prerequisite already met (at most two)
    "stacks": 10,  # builds on a credential the person holds: the natural next step
    "entry-point": 15,  # no goal given, no certification held: foundational ones first
    "market": 10,  # a recognized standard in the person's country (half: not its home market)
    "accreditation": 5,  # NCCA-accredited
    "pass-rate": 2,  # publishes a pass rate
    "cost": 10,  # the cheaper within the budget (or within the candidates' price range)
    "price-unverified": -10,  # ranked below otherwise-equal certifications with known prices
    "prerequisites-unverified": -5,  # unknown requirements are never a head start
    "low-confidence": -3,  # the catalog's facts about it are weak
}
MAX_POINTS = (
    WEIGHTS["goal-fit"]
    + WEIGHTS["main-purpose"]
    + WEIGHTS["advice"]
    + 2 * WEIGHTS["recommended"]
    + WEIGHTS["stacks"]
    + WEIGHTS["market"]
    + WEIGHTS["accreditation"]
    + WEIGHTS["pass-rate"]
    + WEIGHTS["cost"]
)


@dataclass(frozen=True)
class Component:
    name: str
    points: float
    reason: str


class Section(StrEnum):
    RECOMMENDED = "recommended"
    LATER = "later"
    EXCLUDED = "excluded"


@dataclass(frozen=True)
class Evaluation:
    """Everything decided about one certification for one person."""

    entry: Certification | Summary  # a Summary when excluded without reading the entry
    verdicts: tuple[Verdict, ...]
    quote: Quote
    plan: Plan | None = None  # None when excluded for what it is (retired, off the goals)
    components: tuple[Component, ...] = ()
    over_by_usd: float | None = None  # what it costs now beyond the budget

    @property
    def section(self) -> Section:
        if any(v.failed for v in self.verdicts):
            return Section.EXCLUDED
        if any(v.outcome is Outcome.LATER for v in self.verdicts):
            return Section.LATER
        return Section.RECOMMENDED

    @property
    def eligible(self) -> bool:
        return self.section is Section.RECOMMENDED

    @property
    def points(self) -> float:
        return round(sum(c.points for c in self.components), 2)

    @property
    def score(self) -> float:
        return round(min(1.0, max(0.0, self.points) / MAX_POINTS), 2)

    @property
    def failures(self) -> list[str]:
        return [v.reason for v in self.verdicts if v.failed]

    @property
    def warnings(self) -> list[str]:
        return [v.reason for v in self.verdicts if v.outcome is Outcome.WARN]

    @property
    def later_reasons(self) -> list[str]:
        return [v.reason for v in self.verdicts if v.outcome is Outcome.LATER]

    @property
    def cost_now_usd(self) -> float | None:
        """The exam and the short steps, as far as their prices are known."""
        if self.plan is None or not self.quote.verified:
            return None
        return cost_now(self.plan)


@dataclass(frozen=True)
class Recommendations:
    """The result of `recommend`: the three sections, and what was assumed."""

    profile: Profile
    assumptions: tuple[str, ...]
    ranked: tuple[Evaluation, ...]  # recommended, best first
    later: tuple[Evaluation, ...]  # nearest first
    excluded: tuple[Evaluation, ...]  # by id
    messages: tuple[str, ...] = field(default=())
    catalog: Catalog | None = field(default=None, repr=False)
    years: int = 3
    today: dt.date | None = None  # the day of the run: how old a price may be

    def find(self, cert_id: str) -> Evaluation | None:
        everything = (*self.ranked, *self.later, *self.excluded)
        return next((e for e in everything if e.entry.id == cert_id), None)

    @property
    def near_misses(self) -> tuple[Evaluation, ...]:
        """Over budget and otherwise in reach, the nearest first."""
        over = [ev for ev in self.excluded if _only_budget(ev)]
        over.sort(key=lambda ev: (ev.over_by_usd or 0, ev.entry.id))
        return tuple(over[:NEAR_MISSES])

    def ownership(self, ev: Evaluation) -> Ownership | None:
        """What holding a ranked certification costs over `years` (worked out on demand)."""
        if self.catalog is None or not isinstance(ev.entry, Certification):
            return None
        organization = self.catalog.organizations.get(ev.entry.organization)
        return cost_of_ownership(
            ev.entry, organization, self.profile.member, self.years, student=self.profile.student
        )


def _only_budget(ev: Evaluation) -> bool:
    failed = [v.rule for v in ev.verdicts if v.failed]
    return bool(failed) and all(rule == "budget" for rule in failed)


def score(
    entry: Certification,
    profile: Profile,
    quote: Quote,
    catalog: Catalog,
    reference_usd: float | None,
) -> list[Component]:
    """The soft components of a recommended certification's score."""
    parts: list[Component] = []
    served = [g for g in profile.goals if g in entry.goals]
    if served:
        share = len(served) / len(profile.goals)
        parts.append(
            Component("goal-fit", WEIGHTS["goal-fit"] * share, f"matches goal {', '.join(served)}")
        )
        if entry.goals and entry.goals[0] in profile.goals:
            parts.append(
                Component(
                    "main-purpose", WEIGHTS["main-purpose"], f"{entry.goals[0]} is its main purpose"
                )
            )
    elif not profile.goals and entry.category == "foundational-cpt" and not _certified(profile):
        parts.append(
            Component(
                "entry-point",
                WEIGHTS["entry-point"],
                "a foundational certification: where most fitness careers start",
            )
        )
    for advice in entry.advice:
        holds = not advice.holds_any or any(
            catalog.satisfies(h, ref) for h in profile.have for ref in advice.holds_any
        )
        if holds and any(g in profile.goals for g in advice.goals):
            parts.append(Component("advice", WEIGHTS["advice"], advice.text))
            break
    parts += _recommended(entry, profile, catalog)
    builds_on = _builds_on(entry, profile, catalog)
    if builds_on:
        parts.append(
            Component(
                "stacks", WEIGHTS["stacks"], f"builds on {', '.join(builds_on)}, which you hold"
            )
        )
    if profile.market in entry.markets:
        home = entry.markets[0] == profile.market
        parts.append(
            Component(
                "market",
                WEIGHTS["market"] * (1 if home else 0.5),
                f"recognized in {profile.market}" + (", its home market" if home else " too"),
            )
        )
    if entry.is_accredited_ncca:
        parts.append(Component("accreditation", WEIGHTS["accreditation"], "NCCA-accredited"))
    published = [r for r in entry.pass_rates if r.percent is not None]
    if published:
        latest = published[0]
        parts.append(
            Component(
                "pass-rate",
                WEIGHTS["pass-rate"],
                f"publishes a pass rate: {latest.percent:g}% ({latest.year})",
            )
        )
    parts.append(_cost(quote, profile, reference_usd))
    if entry.prerequisites is None or not entry.prerequisites.verified:
        parts.append(
            Component(
                "prerequisites-unverified",
                WEIGHTS["prerequisites-unverified"],
                "its prerequisites are not verified",
            )
        )
    if entry.confidence is Confidence.LOW:
        parts.append(
            Component(
                "low-confidence",
                WEIGHTS["low-confidence"],
                "the catalog's facts about it are weak (low confidence)",
            )
        )
    return parts


def _certified(profile: Profile) -> bool:
    return any(held != CPR_ID for held in profile.have)


def _builds_on(entry: Certification, profile: Profile, catalog: Catalog) -> list[str]:
    """Credentials the person holds that this entry's routes or advice build on."""
    pre = entry.prerequisites
    refs = [
        ref for r in (pre.routes if pre else ()) for ref in (*r.credentials, *r.credentials_any)
    ]
    refs += [ref for r in (pre.recommended if pre else ()) for ref in r.credentials_any]
    # A class of any category ("any NCCA-accredited certification") is a gate, not a base
    # that the entry builds on.
    refs = [ref for ref in refs if not _any_category(catalog, ref)]
    return [
        held
        for held in profile.have
        if held != CPR_ID and any(catalog.satisfies(held, ref) for ref in refs)
    ]


def _any_category(catalog: Catalog, ref: str) -> bool:
    cls = catalog.credential_class(ref)
    return cls is not None and cls.category is None


def _recommended(entry: Certification, profile: Profile, catalog: Catalog) -> list[Component]:
    found = []
    for item in entry.prerequisites.recommended if entry.prerequisites else ():
        if not item.credentials_any and item.degree is None:
            continue  # advice in words only: nothing to check
        by_credential = any(
            catalog.satisfies(h, r) for h in profile.have for r in item.credentials_any
        )
        by_degree = item.degree is not None and profile.education.rank >= item.degree.rank
        if by_credential or by_degree:
            found.append(
                Component(
                    "recommended",
                    WEIGHTS["recommended"],
                    f"you have what it recommends: {item.text}",
                )
            )
    return found[:2]


def _cost(quote: Quote, profile: Profile, reference_usd: float | None) -> Component:
    if quote.usd is None:
        return Component("price-unverified", WEIGHTS["price-unverified"], "price not verified")
    reference = profile.budget_usd or reference_usd
    if not reference:
        return Component("cost", 0, f"costs {money(quote.usd)}")
    share = min(1.0, quote.usd / reference)
    points = round(WEIGHTS["cost"] * (1 - share), 1)
    against = (
        f"of your {money(reference)} budget" if profile.budget_usd else "of the dearest option"
    )
    return Component("cost", points, f"costs {money(quote.usd)}, {share:.0%} {against}")


def market_rank(entry: Certification | Summary, profile: Profile) -> int:
    """Where the person works comes first: 0, its home market (the first it lists); 1,
    recognized there too, or internationally; 2, not stated; 3, another market's."""
    markets = entry.markets
    if not markets:
        return 2
    if markets[0] == profile.market:
        return 0
    return 1 if recognized_in(markets, profile.market) else 3


def advise(
    profile: Profile,
    assumptions: list[str],
    catalog: Catalog,
    today: dt.date,
    years: int = 3,
    explain: str | None = None,
) -> Recommendations:
    """Put every catalog entry in one section for `profile`, and rank each section.

    Entries off the person's goals are excluded for that reason alone, except `explain`,
    whose every rule is evaluated (for `--why`).
    """
    ctx = RuleContext(catalog, today, profile)
    judged: list[Evaluation] = []
    excluded: list[Evaluation] = []
    for summary in catalog.summaries.values():
        out = identity_failures(summary, profile, ctx) if summary.id != explain else []
        if out:  # retired, a prerequisite, off the goals: no need to read the entry
            excluded.append(Evaluation(summary, tuple(out), NOT_PRICED))
            continue
        entry = catalog.entries[summary.id]
        verdicts = tuple(evaluate(entry, profile, ctx))
        plan = ctx.plan(entry)
        quote = ctx.quote(entry)
        over = None
        if profile.budget_usd is not None and any(
            v.rule == "budget" and v.failed for v in verdicts
        ):
            over = cost_now(plan) - profile.budget_usd
        judged.append(Evaluation(entry, verdicts, quote, plan, over_by_usd=over))
    recommended = [ev for ev in judged if ev.section is Section.RECOMMENDED]
    prices = [ev.quote.usd for ev in recommended if ev.quote.usd is not None]
    reference = max(prices) if prices else None
    scored = [
        replace(ev, components=tuple(score(_entry(ev), profile, ev.quote, catalog, reference)))
        for ev in recommended
    ]
    budgeted = profile.budget_usd is not None
    scored.sort(
        key=lambda ev: (
            market_rank(ev.entry, profile),
            budgeted and not ev.quote.verified,  # an unknown price never outranks a fit
            -ev.points,
            not ev.quote.verified,
            ev.entry.id,
        )
    )
    later = [ev for ev in judged if ev.section is Section.LATER]
    later.sort(key=lambda ev: _nearness(ev, profile))
    excluded += [ev for ev in judged if ev.section is Section.EXCLUDED]
    excluded.sort(key=lambda ev: ev.entry.id)
    result = Recommendations(
        profile,
        tuple(assumptions),
        tuple(scored),
        tuple(later),
        tuple(excluded),
        catalog=catalog,
        years=years,
        today=today,
    )
    return replace(result, messages=tuple(_messages(result)))


def _nearness(ev: Evaluation, profile: Profile) -> tuple[object, ...]:
    """Later certifications, nearest first: time, then what is not known, then money.

    Unknown rules or prices are no head start: an entry whose prerequisites, CPR/AED rule
    or price nobody verified comes after an equally near one whose facts are known.
    """
    plan = _plan(ev)
    pre = _entry(ev).prerequisites
    unknowns = (pre is None or not pre.verified) + (pre is None or pre.cpr_aed is None)
    unpriced = sum(s.usd is None for s in plan.steps if not s.short)
    return (
        market_rank(ev.entry, profile),
        plan.time_unknown,  # "not known" is never nearest
        round(plan.months),
        unknowns + unpriced,
        plan.known_usd,
        ev.entry.id,
    )


def _entry(ev: Evaluation) -> Certification:
    assert isinstance(ev.entry, Certification)
    return ev.entry


def _plan(ev: Evaluation) -> Plan:
    assert ev.plan is not None
    return ev.plan


def _messages(result: Recommendations) -> list[str]:
    """Plain words on what fits, naming the real cause when nothing does."""
    said = []
    profile = result.profile
    catalog = result.catalog
    if profile.country is not None and catalog is not None:
        local = any(profile.market in s.markets for s in catalog.summaries.values())
        if not local:
            said.append(
                f"the catalog knows no certification recognized in {profile.market}: "
                "these are other markets' credentials; check what employers there ask for"
            )
    near = result.near_misses
    if (
        profile.budget_usd is not None
        and near
        and not any(ev.quote.verified for ev in result.ranked)
    ):
        budget = money(profile.budget_usd)
        said.append(f"no certification with a verified price fits your budget of {budget}")
        closest = near[0]
        said.append(
            f"the nearest is {closest.entry.id} at {money(closest.cost_now_usd)} "
            f"({money(closest.over_by_usd)} over budget)"
        )
    if not result.ranked:
        said.insert(0, "nothing is in reach now for this profile")
        if result.later and not near:  # a near miss is closer: no time, only money
            first = result.later[0]
            plan = _plan(first)
            steps = "; ".join(s.text for s in plan.long_steps)
            said.append(
                f"closest: {first.entry.id}, after: {steps} "
                f"({plan.time_text}; cost in all: {plan.cost_text})"
            )
    return said
