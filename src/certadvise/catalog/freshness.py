"""How old a fact is: the year its source states, and whether it is stale.

Sources state their date in words people write: "2025", "c. 2024-2025", "2015-06-23",
"2018-2020 cycle", "c. 2015-17", "pre-2022", "undated". `source_year` reads the latest year
such a date can mean; a fact is stale when that year is more than `years` years before
today. "Today" is always passed in (the command line decides it), never read from a clock
here, so that the same catalog gives the same answer in a test and in a pipeline.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from certadvise.catalog.models import Certification, Confidence, Organization, Rates, Source, Tier

STALE_AFTER_YEARS = 2

_ISO_DATE = re.compile(r"^\s*(\d{4})-(0[1-9]|1[0-2])(?:-\d{2})?\s*$")
_YEAR = r"(?:19|20)\d{2}"
_SHORT_RANGE = re.compile(rf"({_YEAR})\s*[-\u2013/]\s*(\d{{2}})(?![\d-])")
_BEFORE = re.compile(rf"\b(?:pre|before)[-\s]*({_YEAR})", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)  # pure: the same dates are read for every person
def source_year(as_of: str | None) -> int | None:
    """The latest year a source's date can mean; None when it states none ('undated').

    "2025" -> 2025, "c. 2024-2025" -> 2025, "2015-06-23" -> 2015, "c. 2015-17" -> 2017,
    "pre-2022" -> 2021 (before 2022, so at the latest 2021), "undated" -> None (also
    "undated (probably 2010s)": a guess is not a date).
    """
    if not as_of or as_of.strip().lower().startswith("undated"):
        return None
    iso = _ISO_DATE.match(as_of)
    if iso:
        return int(iso.group(1))
    before = _BEFORE.search(as_of)
    if before:
        return int(before.group(1)) - 1
    years = [int(y) for y in re.findall(rf"(?<!\d)({_YEAR})(?!\d)", as_of)]
    for start, end in _SHORT_RANGE.findall(as_of):
        century = int(start) // 100 * 100
        if int(end) > int(start) % 100:
            years.append(century + int(end))
    return max(years) if years else None


def is_stale(as_of: str | None, today: dt.date, years: int = STALE_AFTER_YEARS) -> bool:
    """True when the source is dated and more than `years` years older than `today`.

    An undated source is not called stale (its age is unknown): `stale_facts` lists it
    separately, for someone to date it.
    """
    year = source_year(as_of)
    return year is not None and today.year - year > years


def price_source(entry: Certification, tier: Tier | None = None) -> Source | None:
    """The source a price cites: the tier's own source if it has one, else the cost's."""
    if entry.cost is None:
        return None
    key = tier.source if tier is not None and tier.source else entry.cost.source
    return entry.source(key)


def price_as_of(entry: Certification, tier: Tier | None = None) -> str | None:
    """The date of the source the price cites (a tier may cite its own); None if no price."""
    source = price_source(entry, tier)
    return source.as_of if source is not None else None


def tier_named(entry: Certification, name: str) -> Tier | None:
    """The priced package called `name`, if the entry has one."""
    tiers = entry.cost.tiers if entry.cost else ()
    return next((t for t in tiers if t.name == name), None)


def dated(text: str, as_of: str | None, today: dt.date | None) -> str:
    """`text` with its source's year when that is stale: "$275 (2014)".

    An unknown price ('not verified') gets no year: there is nothing to date.
    """
    if today is None or not is_stale(as_of, today):
        return text
    return f"{text} ({source_year(as_of)})"


def freshness(as_of: str | None, today: dt.date | None) -> dict[str, object]:
    """`as_of` and `stale` for a JSON document (`stale` is null without a date of the run)."""
    stale = None if today is None else is_stale(as_of, today)
    return {"as_of": as_of, "stale": stale}


RATES_STALE_MONTHS = 6  # exchange rates older than this are said to be stale


def rates_stale(as_of: dt.date, today: dt.date, months: int = RATES_STALE_MONTHS) -> bool:
    """Exchange rates read on `as_of` are more than `months` months old on `today`."""
    age = (today.year - as_of.year) * 12 + today.month - as_of.month
    return age > months or (age == months and today.day > as_of.day)


@dataclass(frozen=True)
class DatedFact:
    """One sourced fact to re-check: which entry, which fact, and its source's date."""

    entry: str
    fact: str
    source_key: str
    as_of: str
    year: int | None
    confidence: Confidence
    url: str


def _cited(entry: Certification) -> Iterator[tuple[str, str]]:
    """(fact, source key) for every sourced fact of an entry."""
    for name in (
        "cost",
        "prerequisites",
        "exam",
        "accreditation",
        "recertification",
        "study_hours",
        "retired",
    ):
        group = getattr(entry, name)
        if group is not None:
            yield name, group.source
    if entry.cost is not None:
        for tier in entry.cost.tiers:
            if tier.source and tier.source != entry.cost.source:
                yield f"cost.tiers.{tier.name}", tier.source
    if entry.markets_source is not None:
        yield "markets", entry.markets_source
    for rate in entry.pass_rates:
        yield f"pass_rates.{rate.year}", rate.source
    for change in entry.rule_changes:
        yield f"rule_changes.{change.effective.isoformat()}", change.source


def stale_facts(
    entries: list[Certification],
    today: dt.date,
    older_than: int = STALE_AFTER_YEARS,
    organizations: list[Organization] | None = None,
    rates: Rates | None = None,
) -> list[DatedFact]:
    """Facts whose source is more than `older_than` years old, oldest first, then undated ones.

    Within a year, the weakest sources come first, then by entry and fact. Organizations'
    membership dues count too (as entry = the organization's id), and the exchange rates
    (entry `rates`) once they are more than `RATES_STALE_MONTHS` months old: conversions
    drift faster than prices.
    """
    found: list[DatedFact] = []
    if rates is not None and rates_stale(rates.as_of, today):
        found.append(
            DatedFact(
                "rates",
                "exchange rates",
                "rates",
                rates.as_of.isoformat(),
                rates.as_of.year,
                rates.confidence,
                rates.source,
            )
        )
    for org in organizations or ():
        dues = org.membership
        if dues is None or dues.as_of is None:
            continue
        year = source_year(dues.as_of)
        if year is None or is_stale(dues.as_of, today, older_than):
            url = dues.source or org.url or ""
            found.append(
                DatedFact(org.id, "membership", "dues", dues.as_of, year, Confidence.MEDIUM, url)
            )
    for entry in entries:
        for fact, key in _cited(entry):
            source = entry.source(key)
            if source is None:
                continue
            year = source_year(source.as_of)
            if year is not None and not is_stale(source.as_of, today, older_than):
                continue
            found.append(
                DatedFact(entry.id, fact, key, source.as_of, year, source.confidence, source.url)
            )
    weakness = {Confidence.LOW: 0, Confidence.MEDIUM: 1, Confidence.HIGH: 2}
    found.sort(
        key=lambda f: (
            f.year is None,
            f.year or 0,
            weakness[f.confidence],
            f.entry,
            f.fact,
        )
    )
    return found
