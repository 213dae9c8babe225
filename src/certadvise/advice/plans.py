"""Plans as data, and how their times are worded.

A `Step` is one thing to do, with what it costs (known or not: never $0 when unknown), a
rough duration and a reason; a `Plan` is the steps of one route to a certification, the
target's own steps (its exam, or the stages of a qualification earned over months) last.
The planner (`certadvise.advice.planner`) makes them; every command reads them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from certadvise import timeline
from certadvise.advice.costs import Ownership
from certadvise.advice.gaps import Gap
from certadvise.advice.money import Money
from certadvise.amounts import USD, money
from certadvise.kept import kept

if TYPE_CHECKING:
    from certadvise.catalog.models import Certification

WEEKS_A_MONTH = 52 / 12
A_DAY = 1 / 30  # months: a CPR/AED course, joining an organization
# For ordering only (never shown as a time): a step whose time nobody verified (often an
# exam's study) counts as this many months, so it is never nearest by omission.
UNKNOWN_STEP_MONTHS = 6


class StepKind(StrEnum):
    """What a step is: a gap closed, or part of the target's own award."""

    AGE = "age"
    CONSENT = "consent"  # sitting below the minimum age, with a guardian's consent
    DEGREE = "degree"
    FIELD = "degree-field"
    CREDENTIAL = "credential"
    HOURS = "hours"
    YEARS = "years"
    REQUIREMENT = "requirement"  # a requirement in words that no field can state
    CPR_AED = "cpr-aed"
    MEMBERSHIP = "membership"
    EXAM = "exam"
    RENEW = "renew"  # a lapsed credential renewed late, inside its grace window
    REINSTATE = "reinstate"  # a lapsed credential reinstated without a new exam
    # the stages of a qualification earned over months (catalog `stages`)
    ENROLMENT = "enrolment"
    COURSE = "course"
    PLACEMENT = "placement"
    CASE_STUDY = "case-study"
    PRACTICAL = "practical"
    PORTFOLIO = "portfolio"
    APPLICATION = "application"


# Short steps take money and a few days: a certification that needs only these is in reach.
SHORT = frozenset({StepKind.CPR_AED, StepKind.MEMBERSHIP, StepKind.CONSENT})
# Steps that only wait for time to pass: they run beside everything else.
WAITING = frozenset({StepKind.AGE})
INCLUDED = "included"  # the cost of a stage inside the package price, in words


@dataclass(frozen=True)
class Step:
    """One thing to do, with what it costs and roughly how long it takes."""

    kind: StepKind
    text: str
    why: str
    usd: float | None = None  # in US dollars (converted when priced in another currency)
    months: float | None = None  # rough duration; None: not known
    cert_id: str | None = None
    note: str | None = None
    own: bool = False  # part of the target's own award (its exam or a stage), not a gap
    price: Money | None = None  # the price as its source states it, when it is not USD
    waits: bool = False  # only time passing (a birthday, reaching the final year)
    # a stage inside the package price another step carries: nothing more to pay (`usd`
    # 0 for the sums), said as "included", never as an amount of its own
    included: bool = False
    unpriced_fees: tuple[str, ...] = ()  # fees beside its price nobody verified (insurance)

    @property
    def short(self) -> bool:
        """A to-do that takes money and a few days, not a long step."""
        return self.kind in SHORT and not self.own

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


STUDY_UNKNOWN = "study time not verified"


