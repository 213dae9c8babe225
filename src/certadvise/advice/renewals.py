"""Keeping what one holds: each credential's deadline, state, CE, fees and next step.

One `Renewal` a credential held (or let lapse), the soonest deadline first, worked out from
the profile's dates (`Held`: the card's expiry, or the deadline the organization's cycle
rule gives from the day it was earned) and the catalog's recertification block. The way
back for a lapsed credential is the planner's (through the `Judgement`, as `path` and
`recommend` see it); prices are the judgement's quotes. Unknown stays unknown: a window,
a fee or a CE course price the catalog does not state is "not verified", never 0.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum

from certadvise import english
from certadvise.advice.costs import quote_text, yearly_dues
from certadvise.advice.cycles import (
    EXPIRING_DAYS,
    add_years,
    ce_deadline,
    next_deadline,
    past_windows,
    windows_verified,
)
from certadvise.advice.judgement import WAYS_BACK, Judgement
from certadvise.advice.money import Money
from certadvise.advice.plans import StepKind
from certadvise.advice.profile import CPR_ID, Held
from certadvise.amounts import US_READER, USD, Reader, amount_text
from certadvise.catalog.models import Certification, Recertification, Source

CARDS = ("CPR-AED", "BLS")  # cards people renew by taking the course again
NOT_VERIFIED = "not verified"


class State(StrEnum):
    """Where a credential stands on the day of the run; later days never move it back."""

    ACTIVE = "active"
    DUE_SOON = "due soon"  # the deadline is within 90 days
    OVERDUE = "overdue"  # past the deadline, inside the organization's grace (late) window
    LAPSED = "lapsed"  # past every late window
    UNDATED = "date needed"  # neither its expiry nor the day it was earned is known

    @property
    def rank(self) -> int:
        return list(State).index(self)


def state_of(expires: dt.date | None, late_until: dt.date | None, today: dt.date) -> State:
    """The state on `today` of a credential good through `expires`, renewable late until
    `late_until` (None: no late window verified)."""
    if expires is None:
        return State.UNDATED
    if today <= expires:
        close = (expires - today).days <= EXPIRING_DAYS
        return State.DUE_SOON if close else State.ACTIVE
    if late_until is not None and today <= late_until:
        return State.OVERDUE
    return State.LAPSED


@dataclass(frozen=True)
class Ce:
    """The continuing education owed a cycle, in the organization's unit and in hours."""

    units: float | None
    unit: str | None
    hours: float | None  # None: the unit's worth in hours is not stated

    @property
    def text(self) -> str:
        if self.units is None:
            return "CE not verified"
        said = f"{self.units:g} {self.unit or 'units'}"
        if self.hours is not None and self.unit != "hours":
            said += f" ({self.hours:g} h)"
        return said


@dataclass(frozen=True)
class Fees:
    """The renewal fees, in the entry's currency, with the rate that gives their US dollars."""

    member: float | None
    non_member: float | None
    late: float | None  # the extra fee inside the grace window
    every: str  # "cycle" or "year"
    yours: float | None  # what this person pays: member fee when a member and one is stated
    currency: str = USD
    usd_per_unit: float | None = 1.0  # US dollars for one unit of `currency` (None: no rate)

    @property
    def differ(self) -> bool:
        return self.member is not None and self.member != self.non_member

    def usd(self, amount: float | None) -> float | None:
        """A fee in US dollars (converted, to the cent, from another currency)."""
        return _usd(amount, self.currency, self.usd_per_unit)

    def said(self, amount: float | None, reader: Reader) -> str:
        """A fee as the reader reads it: 'CA$260', '$90 (≈ £67)', 'CA$260 (≈ $185)'."""
        return reader.beside(self.usd(amount), amount, self.currency)


def _usd(amount: float | None, currency: str, usd_per_unit: float | None) -> float | None:
    if amount is None or currency == USD:
        return amount
    return None if usd_per_unit is None else round(amount * usd_per_unit, 2)


