"""Soft scoring with reasons, and the ranked result of `recommend`.

A score is a sum of named components, each with the reason it was given, so "why" and
"why not" come for free. The weights live in one table, `WEIGHTS`, documented in the README.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from certadvise.advice.costs import Ownership, Quote, cost_of_ownership, money
from certadvise.advice.profile import CPR_ID, Profile
from certadvise.advice.rules import Outcome, RuleContext, Verdict, evaluate, identity_failures
from certadvise.catalog.index import Catalog, Summary
from certadvise.catalog.models import Certification, Confidence

NOT_PRICED = Quote(None, "not priced: excluded before its price mattered")

# Points for each component of a score. Goal fit dominates; the rest break near-ties.
WEIGHTS: dict[str, float] = {
    "goal-fit": 40,  # share of the person's goals the certification serves
    "main-purpose": 10,  # its main purpose (first goal listed) is one of the person's goals
    "advice": 15,  # the sources advise it for this goal (and these credentials)
    "recommended": 5,  # each recommended prerequisite already met (at most two)
    "stacks": 5,  # builds on a credential already held from the same organization
    "accreditation": 5,  # NCCA-accredited
    "pass-rate": 2,  # publishes a pass rate
    "cost": 10,  # the cheaper within the budget (or within the candidates' price range)
    "price-unverified": -10,  # ranked below otherwise-equal certifications with known prices
    "low-confidence": -3,  # the catalog's facts about it are weak
}
MAX_POINTS = (
    WEIGHTS["goal-fit"]
    + WEIGHTS["main-purpose"]
    + WEIGHTS["advice"]
    + 2 * WEIGHTS["recommended"]
    + WEIGHTS["stacks"]
    + WEIGHTS["accreditation"]
    + WEIGHTS["pass-rate"]
    + WEIGHTS["cost"]
)


@dataclass(frozen=True)
class Component:
    name: str
    points: float
    reason: str


@dataclass(frozen=True)
class Evaluation:
    """Everything decided about one certification for one person."""

    entry: Certification | Summary  # a Summary when excluded without reading the entry
    verdicts: tuple[Verdict, ...]
    quote: Quote
    components: tuple[Component, ...] = ()

    @property
    def eligible(self) -> bool:
        return not any(v.failed for v in self.verdicts)

    @property
    def points(self) -> float:
        return round(sum(c.points for c in self.components), 2)

    @property
    def score(self) -> float:
        return round(max(0.0, self.points) / MAX_POINTS, 2)

    @property
    def failures(self) -> list[str]:
        return [v.reason for v in self.verdicts if v.failed]

    @property
    def warnings(self) -> list[str]:
        return [v.reason for v in self.verdicts if v.outcome is Outcome.WARN]


@dataclass(frozen=True)
class Recommendations:
    """The result of `recommend`: ranked, excluded, and what was assumed."""

    profile: Profile
    assumptions: tuple[str, ...]
    ranked: tuple[Evaluation, ...]
    excluded: tuple[Evaluation, ...]
    messages: tuple[str, ...] = field(default=())
    catalog: Catalog | None = field(default=None, repr=False)
    years: int = 3

    def find(self, cert_id: str) -> Evaluation | None:
        return next((e for e in (*self.ranked, *self.excluded) if e.entry.id == cert_id), None)

    def ownership(self, ev: Evaluation) -> Ownership | None:
        """What holding a ranked certification costs over `years` (worked out on demand)."""
        if self.catalog is None or not isinstance(ev.entry, Certification):
            return None
        organization = self.catalog.organizations.get(ev.entry.organization)
        return cost_of_ownership(ev.entry, organization, self.profile.member, self.years)


def score(
    entry: Certification,
    profile: Profile,
    quote: Quote,
    catalog: Catalog,
    reference_usd: float | None,
) -> list[Component]:
    """The soft components of an eligible certification's score."""
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
    for advice in entry.advice:
        holds = not advice.holds_any or any(
            catalog.satisfies(h, ref) for h in profile.have for ref in advice.holds_any
        )
        if holds and any(g in profile.goals for g in advice.goals):
            parts.append(Component("advice", WEIGHTS["advice"], advice.text))
            break
    parts += _recommended(entry, profile, catalog)
    same_org = [
        h
        for h in profile.have
        if h != CPR_ID
        and h in catalog.entries
        and catalog.entries[h].organization == entry.organization
    ]
    if same_org:
        parts.append(
            Component(
                "stacks",
                WEIGHTS["stacks"],
                f"stacks on {', '.join(same_org)} you hold ({entry.organization})",
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
    if entry.confidence is Confidence.LOW:
        parts.append(
            Component(
                "low-confidence",
                WEIGHTS["low-confidence"],
                "the catalog's facts about it are weak (low confidence)",
            )
        )
    return parts


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
                    "recommended", WEIGHTS["recommended"], f"you have the recommended {item.text}"
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


def advise(
    profile: Profile,
    assumptions: list[str],
    catalog: Catalog,
    today: dt.date | None = None,
    years: int = 3,
    explain: str | None = None,
) -> Recommendations:
    """Evaluate every catalog entry for `profile`; rank the eligible, explain the rest.

    Entries off the person's goals are excluded for that reason alone, except `explain`,
    whose every rule is evaluated (for `--why`).
    """
    ctx = RuleContext(catalog, today or dt.date.today())
    judged: list[tuple[Certification, tuple[Verdict, ...], Quote]] = []
    excluded: list[Evaluation] = []
    for summary in catalog.summaries.values():
        out = identity_failures(summary, profile, ctx) if summary.id != explain else []
        if out:  # retired, a prerequisite, off the goals: no need to read the entry
            excluded.append(Evaluation(summary, tuple(out), NOT_PRICED))
            continue
        entry = catalog.entries[summary.id]
        judged.append((entry, tuple(evaluate(entry, profile, ctx)), ctx.quote(entry, profile)))
    eligible = [(e, v, q) for e, v, q in judged if not any(x.failed for x in v)]
    prices = [q.usd for _, _, q in eligible if q.usd is not None]
    reference = max(prices) if prices else None

    ranked = sorted(
        (
            Evaluation(e, v, q, tuple(score(e, profile, q, catalog, reference)))
            for e, v, q in eligible
        ),
        key=lambda ev: (-ev.points, not ev.quote.verified, ev.entry.id),
    )
    excluded += [Evaluation(e, v, q) for e, v, q in judged if any(x.failed for x in v)]
    excluded.sort(key=lambda ev: ev.entry.id)
    return Recommendations(
        profile,
        tuple(assumptions),
        tuple(ranked),
        tuple(excluded),
        tuple(_messages(profile, ranked, tuple(excluded))),
        catalog,
        years,
    )


def _messages(
    profile: Profile, ranked: list[Evaluation], excluded: tuple[Evaluation, ...]
) -> list[str]:
    """Plain words on what fits and what comes closest."""
    said = []
    over_budget_only = sorted(
        (
            ev
            for ev in excluded
            if ev.quote.usd is not None and all(v.rule == "budget" for v in ev.verdicts if v.failed)
        ),
        key=lambda ev: (ev.quote.usd or 0, ev.entry.id),
    )
    if profile.budget_usd is not None and not any(ev.quote.verified for ev in ranked):
        budget = money(profile.budget_usd)
        said.append(f"no certification with a verified price fits your budget of {budget}")
        if over_budget_only:
            closest = over_budget_only[0]
            gap = (closest.quote.usd or 0) - profile.budget_usd
            said.append(
                f"the cheapest you are eligible for is {closest.entry.id} at "
                f"{money(closest.quote.usd)} ({money(gap)} over budget)"
            )
    if not ranked:
        said.insert(0, "nothing fits this profile")
        if not over_budget_only:
            serving = [
                ev
                for ev in excluded
                if not any(v.rule in ("goal", "kind", "retired") and v.failed for v in ev.verdicts)
            ]
            if serving:
                closest = min(serving, key=lambda ev: (len(ev.failures), ev.entry.id))
                said.append(f"closest: {closest.entry.id}: {'; '.join(closest.failures)}")
    return said
