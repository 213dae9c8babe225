"""Eligibility rules: small pure functions (entry, judgement) -> verdicts.

A verdict passes, fails (the certification is excluded), warns, or says what stands in the
way: a short step to take now (`todo`: a CPR/AED course) or a long step that makes the
certification one for later (`later`: an age, a degree, hours, a base credential). The
gaps come from `certadvise.advice.gaps` through the planner, so a rule's reason and the
step a person is shown are worded from the same gap; prices, market fit and what a held
credential covers come from the person's `Judgement`. The registry is the plain list
`RULES`, in the order reasons are shown.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from certadvise import english
from certadvise.advice.cycles import past_windows, windows_verified
from certadvise.advice.gaps import GapKind
from certadvise.advice.judgement import Judgement
from certadvise.advice.plans import Plan, StepKind
from certadvise.advice.profile import Held
from certadvise.amounts import amount_text
from certadvise.catalog.index import Summary
from certadvise.catalog.models import Certification, CprAed, Status


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


Rule = Callable[[Certification, Judgement], Iterable[Verdict]]
Identity = Certification | Summary  # the identity rules read only what a Summary holds
Goals = tuple[str, ...]  # all the identity rules read of the person
IdentityRule = Callable[[Identity, Goals], list[Verdict]]


def _pass(rule: str, reason: str) -> list[Verdict]:
    return [Verdict(rule, Outcome.PASS, reason)]


def _fail(rule: str, reason: str) -> list[Verdict]:
    return [Verdict(rule, Outcome.FAIL, reason)]


def _warn(rule: str, reason: str) -> list[Verdict]:
    return [Verdict(rule, Outcome.WARN, reason)]


# ----------------------------------------------------------------------------- the rules


def kind(entry: Identity, wanted: Goals) -> list[Verdict]:
    if entry.kind == "prerequisite":
        return _fail("kind", "a prerequisite credential, not a certification to pursue on its own")
    if entry.kind == "licence" and not wanted:
        return _fail(
            "kind",
            "a licence or registration people hold: offered only for a goal that calls for it",
        )
    return []


def retired(entry: Identity, wanted: Goals) -> list[Verdict]:
    if entry.status is Status.RETIRED and entry.retired is not None:
        successor = f": replaced by {entry.retired.successor}" if entry.retired.successor else ""
        return _fail("retired", f"retired in {entry.retired.year}{successor}")
    return [ACTIVE]


ACTIVE = Verdict("retired", Outcome.PASS, "active")


def already_held(entry: Certification, judged: Judgement) -> list[Verdict]:
    """Held and current: nothing to take, only to keep. Held and lapsed: the way back."""
    held = judged.profile.held(entry.id)
    if held is None:
        return []
    if not held.lapsed:
        return _fail("already-held", f"already held: {renews(entry)}")
    return _pass("already-held", way_back_words(entry, held, judged.plan(entry)))


def way_back_words(entry: Certification, held: Held, plan: Plan) -> str:
    """What a lapsed credential's plan means: 'your NASM-CPT lapsed on 2025-09-30: past its
    windows, so the exam again' (or renew it late, or reinstate it); where the catalog
    does not know every window, what it knows, and whom to ask (renewals says the same)."""
    lapsed = f"your {entry.id} lapsed on {held.expires:%Y-%m-%d}"  # lapsed: it has a date
    way = {
        StepKind.RENEW: "renew it late, inside its grace window",
        StepKind.REINSTATE: "reinstate it without a new exam",
    }
    own = plan.own_steps[0].kind if plan.own_steps else None
    if own in way:
        return f"{lapsed}: {way[own]}"
    rec = entry.recertification
    ask = "" if windows_verified(rec) else f"; ask {entry.organization}"
    return f"{lapsed}: {past_windows(rec)}, so the exam again{ask}"


def renews(entry: Certification) -> str:
    """How a held credential is kept, in a few words that point to `renewals`."""
    rec = entry.recertification
    cycle = f"it renews {english.every(rec.period_years)}; " if rec and rec.period_years else ""
    return f"{cycle}`certadvise renewals` shows its deadline, CE and fees"


def covered(entry: Certification, judged: Judgement) -> list[Verdict]:
    """Never sell down: what a held credential covers is not offered to its holder."""
    found = judged.covered_by(entry)
    if found is None:
        return []
    return _fail("covered", f"covered by {found.held}, which you hold: {found.why}")


def goals(entry: Identity, wanted: Goals) -> list[Verdict]:
    if not wanted:
        return []
    return [_goal_verdict(wanted, entry.goals)]


@functools.lru_cache(maxsize=1024)  # a large catalog repeats a few sets of goals
def _goal_verdict(wanted: tuple[str, ...], serves: tuple[str, ...]) -> Verdict:
    served = [g for g in wanted if g in serves]
    if served:
        return Verdict("goal", Outcome.PASS, f"serves {', '.join(served)}")
    return Verdict("goal", Outcome.FAIL, f"does not serve: {', '.join(wanted)}")


NCCA_MARKETS = frozenset({"US"})  # where employers ask a CPT for the NCCA accreditation


def superseded(entry: Certification, judged: Judgement) -> list[Verdict]:
    """An entry-level CPT is not for someone past it.

    A CSCS holder does not need the NSCA-CPT (or another body's CPT): the CSCS asks for a
    degree, a CPT for a diploma, and gyms accept the CSCS for personal training. A CPT
    holder does not need a second CPT, unless theirs lacks the NCCA accreditation that
    this one has (US employers ask for it); someone who holds their own market's standard
    (an Australian Certificate IV) does not need another market's CPT for it. Another
    market's credential never makes the local standard unnecessary (a CSCS or a NASM-CPT
    in the UK, where gyms ask for the Level 3 diploma). A licence of another profession
    does not make it unnecessary either (a dietitian or a PTA who wants to train clients
    needs the CPT gyms ask for), unless its entry says it covers one (a physical
    therapist's, an athletic trainer's: `covered`).
    """
    if entry.category != "foundational-cpt":
        return []
    catalog = judged.catalog
    for held in judged.profile.have:
        other = catalog.entries[held] if held in catalog.summaries else None
        if other is None or other.kind not in ("certification", "licence"):
            continue
        if other.category == "foundational-cpt":
            if judged.profile.market not in NCCA_MARKETS and _the_local_standard(
                entry, other, judged
            ):
                continue  # no other market's CPT replaces the local one (AU, GB)
            local = judged.market_fit(other).standing in ("home", "recognized")
            foreign = judged.market_fit(entry).standing == "other"
            if other.is_accredited_ncca or not entry.is_accredited_ncca or (local and foreign):
                return _fail(
                    "superseded",
                    f"you hold {other.id}, a personal-trainer certification already: "
                    "a second one adds little",
                )
        elif (
            other.kind == "certification"
            and _entry_level(other) > _entry_level(entry)
            and not _the_local_standard(entry, other, judged)
        ):
            return _fail(
                "superseded",
                f"you hold {other.id}, which asks for more ({_level_phrase(other)}): "
                f"an entry-level CPT would add little",
            )
    return []


def _the_local_standard(entry: Certification, held: Certification, judged: Judgement) -> bool:
    """`entry` is the personal-trainer standard of the person's own market and what they
    hold is another market's credential: a CSCS in the UK is recognized for strength and
    conditioning, but gyms there ask for the Level 3 diploma, so it does not make it
    unnecessary."""
    return (
        judged.market_fit(entry).standing == "home" and judged.market_fit(held).standing != "home"
    )


def _level_phrase(entry: Certification) -> str:
    routes = entry.prerequisites.routes if entry.prerequisites else ()
    levels = [r.degree for r in routes if r.degree is not None]
    return min(levels, key=lambda level: level.rank).phrase if levels else "more"


def _entry_level(entry: Certification) -> int:
    """The lowest education any route of an entry asks for (0 when none)."""
    routes = entry.prerequisites.routes if entry.prerequisites else ()
    return min((r.degree.rank if r.degree else 0 for r in routes), default=0)


def age(entry: Certification, judged: Judgement) -> list[Verdict]:
    gap = next((g for g in judged.plan(entry).gaps if g.kind is GapKind.AGE), None)
    if gap is not None and gap.exception is not None:
        return [Verdict("age", Outcome.TODO, f"to do: sit it {gap.exception} ({gap.words})")]
    if gap is not None:
        return [Verdict("age", Outcome.LATER, f"must be {gap.words}")]
    pre = entry.prerequisites
    if pre is None or pre.min_age is None:
        return []
    if judged.profile.age is None:
        return _pass("age", f"must be at least {pre.min_age} (assumed)")
    return _pass("age", f"at least {pre.min_age} years old")


def prerequisites(entry: Certification, judged: Judgement) -> list[Verdict]:
    """Education, degree field, credentials, hours: the nearest route, and what it lacks."""
    pre = entry.prerequisites
    unverified = _warn(
        "prerequisites", f"prerequisites not verified: check with {entry.organization}"
    )
    if pre is None or (not pre.verified and not pre.routes):
        return unverified
    if not pre.routes:
        return _pass("prerequisites", "no mandatory prerequisites")
    plan = judged.plan(entry)
    if not plan.reachable:
        return _fail("prerequisites", plan.steps[0].text)
    if plan.own_steps and plan.own_steps[0].kind in (StepKind.RENEW, StepKind.REINSTATE):
        return _pass("prerequisites", "met when it was earned: a way back needs no new route")
    missing = [
        g.words
        for g in plan.gaps
        if g.kind not in (GapKind.AGE, GapKind.CPR_AED, GapKind.BASE_CREDENTIAL)
    ]
    said = [] if pre.verified else unverified  # what little is known still counts
    if not missing:
        return said or _pass("prerequisites", f"meets: {plan.route}")
    routes = len(pre.routes)
    alternatives = f" (nearest of {routes} routes)" if routes > 1 else ""
    return [
        *said,
        Verdict(
            "prerequisites",
            Outcome.LATER,
            f"requires {plan.route}{alternatives}; missing: {'; '.join(missing)}",
        ),
    ]


def base_credential(entry: Certification, judged: Judgement) -> list[Verdict]:
    """A specialization its organization advises taking after a base credential."""
    gap = next((g for g in judged.plan(entry).gaps if g.kind is GapKind.BASE_CREDENTIAL), None)
    if gap is None:
        return []
    return [Verdict("base-credential", Outcome.LATER, f"an add-on: {gap.have}")]


def cpr_aed(entry: Certification, judged: Judgement) -> list[Verdict]:
    pre = entry.prerequisites
    if pre is None or entry.kind == "prerequisite":
        return []
    if pre.cpr_aed is None:
        return _warn("cpr-aed", "CPR/AED requirement not verified") if pre.verified else []
    if pre.cpr_aed is CprAed.NOT_REQUIRED:
        return _pass("cpr-aed", "no CPR/AED needed")
    gap = next((g for g in judged.plan(entry).gaps if g.kind is GapKind.CPR_AED), None)
    if gap is None:
        card = "CPR/AED" if pre.cpr_credential == "CPR-AED" else pre.cpr_credential
        return _pass("cpr-aed", f"holds {card}")
    return [Verdict("cpr-aed", Outcome.TODO, f"to do: {gap.need}")]


def budget(entry: Certification, judged: Judgement) -> list[Verdict]:
    """What it costs now (the exam and the short steps) against the budget.

    Certifications for later are not held to today's budget: their plan shows the total.
    A price in another currency is compared through the catalog's dated rate table, and
    said to be approximate.
    """
    plan = judged.plan(entry)
    if plan.long_steps or not plan.reachable:
        return []
    quote = judged.quote(entry)
    limit = judged.profile.budget_usd
    if not quote.verified:
        if limit is not None and plan.cost_now_usd > limit:  # the known fees alone are over
            known = judged.in_own_currency(plan.cost_now_usd)
            over = judged.in_own_currency(plan.cost_now_usd - limit)
            return _fail("budget", f"{over} over budget on its known fees alone ({known})")
        return _warn("budget", "price not verified")
    if quote.usd is None:
        return _warn(
            "budget",
            f"price in {quote.currency} ({amount_text(quote.amount, quote.currency)}): "
            "no exchange rate to compare it with",
        )
    at_least = "at least " if any(s.usd is None for s in plan.short_steps) else ""
    year = judged.price_year(quote)
    now = judged.reads_cost_now(plan, quote) + (f" as of {year}" if year is not None else "")
    converted = judged.reads_converted(quote, plan)
    route = quote.route + (", converted at the catalog's rate" if converted else "")
    budget = judged.profile.budget
    if limit is None and budget is not None:
        return _warn("budget", f"no exchange rate for {budget.currency}: not compared")
    if limit is None:
        return _pass("budget", f"costs {at_least}{now} ({route})")
    if plan.cost_now_usd > limit:
        over = judged.reads_over_budget(plan, quote)
        return _fail("budget", f"{over} over budget ({now}, {route})")
    return _pass("budget", f"within budget: {at_least}{now} ({route})")


def market(entry: Certification, judged: Judgement) -> list[Verdict]:
    """Whether the certification is a recognized standard where the person will work.

    A credential of another market stays, with a warning and after the local ones, when
    its exam is sat only in ways open anywhere (test centres, remote proctoring, online):
    a UK trainer may still choose the NASM-CPT. One earned only through that market's
    own training providers, or whose delivery nobody verified, is not advice for
    elsewhere: a US teenager is not sent to an Australian Certificate IV.
    """
    fit = judged.market_fit(entry)
    if fit.standing in ("home", "recognized"):
        return _pass("market", fit.reason)
    if fit.standing == "unstated":
        return []
    if fit.portable:
        return _warn("market", fit.reason)
    delivery = entry.exam.delivery if entry.exam else ()
    cause = (
        "its exam is earned where it is the standard"
        if delivery
        else "how its exam is sat is not verified, so it may be earned only there"
    )
    return _fail("market", f"{fit.reason} ({cause})")


def rule_changes(entry: Certification, judged: Judgement) -> list[Verdict]:
    """A dated change of the rules that falls before the person's plan gets there."""
    if not entry.rule_changes:  # most entries: no need to work out when the plan gets there
        return []
    reached = judged.reached(judged.plan(entry))
    return [
        Verdict("rule-change", Outcome.WARN, f"from {c.effective.isoformat()}: {c.text}")
        for c in entry.rule_changes
        if judged.today < c.effective <= reached
    ]