@dataclass(frozen=True)
class WayBack:
    """How a lapsed (or overdue) credential comes back."""

    kind: str  # late renewal, reinstatement, exam again
    text: str
    usd: float | None  # what it costs (None: not verified)
    verified: bool  # the organization's window for it is stated
    prerequisites: tuple[str, ...] = ()  # for the exam again: what must be met again
    until: dt.date | None = None  # the last day it is open (None: no end stated, or passed)


@dataclass(frozen=True)
class Renewal:
    """One credential held: its deadline, state, CE, fees and the next thing to do."""

    entry: Certification
    held: Held
    state: State
    late_until: dt.date | None
    ce: Ce | None
    fees: Fees | None
    next_step: str
    way_back: WayBack | None = None
    notes: tuple[str, ...] = ()
    card: bool = False  # a CPR/AED or BLS card
    ce_due: dt.date | None = None  # when its CE is due (a yearly fee may run on a longer cycle)
    ce_shared_with: tuple[str, ...] = ()  # the credentials one set of CE counts for, itself
    # included, the one that logs it first (empty: its CE is its own)

    @property
    def expires(self) -> dt.date | None:
        return self.held.expires

    @property
    def id(self) -> str:
        return self.entry.id


@dataclass(frozen=True)
class CostLine:
    """One part of the holding cost, in `currency`: per year and over the horizon (None:
    not verified)."""

    label: str
    kind: str  # recertification, dues, continuing-education, card
    per_year: float | None
    over_years: float | None
    note: str | None = None
    currency: str = USD
    usd_per_unit: float | None = 1.0  # US dollars for one unit of `currency` (None: no rate)

    @property
    def per_year_usd(self) -> float | None:
        return _usd(self.per_year, self.currency, self.usd_per_unit)

    @property
    def over_usd(self) -> float | None:
        return _usd(self.over_years, self.currency, self.usd_per_unit)


@dataclass(frozen=True)
class Holding:
    """What keeping everything held costs, per year and over `years`."""

    years: int
    lines: tuple[CostLine, ...]
    ce_hours_per_year: float | None
    ce_hours_over: float | None
    notes: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return all(line.over_years is not None for line in self.lines)

    @property
    def per_year(self) -> float:
        """The known cost of a year, in US dollars."""
        return sum(line.per_year_usd or 0 for line in self.lines)

    @property
    def over(self) -> float:
        """The known cost over the years, in US dollars."""
        return sum(line.over_usd or 0 for line in self.lines)

    @property
    def currency(self) -> str | None:
        """The one currency every known line is in (None: several; USD: none known)."""
        known = {line.currency for line in self.lines if line.over_years is not None}
        return known.pop() if len(known) == 1 else (USD if not known else None)

    def text(self, per_year: bool = False) -> str:
        """The total in its own currency ('at least CA$780'), or through US dollars when
        the lines are in several ('at least ≈ $740')."""
        return self._said(per_year, US_READER, stated=True)

    def said(self, reader: Reader, per_year: bool = False) -> str:
        """The total as the reader reads it: as stated in their currency ('CA$780'), another
        with theirs beside ('at least $90 (≈ £67)'), several converted ('≈ CA$1,040')."""
        return self._said(per_year, reader, stated=False)

    def _said(self, per_year: bool, reader: Reader, *, stated: bool) -> str:
        if not self.lines:
            return reader.zero
        if not any(line.over_years is not None for line in self.lines):
            return NOT_VERIFIED
        usd = round(self.per_year if per_year else self.over, 2)
        currency = self.currency
        if currency is None:
            total = reader.approximately(usd)
        else:
            amounts = (line.per_year if per_year else line.over_years for line in self.lines)
            text = amount_text(round(sum(a or 0 for a in amounts), 2), currency)
            total = text if stated else reader.after(text, usd, currency)
        return ("" if self.complete else "at least ") + total


@dataclass(frozen=True)
class Renewals:
    """Every credential held, the soonest deadline first, and the cost of holding them."""

    today: dt.date
    renewals: tuple[Renewal, ...]
    holding: Holding
    assumptions: tuple[str, ...]


# ------------------------------------------------------------------------ deciding


