"""The judgement of one person against one catalog: what every command asks.

`list`, `show`, `compare`, `path`, `recommend` and `renewals` each ask the same object for
a certification's price (in its currency, with its tier, date and a conversion when
needed), its plan, its fit with the person's market, what the person already holds that
covers it, and the cost of holding it; so no two commands can disagree about them.
Views only format what it says.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from certadvise.advice.costs import Ownership, Part, Quote, cost_of_ownership
from certadvise.advice.money import Converter, country_currency
from certadvise.advice.planner import STUDY_HOURS_A_WEEK, PlanBook, PlanBooks, Planner
from certadvise.advice.plans import Plan, StepKind
from certadvise.advice.profile import Profile
from certadvise.amounts import US_READER, USD, Reader, amount_text
from certadvise.catalog.freshness import is_stale, source_year
from certadvise.catalog.index import Catalog, Summary
from certadvise.catalog.models import INTERNATIONAL, Certification, Delivery
from certadvise.english import with_article
from certadvise.kept import kept
from certadvise.limits import HOLDING_YEARS

LOCAL_NAMED = 2  # local certifications named beside one from another market
# Ways an exam is sat that do not tie it to the market where it is the standard.
PORTABLE_DELIVERY = frozenset(
    {Delivery.TEST_CENTRE, Delivery.REMOTE_PROCTORED, Delivery.ONLINE, Delivery.ONLINE_OPEN_BOOK}
)
WAYS_BACK = {StepKind.RENEW: "late renewal", StepKind.REINSTATE: "reinstatement"}
MARKET_POINTS = {"home": 10.0, "recognized": 5.0, "unstated": 0.0, "other": -20.0}


@dataclass(frozen=True)
class MarketFit:
    """How a credential stands where the person works."""

    standing: str  # home (its first market), recognized (there too, or international),
    # unstated (no source says), other (another market's credential)
    reason: str
    portable: bool = True  # its exam is sat in ways open anywhere (another market's only)

    @property
    def rank(self) -> int:
        """The order of standings: the person's own market first."""
        return list(MARKET_POINTS).index(self.standing)

    @property
    def points(self) -> float:
        return MARKET_POINTS[self.standing]


@dataclass(frozen=True)
class Coverage:
    """A credential the person holds that makes another unnecessary, and why."""

    held: str
    why: str


