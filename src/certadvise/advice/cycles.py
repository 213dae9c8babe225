"""Credential dates: until when a held credential is good, and what state it is in.

A person gives the expiry on their card (`--have CSCS@2026-12`), or the day they earned it,
from which the organization's renewal rule in the catalog gives the deadline: a rolling
cycle runs `period_years` from the earning date (ACSM), a fixed one ends on set dates for
everyone (NSCA: 31 December of every third year). Nothing is guessed where the catalog
does not say which kind of cycle it is.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from enum import StrEnum

from certadvise.catalog.models import Recertification

EXPIRING_DAYS = 90  # a deadline this close is "expiring" (renewals: "due soon")


class HeldState(StrEnum):
    ACTIVE = "active"
    EXPIRING = "expiring"
    LAPSED = "lapsed"


def state_on(expires: dt.date | None, today: dt.date) -> HeldState:
    """Active, expiring within 90 days, or lapsed (past its date). No date: taken as active."""
    if expires is None or expires - today > dt.timedelta(days=EXPIRING_DAYS):
        return HeldState.ACTIVE
    return HeldState.LAPSED if expires < today else HeldState.EXPIRING


def card_date(text: str) -> dt.date:
    """'2027-06' (the last day of June 2027: a card is good through its month) or '2027-06-14'.

    Raises ValueError with the words a person needs.
    """
    parts = text.strip().split("-")
    try:
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            return dt.date(year, month, calendar.monthrange(year, month)[1])
        if len(parts) == 3:
            return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        pass
    raise ValueError(f"expected a date as YYYY-MM or YYYY-MM-DD, got {text!r}")


def add_years(day: dt.date, years: float) -> dt.date:
    """`day` plus whole years (29 February becomes 28 February), or plus months for halves."""
    months = round(years * 12)
    year, month = divmod(day.month - 1 + months, 12)
    target_year, target_month = day.year + year, month + 1
    last = calendar.monthrange(target_year, target_month)[1]
    return dt.date(target_year, target_month, min(day.day, last))


def deadline_from_earned(rec: Recertification | None, earned: dt.date) -> dt.date | None:
    """The first renewal deadline of a credential earned on `earned`, by its cycle rule;
    None when the catalog does not say how its cycles run."""
    if rec is None or rec.period_years is None or rec.cycle is None:
        return None
    if rec.cycle == "rolling":
        return add_years(earned, rec.period_years)
    assert rec.cycle_ends is not None and rec.cycle_anchor is not None  # checked by the model
    month, day = (int(part) for part in rec.cycle_ends.split("-"))
    period = max(1, round(rec.period_years))
    steps = math.ceil((earned.year - rec.cycle_anchor) / period)
    year = rec.cycle_anchor + steps * period
    end = _month_day(year, month, day)
    if end < earned:  # earned after the cycle's end date in its last year
        end = _month_day(year + period, month, day)
    return end


def ce_deadline(
    rec: Recertification | None, expires: dt.date, earned: dt.date | None = None
) -> dt.date | None:
    """When the continuing education owed by the credential good through `expires` is due:
    that day, unless a yearly fee runs on a longer CE cycle (CSEP: a yearly membership,
    PDCs every two years), whose end is due instead: a fixed cycle's first end on or after
    `expires`, a rolling one's counted from the day `earned`; None when that is not known."""
    if rec is None or rec.fee_every != "year" or (rec.period_years or 1) <= 1:
        return expires
    assert rec.period_years is not None
    if rec.cycle == "fixed":
        return deadline_from_earned(rec, expires)
    if rec.cycle == "rolling" and earned is not None:
        end = add_years(earned, rec.period_years)
        while end < expires:
            end = add_years(end, rec.period_years)
        return end
    return None


def next_deadline(rec: Recertification | None, deadline: dt.date) -> dt.date | None:
    """The deadline of the cycle after the one ending on `deadline`."""
    if rec is None or rec.period_years is None:
        return None
    return add_years(deadline, rec.period_years)


def _month_day(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def past_windows(rec: Recertification | None) -> str:
    """What a credential lapsed past every way back is past, as far as the catalog knows:
    its windows, or only its late window, or nothing verified at all."""
    back = rec.reinstatement if rec else None
    if rec is None or (not rec.grace_months and back is None):
        return "no late window or reinstatement is verified"
    if back is None:
        return "past its late window, and no reinstatement is verified"
    return "past its windows"


def windows_verified(rec: Recertification | None) -> bool:
    """Whether the catalog states how long a lapsed credential can be reinstated."""
    back = rec.reinstatement if rec else None
    return back is not None and back.window_months is not None