def renewals(judged: Judgement, years: int) -> Renewals:
    """The renewals of the judged person's credentials on the judgement's day."""
    rows = [renewal(judged, held) for held in judged.profile.credentials]
    rows = _shared_ce(_twice(rows), judged.reader)
    rows.sort(key=_order)
    said = _assumptions(judged, rows)
    return Renewals(judged.today, tuple(rows), _holding(judged, rows, years), tuple(said))


def _order(row: Renewal) -> tuple[int, dt.date, str]:
    """Soonest deadline first (past ones are soonest); undated rows last."""
    return (row.expires is None, row.expires or dt.date.max, row.id)


def renewal(judged: Judgement, held: Held) -> Renewal:
    """One credential held, on the judgement's day: its state, CE, fees and next step.

    A retired credential whose holders became holders of its successor (a CI-CPT is an
    ACE-CPT since 2019) is kept by the successor's rules, and says so."""
    earned = judged.catalog.entries[held.id]
    renewed_as = _renewed_as(judged, earned)
    entry = renewed_as or earned
    rec = entry.recertification
    card = entry.id in CARDS or CPR_ID in entry.counts_as
    late_until = _late_until(rec, held.expires)
    state = state_of(held.expires, late_until, judged.today)
    ce = _ce(judged, rec)
    fees = _fees(judged, entry)
    notes = _dates_said(entry, held, card)
    if renewed_as is not None and earned.retired is not None:
        notes.insert(
            0,
            f"{earned.id} was retired in {earned.retired.year} and its holders became "
            f"{entry.id} holders: kept by {entry.id}'s renewal rules",
        )
    way_back = None
    ce_due = None if held.expires is None else ce_deadline(rec, held.expires, held.earned)
    if state is State.UNDATED:
        step = _date_needed(entry)
        notes.append(_date_note(entry))
    elif card:
        step = _card_step(entry, held, state)
    elif state in (State.OVERDUE, State.LAPSED):
        way_back = _way_back(judged, entry, held)
        step = way_back.text
    else:
        assert held.expires is not None
        step = _renew_step(ce, fees, held.expires, ce_due, entry, judged.reader)
    if rec is not None and rec.requires_cpr and state is not State.LAPSED:
        notes.append(_card_needed(judged, held))
    if rec is not None and rec.first_cycle_prorated and _in_first_cycle(rec, held):
        notes.append(
            f"your first {entry.organization} cycle's CE is prorated by the day you earned it: "
            "it may be less than a full cycle's"
        )
    return Renewal(
        entry, held, state, late_until, ce, fees, step, way_back, tuple(notes), card, ce_due
    )


def _renewed_as(judged: Judgement, entry: Certification) -> Certification | None:
    """The successor a retired credential's holders now hold, when it counts as it."""
    successor = entry.retired.successor if entry.retired else None
    if successor is None or successor not in entry.counts_as:
        return None
    return judged.catalog.entries.get(successor)


def _late_until(rec: Recertification | None, expires: dt.date | None) -> dt.date | None:
    if rec is None or expires is None or not rec.grace_months:
        return None
    return add_years(expires, rec.grace_months / 12)


def _ce(judged: Judgement, rec: Recertification | None) -> Ce | None:
    if rec is None or rec.ceus is None:
        return None
    unit = rec.ce_unit.plural if rec.ce_unit else None
    return Ce(rec.ceus, unit, rec.hours(judged.catalog.vocabulary.unit_hours()))


def _fees(judged: Judgement, entry: Certification) -> Fees | None:
    rec = entry.recertification
    if rec is None:
        return None
    member = entry.organization in judged.profile.member
    yours = rec.fee_member if member and rec.fee_member is not None else rec.fee_non_member
    rate = judged.converter.usd_per(entry.currency)
    return Fees(
        rec.fee_member, rec.fee_non_member, rec.late_fee, rec.fee_every, yours, entry.currency, rate
    )


