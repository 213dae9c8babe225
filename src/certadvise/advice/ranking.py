"""Sections, soft scoring with reasons, and the result of `recommend`.

Every certification lands in one section: recommended (in reach now, perhaps after short
steps such as a CPR/AED course), later (after a long step: an age, a degree, hours, a base
credential), or excluded (off the goals, retired, held, covered, superseded, over budget).
The recommended are ranked by a score that is a sum of named components, each with the
reason it was given; the weights live in one table, `WEIGHTS`, documented in the README.
The later are ordered by nearness: time, then unknown prices, then money.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from certadvise.advice.costs import Ownership, Quote
from certadvise.advice.gaps import base_advice
from certadvise.advice.judgement import MARKET_POINTS, Judgement
from certadvise.advice.plans import Plan, StepKind
from certadvise.advice.profile import CPR_ID, Profile
from certadvise.advice.rules import Outcome, Verdict, evaluate, identity_failures
from certadvise.catalog.index import Summary
from certadvise.catalog.models import Certification, Confidence
from certadvise.collector import without_gc
from certadvise.kept import kept

NOT_PRICED = Quote(None, "not priced: excluded before its price mattered")
NEAR_MISSES = 3  # over-budget certifications shown as near misses
# How `recommendations` are ordered: these keys first, then the score (see the README).
ORDER = ("market", "verified-price", "score")

# Points for each component of a score. Goal fit dominates; the rest break near-ties.
WEIGHTS: dict[str, float] = {
    "goal-fit": 40,  # share of the person's goals the certification serves
    "main-purpose": 10,  # its main purpose (first goal listed) is one of the person's goals
    "advice": 15,  # the sources advise it for this goal (and these credentials)
    "recommended": 5,  # the base its organization recommends first is met
    "stacks": 10,  # builds on a credential the person holds: the natural next step
    "entry-point": 15,  # no goal given, no certification held: foundational ones first
    "lapsed": 30,  # the person held it: its way back (renew late, reinstate) comes first
    "market": MARKET_POINTS["home"],  # by standing: home 10, recognized 5, another's -20
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
    + WEIGHTS["recommended"]
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

    @kept  # asked by every step of the ranking and of the views
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
        """The exam and the short steps, as far as their prices are known (in USD)."""
        if self.plan is None or self.quote.usd is None:
            return None
        return self.plan.cost_now_usd

    def cost_now_in(self, judged: Judgement) -> str:
        """What it costs now as the person reads it ('£1,500', '≈ A$1,236'), with the year
        of a stale price ('$289 (2020)')."""
        if self.plan is None:
            return judged.in_own_currency(None)
        if self.quote.usd is None:  # what is known of it: the fees beside the price
            known = self.plan.cost_now_usd
            return f"at least {judged.in_own_currency(known)}" if known else "not verified"
        year = judged.price_year(self.quote)
        dated = f" ({year})" if year is not None else ""
        return judged.reads_cost_now(self.plan, self.quote) + dated

    def over_by_in(self, judged: Judgement) -> str:
        """How far over the budget, as the person reads it ('£1,100', '≈ £195')."""
        if self.plan is None or self.over_by_usd is None:
            return judged.in_own_currency(self.over_by_usd)
        return judged.reads_over_budget(self.plan, self.quote)


@dataclass(frozen=True)
class Recommendations:
    """The result of `recommend`: the three sections, and what was assumed."""

    judged: Judgement
    assumptions: tuple[str, ...]
    ranked: tuple[Evaluation, ...]  # recommended, best first
    later: tuple[Evaluation, ...]  # nearest first
    excluded: tuple[Evaluation, ...]  # by id

    @kept  # the preface of every view
    def messages(self) -> tuple[str, ...]:
        """Plain words on what fits, naming the real cause when nothing does."""
        return tuple(_messages(self))

    @property
    def profile(self) -> Profile:
        return self.judged.profile

    def assumptions_for(self, shown: Iterable[Evaluation]) -> tuple[str, ...]:
        """What was assumed, for a person shown `shown` (and the near misses): old exchange
        rates are said only when a price they read, or their budget, was converted."""
        judged = self.judged
        read = (*shown, *self.near_misses)
        converted = judged.budget_converted or any(
            judged.reads_converted(ev.quote, ev.plan) for ev in read
        )
        if not (judged.rates_stale and converted):
            return self.assumptions
        month = judged.converter.month
        stale = f"exchange rates from {month} are more than 6 months old: conversions drift"
        return (*self.assumptions, stale)

    def find(self, cert_id: str) -> Evaluation | None:
        everything = (*self.ranked, *self.later, *self.excluded)
        return next((e for e in everything if e.entry.id == cert_id), None)

    @kept  # asked by every view of the answer
    def near_misses(self) -> tuple[Evaluation, ...]:
        """Over budget and otherwise in reach: the person's own market's first, as in
        `recommendations` (a British PT's Level 3 diploma before a US add-on £20 over),
        then the nearest."""
        over = [ev for ev in self.excluded if ev.plan is not None and _only_budget(ev)]
        fit = self.judged.market_fit
        over.sort(key=lambda ev: (fit(ev.entry).rank, ev.over_by_usd or 0, ev.entry.id))
        return tuple(over[:NEAR_MISSES])

    def ownership(self, ev: Evaluation) -> Ownership | None:
        """What holding a ranked certification costs over the judgement's years."""
        if not isinstance(ev.entry, Certification):
            return None
        return self.judged.ownership(ev.entry)


def _only_budget(ev: Evaluation) -> bool:
    failed = [v.rule for v in ev.verdicts if v.failed]
    return bool(failed) and all(rule == "budget" for rule in failed)


def score(
    entry: Certification, judged: Judgement, quote: Quote, reference_usd: float | None
) -> list[Component]:
    """The soft components of a recommended certification's score."""
    profile, catalog = judged.profile, judged.catalog
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
    elif not profile.goals and entry.category == "foundational-cpt" and not _certified(judged):
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
    based = base_advice(entry, profile, catalog)
    if based is not None and based.met:
        parts.append(
            Component(
                "recommended",
                WEIGHTS["recommended"],
                f"you have what {entry.organization} advises first: {based.how}",
            )
        )
    builds_on = _builds_on(entry, judged)
    if builds_on:
        parts.append(
            Component(
                "stacks", WEIGHTS["stacks"], f"builds on {', '.join(builds_on)}, which you hold"
            )
        )
    held = profile.held(entry.id)
    if held is not None and held.lapsed:
        plan = judged.plan(entry)
        back = plan.own_steps[0].kind if plan.own_steps else None
        how = "renew it late" if back is StepKind.RENEW else "reinstate it"
        if back in (StepKind.RENEW, StepKind.REINSTATE):
            parts.append(
                Component(
                    "lapsed",
                    WEIGHTS["lapsed"],
                    f"you held it until it lapsed: {how} rather than start a new one",
                )
            )
    fit = judged.market_fit(entry)
    if fit.standing != "unstated" and fit.points:
        parts.append(Component("market", fit.points, fit.reason))
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
    parts.append(_cost(quote, judged, reference_usd))
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


def _certified(judged: Judgement) -> bool:
    return any(held != CPR_ID for held in judged.profile.have)


def _builds_on(entry: Certification, judged: Judgement) -> list[str]:
    """Credentials the person holds that this entry's routes or advice build on."""
    catalog = judged.catalog
    pre = entry.prerequisites
    refs = [
        ref for r in (pre.routes if pre else ()) for ref in (*r.credentials, *r.credentials_any)
    ]
    refs += [ref for r in (pre.recommended if pre else ()) for ref in r.credentials_any]
    # A class of any category ("any NCCA-accredited certification") is a gate, not a base
    # that the entry builds on.
    refs = [ref for ref in refs if not _any_category(judged, ref)]
    return [
        held
        for held in judged.profile.have
        if held != CPR_ID and any(catalog.satisfies(held, ref) for ref in refs)
    ]


def _any_category(judged: Judgement, ref: str) -> bool:
    cls = judged.catalog.credential_class(ref)
    return cls is not None and cls.category is None and cls.kind is None


def _cost(quote: Quote, judged: Judgement, reference_usd: float | None) -> Component:
    if quote.usd is None:
        return Component("price-unverified", WEIGHTS["price-unverified"], "price not verified")
    price = judged.reads_price(quote)
    year = judged.price_year(quote)
    if year is not None:
        return Component("cost", 0, f"costs {price} as of {year}: too old to count as cheap")
    budget = judged.profile.budget_usd
    reference = budget or reference_usd
    if not reference:
        return Component("cost", 0, f"costs {price}")
    share = min(1.0, quote.usd / reference)
    points = round(WEIGHTS["cost"] * (1 - share), 1)
    against = f"of your {judged.reads_budget()} budget" if budget else "of the dearest option"
    return Component("cost", points, f"costs {price}, {share:.0%} {against}")


def advise(
    judged: Judgement, assumptions: list[str], explain: str | None = None
) -> Recommendations:
    """Put every catalog entry in one section for the person, and rank each section.

    Entries off the person's goals are excluded for that reason alone, except `explain`,
    whose every rule is evaluated (for `--why`).
    """
    with without_gc():  # plans and verdicts for thousands of entries, none in a cycle
        return _advise(judged, assumptions, explain)


def _advise(judged: Judgement, assumptions: list[str], explain: str | None) -> Recommendations:
    catalog, profile = judged.catalog, judged.profile
    weighed: list[Evaluation] = []
    left_out, to_weigh = _by_identity(judged, explain)
    excluded = list(left_out)
    for summary in to_weigh:
        entry = catalog.entries[summary.id]
        verdicts = tuple(evaluate(entry, judged))
        plan = judged.plan(entry)
        quote = judged.quote(entry)
        over = None
        if profile.budget_usd is not None and any(
            v.rule == "budget" and v.failed for v in verdicts
        ):
            over = plan.cost_now_usd - profile.budget_usd
        weighed.append(Evaluation(entry, verdicts, quote, plan, over_by_usd=over))
    recommended = [ev for ev in weighed if ev.section is Section.RECOMMENDED]
    prices = [ev.quote.usd for ev in recommended if ev.quote.usd is not None]
    reference = max(prices) if prices else None
    scored = [
        replace(ev, components=tuple(score(_entry(ev), judged, ev.quote, reference)))
        for ev in recommended
    ]
    budgeted = profile.budget_usd is not None
    scored.sort(
        key=lambda ev: (
            judged.market_fit(ev.entry).rank,
            budgeted and ev.quote.usd is None,  # an unknown price never outranks a fit
            -ev.points,
            ev.quote.usd is None,
            ev.entry.id,
        )
    )
    later = [ev for ev in weighed if ev.section is Section.LATER]
    later.sort(key=lambda ev: _nearness(ev, judged))
    excluded += [ev for ev in weighed if ev.section is Section.EXCLUDED]
    excluded.sort(key=lambda ev: ev.entry.id)
    return Recommendations(judged, tuple(assumptions), tuple(scored), tuple(later), tuple(excluded))


def _by_identity(
    judged: Judgement, explain: str | None
) -> tuple[tuple[Evaluation, ...], tuple[Summary, ...]]:
    """The entries left out for what they are (retired, a prerequisite, off the goals: no
    need to read them), and the others, in catalog order. They read only the goals, so a
    batch's people with the same goals share them."""
    books, goals = judged.books, judged.profile.goals
    key = ("left out by identity", goals)
    if explain is None and books is not None and key in books.kept:
        found: tuple[tuple[Evaluation, ...], tuple[Summary, ...]] = books.kept[key]
        return found
    left_out: list[Evaluation] = []
    to_weigh: list[Summary] = []
    for summary in judged.catalog.summaries.values():
        out = identity_failures(summary, judged) if summary.id != explain else ()
        if out:
            left_out.append(Evaluation(summary, out, NOT_PRICED))
        else:
            to_weigh.append(summary)
    found = (tuple(left_out), tuple(to_weigh))
    if explain is None and books is not None:
        books.kept[key] = found
    return found


def _nearness(ev: Evaluation, judged: Judgement) -> tuple[object, ...]:
    """Later certifications, nearest first: time, then what is not known, then money.

    Unknown rules or prices are no head start: an entry whose prerequisites, CPR/AED rule
    or price nobody verified comes after an equally near one whose facts are known.
    """
    plan = _plan(ev)
    pre = _entry(ev).prerequisites
    unknowns = (pre is None or not pre.verified) + (pre is None or pre.cpr_aed is None)
    unpriced = sum(s.usd is None for s in plan.steps if not s.short)
    return (
        judged.market_fit(ev.entry).rank,
        plan.time_unknown,  # "not known" is never nearest
        round(plan.months_to_order),
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
    said = []
    judged = result.judged
    profile = judged.profile
    if profile.country is not None:
        local = any(profile.market in s.markets for s in judged.catalog.summaries.values())
        if not local:
            said.append(
                f"the catalog knows no certification recognized in {profile.market}: "
                "these are other markets' credentials; check what employers there ask for"
            )
    near = result.near_misses
    if (
        profile.budget is not None
        and near
        and not any(ev.quote.usd is not None for ev in result.ranked)
    ):
        budget = profile.budget.text
        said.append(f"no certification with a verified price fits your budget of {budget}")
        closest = min(near, key=lambda ev: ev.over_by_usd or 0)  # by money, whatever market
        cost = closest.cost_now_in(judged)  # '$349', or 'at least $115' beside a price unknown
        said.append(
            f"the nearest is {closest.entry.id}{',' if cost.startswith('at ') else ' at'} {cost}"
            f" ({closest.over_by_in(judged)} over budget)"
        )
    if not result.ranked:
        said.insert(0, "nothing is in reach now for this profile")
        if result.later and not near:  # a near miss is closer: no time, only money
            first = result.later[0]
            plan = _plan(first)
            steps = "; ".join(s.text for s in plan.long_steps)
            said.append(
                f"closest: {first.entry.id}, after: {steps} "
                f"({plan.time_text}; cost in all: {judged.plan_cost(plan)})"
            )
    return said