@dataclass(frozen=True)
class Plan:
    """The steps of one route to a certification, the target's own steps last. What is
    worked out of them is kept (a batch's people share their plans, and every rule, sort
    and view asks again)."""

    target: Certification
    route: str  # the route's text: "a bachelor's degree or higher (any field)"
    steps: tuple[Step, ...]
    gaps: tuple[Gap, ...] = ()
    alternatives: tuple[Plan, ...] = ()
    warnings: tuple[str, ...] = ()
    ownership: Ownership | None = None
    reachable: bool = True
    held: str | None = None  # the target is held already: that said, with how it is kept
    to_keep: str | None = None  # then the next thing keeping it asks, as `renewals` says it
    tier: str | None = None  # the cost tier its route pays, when the route names one

    @kept
    def before_exam(self) -> tuple[Step, ...]:
        """Every step before the target's own (its exam or its stages)."""
        return tuple(s for s in self.steps if not s.own)

    @kept
    def own_steps(self) -> tuple[Step, ...]:
        return tuple(s for s in self.steps if s.own)

    @kept
    def long_steps(self) -> tuple[Step, ...]:
        return tuple(s for s in self.before_exam if not s.short)

    @kept
    def short_steps(self) -> tuple[Step, ...]:
        return tuple(s for s in self.before_exam if s.short)

    @kept
    def known_usd(self) -> float:
        return sum(s.usd for s in self.steps if s.usd is not None)

    @kept
    def stated_total(self) -> Money | None:
        """The known cost in the one currency its steps' prices are stated in (US dollars for
        steps priced in dollars), exact; None when they are stated in several."""
        priced = [s for s in self.steps if s.usd and not s.included]
        currencies = {s.price.currency if s.price else USD for s in priced}
        if len(currencies) > 1:
            return None
        amount = sum(s.price.amount if s.price else (s.usd or 0) for s in priced)
        return Money(amount, currencies.pop() if currencies else USD)

    @kept
    def unpriced(self) -> tuple[str, ...]:
        """What costs money nobody verified: steps without a price, and the fees beside a
        price (a College's required liability insurance)."""
        steps = [s.text for s in self.steps if s.usd is None]
        return (*steps, *(f for s in self.steps if s.usd is not None for f in s.unpriced_fees))

    @kept
    def complete(self) -> bool:
        return not self.unpriced

    @kept
    def cost_now_usd(self) -> float:
        """The known cost of what is done now: the short steps and the target's own."""
        return sum(s.usd for s in self.steps if s.usd is not None and (s.short or s.own))

    @kept
    def cost_text(self) -> str:
        return self.cost_in(money)

    def cost_in(self, say: Callable[[float | None], str]) -> str:
        """The total in words, each amount as `say` writes a dollar amount: '$815',
        'at least ≈ £370', 'not verified'."""
        if not self.known_usd and self.unpriced:  # nothing known to cost money yet
            return "not verified"
        return ("at least " if self.unpriced else "") + say(self.known_usd)

    @kept
    def months(self) -> float:
        """Known months: what only waits (a birthday, reaching the final year) runs beside
        what is done (study, hours, a course), so the longer of the two counts. Every wait
        starts today, so waits run beside each other too (turning 18 while finishing
        school): the longest counts; what is done, one thing after another, adds up, but
        hours of practice are worked inside the years of practice beside them
        (`timeline.starts`)."""
        return timeline.length((s.kind.value, s.months, s.waits) for s in self.steps)

    @kept
    def months_to_order(self) -> float:
        """Known months, each long step of unverified time counted as UNKNOWN_STEP_MONTHS:
        for putting plans in order only, never shown."""
        untimed = sum(s.months is None for s in self.steps if not s.short)
        return self.months + untimed * UNKNOWN_STEP_MONTHS

    @kept
    def time_unknown(self) -> bool:
        """A long step whose time nobody can say (a diploma for an adult without one)."""
        return any(s.months is None for s in self.long_steps if s.kind is not StepKind.CREDENTIAL)

    @kept
    def study_unknown(self) -> bool:
        """The time of the target's own exam or stages is not verified."""
        return any(s.months is None for s in self.own_steps)

    @kept
    def years(self) -> float:
        return self.months / 12

    @kept
    def time_text(self) -> str:
        """The rough time in words, saying when some of it (often study) is not known:
        'about 8 months', 'about 4 months + study, time not verified', 'at least 2 years'."""
        unknown = [s for s in self.steps if s.months is None]
        known = duration_text(self.months) if self.months > A_DAY else None
        if not unknown:
            return known or duration_text(self.months) or "at once"
        if not all(s.own or s.kind is StepKind.CREDENTIAL for s in unknown):
            return f"at least {known.removeprefix('about ')}" if known else "not known"
        return f"{known} + study, time not verified" if known else STUDY_UNKNOWN

    def sort_key(self) -> tuple[float, int, float, int]:
        """Nearest first: time, then how many prices are unknown, then money, then steps.

        An unknown price never makes a route look cheap, nor an unverified time look near.
        """
        return (
            round(self.months_to_order, 1),
            len(self.unpriced),
            self.known_usd,
            len(self.steps),
        )