def _dates_said(entry: Certification, held: Held, card: bool) -> list[str]:
    """Where the deadline came from, when it was worked out rather than read off a card."""
    if not held.computed or held.earned is None or held.expires is None:
        return []
    rec = entry.recertification
    assert rec is not None and rec.period_years is not None  # it was computed from them
    cycle_years = rec.period_years
    cycle = english.years(cycle_years)
    if card:
        return [
            f"good through {held.expires.isoformat()}: assumed {cycle} from the course on "
            f"{held.earned.isoformat()} (cards are commonly valid {cycle}); the date on your "
            "card wins"
        ]
    if rec.cycle == "fixed":
        rule = f"{entry.organization}'s cycles end on {rec.cycle_ends} {english.every(cycle_years)}"
    else:
        rule = f"{entry.organization}'s cycle runs {cycle} from the day earned"
    return [f"deadline computed from the day earned ({held.earned.isoformat()}): {rule}"]


def _in_first_cycle(rec: Recertification, held: Held) -> bool:
    if held.earned is None or held.expires is None or rec.period_years is None:
        return False
    return held.earned > add_years(held.expires, -rec.period_years)


def _date_needed(entry: Certification) -> str:
    """Which date to give, and how, for a credential given without one."""
    rec = entry.recertification
    if rec is not None and rec.cycle is not None and rec.period_years is not None:
        return f"give its date: --have {entry.id}@YYYY-MM (good through), or the day earned"
    return f"give its expiry if your card has one: --have {entry.id}@YYYY-MM"


def _date_note(entry: Certification) -> str:
    """How to give the day earned, or why only the expiry will do."""
    rec = entry.recertification
    if rec is not None and rec.cycle is not None and rec.period_years is not None:
        return (
            "the day earned goes in a profile (credentials: "
            f"[{{id: {entry.id}, earned: YYYY-MM}}]) and gives the deadline by "
            f"{entry.organization}'s cycle rule"
        )
    return (
        f"whether and how often {entry.id} must be renewed is not verified in the catalog: "
        f"ask {entry.organization}, or read the date on your card"
    )


def _card_step(entry: Certification, held: Held, state: State) -> str:
    assert held.expires is not None
    course = f"take a {entry.id} course with a hands-on skills check"
    if state in (State.OVERDUE, State.LAPSED):
        return f"{course} now: the card expired on {held.expires.isoformat()}"
    return f"{course} by {held.expires.isoformat()}"


def _renew_step(
    ce: Ce | None,
    fees: Fees | None,
    deadline: dt.date,
    ce_due: dt.date | None,
    entry: Certification,
    reader: Reader,
    shared: tuple[str, ...] = (),
) -> str:
    """'log 6 CEUs (60 h) and pay $90 by 2026-12-31' ('pay $90 (≈ £67)' for a British reader);
    a yearly fee on a longer CE cycle: 'pay CA$260 a year by 2027-03-31; log 20 points by
    2028-03-31'. CE `shared` by several credentials is logged by the first of them, for all."""
    rec = entry.recertification
    if rec is None:
        ask = f"its renewal rule is not verified: ask {entry.organization}"
        return f"renew by {deadline.isoformat()} ({ask})"
    owed = f"log {ce.text}" if ce is not None else "log the CE owed (not verified)"
    if shared:
        owed += f" for {' and '.join(shared)}"
    fee = fees.yours if fees is not None else None
    pay = f"pay {fees.said(fee, reader)}" if fees and fee is not None else "pay the renewal fee"
    pay += " (not verified)" if fee is None else ""
    if fees is not None and fees.every == "year":
        pay += " a year"
    by = deadline.isoformat()
    if shared and shared[0] != entry.id:
        return f"{pay} by {by} (its CE: the {ce.text if ce else 'CE'} logged for {shared[0]})"
    if ce_due is None:
        unknown = "its end is not known: give the day earned"
        return f"{pay} by {by}; {owed} within its {rec.period_years:g}-year cycle ({unknown})"
    if ce_due != deadline:
        return f"{pay} by {by}; {owed} by {ce_due.isoformat()}"
    return f"{owed} and {pay} by {by}"