def _on_goals(rule: IdentityRule) -> Rule:
    """An identity rule among the others: it is given the person's goals, nothing more."""

    def judged_on_goals(entry: Certification, judged: Judgement) -> list[Verdict]:
        return rule(entry, judged.profile.goals)

    return judged_on_goals


IDENTITY_RULES: list[IdentityRule] = [kind, retired, goals]
RULES: list[Rule] = [
    _on_goals(kind),
    _on_goals(retired),
    already_held,
    covered,
    superseded,
    _on_goals(goals),
    age,
    prerequisites,
    base_credential,
    cpr_aed,
    budget,
    market,
    rule_changes,
]


# The rules that read of the person only their situation (what they hold, with its dates;
# where they work; whether their age is known; when they graduate) and the plan: a batch's
# people in the same situation, planned the same way, are told the same.
SITUATION_RULES: frozenset[Rule] = frozenset(
    {already_held, covered, superseded, age, prerequisites, base_credential, cpr_aed, rule_changes}
)
# What the rules say of one entry for one situation, in the registry's order: the situation
# rules' verdicts, said once (runs of them joined), and the other rules, to ask each person.
Said = list[list[Verdict] | Rule]
SITUATION = "situation verdicts"  # their key, in a person's memo and in a batch's books


def evaluate(entry: Certification, judged: Judgement) -> list[Verdict]:
    """Every verdict of every rule, in the registry's order."""
    kept = _situation_verdicts(judged)
    if kept is None:
        return [verdict for rule in RULES for verdict in rule(entry, judged)]
    plan = judged.plan(entry)
    key = (entry.id, id(plan))  # the plan is kept beside it: its id stays its own
    found = kept.get(key)
    if found is None or found[0] is not plan:
        found = kept[key] = (plan, _said(entry, judged))
    verdicts: list[Verdict] = []
    for part in found[1]:
        verdicts += part if isinstance(part, list) else part(entry, judged)
    return verdicts


