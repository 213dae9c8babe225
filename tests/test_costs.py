"""Price arithmetic: cheapest honest route, membership, tiers, fees, cost of ownership; and
money: amounts in words, budgets as typed, conversions."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from certadvise.advice.costs import cheapest_way_in, cost_of_ownership, quote_text
from certadvise.advice.cycles import HeldState
from certadvise.advice.judgement import Judgement
from certadvise.advice.money import (
    EXPECTED_BUDGET,
    BudgetError,
    Converter,
    country_currency,
    parse_budget,
)
from certadvise.advice.profile import Held, Profile, RawProfile, normalise
from certadvise.amounts import amount_text, money
from certadvise.catalog.index import Catalog
from certadvise.catalog.models import Certification, Organization
from certadvise.catalog.validation import validate

TODAY = dt.date(2026, 11, 26)


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


def test_a_tier_a_route_names_is_that_routes_price_only() -> None:
    # UK-L3-PT's shape: the Level-3-only course after a Level 2, the combined diploma
    # for beginners; the combined tier is the dearer, but a beginner's route pays it.
    tiers = {"tiers": [{"name": "L3", "usd": 1500}, {"name": "L2+L3", "usd": 2225}]}
    routes = [{"text": "after Level 2", "credentials": ["L2"]}, {"text": "none", "tier": "L2+L3"}]
    combined = made(tiers, None, prerequisites={"source": "s", "routes": routes})
    assert cheapest_way_in(combined, None, tier="L2+L3").usd == 2225
    assert cheapest_way_in(combined, None).usd == 1500
    cheaper = {"tiers": [{"name": "L3", "usd": 1500}, {"name": "L2+L3", "usd": 900}]}
    named = made(cheaper, None, prerequisites={"source": "s", "routes": routes})
    assert cheapest_way_in(named, None).usd == 1500  # never another route's tier
    assert cheapest_way_in(made(cheaper, None), None).usd == 900  # no route names it


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


def test_an_amount_in_a_currency_without_a_sign_says_its_code() -> None:
    assert [amount_text(90, "CHF"), amount_text(1200, "GBP"), amount_text(None, "GBP")] == [
        "CHF 90",
        "£1,200",
        "not verified",
    ]


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("400", (400, None)),
        ("1,200.50", (1200.5, None)),
        ("£400", (400, "GBP")),
        ("400 gbp", (400, "GBP")),
        ("gbp 400", (400, "GBP")),
        ("£400 GBP", (400, "GBP")),
        ("A$2000", (2000, "AUD")),
        ("$900", (900, "$")),  # whose dollar: the country's (country_currency)
        ("0", (0, None)),
        ("1,000,000", (1_000_000, None)),
        (1200, (1200, None)),
    ],
)
def test_a_budget_as_people_type_it(typed: str | float, read: tuple[float, str | None]) -> None:
    assert parse_budget(typed) == read


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        (True, "a budget is an amount, not yes or no"),
        ("four hundred", f"expected {EXPECTED_BUDGET}"),
        ("1,000,001", f"expected {EXPECTED_BUDGET}"),
        (float("inf"), f"expected {EXPECTED_BUDGET}"),
        ("$400 GBP", "two currencies in one budget ($ and GBP)"),
        ("400 XYZ", "unknown currency 'XYZ': expected one of AUD, CAD, EUR, GBP, NZD, USD "),
        ("XYZ 400 XYZ", "unknown currency 'XYZ': expected one of "),
    ],
)
def test_a_budget_that_is_not_one_says_why(typed: str | float, says: str) -> None:
    with pytest.raises(BudgetError) as refused:
        parse_budget(typed)
    assert str(refused.value).startswith(says)
    if "unknown currency" in says:
        assert str(refused.value).endswith(
            "or a sign ($, US$, £, €, A$, AU$, C$, CA$, NZ$) beside the amount"
        )


def test_a_bare_amount_is_in_the_countrys_currency_and_a_bare_dollar_its_dollar() -> None:
    assert [country_currency(c) for c in ("US", "GB", "AU", "CA", "DE")] == [
        "USD",
        "GBP",
        "AUD",
        "CAD",
        "USD",
    ]
    assert [country_currency(c, "$") for c in ("US", "GB", "AU", "CA")] == [
        "USD",
        "USD",  # the UK has no dollar of its own: a '$' there is the US dollar
        "AUD",
        "CAD",
    ]


def test_a_conversion_is_said_as_approximate_only_across_currencies(catalog: Catalog) -> None:
    dated = Converter(catalog.rates)
    assert dated.approximately(300, "GBP", "USD") == "≈ $404 at the 2025-10 rate"
    assert dated.approximately(300, "USD", "USD") is None
    assert Converter().approximately(300, "GBP", "USD") is None  # no rate table


def test_rates_are_stale_only_when_there_are_rates_and_they_are_old(catalog: Catalog) -> None:
    dated = Converter(catalog.rates)  # as of 2025-10-17
    assert dated.stale(dt.date(2026, 11, 26))
    assert not dated.stale(dt.date(2025, 11, 1))
    assert not Converter().stale(dt.date(2026, 11, 26))


# ------------------------------------------------- every part of a price, as --json lists it

RECERT = {"source": "s", "period_years": 2, "fee_member": 50, "fee_non_member": 80}


def made(cost: dict[str, Any] | None, recertification: Any = RECERT, **more: Any) -> Certification:
    """An entry with this cost (None: no price at all) and recertification rule."""
    doc: dict[str, Any] = {
        "id": "X",
        "name": "X",
        "organization": "ORG",
        "category": "tactical",
        "sources": [{"key": "s", "url": "u", "as_of": "2025"}],
        **more,
    }
    if cost is not None:
        doc["cost"] = {"source": "s", **cost}
    if recertification is not None:
        doc["recertification"] = recertification
    return validate(Certification, doc)


def body(**membership: Any) -> Organization:
    return validate(Organization, {"id": "ORG", "name": "Org", "membership": membership})


def parts(found: Any) -> list[tuple[str, float | None, str]]:
    return [(p.label, p.amount, p.kind) for p in found.parts]


def test_a_quote_in_words_in_its_own_currency() -> None:
    assert quote_text(cheapest_way_in(made({"exam_non_member": 475}), None)) == "$475"
    gbp = cheapest_way_in(made({"currency": "GBP", "exam_non_member": 300}), None)
    assert (quote_text(gbp), gbp.currency) == ("£300", "GBP")
    assert quote_text(cheapest_way_in(made(None), None)) == "not verified"


def test_without_a_price_the_quote_says_which_kind_of_unknown() -> None:
    none = cheapest_way_in(made(None), None)
    assert (none.amount, none.route, none.notes) == (None, "price not verified", ())
    hidden = cheapest_way_in(made({"currency": "GBP", "not_published": True}), None)
    assert (hidden.route, hidden.currency) == ("price not published", "GBP")
    assert hidden.source is not None and hidden.source.url == "u"
    fees_only = cheapest_way_in(made({"currency": "GBP", "unverified_fees": ["exam fee"]}), None)
    assert (fees_only.amount, fees_only.route, fees_only.currency, fees_only.notes) == (
        None,
        "price not verified",
        "GBP",
        (),
    )


def test_the_way_in_keeps_its_currency_and_names_its_parts() -> None:
    gbp = cheapest_way_in(made({"currency": "GBP", "exam_non_member": 300}), None)
    assert (gbp.route, gbp.currency, parts(gbp)) == (
        "non-member price",
        "GBP",
        [("exam (non-member)", 300, "exam")],
    )
    member = cheapest_way_in(made({"currency": "GBP", "exam_member": 200}), None, ["ORG"])
    assert (member.currency, parts(member)) == ("GBP", [("exam (ORG member)", 200, "exam")])
    tier = cheapest_way_in(
        made({"tiers": [{"name": "Basic", "usd": 699}], "application_fee": 25}), None
    )
    assert (tier.amount, tier.usd) == (724, 724)
    assert parts(tier) == [("package: Basic", 699, "exam"), ("application fee", 25, "exam")]


def test_a_member_price_alone_with_unknown_dues_names_both_parts_in_its_currency() -> None:
    quote = cheapest_way_in(made({"currency": "GBP", "exam_member": 279}), body())
    assert (quote.route, quote.currency, quote.amount) == (
        "member price + ORG dues, not verified",
        "GBP",
        279,
    )
    assert parts(quote) == [
        ("exam (member)", 279, "exam"),
        ("ORG membership, one year", None, "dues"),
    ]
    assert quote.notes == (
        "the member price (£279) needs ORG membership, whose dues are not verified",
    )


def test_a_member_price_alone_with_known_dues_is_joining() -> None:
    quote = cheapest_way_in(made({"exam_member": 279}), body(dues_usd=120, as_of="2025"))
    assert (quote.route, quote.amount, quote.joins) == ("member price + $120 ORG dues", 399, "ORG")
    assert parts(quote) == [
        ("exam (member)", 279, "exam"),
        ("ORG membership, one year", 120, "dues"),
    ]
    assert (quote.dues, quote.dues_note) == (120, "dues as of 2025")
    undated = cheapest_way_in(made({"exam_member": 279}), body(dues_usd=120))
    assert undated.dues_note == "dues undated"


def test_students_join_at_the_student_rate_and_others_do_not() -> None:
    cost = {"exam_member": 300, "exam_non_member": 475}
    ngb = body(dues_usd=120, student_dues_usd=65)
    grown = cheapest_way_in(made(cost), ngb)
    assert (grown.route, grown.amount, grown.joins) == ("member price + $120 ORG dues", 420, "ORG")
    student = cheapest_way_in(made(cost), ngb, student=True)
    assert (student.route, student.amount, student.joins) == (
        "student member price + $65 ORG student dues",
        365,
        "ORG (student)",
    )
    assert parts(student)[1] == ("ORG (student) membership, one year", 65, "dues")


def test_dues_in_another_currency_are_counted_in_it() -> None:
    uk = body(currency="GBP", dues=100, student_dues=40)
    quote = cheapest_way_in(
        made({"currency": "GBP", "exam_member": 200, "exam_non_member": 400}), uk, student=True
    )
    assert (quote.route, quote.amount, quote.currency) == (
        "student member price + £40 ORG student dues",
        240,
        "GBP",
    )
    assert quote.notes == ("joining ORG (student) and paying the member price saves £160",)
    grown = cheapest_way_in(made({"currency": "GBP", "exam_member": 200}), uk)
    assert grown.route == "member price + £100 ORG dues"


def test_ownership_of_a_members_credential_part_by_part() -> None:
    recert = {**RECERT, "ceus": 20, "ce_unit": "CEU"}
    entry = made({"exam_member": 340, "exam_non_member": 475}, recert)
    own = cost_of_ownership(entry, body(dues_usd=120), ["ORG"], years=3)
    assert parts(own) == [
        ("exam (ORG member)", 340, "exam"),
        ("study materials", None, "study_materials"),
        ("ORG dues, 2 more year(s)", 240, "dues"),
        ("recertification fee x1", 50, "recertification"),
        ("continuing education (20 CEUs a cycle)", None, "recertification"),
    ]
    assert own.text == "at least $630"
    two = cost_of_ownership(entry, body(dues_usd=120), ["ORG"], years=2)
    assert ("ORG dues, 1 more year(s)", 120, "dues") in parts(two)
    bare = made({"exam_non_member": 475}, {**RECERT, "ceus": 4})
    assert parts(cost_of_ownership(bare, None, years=2))[-1] == (
        "continuing education (4 CE units a cycle)",
        None,
        "recertification",
    )


def test_ownership_after_joining_counts_the_dues_joined_at() -> None:
    entry = made({"exam_member": 300, "exam_non_member": 475})
    ngb = body(dues_usd=120, student_dues_usd=65)
    own = cost_of_ownership(entry, ngb, years=3, student=True)
    assert parts(own)[:4] == [
        ("exam (member)", 300, "exam"),
        ("ORG (student) membership, one year", 65, "dues"),
        ("study materials", None, "study_materials"),
        ("ORG dues, 2 more year(s)", 130, "dues"),
    ]
    assert parts(own)[4] == ("recertification fee x1", 50, "recertification")  # member fee
    grown = cost_of_ownership(entry, ngb, years=3)
    assert ("ORG dues, 2 more year(s)", 240, "dues") in parts(grown)


def test_dues_in_another_currency_than_the_price_are_not_added_up() -> None:
    entry = made({"exam_member": 300, "exam_non_member": 475})
    own = cost_of_ownership(entry, body(currency="GBP", dues=100), ["ORG"], years=3)
    assert ("ORG dues, 2 more year(s)", None, "dues") in parts(own)


def test_a_yearly_renewal_fee_is_paid_every_year_after_the_first() -> None:
    entry = made({"exam_non_member": 100}, {**RECERT, "fee_every": "year", "period_years": 1})
    own = cost_of_ownership(entry, None, years=3)
    assert parts(own)[-1] == ("yearly renewal fee x2", 160, "recertification")


def test_no_renewal_falls_inside_a_short_holding() -> None:
    own = cost_of_ownership(made({"exam_non_member": 100}), None, years=1)
    assert [p.kind for p in own.parts] == ["exam", "study_materials"]


def test_an_unknown_renewal_rule_is_a_part_only_while_the_credential_is_offered() -> None:
    active = cost_of_ownership(made({"exam_non_member": 100}, None), None, years=3)
    assert parts(active)[-1] == ("recertification", None, "recertification")
    retired = made(
        {"exam_non_member": 100}, None, status="retired", retired={"year": 2018, "source": "s"}
    )
    assert [p.kind for p in cost_of_ownership(retired, None, years=3).parts] == [
        "exam",
        "study_materials",
    ]


def test_study_materials_a_package_or_the_exam_includes_are_not_counted_again() -> None:
    package = made(
        {
            "tiers": [{"name": "All in", "usd": 699, "includes_materials": True}],
            "study_materials": {"usd": 100},
        }
    )
    assert [p.label for p in cost_of_ownership(package, None, years=1).parts] == ["package: All in"]
    included = made({"exam_non_member": 475, "study_materials": {"included": True}})
    assert [p.label for p in cost_of_ownership(included, None, years=1).parts] == [
        "exam (non-member)"
    ]
    exam_only = made(
        {
            "exam_non_member": 300,
            "tiers": [{"name": "All in", "usd": 699, "includes_materials": True}],
            "study_materials": {"usd": 100, "at_least": True},
        }
    )
    assert parts(cost_of_ownership(exam_only, None, years=1)) == [
        ("exam (non-member)", 300, "exam"),
        ("study materials (starting price)", 100, "study_materials"),
    ]


def test_ownership_without_any_price() -> None:
    own = cost_of_ownership(made(None), None, years=3)
    assert parts(own) == [
        ("exam", None, "exam"),
        ("study materials", None, "study_materials"),
        ("recertification fee x1", 80, "recertification"),
    ]
    assert (own.currency, own.text) == ("USD", "exam price not verified, plus $80 of known fees")
    hidden = cost_of_ownership(made({"not_published": True}), None, years=1)
    assert parts(hidden)[0] == ("exam", None, "exam")


def test_ownership_in_another_currency_is_converted_only_with_a_rate(catalog: Catalog) -> None:
    entry = made({"currency": "GBP", "exam_non_member": 300, "study_materials": {"amount": 100}})
    dated = cost_of_ownership(entry, None, years=1, converter=Converter(catalog.rates))
    assert (dated.currency, dated.text, dated.known) == ("GBP", "£400", 400)
    assert dated.usd is not None and round(dated.usd) == round(400 * 1.3453)
    assert dated.in_usd(None) is None
    no_rate = cost_of_ownership(entry, None, years=1)
    assert (no_rate.text, no_rate.usd) == ("£400", None)
    dollars = cost_of_ownership(made({"exam_non_member": 300}), None, years=1)
    assert dollars.in_usd(100) == 100


# ------------------------------------------- what a person pays, as their judgement says


def judged(catalog: Catalog, **raw: Any) -> Judgement:
    return Judgement(catalog, normalise(validate(RawProfile, raw), catalog, TODAY)[0], TODAY)


def test_a_lapsed_credential_costs_its_way_back_now(catalog: Catalog) -> None:
    ace = catalog.entries["ACE-CPT"]
    lapsed = judged(catalog, credentials=({"id": "ACE-CPT", "expires": "2026-09"},))
    quote = lapsed.quote(ace)
    assert (quote.amount, quote.route, quote.currency, quote.usd) == (
        129,
        "late renewal",
        "USD",
        129,
    )
    assert parts(quote) == [("late renewal", 129, "exam")]
    assert quote.source is not None and quote.source.url.endswith("/recertification/")


def test_a_way_back_in_another_currency_costs_it_in_that_currency(catalog: Catalog) -> None:
    entry = made(
        {"currency": "GBP", "exam_non_member": 300},
        {**RECERT, "grace_months": 12, "fee_non_member": 100},
    )
    person = Profile(credentials=(Held("X", dt.date(2026, 6, 30), state=HeldState.LAPSED),))
    quote = Judgement(catalog, person, TODAY).quote(entry)
    assert (quote.amount, quote.route, quote.currency) == (100, "late renewal", "GBP")
    assert quote.usd is not None and round(quote.usd, 2) == round(100 * 1.3453, 2)


def test_holding_costs_a_students_dues_and_converts_other_currencies(catalog: Catalog) -> None:
    student = judged(catalog, studying="bachelor", graduating="2027-03")
    own = student.ownership(catalog.entries["CSCS"])
    assert ("NSCA (student) membership, one year", 65, "dues") in parts(own)
    uk = judged(catalog, country="GB").ownership(catalog.entries["UK-L3-PT"])
    assert uk.usd is not None and uk.text.startswith("at least £")


def test_fees_without_amounts_are_named_and_added_only_to_an_amount() -> None:
    from certadvise.advice.facts import exam_cost

    fees = ["application and exam fee", "recertification fee"]
    assert exam_cost(made({"unverified_fees": fees})) == (
        "application and exam fee (not verified); plus a recertification fee (not verified)"
    )
    assert exam_cost(made({"exam_non_member": 470, "unverified_fees": fees[:1]})).endswith(
        "(exam only); plus an application and exam fee (not verified)"
    )


def test_keeping_a_credential_held_costs_its_dues_and_renewals_not_its_exam() -> None:
    priced = entry(exam_member=340, exam_non_member=475, study_materials={"usd": 200})
    keep = cost_of_ownership(priced, org(120), ["ORG"], years=3, held=True)
    assert [(p.label, p.amount) for p in keep.parts] == [
        ("ORG dues, 3 year(s)", 360),  # no exam, no materials; every year's dues
        ("recertification fee x1", 50),
    ]
    get = cost_of_ownership(priced, org(120), ["ORG"], years=3)
    assert [p.amount for p in get.parts] == [340, 200, 240, 50]  # the exam, materials, dues
    not_member = cost_of_ownership(priced, org(120), years=3, held=True)
    assert [(p.label, p.amount) for p in not_member.parts] == [("recertification fee x1", 80)]


def test_a_reader_reads_each_amount_in_its_own_currency_or_converted_and_marked() -> None:
    from certadvise.amounts import US_READER, Reader

    canadian = Reader("CAD", 0.7122, "2025-10")
    usd = 260 * 0.7122
    assert canadian.reads(usd, 260, "CAD") == "CA$260"  # as stated: not converted
    assert canadian.beside(usd, 260, "CAD") == "CA$260"
    assert canadian.beside(90, 90, "USD") == "$90 (≈ CA$126)"
    assert US_READER.reads(usd, 260, "CAD") == "≈ $185"  # a US reader of Canadian dollars
    assert US_READER.beside(usd, 260, "CAD") == "CA$260 (≈ $185)"
    assert US_READER.after("at least CA$780", 780 * 0.7122, "CAD") == "at least CA$780 (≈ $556)"
    assert US_READER.reads(90) == "$90" and US_READER.beside(90) == "$90"
    assert canadian.approximately(usd + 90) == "≈ CA$386"  # a sum of two currencies
    assert US_READER.approximately(None) == "not verified"