def _way_back(judged: Judgement, entry: Certification, held: Held) -> WayBack:
    """The planner's way back (late renewal, reinstatement), else the exam again at its
    current price, with the prerequisites to meet again. Inside a window its way back is
    the one said, even where the planner puts a priced exam before its unpriced fee."""
    plan = judged.plan(entry)
    plans = (plan, *plan.alternatives)
    own = next((p.own_steps for p in plans if p.own_steps and p.own_steps[0].kind in WAYS_BACK), ())
    if own:
        step = own[0]
        kind = WAYS_BACK[step.kind]
        stated = step.price or Money(step.usd or 0)
        cost = (
            "fee not verified"
            if step.usd is None
            else judged.reader.within(stated.text, step.usd, stated.currency)
        )
        back = entry.recertification.reinstatement if entry.recertification else None
        verified = step.kind is StepKind.RENEW or (
            back is not None and back.window_months is not None
        )
        window = "" if verified else f"; its window is not verified: ask {entry.organization}"
        until = None
        if step.kind is StepKind.REINSTATE and back is not None and back.window_months:
            assert held.expires is not None  # a way back is planned for a dated lapse only
            until = add_years(held.expires, back.window_months / 12)
            window = f" by {until.isoformat()}"
        elif step.kind is StepKind.RENEW:
            until = _late_until(entry.recertification, held.expires)
        text = f"{step.text}{window} ({cost})" if until else f"{step.text} ({cost}){window}"
        return WayBack(kind, text, step.usd, verified, until=until)
    quote = judged.quote(entry)
    price = (
        judged.reader.within(quote_text(quote), quote.usd, quote.currency)
        if quote.verified
        else "price not verified"
    )
    rec = entry.recertification
    verified = windows_verified(rec)
    before = past_windows(rec)
    again = tuple(s.text for s in plan.before_exam)
    needs = f"; first meet again: {'; '.join(again)}" if again else ""
    text = f"{before}: pass the {entry.id} exam again ({price}){needs}"
    if not verified:
        text += f"; ask {entry.organization}"
    usd = quote.usd if quote.verified else None
    return WayBack("exam again", text, usd, verified, again)


def _card_needed(judged: Judgement, held: Held) -> str:
    """A credential that needs a current CPR/AED card to renew: whether the card lasts."""
    cards = [
        h
        for h in judged.profile.credentials
        if h.id in CARDS or CPR_ID in judged.catalog.entries[h.id].counts_as
    ]
    if not cards:
        return f"needs a current CPR/AED card to renew: none given (--have {CPR_ID}@YYYY-MM)"
    card = max(cards, key=lambda h: h.expires or dt.date.max)
    if card.expires is None:
        return f"needs a current CPR/AED card to renew: give your {card.id} card's date"
    if card.expires < judged.today:
        return (
            f"needs a current CPR/AED card: your {card.id} card expired on "
            f"{card.expires.isoformat()}: renew the card first"
        )
    if held.expires is not None and card.expires < held.expires:
        return (
            f"needs a current CPR/AED card: your {card.id} card expires "
            f"{card.expires.isoformat()}, before this deadline: renew the card first"
        )
    good = card.expires.isoformat()
    return f"needs a current CPR/AED card: your {card.id} card is good through {good}"


def _twice(rows: list[Renewal]) -> list[Renewal]:
    """CE that counts for two credentials, only where an organization's source says so:
    a note on both rows, with the source."""
    notes: dict[str, list[str]] = {row.id: list(row.notes) for row in rows}
    for row in rows:
        rec = row.entry.recertification
        for accepts in rec.accepts_ce_from if rec else ():
            for other in rows:
                if other is row or other.entry.organization not in accepts.organizations:
                    continue
                source = row.entry.source(accepts.source)
                cited = f" ({_cite(source)})" if source else ""
                notes[row.id].append(
                    f"CE from {other.entry.organization} counts here too: {accepts.text}{cited}"
                )
                notes[other.id].append(
                    f"its CE counts toward {row.id} too, as {row.entry.organization} says{cited}"
                )
    return [
        row if notes[row.id] == list(row.notes) else _with_notes(row, notes[row.id]) for row in rows
    ]


