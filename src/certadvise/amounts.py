"""How amounts of money are written, in every layer: '$475', '£1,200', 'CHF 90'; and an
amount as its reader reads it, in their own currency ('≈ £374', converted at a dated rate,
the original beside it where it helps: '$85 (≈ £63)'). Plain data, no imports: the advice,
the views and the pages all say amounts the same way."""

from __future__ import annotations

from dataclasses import dataclass

USD = "USD"
UNKNOWN = "not verified"
CURRENCY_SIGNS = {"USD": "$", "GBP": "£", "EUR": "€", "CAD": "CA$", "AUD": "A$", "NZD": "NZ$"}


def money(usd: float | None) -> str:
    """$475, $1,199, $49.50; 'not verified' for None."""
    if usd is None:
        return UNKNOWN
    if float(usd).is_integer():
        return f"${int(usd):,}"
    return f"${usd:,.2f}"


def amount_text(value: float | None, currency: str = USD) -> str:
    """An amount in its own currency: $475, £1,200, CA$385, CHF 90; 'not verified' for None."""
    if value is None:
        return UNKNOWN
    text = money(value).removeprefix("$")
    sign = CURRENCY_SIGNS.get(currency)
    return f"{sign}{text}" if sign else f"{currency} {text}"


def approximate(value: float, currency: str) -> str:
    """A converted amount, rounded and said as approximate: '≈ £374'."""
    return f"≈ {amount_text(round(value), currency)}"


@dataclass(frozen=True)
class Reader:
    """The currency a person reads amounts in, with the dated rate that converts US dollars
    to it (a reader whose currency has no rate reads US dollars)."""

    currency: str = USD
    usd_per_unit: float = 1.0  # US dollars for one unit of `currency`, as the rate table says
    month: str | None = None  # the rate table's month ('2026-11'); None for US dollars

    @property
    def converts(self) -> bool:
        """Amounts in US dollars reach this reader converted (approximately)."""
        return self.currency != USD

    def value(
        self, usd: float | None, amount: float | None = None, currency: str = USD
    ) -> float | None:
        """An amount in the reader's units: `amount` itself when it is in their currency,
        else its US dollars converted; None when not known."""
        if currency == self.currency and amount is not None:
            return amount
        if usd is None:
            return None
        return usd / self.usd_per_unit

    def reads(self, usd: float | None, amount: float | None = None, currency: str = USD) -> str:
        """An amount as the reader reads it: as stated when it is in their currency ('£300',
        '$475' for a US reader); else converted, '≈ £374' ('≈ $185' for a US reader of
        CA$260); 'not verified' when not known."""
        value = self.value(usd, amount, currency)
        if value is None:
            return UNKNOWN
        if currency == self.currency:
            return amount_text(value, currency)
        return approximate(value, self.currency)

    def approximately(self, usd: float | None) -> str:
        """A sum of amounts in several currencies, through their US dollars: '≈ CA$600'."""
        return UNKNOWN if usd is None else approximate(usd / self.usd_per_unit, self.currency)

    def beside(self, usd: float | None, amount: float | None = None, currency: str = USD) -> str:
        """As `reads`, with the price as its source states it before a converted amount:
        '$85 (≈ £63)', 'CA$260 (≈ $185)'; in the reader's own currency, as stated: '$85'."""
        if currency == self.currency or usd is None:
            return self.reads(usd, amount, currency)
        return self.after(amount_text(usd if amount is None else amount, currency), usd, currency)

    def after(self, text: str, usd: float | None, currency: str = USD) -> str:
        """An amount said in its own currency ('at least $85'), with roughly the reader's
        after it when they read another: 'at least $85 (≈ £63)'."""
        converted = self._converted(text, usd, currency)
        return text if converted is None else f"{text} ({converted})"

    def within(self, text: str, usd: float | None, currency: str = USD) -> str:
        """As `after`, for an amount already in brackets: '$50, ≈ £37' (a US reader: '$50')."""
        converted = self._converted(text, usd, currency)
        return text if converted is None else f"{text}, {converted}"

    def _converted(self, text: str, usd: float | None, currency: str) -> str | None:
        """'≈ £63' for an amount the reader reads converted; None when they read it as said."""
        if currency == self.currency or usd is None or text == UNKNOWN:
            return None
        return self.approximately(usd)

    @property
    def note(self) -> str:
        """'Amounts in £ are approximate: US dollars converted at the 2026-11 rate.' ('' for
        a reader of US dollars)."""
        if not self.converts:
            return ""
        sign = CURRENCY_SIGNS.get(self.currency, self.currency)
        return f"Amounts in {sign} marked ≈ are converted at the {self.month} rate, approximately."

    @property
    def zero(self) -> str:
        """Nothing, in the reader's currency: '$0', '£0'."""
        return amount_text(0, self.currency)


US_READER = Reader()  # US dollars, as the arithmetic has them
