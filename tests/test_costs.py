"""Price arithmetic: cheapest honest route, membership, tiers, fees, cost of ownership."""

from __future__ import annotations

from typing import Any

from certadvise.advice.costs import cheapest_way_in, cost_of_ownership, quote_text
from certadvise.advice.money import money
from certadvise.catalog.index import Catalog
from certadvise.catalog.models import Certification, Organization
from certadvise.catalog.validation import validate


def entry(**cost: Any) -> Certification:
    return validate(
        Certification,
        {
            "id": "X",
            "name": "X",
            "organization": "ORG",
            "category": "tactical",
            "sources": [{"key": "s", "url": "u", "as_of": "2025"}],
            "cost": {"source": "s", **cost},
            "recertification": {
                "source": "s",
                "period_years": 2,
                "fee_member": 50,
                "fee_non_member": 80,
            },
        },
    )


def org(dues: float | None) -> Organization:
    return validate(Organization, {"id": "ORG", "name": "Org", "membership": {"dues_usd": dues}})


def test_non_member_pays_the_non_member_price() -> None:
    quote = cheapest_way_in(entry(exam_member=340, exam_non_member=475), org(None))
    assert (quote.usd, quote.route) == (475, "non-member price")


def test_member_pays_the_member_price() -> None:
    quote = cheapest_way_in(entry(exam_member=340, exam_non_member=475), org(None), ["ORG"])
    assert (quote.usd, quote.route) == (340, "member price")


def test_joining_is_suggested_when_member_price_plus_dues_is_cheaper() -> None:
    quote = cheapest_way_in(entry(exam_member=300, exam_non_member=475), org(120))
    assert (quote.usd, quote.route) == (420, "member price + $120 ORG dues")
    assert quote.notes == ("joining ORG and paying the member price saves $55",)


def test_joining_is_not_suggested_when_it_costs_the_same_or_more() -> None:
    quote = cheapest_way_in(entry(exam_member=360, exam_non_member=470), org(110))
    assert (quote.usd, quote.route) == (470, "non-member price")


def test_lowest_tier_and_application_fee() -> None:
    quote = cheapest_way_in(
        entry(
            tiers=[{"name": "Plus", "usd": 849}, {"name": "Basic", "usd": 699}], application_fee=25
        ),
        org(None),
    )
    assert (quote.usd, quote.route, quote.package) == (724, "Basic", True)


def test_unknown_fees_make_the_price_at_least() -> None:
    quote = cheapest_way_in(
        entry(exam_non_member=470, unverified_fees=["practicum fee"]), org(None)
    )
    assert quote_text(quote) == "at least $470"
    assert quote.unverified_parts == ("practicum fee",)


def test_member_price_alone_with_unknown_dues_is_at_least_that_price() -> None:
    quote = cheapest_way_in(entry(exam_member=279), org(None))
    assert quote_text(quote) == "at least $279"
    assert quote.joins == "ORG" and quote.unverified_parts == ("ORG membership, one year",)
    assert "dues are not verified" in quote.notes[0]


def test_ownership_over_years_counts_renewals_and_names_unknowns() -> None:
    own = cost_of_ownership(
        entry(exam_non_member=475, study_materials={"usd": 100}), org(None), years=4
    )
    assert [(p.label, p.amount) for p in own.parts] == [
        ("exam (non-member)", 475),
        ("study materials", 100),
        ("recertification fee x2", 160),
    ]
    assert own.text == "$735"
    unknown = cost_of_ownership(entry(exam_non_member=475), org(None), years=1)
    assert unknown.text == "at least $475"  # study materials not verified


def test_cscs_total_over_three_years_checked_by_hand(catalog: Catalog) -> None:
    cscs = catalog.entries["CSCS"]
    own = cost_of_ownership(cscs, catalog.organizations["NSCA"], years=3)
    # $475 exam + $268 materials (starting price) + one $90 renewal; CEU courses unknown
    assert own.usd == 475 + 268 + 90 and not own.complete


def test_money_formatting() -> None:
    assert [money(475), money(1199), money(49.5), money(None)] == [
        "$475",
        "$1,199",
        "$49.50",
        "not verified",
    ]