def _with_notes(row: Renewal, notes: list[str]) -> Renewal:
    return replace(row, notes=tuple(dict.fromkeys(notes)))


def _shared_ce(rows: list[Renewal], reader: Reader) -> list[Renewal]:
    """CE that one organization counts once for every credential of its held (the catalog's
    `ce_shared`), due on the same day: logged once, by the first of them, for all; each
    still pays its own fee. A note on the first says so, with the source."""
    groups: dict[tuple[str, dt.date], list[Renewal]] = {}
    for row in rows:
        rec = row.entry.recertification
        renewing = row.state in (State.ACTIVE, State.DUE_SOON) and not row.card
        if rec and rec.ce_shared and row.ce and row.ce_due and renewing:
            groups.setdefault((row.entry.organization, row.ce_due), []).append(row)
    shared: dict[str, Renewal] = {}
    for group in groups.values():
        if len(group) < 2:
            continue
        ids = tuple(sorted(row.id for row in group))
        for row in group:
            rec = row.entry.recertification
            assert rec is not None and rec.ce_shared is not None and row.expires is not None
            source = row.entry.source(rec.ce_shared.source)
            cited = f" ({_cite(source)})" if source else ""
            step = _renew_step(
                row.ce, row.fees, row.expires, row.ce_due, row.entry, reader, shared=ids
            )
            note = f"one set of CE for {' and '.join(ids)}: {rec.ce_shared.text}{cited}"
            notes = (*row.notes, note) if row.id == ids[0] else row.notes
            shared[row.id] = replace(row, next_step=step, ce_shared_with=ids, notes=notes)
    return [shared.get(row.id, row) for row in rows]


def _cite(source: Source) -> str:
    return f"{source.address}, {source.as_of}"


def _assumptions(judged: Judgement, rows: list[Renewal]) -> list[str]:
    said = []
    if not judged.profile.member and any(r.fees and r.fees.differ for r in rows):
        said.append("no memberships given (--member ORG): non-member fees")
    again = any(r.way_back is not None and r.way_back.prerequisites for r in rows)
    if again and judged.profile.degree is None and judged.profile.implied_degree is None:
        said.append(
            "no degree given (--degree, --field): the prerequisites of an exam to sit again "
            "are judged without one"
        )
    if any(r.held.computed for r in rows):
        said.append(
            "deadlines worked out from the day earned assume no renewal since; "
            "the date on a card wins"
        )
    return said


# ------------------------------------------------------------------------ holding cost