@dataclass
class Judgement:
    """One person (a normalised profile) judged against one catalog, on one day."""

    catalog: Catalog
    profile: Profile
    today: dt.date
    pace: float = STUDY_HOURS_A_WEEK
    years: int = HOLDING_YEARS
    books: PlanBooks | None = field(default=None, kw_only=True)  # a batch's, for all its people
    planner: Planner = field(init=False)
    _plans: dict[str, Plan] = field(default_factory=dict, init=False, repr=False)
    _quotes: dict[str, Quote] = field(default_factory=dict, init=False, repr=False)
    _covered: dict[str, Coverage] | None = field(default=None, init=False, repr=False)
    # what a rule works out once for this person (the shared verdicts of their situation)
    memo: dict[str, Any] = field(default_factory=dict, init=False, repr=False)
    _fits: dict[int, tuple[Certification | Summary, MarketFit]] = field(
        default_factory=dict, init=False, repr=False
    )

    def __post_init__(self) -> None:
        self.converter = Converter(self.catalog.rates)
        book = self.books.book(self.today, self.pace) if self.books is not None else PlanBook()
        self.planner = Planner(
            self.catalog, self.profile, self.today, self.pace, converter=self.converter, book=book
        )

    # ------------------------------------------------------------------ money

    @property
    def currency(self) -> str:
        """The person's currency: their budget's, else their country's."""
        budget = self.profile.budget
        return budget.currency if budget is not None else country_currency(self.profile.market)

    def quote(self, entry: Certification) -> Quote:
        """The cheapest honest way in for this person (member, student or non-member); for
        a credential they let lapse, the way back when there is one (a late renewal or a
        reinstatement), which is what they pay now. Worked out once an entry."""
        found = self._quotes.get(entry.id)
        if found is None:
            found = self._quotes[entry.id] = self._quote(entry)
        return found

    def _quote(self, entry: Certification) -> Quote:
        held = self.profile.held(entry.id)
        if held is not None and held.lapsed:
            own = self.plan(entry).own_steps
            if own and own[0].kind in WAYS_BACK:
                step = own[0]
                rec = entry.recertification
                return Quote(
                    step.price.amount if step.price else step.usd,
                    WAYS_BACK[step.kind],
                    step.price.currency if step.price else USD,
                    usd=step.usd,
                    parts=(Part(WAYS_BACK[step.kind], step.usd),),
                    source=entry.source(rec.source) if rec else None,
                )
        return self.planner.quote(entry, self._tier(entry))

    def _tier(self, entry: Certification) -> str | None:
        """The cost tier the person's route to `entry` pays, where its routes name one."""
        routes = entry.prerequisites.routes if entry.prerequisites else ()
        if all(route.tier is None for route in routes):
            return None
        return self.plan(entry).tier

    def ownership(
        self, entry: Certification, years: int | None = None, *, held: bool = False
    ) -> Ownership:
        """What getting and holding `entry` costs over `years` (default: the judgement's);
        for a credential the person holds, what keeping it costs. A batch's people with the
        same memberships and student standing share it (the catalog decides the rest)."""
        tier = None if held else self._tier(entry)
        years = years or self.years
        key = ("ownership", entry, self.profile.member, years, self.profile.student, held, tier)
        kept = self.books.kept if self.books is not None else {}
        found: Ownership | None = kept.get(key)
        if found is None:
            found = kept[key] = cost_of_ownership(
                entry,
                self.catalog.organizations.get(entry.organization),
                self.profile.member,
                years,
                student=self.profile.student,
                converter=self.converter,
                held=held,
                tier=tier,
            )
        return found

    @kept
    def reader(self) -> Reader:
        """The person's currency and the rate to it: what every amount they read goes
        through (US dollars when the rate table has no rate for it)."""
        rate = self.converter.usd_per(self.currency)
        if rate is None or self.currency == USD:
            return US_READER
        return Reader(self.currency, rate, self.converter.month)

    def in_own_currency(self, usd: float | None) -> str:
        """A US-dollar amount as the person reads it: '$475', or '≈ £374' converted."""
        return self.reader.reads(usd)

    def reads_price(self, quote: Quote) -> str:
        """A price as the person reads it: as stated when it is in their currency ('£300'),
        else converted ('≈ £353'), or '$475' for a reader of US dollars."""
        return self.reader.reads(quote.usd, quote.amount, quote.currency)

    def reads_budget(self) -> str:
        """The budget as the person gave it ('£600'), or converted when their currency has
        no rate ('$807')."""
        budget = self.profile.budget
        if budget is None:
            return self.in_own_currency(self.profile.budget_usd)
        return self.reader.reads(self.profile.budget_usd, budget.amount, budget.currency)

    def reads_cost_now(self, plan: Plan, quote: Quote) -> str:
        """What a plan costs now as the person reads it: the price as stated when it is all
        there is to pay and in their currency ('£1,500'), else converted ('≈ A$1,236')."""
        if plan.cost_now_usd == quote.usd:
            return self.reads_price(quote)
        return self.in_own_currency(plan.cost_now_usd)

    def reads_over_budget(self, plan: Plan, quote: Quote) -> str:
        """How far a plan's cost now is over the budget, as the person reads it: exactly
        when the price is all there is to pay and it and the budget are in their currency
        ('£1,100'), else converted."""
        budget, limit = self.profile.budget, self.profile.budget_usd
        if (
            plan.cost_now_usd == quote.usd
            and budget is not None
            and quote.amount is not None
            and quote.currency == budget.currency == self.reader.currency
        ):
            return amount_text(quote.amount - budget.amount, quote.currency)
        return self.in_own_currency(None if limit is None else plan.cost_now_usd - limit)

    def price_year(self, quote: Quote) -> int | None:
        """The year of a price too old to read as today's (its source's), else None."""
        as_of = quote.source.as_of if quote.source else None
        return source_year(as_of) if is_stale(as_of, self.today) else None

    def plan_cost(self, plan: Plan) -> str:
        """A plan's total as the person reads it: '$815', 'at least ≈ £370', 'not verified';
        exact when every price in it is stated in their currency ('CA$587'), converted when
        its prices are in several ('≈ CA$600')."""
        stated = plan.stated_total

        def say(usd: float | None) -> str:
            if stated is None:
                return self.reader.approximately(usd)
            return self.reader.reads(usd, stated.amount, stated.currency)

        return plan.cost_in(say)

    def approximately(self, quote: Quote) -> str | None:
        """'≈ $380 at the 2026-11 rate' beside a price in another currency than the person's."""
        if quote.amount is None or quote.currency == self.currency:
            return None
        return self.converter.approximately(quote.amount, quote.currency, self.currency)

    @property
    def rates_stale(self) -> bool:
        return self.converter.stale(self.today)

    def reads_converted(self, quote: Quote, plan: Plan | None = None) -> bool:
        """Whether the person reads this price (or a priced step of the plan) through an
        exchange rate: a known amount in another currency than theirs."""
        read = [quote.currency] if quote.amount is not None else []
        if plan is not None:
            read += [
                s.price.currency if s.price is not None else USD
                for s in plan.steps
                if s.usd and not s.included
            ]
        return any(currency != self.currency for currency in read)

    @property
    def budget_converted(self) -> bool:
        """The budget was converted to US dollars to compare it with prices."""
        budget = self.profile.budget
        return budget is not None and budget.currency != USD

    # ------------------------------------------------------------------ plans

    def plan(self, entry: Certification) -> Plan:
        """The nearest route to `entry` for this person, planned once."""
        found = self._plans.get(entry.id)
        if found is None:
            found = self._plans[entry.id] = self.planner.plan(entry)
        return found

    def reached(self, plan: Plan) -> dt.date:
        """About when the plan gets there, from the day of the run (never past the calendar);
        a plan that waits on the degree in progress is not done before its graduation."""
        try:
            reached = self.today + dt.timedelta(days=round(plan.months * 30.44))
        except OverflowError:
            return dt.date.max
        graduating = self.profile.graduating
        if graduating is not None and any(s.kind is StepKind.DEGREE for s in plan.steps):
            reached = max(reached, graduating)
        return reached

    # ------------------------------------------------------------------ standing

    def market_fit(self, entry: Certification | Summary) -> MarketFit:
        """Where the person works comes first: its home market, then where it is recognized
        too (or internationally), then entries whose market no source states, then another
        market's credentials, with the local ones named."""
        kept = self._fits.get(id(entry))  # the same entry (kept beside it): the same fit
        if kept is not None and kept[0] is entry:
            return kept[1]
        found = self._market_fit(entry)
        self._fits[id(entry)] = (entry, found)
        return found

    def _market_fit(self, entry: Certification | Summary) -> MarketFit:
        markets, where = entry.markets, self.profile.market
        if not markets:
            return MarketFit("unstated", "no source states where it is recognized")
        if markets[0] == where:
            return MarketFit("home", f"recognized in {where}, its home market")
        if where in markets or INTERNATIONAL in markets:
            return MarketFit("recognized", f"recognized in {where} too")
        said = with_article(f"{', '.join(markets)} credential: not the usual standard in {where}")
        local = self.local_alternatives(entry)
        if local:
            said += f", where {' or '.join(local)} is"
        delivery = entry.exam.delivery if isinstance(entry, Certification) and entry.exam else ()
        portable = bool(delivery) and all(d in PORTABLE_DELIVERY for d in delivery)
        return MarketFit("other", said, portable)

    def local_alternatives(self, entry: Certification | Summary) -> list[str]:
        """A few active certifications recognized in the person's market that serve what
        the person wants of this entry: the goals of theirs it serves (else theirs, else its
        own), by id. A Canadian's US CPT is set beside CSEP-CPT, not their clinical goal's
        CSEP-CEP."""
        local = self.catalog.local_by_goal(self.profile.market, LOCAL_NAMED + 1)
        goals = self.profile.goals
        wanted = [g for g in goals if g in entry.goals] or goals or entry.goals
        found = [i for goal in wanted for i in local.get(goal, ()) if i != entry.id]
        return list(dict.fromkeys(found))[:LOCAL_NAMED]

    def covered_by(self, entry: Certification | Summary) -> Coverage | None:
        """What the person holds (and has not let lapse) that makes `entry` unnecessary: a
        CSCS covers NASM-PES, an RD the nutrition-coach certificates. Coverage carries
        over (ACSM-RCEP covers ACSM-CEP, which covers ACSM-EP)."""
        if self._covered is None:
            self._covered = {}
            frontier = [(held, held) for held in self.profile.have]
            while frontier:
                holder, cert_id = frontier.pop()
                source = (
                    self.catalog.entries[cert_id] if cert_id in self.catalog.summaries else None
                )
                for covers in source.covers if source else ():
                    for ref in covers.ids:
                        for covered in self._members(ref):
                            if covered not in self._covered and covered not in self.profile.have:
                                why = (
                                    covers.why
                                    if holder == cert_id
                                    else (f"{cert_id}, which it covers: {covers.why}")
                                )
                                self._covered[covered] = Coverage(holder, why)
                                frontier.append((holder, covered))
        return self._covered.get(entry.id)

    def _members(self, ref: str) -> list[str]:
        if ref in self.catalog.summaries:
            return [ref]
        return [i for i in self.catalog.summaries if self.catalog.satisfies(i, ref)]
