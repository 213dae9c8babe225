"""How old a fact is: source dates as people write them, and what counts as stale."""

from __future__ import annotations

import datetime as dt

import pytest

from certadvise.catalog.freshness import is_stale, price_as_of, source_year, stale_facts
from certadvise.catalog.index import Catalog

TODAY = dt.date(2026, 11, 26)


@pytest.mark.parametrize(
    ("as_of", "year"),
    [
        ("2025", 2025),
        ("c. 2024-2025", 2025),
        ("c. 2015-17", 2017),
        ("c. 2015\u201317", 2017),
        ("2015-06-23", 2015),
        ("2024-02", 2024),
        ("2018-2020 cycle", 2020),
        ("pre-2022", 2021),
        ("c. 2017+", 2017),
        ("2011 policy (page c. 2012-20)", 2020),
        ("operational from 2025-08-01", 2025),
        ("2019-10 (registration opening 2019-12-04)", 2019),
        ("undated", None),
        ("undated (probably 2010s)", None),
        ("", None),
        (None, None),
    ],
)
def test_source_year_reads_the_latest_year_a_date_can_mean(as_of: str | None, year: int) -> None:
    assert source_year(as_of) == year


def test_older_than_two_years_is_stale() -> None:
    assert is_stale("c. 2014", TODAY)
    assert is_stale("2023", TODAY)
    assert not is_stale("2024", TODAY)
    assert not is_stale("c. 2024-2025", TODAY)
    assert not is_stale("undated", TODAY)  # unknown age: listed by `catalog stale` instead
    assert is_stale("2024", TODAY, years=1)


def test_the_date_of_a_price_is_the_date_of_the_source_it_cites(catalog: Catalog) -> None:
    assert price_as_of(catalog.entries["ACSM-EP"]) == "c. 2014"
    assert price_as_of(catalog.entries["CSCS"]) == "2025"
    assert price_as_of(catalog.entries["ACSM-RCEP"]) is None  # retired, no cost


def test_stale_facts_come_oldest_first_and_undated_last(catalog: Catalog) -> None:
    found = stale_facts(catalog.certifications, TODAY)
    years = [f.year for f in found if f.year is not None]
    assert years == sorted(years)
    assert all(y < 2024 for y in years)
    assert found[-1].year is None
    assert any(f.entry == "ACSM-GEI" and f.fact == "cost" for f in found)