def _holding(judged: Judgement, rows: list[Renewal], years: int) -> Holding:
    """Fees, dues and CE hours of keeping every credential not past its windows, per year
    and over `years` from today (fees counted on the deadlines that fall in them)."""
    end = add_years(judged.today, years)
    lines: list[CostLine] = []
    notes: list[str] = []
    hours_year: float | None = 0.0
    hours_over: float | None = 0.0
    kept = [r for r in rows if r.state is not State.LAPSED and r.expires is not None]
    undated = [r for r in rows if r.state is not State.LAPSED and r.expires is None]
    lines += [  # held, but when it is due nobody said: not counted, and said
        CostLine(f"{r.id} renewals (give its date)", "recertification", None, None, "date needed")
        for r in undated
    ]
    for row in kept:
        rec = row.entry.recertification
        if rec is None or rec.period_years is None:
            lines.append(
                CostLine(
                    f"{row.id} renewal", "recertification", None, None, "renewal rule not verified"
                )
            )
            continue
        due = _deadlines_until(rec, row.expires, end)
        if row.card:
            price = judged.quote(row.entry)
            each = price.amount if price.verified else None
            lines.append(
                CostLine(
                    f"{row.id} course x{due}",
                    "card",
                    None if each is None else each / rec.period_years,
                    None if each is None else each * due,
                    None if each is not None else "course price not verified",
                    price.currency,
                    judged.converter.usd_per(price.currency),
                )
            )
            continue
        fees = row.fees
        fee = fees.yours if fees else None
        late = (fees.late or 0) if fees and row.state is State.OVERDUE else 0
        paid = years if rec.fee_every == "year" else due
        per = 1 if rec.fee_every == "year" else rec.period_years
        label = f"{row.id} {'yearly fee' if rec.fee_every == 'year' else 'renewal fee'} x{paid}"
        lines.append(
            CostLine(
                label,
                "recertification",
                None if fee is None else round(fee / per, 2),
                None if fee is None else fee * paid + late,
                "fee not verified" if fee is None else ("with the late fee" if late else None),
                fees.currency if fees else USD,
                fees.usd_per_unit if fees else 1.0,
            )
        )
        if row.ce_shared_with and row.ce_shared_with[0] != row.id:
            continue  # its CE is the one logged for the first of them
        hours = row.ce.hours if row.ce else None
        if hours is None:
            hours_year = hours_over = None
            notes.append(f"{row.id}: CE hours not verified")
        elif hours_year is not None:
            hours_year += hours / rec.period_years
            if row.ce_due is None:  # when its CE cycle ends is not known: nor its hours due
                hours_over = None
                notes.append(f"{row.id}: the end of its CE cycle is not known")
            elif hours_over is not None:
                hours_over += hours * _deadlines_until(rec, row.ce_due, end)
    lines += _dues(judged, kept, years, notes)
    with_ce = [r.id for r in kept if r.ce is not None]
    if with_ce:
        label = f"continuing education courses ({', '.join(with_ce)})"
        lines.append(CostLine(label, "recertification", None, None, "prices not verified"))
        notes.append(
            f"CE course prices are not in the catalog: not counted (not {judged.reader.zero})"
        )
    return Holding(
        years,
        tuple(lines),
        None if hours_year is None else round(hours_year, 1),
        None if hours_over is None else round(hours_over, 1),
        tuple(notes),
    )


def _deadlines_until(rec: Recertification, first: dt.date | None, end: dt.date) -> int:
    """How many deadlines (from `first`, every cycle) fall before `end`."""
    count, day = 0, first
    while day is not None and day < end:
        count += 1
        day = next_deadline(rec, day)
    return count


def _dues(judged: Judgement, rows: list[Renewal], years: int, notes: list[str]) -> list[CostLine]:
    """Dues of the organizations the person belongs to, and whether joining one pays for
    itself in renewal fees (each in its own currency, weighed in US dollars)."""
    lines = []
    orgs = dict.fromkeys(r.entry.organization for r in rows if not r.card)
    reader = judged.reader
    for org in orgs:
        dues, currency = yearly_dues(judged.catalog.organizations.get(org))
        rate = judged.converter.usd_per(currency)
        dues_usd = _usd(dues, currency, rate)
        saved = [
            (
                r.fees,
                (r.fees.non_member - r.fees.member) / (r.entry.recertification.period_years or 1),
            )
            for r in rows
            if r.entry.organization == org
            and r.fees is not None
            and r.fees.differ
            and r.fees.non_member is not None
            and r.fees.member is not None
            and r.entry.recertification is not None
        ]
        member = org in judged.profile.member
        if member:
            lines.append(
                CostLine(
                    f"{org} dues x{years}",
                    "dues",
                    dues,
                    None if dues is None else dues * years,
                    None if dues is not None else "dues not verified",
                    currency,
                    rate,
                )
            )
        saving = round(sum(amount for _, amount in saved), 2)
        if not saving:
            continue
        fees = saved[0][0]  # an organization's fees are in one currency
        save, saving_usd = fees.said(saving, reader), fees.usd(saving)
        if dues_usd is None or saving_usd is None:
            notes.append(
                f"{org} membership saves {save} a year in renewal fees; its dues are not "
                "verified, so whether it pays is not known"
            )
        else:
            than = "is cheaper than" if dues_usd < saving_usd else "costs more than"
            said = reader.beside(dues_usd, dues, currency)
            notes.append(
                f"{org} membership ({said} a year) {than} the {save} a year it saves in "
                "renewal fees"
            )
    return lines
