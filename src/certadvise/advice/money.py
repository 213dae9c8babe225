"""Amounts of money: how they are read from a budget, and converted (how they are
written: `certadvise.amounts`).

Prices keep the currency their source states. Only where two amounts in different
currencies must be compared (a price against a budget, candidates against each other)
is one converted, with the catalog's dated rate table, and then always said as
approximate ("≈ $380 at the 2026-11 rate"), never silently.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from certadvise.amounts import USD, amount_text
from certadvise.kept import kept
from certadvise.limits import MAX_BUDGET_USD

if TYPE_CHECKING:
    import datetime as dt

    from certadvise.catalog.models import Rates

# The currency a bare budget is in, by the country given (US and every other country: USD).
COUNTRY_CURRENCIES = {"GB": "GBP", "AU": "AUD", "CA": "CAD"}
# How people write a currency before or after an amount: signs and codes.
_PREFIXES = {
    "$": "$",  # a bare dollar sign: the country's dollar (A$ in Australia), else USD
    "US$": "USD",
    "USD": "USD",
    "£": "GBP",
    "GBP": "GBP",
    "€": "EUR",
    "EUR": "EUR",
    "A$": "AUD",
    "AU$": "AUD",
    "AUD": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "CAD": "CAD",
    "NZ$": "NZD",
    "NZD": "NZD",
}
_BUDGET = re.compile(
    r"^\s*(?P<before>[A-Z]{0,3}\$|[£€]|[A-Z]{3})?\s*"
    r"(?P<amount>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
    r"(?P<after>[A-Z]{3})?\s*$",
    re.IGNORECASE,
)
BUDGET_EXAMPLES = "400, 400 GBP, £400, A$2000 or C$900"
_CODES = sorted(c for c in set(_PREFIXES.values()) if c != "$")
# What a budget's currency may be, in words: 'one of AUD, ..., USD or a sign ($, £, ...)'.
KNOWN_CURRENCIES = (
    f"one of {', '.join(_CODES)} or a sign "
    f"({', '.join(p for p in _PREFIXES if p not in _CODES)}) beside the amount"
)
EXPECTED_BUDGET = (
    f"an amount from 0 to {MAX_BUDGET_USD:,}, optionally with its currency ({BUDGET_EXAMPLES})"
)
#: What a profile's `budget_usd` takes: US dollars only (the `budget` field takes currencies).
EXPECTED_BUDGET_USD = (
    f"an amount of US dollars from 0 to {MAX_BUDGET_USD:,} "
    "(another currency goes in the budget field: budget: £400)"
)


@dataclass(frozen=True)
class Money:
    """An amount in a currency (ISO 4217)."""

    amount: float
    currency: str = USD

    @property
    def text(self) -> str:
        return amount_text(self.amount, self.currency)


class BudgetError(ValueError):
    """A budget that is not an amount, or names a currency certadvise does not know."""


def parse_budget(text: str | float) -> tuple[float, str | None]:
    """A budget as typed ('400', '400 GBP', '£400', 'A$2000', 'C$900', 1200) as its amount and
    currency: None when only a number was given, DOLLAR for a bare '$' (whose dollar depends
    on the country: `country_currency`)."""
    if isinstance(text, bool):
        raise BudgetError("a budget is an amount, not yes or no")
    if isinstance(text, int | float):
        value, currency = float(text), None
    else:
        found = _BUDGET.match(text)
        if found is None:
            raise BudgetError(f"expected {EXPECTED_BUDGET}")
        before = (found["before"] or "").upper()
        after = (found["after"] or "").upper()
        if before and after and _PREFIXES.get(before, before) != after:
            raise BudgetError(f"two currencies in one budget ({before} and {after})")
        code = after or before
        if code and code not in _PREFIXES:
            raise BudgetError(f"unknown currency {code!r}: expected {KNOWN_CURRENCIES}")
        currency = _PREFIXES.get(code) if code else None
        value = float(found["amount"].replace(",", ""))
    if not math.isfinite(value) or not 0 <= value <= MAX_BUDGET_USD:
        raise BudgetError(f"expected {EXPECTED_BUDGET}")
    return value, currency


def check_budget_usd(value: float) -> float:
    """A profile's `budget_usd`: a number of US dollars within bounds, never a currency."""
    if not math.isfinite(value) or not 0 <= value <= MAX_BUDGET_USD:
        raise BudgetError(f"expected {EXPECTED_BUDGET_USD}")
    return value


DOLLAR = "$"


def country_currency(country: str, sign: str | None = None) -> str:
    """The currency a bare amount (or a bare '$') is in for someone working in `country`:
    its own currency; for a '$', its dollar where it has one, else the US dollar."""
    currency = COUNTRY_CURRENCIES.get(country, USD)
    if sign == DOLLAR and not currency.endswith("D"):
        return USD
    return currency


@dataclass(frozen=True)
class Converter:
    """Converts between currencies with one dated rate table (None: same currency only)."""

    rates: Rates | None = None

    def usd_per(self, currency: str) -> float | None:
        if currency == USD:
            return 1.0
        if self.rates is None:
            return None
        return self.rates.usd_per_unit.get(currency)

    def convert(self, value: float, source: str, target: str) -> float | None:
        """`value` in `source` as `target`; None when either rate is unknown."""
        if source == target:
            return value
        frm, to = self.usd_per(source), self.usd_per(target)
        if frm is None or to is None:
            return None
        return value * frm / to

    def to_usd(self, value: Money) -> float | None:
        return self.convert(value.amount, value.currency, USD)

    @kept  # every price document of a batch says it
    def month(self) -> str | None:
        """'2026-11': the month of the rate table, as conversions say it."""
        return self.rates.as_of.strftime("%Y-%m") if self.rates else None

    def approximately(self, value: float, source: str, target: str) -> str | None:
        """'≈ $380 at the 2026-11 rate'; None when it cannot be converted."""
        converted = self.convert(value, source, target)
        if converted is None or source == target:
            return None
        return f"≈ {amount_text(round(converted), target)} at the {self.month} rate"

    def stale(self, today: dt.date) -> bool:
        """The rate table is too old to trust conversions much (`freshness.rates_stale`)."""
        from certadvise.catalog.freshness import rates_stale

        return self.rates is not None and rates_stale(self.rates.as_of, today)
