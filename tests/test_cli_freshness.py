"""Stale prices show their year, JSON says `as_of` and `stale`, `catalog stale` lists them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from .conftest import Runner

TODAY = dt.date(2026, 11, 26)


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("certadvise.cli.runtime.today", lambda: TODAY)


def test_list_shows_the_year_of_a_price_older_than_two_years(cli: Runner) -> None:
    rows = {line.split()[0]: line for line in cli("list").lines[1:]}
    assert "$275 (2014)" in rows["ACSM-EP"]
    assert "$499 (2017)" in rows["ACE-HC"]
    assert "$475 " in rows["CSCS"] and "(20" not in rows["CSCS"]  # 2025: current


def test_list_json_says_as_of_and_stale(cli: Runner) -> None:
    rows = {r["id"]: r for r in cli("list", "-f", "json").json()["certifications"]}
    assert rows["ACSM-EP"]["as_of"] == "c. 2014"
    assert rows["ACSM-EP"]["stale"] is True
    assert rows["ACSM-EP"]["minimum_usd"] == 275
    assert rows["CSCS"]["stale"] is False


def test_stale_is_relative_to_the_day_of_the_run(
    cli: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("certadvise.cli.runtime.today", lambda: dt.date(2015, 1, 1))
    rows = {r["id"]: r for r in cli("list", "-f", "json").json()["certifications"]}
    assert rows["ACSM-EP"]["stale"] is False


def test_show_marks_the_stale_price_and_its_json_cost_says_so(cli: Runner) -> None:
    document = cli("show", "ACSM-EP", "-f", "json").json()
    assert document["cost"]["as_of"] == "c. 2014"
    assert document["cost"]["stale"] is True
    rows = list(csv.DictReader(io.StringIO(cli("show", "ACSM-EP", "-f", "csv").out)))
    exam = next(r for r in rows if r["key"] == "cost.exam")
    assert exam["value"].startswith("$275") and "(2014)" in exam["value"]
    assert exam["stale"] == "true"


def test_compare_json_says_as_of_and_stale_for_each_certification(cli: Runner) -> None:
    document = cli("compare", "ACSM-EP", "CSCS", "-f", "json").json()
    costs = {c["id"]: c["cost"] for c in document["certifications"]}
    assert costs["ACSM-EP"]["stale"] is True and costs["ACSM-EP"]["as_of"] == "c. 2014"
    assert costs["CSCS"]["stale"] is False
    exam = next(r for r in document["rows"] if r["key"] == "cost.exam")
    assert "(2014)" in exam["values"]["ACSM-EP"]


def test_catalog_stale_lists_facts_to_recheck_oldest_first(cli: Runner) -> None:
    result = cli("catalog", "stale", "-f", "json")
    assert result.code == 0
    facts = result.json()["facts"]
    years = [f["year"] for f in facts if f["year"] is not None and f["id"] != "rates"]
    assert years == sorted(years) and max(years) < 2024
    assert facts[0]["id"] == "NFHS-COACH" and facts[0]["fact"] == "cost"  # a 2009 course price
    assert facts[-1]["year"] is None  # undated sources come last


def test_catalog_stale_older_than(cli: Runner) -> None:
    facts = cli("catalog", "stale", "--older-than", "10", "-f", "json").json()["facts"]
    assert all(f["year"] is None or f["year"] < 2016 for f in facts if f["id"] != "rates")
    assert any(f["year"] == 2013 for f in facts)


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "jsonl", "markdown", "ids"])
def test_catalog_stale_in_every_format(cli: Runner, fmt: str) -> None:
    result = cli("catalog", "stale", "-f", fmt)
    assert result.code == 0, result.err
    assert "NFHS-COACH" in result.out
    if fmt == "jsonl":
        assert json.loads(result.lines[0])["id"] == "NFHS-COACH"


def test_catalog_stale_lists_exchange_rates_older_than_six_months(
    cli: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("certadvise.cli.runtime.today", lambda: dt.date(2026, 4, 1))
    fresh = cli("catalog", "stale", "-f", "json").json()["facts"]
    assert not any(f["id"] == "rates" for f in fresh)  # read 2025-10-17: under six months
    monkeypatch.setattr("certadvise.cli.runtime.today", lambda: dt.date(2026, 11, 26))
    old = cli("catalog", "stale", "-f", "json").json()["facts"]
    rates = next(f for f in old if f["id"] == "rates")
    assert (rates["fact"], rates["as_of"]) == ("exchange rates", "2025-10-17")