def _said(entry: Certification, judged: Judgement) -> Said:
    """The situation rules' verdicts of `entry`, and in their places the other rules."""
    said: Said = []
    for rule in RULES:
        if rule not in SITUATION_RULES:
            said.append(rule)
        elif verdicts := list(rule(entry, judged)):
            if said and isinstance(said[-1], list):
                said[-1] = [*said[-1], *verdicts]
            else:
                said.append(verdicts)
    return said


def _situation_verdicts(judged: Judgement) -> dict[tuple[str, int], tuple[Plan, Said]] | None:
    """What the situation rules said of each entry, for the people of a batch in this
    person's situation on the same day at the same pace; None outside a batch."""
    if judged.books is None:
        return None
    found: dict[tuple[str, int], tuple[Plan, Said]] | None = judged.memo.get(SITUATION)
    if found is None:
        p = judged.profile
        situation = (p.credentials, p.market, p.age is None, p.graduating)  # `have`: from these
        key = (SITUATION, judged.today, judged.pace, situation)
        found = judged.memo[SITUATION] = judged.books.kept.setdefault(key, {})
    return found


def identity_failures(entry: Summary, judged: Judgement) -> tuple[Verdict, ...]:
    """The failures of the rules about what a certification is (no need to read it all)."""
    return _identity_failures(entry, judged.profile.goals)


@functools.lru_cache(maxsize=1 << 14)  # they read only the goals: a batch repeats them
def _identity_failures(entry: Summary, wanted: Goals) -> tuple[Verdict, ...]:
    return tuple(v for rule in IDENTITY_RULES for v in rule(entry, wanted) if v.failed)
