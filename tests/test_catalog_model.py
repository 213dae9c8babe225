"""The catalog model's helpers: currencies that are never converted, units made comparable."""

from __future__ import annotations

from certadvise.catalog.models import CeUnit, Cost, Recertification, comparable_usd

UNIT_HOURS: dict[str, float | None] = {"CEU": 10, "CEC": None, "hours": 1, "points": None}


def test_a_usd_price_is_comparable_with_a_budget() -> None:
    cost = Cost(source="s", exam_non_member=475)
    assert cost.currency == "USD"
    assert comparable_usd(cost, cost.exam_non_member) == 475


def test_a_price_in_another_currency_is_never_converted() -> None:
    cost = Cost(source="s", currency="GBP", exam_non_member=1200)
    assert cost.exam_non_member == 1200  # kept as the source states it
    assert not cost.in_usd
    assert comparable_usd(cost, cost.exam_non_member) is None


def test_an_unknown_price_is_not_comparable_either() -> None:
    assert comparable_usd(None, None) is None
    assert comparable_usd(Cost(source="s"), None) is None


def test_continuing_education_in_hours_uses_the_entry_before_the_vocabulary() -> None:
    nsca = Recertification(source="s", ceus=6, ce_unit=CeUnit.CEU)
    ace = Recertification(source="s", ceus=2, ce_unit=CeUnit.CEC, ce_hours=20)
    acsm = Recertification(source="s", ceus=45, ce_unit=CeUnit.CEC)
    assert nsca.hours(UNIT_HOURS) == 60
    assert ace.hours(UNIT_HOURS) == 20
    assert acsm.hours(UNIT_HOURS) is None  # a CEC is not the same everywhere: not guessed


def test_a_requirement_without_a_unit_has_no_hours() -> None:
    assert Recertification(source="s", ceus=2).hours(UNIT_HOURS) is None
