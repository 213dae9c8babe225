"""A profile read and checked directly: options and files refused in words, normalised
credentials, budgets and fields, and the assumptions said (built-in catalog; no CLI)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest

from certadvise.advice.cycles import HeldState
from certadvise.advice.profile import (
    Held,
    RawProfile,
    country,
    degree_required,
    implied_degree,
    normalise,
    read_field,
)
from certadvise.advice.profile_checks import (
    check,
    check_units,
    describe,
    field_of,
    from_options,
    in_file,
    option_data,
    pairs,
    typed,
    unit,
)
from certadvise.catalog.index import Catalog
from certadvise.catalog.validation import Problem, ValidationError, validate
from certadvise.errors import InputError
from certadvise.levels import DegreeLevel

from .test_planner_units import TODAY

EVERYTHING = {
    "goals": ["athletes"],
    "degree": "bachelor",
    "field": "kinesiology",
    "studying": "master",
    "graduating": "2027-05",
    "have": ["CSCS@2027-12", "CPR-AED"],
    "credentials": [
        {"id": "NSCA-CPT", "earned": "2024-03"},
        {"id": "ACE-CPT", "expires": "2026-01-31", "earned": "2022-01"},
    ],
    "hours": {"internship": 300},
    "experience": {"sc-coaching": 2},
    "age": 30,
    "budget": "400 GBP",
    "member": ["NSCA"],
    "country": "gb",
}


def read(catalog: Catalog, **raw: Any) -> tuple[Any, list[str]]:
    return normalise(validate(RawProfile, raw), catalog, TODAY)


def refused(**raw: Any) -> str:
    with pytest.raises(ValidationError) as caught:
        validate(RawProfile, raw)
    return str(caught.value)


def test_hours_are_given_as_kind_equals_number() -> None:
    assert pairs("--hours", [" coaching = 500 ", "internship=200"]) == {
        "coaching": "500",
        "internship": "200",
    }
    assert pairs("--hours", None) is None
    for bad in ("coaching", "=500", "coaching= "):
        with pytest.raises(InputError, match=rf"^--hours: expected KIND=N, got '{bad}'$"):
            pairs("--hours", [bad])


def test_a_full_profile_as_json_shows_it(catalog: Catalog) -> None:
    profile, said = read(catalog, **EVERYTHING)
    assert said == []
    doc = profile.as_document()
    assert round(doc.pop("months_to_graduate"), 2) == 6.11
    assert doc == {
        "goals": ["athletes"],
        "degree": "bachelor",
        "field": "kinesiology",
        "final_year": "master",
        "studying": "master",
        "graduating": "2027-05-31",
        "have": ["CSCS", "CPR-AED", "NSCA-CPT"],
        "hours": {"internship": 300},
        "experience": {"sc-coaching": 2.0},
        "age": 30,
        "budget_usd": 538.12,
        "member": ["NSCA"],
        "country": "GB",
        "credentials": [
            {"id": "CSCS", "expires": "2027-12-31", "state": "active"},
            {"id": "CPR-AED", "expires": None, "state": "active"},
            {
                "id": "NSCA-CPT",
                "expires": "2026-12-31",
                "state": "expiring",
                "earned": "2024-03-31",
                "expires_computed": True,
            },
            {"id": "ACE-CPT", "expires": "2026-01-31", "state": "lapsed", "earned": "2022-01-31"},
        ],
        "budget": {"amount": 400.0, "currency": "GBP"},
    }
    assert read(catalog)[0].as_document() == {}


def test_a_saved_profile_keeps_what_was_given_not_what_was_worked_out(catalog: Catalog) -> None:
    profile, _ = read(catalog, **EVERYTHING)
    saved = profile.saved_document()
    assert saved == {
        "goals": ["athletes"],
        "degree": "bachelor",
        "field": "kinesiology",
        "studying": "master",
        "graduating": "2027-05",
        "have": ["CPR-AED"],
        "credentials": [
            {"id": "CSCS", "expires": "2027-12-31"},
            {"id": "NSCA-CPT", "earned": "2024-03-31"},
            {"id": "ACE-CPT", "expires": "2026-01-31", "earned": "2022-01-31"},
        ],
        "hours": {"internship": 300},
        "experience": {"sc-coaching": 2.0},
        "age": 30,
        "member": ["NSCA"],
        "country": "GB",
        "budget": "400 GBP",
    }
    again, _ = normalise(validate(RawProfile, saved), catalog, TODAY)
    assert set(again.credentials) == set(profile.credentials)  # read back, the same
    assert replace(again, have=profile.have, credentials=profile.credentials) == profile
    assert read(catalog, final_year="bachelor", budget_usd=500)[0].saved_document() == {
        "final_year": "bachelor",
        "budget_usd": 500.0,
    }
    assert read(catalog, studying="bachelor", budget=300.5)[0].saved_document() == {
        "studying": "bachelor",
        "budget_usd": 300.5,
    }
    assert read(catalog, have=["CSCS"])[0].saved_document() == {"have": ["CSCS"]}
    assert read(catalog)[0].saved_document() == {}


def test_a_held_credential_as_json() -> None:
    day = dt.date(2027, 1, 31)
    assert Held("X").document() == {"id": "X", "expires": None, "state": "active"}
    assert Held("X", day, dt.date(2025, 1, 31), computed=True).document() == {
        "id": "X",
        "expires": "2027-01-31",
        "state": "active",
        "earned": "2025-01-31",
        "expires_computed": True,
    }


def test_what_the_rules_assume_about_what_is_left_out(catalog: Catalog) -> None:
    assert read(catalog)[1] == [
        "no degree given: assumed a high-school diploma",
        "no age given: assumed 18 or older",
        "no budget given: cost does not exclude anything",
        "no goal given: every eligible certification is ranked",
        "CPR/AED not listed in --have: assumed not held",
        "no country given: assumed US",
    ]
    assert (
        read(catalog, age=16)[1][0] == "no degree given: at 16, assumed no high-school diploma yet"
    )
    assert read(catalog, age=17)[1][0] == "no degree given: assumed a high-school diploma"
    assert read(catalog, studying="high-school")[1][0] == "in high school: no diploma yet"
    assert read(catalog, final_year="high-school")[1][0] == (
        "in the final year of high school: no diploma yet"
    )
    assert read(catalog, degree="associate")[1][0] == (
        "no degree field given: routes that need a specific field are not met"
    )
    assert read(catalog, degree="high-school")[1][0] == "no age given: assumed 18 or older"
    assert read(catalog, degree="bachelor", studying="master")[1][:2] == [
        "no degree field given: routes that need a specific field are not met",
        "studying for a master's degree with no graduation date: give --graduating YYYY-MM "
        "for how long it takes",
    ]
    held = read(catalog, have=["BLS"], age=30, budget=300, goals=["athletes"], country="US")
    assert held[1] == ["no degree given: assumed a high-school diploma"]
    lapsed_card = read(catalog, have=["CPR-AED@2025-01"])[1]
    assert "your CPR-AED card lapsed on 2025-01-31: counted as not held" in lapsed_card
    athletic_trainer = read(catalog, have=["ATC"])[1]  # an ATC keeps a BLS card (ATC.yaml)
    assert not any("CPR" in said for said in athletic_trainer)


@pytest.mark.parametrize(
    ("held", "level"),
    [
        ("CSCS", DegreeLevel.BACHELOR),  # a bachelor's, or a college senior: a holder finished
        ("ATC", DegreeLevel.BACHELOR),  # a master's since 2022: its holders_degree, sourced
        ("PT", DegreeLevel.BACHELOR),  # a DPT since 2016: every PT has at least a bachelor's
        ("RDN", DegreeLevel.BACHELOR),  # a graduate degree since 2024
        ("PTA", DegreeLevel.ASSOCIATE),
        ("CPSS", DegreeLevel.BACHELOR),  # the lowest of a doctorate, a master's, a bachelor's
        ("ACE-CPT", None),  # a high-school diploma is no college degree
        ("RN", None),  # one route asks for no degree
        ("CSPS", None),  # a credential instead of a degree on three routes
        ("NASM-PES", None),  # no route at all
        ("CPR-AED", None),
    ],
)
def test_the_degree_holding_a_credential_means(catalog: Catalog, held: str, level: Any) -> None:
    assert degree_required(catalog.entries[held]) is level


def test_the_highest_implied_degree_is_named_with_what_requires_it(catalog: Catalog) -> None:
    def implied(*held: str, lapsed: bool = False) -> tuple[DegreeLevel, str] | None:
        state = HeldState.LAPSED if lapsed else HeldState.ACTIVE
        found = implied_degree([Held(h, state=state) for h in held], catalog)
        return (found.level, found.by) if found else None

    assert implied() is None
    assert implied("ACE-CPT", "NSCA-CPT") is None
    assert implied("PTA", "CSCS", "CSCCA-SCCC") == (DegreeLevel.BACHELOR, "CSCS")  # the higher
    assert implied("PTA") == (DegreeLevel.ASSOCIATE, "PTA")
    assert implied("CSCS", "CSCCA-SCCC") == (DegreeLevel.BACHELOR, "CSCS")  # the first named
    assert implied("CSCS", lapsed=True) == (DegreeLevel.BACHELOR, "CSCS")  # a degree stays


def test_a_credential_held_implies_a_degree_only_when_none_is_given(catalog: Catalog) -> None:
    profile, said = read(catalog, have=["NSCA CSCS@2025-12"], age=16)
    assert profile.education is DegreeLevel.BACHELOR and not profile.too_young_for_a_diploma
    assert said[:2] == [
        "no degree given: assumed a bachelor's degree, as every CSCS holder has",
        "no degree field given: routes that need a specific field are not met",
    ]
    assert "degree" not in profile.as_document()  # what was given, not what was assumed
    assert "degree" not in profile.saved_document()
    for given in ({"degree": "high-school"}, {"studying": "bachelor"}, {"final_year": "bachelor"}):
        theirs, said = read(catalog, have=["CSCS"], **given)
        assert theirs.implied_degree is None and not any("CSCS requires" in a for a in said)
    assert read(catalog, have=["CSCS"], graduating="2027-05")[0].implied_degree is None


def test_an_unknown_field_is_said_and_kept_in_its_own_words(catalog: Catalog) -> None:
    profile, said = read(catalog, field="Underwater Basket Weaving")
    assert profile.field == "underwater-basket-weaving"
    assert said[0] == (
        "degree field 'underwater basket weaving' is not one the rules name: counted as "
        "unrelated to exercise science (`certadvise fields` lists them)"
    )


def test_fields_are_read_as_people_write_them(catalog: Catalog) -> None:
    fields = catalog.vocabulary.degree_fields
    assert read_field("BSc (Hons) Sport & Exercise Science", fields)[0] == "exercise-science"
    assert read_field("a master's in kinesiology", fields) == ("kinesiology", None)
    assert read_field("Kinesiology", fields) == ("kinesiology", None)
    assert read_field("  ", fields) == (None, None)
    assert read_field(None, fields) == (None, None)
    assert read_field("degree", fields) == ("degree", "degree")
    long = read_field("x" * 100, fields)
    assert long == ("x" * 80, "x" * 80)


def test_a_country_is_its_two_letter_code() -> None:
    assert [country(c) for c in (" gb ", "UK", "england", "usa", "au")] == [
        "GB",
        "GB",
        "GB",
        "US",
        "AU",
    ]
    with pytest.raises(ValueError, match=r"^expected a two-letter country code such as US, GB"):
        country("Narnia")
    assert options_refuse(country="Narnia") == (
        "--country: expected a two-letter country code such as US, GB, CA or AU, got 'Narnia'"
    )


def options_refuse(**options: Any) -> str:
    with pytest.raises(InputError) as caught:
        from_options(options)
    return str(caught.value)


def test_options_are_refused_in_words_naming_the_option() -> None:
    age = "a whole number of years from 10 to 100"
    assert options_refuse(age="abc") == f"--age: expected {age}, got 'abc'"
    assert options_refuse(age="5") == f"--age: expected {age}, got '5'"  # as typed
    assert options_refuse(goal=["x"] * 101) == "--goal: at most 100 goals, got 101"
    assert options_refuse(member=["NSCA"] * 1001) == "--member: at most 100 memberships, got 1,001"
    hours = "whole hours from 0 to 100,000"
    assert (
        options_refuse(hours=["internship=-5"]) == f"--hours: expected {hours}, got internship=-5"
    )
    assert options_refuse(hours=["internship=lots"]) == (
        f"--hours: expected {hours}, got internship=lots"
    )
    assert options_refuse(experience=["sc-coaching=99"]) == (
        "--experience: expected years from 0 to 80, got sc-coaching=99"
    )
    assert options_refuse(have=["CSCS@13-2027"]) == (
        "--have: in 'CSCS@13-2027' expected a date as YYYY-MM or YYYY-MM-DD, got '13-2027'"
    )
    assert options_refuse(degree="wizard") == (
        "--degree: expected an education level (none, high-school, associate, bachelor, "
        "master, doctorate), got 'wizard'"
    )
    assert options_refuse(budget="lots").startswith(
        "--budget: expected an amount from 0 to 1,000,000, optionally with its currency "
        "(400, 400 GBP, £400, A$2000 or C$900), got 'lots'"
    )
    assert options_refuse(graduating="soon") == (
        "--graduating: expected a date as YYYY-MM or YYYY-MM-DD, got 'soon'"
    )
    assert options_refuse(hours=["internship"]) == "--hours: expected KIND=N, got 'internship'"


def test_options_as_typed_become_a_profile() -> None:
    given = {"age": "30", "hours": ["internship=300"], "experience": ["sc-coaching=2.5"]}
    raw = from_options({**given, "goal": ["athletes"], "degree": "bachelors", "member": []})
    assert (raw.age, raw.hours, raw.experience, raw.goals) == (
        30,
        {"internship": 300},
        {"sc-coaching": 2.5},
        ("athletes",),
    )
    assert raw.degree is DegreeLevel.BACHELOR and raw.member is None
    assert option_data({"final_year": "bachelor", "studying": None, "have": ()}) == {
        "final_year": "bachelor"
    }
    assert typed({"age": "thirty", "hours": {"a": "5", "b": "x"}, "country": "7"}) == {
        "age": "thirty",
        "hours": {"a": 5, "b": "x"},
        "country": "7",
    }


def test_a_profile_file_is_refused_at_its_line() -> None:
    where = in_file("p.yaml", lambda loc: 7 if loc else 1)

    def file_refuses(data: dict[str, Any]) -> str:
        with pytest.raises(InputError) as caught:
            check(data, where)
        return str(caught.value)

    assert (
        file_refuses({"colour": "red"}) == "p.yaml:7: unknown field 'colour'; did you mean country?"
    )
    assert file_refuses({"zzz": 1}).startswith(
        "p.yaml:7: unknown field 'zzz'; fields are: goals, degree, field, final_year,"
    )
    assert file_refuses({"age": 5}) == (
        "p.yaml:7: age: expected a whole number of years from 10 to 100, got 5"
    )
    assert file_refuses({"budget": float("inf")}).startswith("p.yaml:7: budget: expected an amount")
    assert file_refuses({"budget": float("inf")}).endswith(", got 'inf'")
    assert file_refuses({"have": ["CSCS", 5]}) == (
        "p.yaml:7: have.1: expected certification ids or CPR-AED, each optionally @YYYY-MM "
        "(good through), got 5"
    )
    assert file_refuses({"credentials": [{"id": "X", "expires": "never"}]}).startswith(
        "p.yaml:7: credentials"
    )
    assert file_refuses({"goals": ["x"] * 101}) == "p.yaml:7: goals: at most 100 goals, got 101"
    assert file_refuses({"member": "NSCA"}) == (
        "p.yaml:7: member: expected organization ids such as NSCA, got 'NSCA'"
    )
    assert check({"studying": "Master's", "final_year": "BSc"}, where).final_year is (
        DegreeLevel.BACHELOR
    )


def test_a_problem_is_placed_by_its_field_or_the_name_it_leads_with() -> None:
    where = in_file("p.yaml", lambda loc: len(loc))
    assert where(Problem(("hours", "a"), "x")) == "p.yaml:2: hours.a"
    assert where(Problem((), "budget: expected an amount")) == "p.yaml:1: budget"
    assert where(Problem((), "nothing to go on")) == "p.yaml:0"
    assert field_of(Problem((), "nonsense: x")) == ""
    assert describe(Problem((), "budget: expected an amount"), {"budget": "x"}) == (
        "expected an amount, got 'x'"
    )
    assert describe(Problem((), "budget: expected an amount, got 'y'"), {"budget": "x"}) == (
        "expected an amount, got 'y'"
    )
    assert describe(Problem(("xyz",), "some message"), {}) == "some message"
    assert describe(Problem(("age",), "x"), {"age": "y" * 100}) == (
        "expected a whole number of years from 10 to 100, got "
        "'yyyyyyyyyyyyyyyyy...yyyyyyyyyyyyyyyyyy'"
    )
    assert describe(Problem(("goals",), "x"), {"goals": [[[[1]]], 2, 3, 4, 5]}) == (
        "expected goal ids or phrases, got [[[...]], 2, 3, 4, ...]"
    )


def test_hours_and_years_are_each_given_in_their_own_unit(catalog: Catalog) -> None:
    assert unit(catalog, "sc-coaching") == "years" and unit(catalog, "internship") == "hours"
    assert unit(catalog, "unknown") == "hours"
    check_units(read(catalog, hours={"internship": 5}, experience={"sc-coaching": 2})[0], catalog)
    with pytest.raises(InputError) as caught:
        check_units(read(catalog, hours={"sc-coaching": 5})[0], catalog)
    assert str(caught.value) == (
        "--hours: sc-coaching experience is counted in years: give it as --experience "
        "sc-coaching=YEARS ('experience:' in a profile file)"
    )
    with pytest.raises(InputError) as caught:
        check_units(read(catalog, experience={"internship": 2})[0], catalog)
    assert str(caught.value) == (
        "--experience: internship experience is counted in hours: give it as --hours "
        "internship=N ('hours:' in a profile file)"
    )


def test_a_profile_refuses_bad_dates_and_budgets_naming_the_field() -> None:
    assert "budget: expected an amount" in refused(budget="lots")
    assert "budget_usd: expected an amount" in refused(budget_usd=-1)
    assert "graduating: expected a date as YYYY-MM" in refused(graduating="soon")
    assert "have: in 'CSCS@' expected a date" in refused(have=["CSCS@"])
    assert "expires: expected a date" in refused(credentials=[{"id": "X", "expires": "x"}])
    assert "earned: expected a date" in refused(credentials=[{"id": "X", "earned": "x"}])
    assert validate(RawProfile, {"have": ["CSCS"], "budget": 0}).budget == 0


def test_the_command_line_overrides_a_profile_file_field_by_field() -> None:
    saved = validate(RawProfile, {"age": 30, "goals": ["athletes"], "budget": "400 GBP"})
    typed_now = validate(RawProfile, {"age": 31, "budget_usd": 500})
    merged = saved.overridden_by(typed_now)
    assert (merged.age, merged.goals, merged.budget, merged.budget_usd) == (
        31,
        ("athletes",),
        None,
        500,
    )
    in_pounds = saved.overridden_by(validate(RawProfile, {"budget": "300 GBP"}))
    assert (in_pounds.budget, in_pounds.budget_usd, in_pounds.age) == ("300 GBP", None, 30)
    assert saved.overridden_by(validate(RawProfile, {})) == saved


def test_each_credential_once_the_last_mention_winning(catalog: Catalog) -> None:
    profile, _ = read(
        catalog,
        have=["nsca cscs@2026-01", "CPR-AED@2027-02-14"],
        credentials=[{"id": "CSCS", "expires": "2027-12"}, {"id": "ACE-CPT", "earned": "2026-01"}],
    )
    found = {h.id: (h.expires, h.earned, h.state.value, h.computed) for h in profile.credentials}
    assert found == {
        "CPR-AED": (dt.date(2027, 2, 14), None, "expiring", False),
        "CSCS": (dt.date(2027, 12, 31), None, "active", False),
        "ACE-CPT": (dt.date(2028, 1, 31), dt.date(2026, 1, 31), "active", True),
    }
    assert profile.have == ("CPR-AED", "CSCS", "ACE-CPT")
    assert profile.held("CSCS") is profile.credentials[1] and profile.holds("CSCS")
    lapsed, _ = read(catalog, have=["CSCS@2026-01"])
    assert lapsed.have == () and lapsed.held("CSCS") is not None and not lapsed.holds("CSCS")
    assert lapsed.held("ACE-CPT") is None
    undated, _ = read(catalog, credentials=[{"id": "CPR-AED", "earned": "2026-01"}])
    assert undated.credentials[0].computed is (undated.credentials[0].expires is not None)


def test_studies_the_final_year_and_the_months_to_graduation(catalog: Catalog) -> None:
    def studies(**raw: Any) -> tuple[Any, ...]:
        p = read(catalog, **raw)[0]
        months = None if p.months_to_graduate is None else round(p.months_to_graduate, 1)
        return (p.studying, p.final_year, p.graduating, months)

    bachelor = DegreeLevel.BACHELOR
    assert studies(final_year="bachelor") == (bachelor, bachelor, None, 12)
    assert studies(studying="bachelor") == (bachelor, None, None, None)
    assert studies(graduating="2027-05") == (None, None, dt.date(2027, 5, 31), None)
    assert studies(studying="bachelor", graduating="2027-10") == (
        bachelor,
        bachelor,
        dt.date(2027, 10, 31),
        11.1,
    )
    assert studies(studying="bachelor", graduating="2027-11")[1] is None  # 12.1 months
    assert studies(studying="bachelor", graduating="2028-11") == (
        bachelor,
        None,
        dt.date(2028, 11, 30),
        24.1,
    )
    assert studies(final_year="bachelor", graduating="2028-11")[1] is bachelor
    # a graduation date that has passed: the degree is held, nothing is in progress
    assert studies(studying="bachelor", graduating="2025-01") == (None, None, None, None)
    assert read(catalog, studying="bachelor", graduating="2025-01")[0].degree is bachelor
    assert studies(studying="master", final_year="master") == (
        DegreeLevel.MASTER,
        DegreeLevel.MASTER,
        None,
        12,
    )


def test_a_budget_in_its_currency_and_in_dollars(catalog: Catalog) -> None:
    def budget(**raw: Any) -> tuple[Any, ...]:
        p, said = read(catalog, age=30, goals=["athletes"], have=["CPR-AED"], **raw)
        money = None if p.budget is None else (p.budget.amount, p.budget.currency)
        return money, p.budget_usd and round(p.budget_usd, 2), said

    assert budget(budget_usd=500) == (
        (500, "USD"),
        500,
        ["no degree given: assumed a high-school diploma", "no country given: assumed US"],
    )
    gb = budget(budget=300, country="GB")
    assert gb[:2] == ((300, "GBP"), 403.59)
    assert gb[2][-1] == "budget 300 read as GBP, the currency of GB"
    assert budget(budget="$900", country="CA")[0] == (900, "CAD")
    assert budget(budget=900, country="US")[2] == ["no degree given: assumed a high-school diploma"]
    assert budget(budget="400 GBP")[0] == (400, "GBP")
    rates = replace(catalog.rates, usd_per_unit={"GBP": 1.3453})
    unrated = normalise(
        validate(RawProfile, {"budget": "400 NZD"}), replace(catalog, rates=rates), TODAY
    )
    assert unrated[0].budget_usd is None
    assert unrated[1][-1] == (
        "no exchange rate for NZD in the catalog: prices in other currencies are not compared "
        "with your budget"
    )


def test_an_ampersand_in_a_field_reads_as_and(catalog: Catalog) -> None:
    fields = catalog.vocabulary.degree_fields
    assert read_field("Food & Nutrition", fields) == ("nutrition", None)
    assert read_field("Parks & Recreation", fields) == ("recreation", None)
    assert read_field("food nutrition", fields) == ("food-nutrition", "food nutrition")


def test_json_lists_credentials_and_budget_last(catalog: Catalog) -> None:
    doc = read(catalog, **EVERYTHING)[0].as_document()
    assert list(doc)[-2:] == ["credentials", "budget"]


def test_a_credential_in_have_without_dates_is_held_undated() -> None:
    from certadvise.advice.profile import Profile

    assert Profile(have=("CSCS",)).held("CSCS") == Held("CSCS")


def test_an_unknown_kind_of_hours_or_years_names_its_option(catalog: Catalog) -> None:
    from certadvise.errors import UnknownNameError

    with pytest.raises(UnknownNameError) as caught:
        read(catalog, hours={"coaching": 5})
    assert str(caught.value).startswith("unknown kind of experience (--hours) 'coaching'")
    with pytest.raises(UnknownNameError) as caught:
        read(catalog, experience={"coaching": 5})
    assert str(caught.value).startswith("unknown kind of experience (--experience) 'coaching'")


def test_one_budget_the_later_one_and_a_dollar_sign_is_us_dollars_in_britain(
    catalog: Catalog,
) -> None:
    saved = validate(RawProfile, {"budget_usd": 500})
    pounds = saved.overridden_by(validate(RawProfile, {"budget": "300 GBP"}))
    assert (pounds.budget, pounds.budget_usd) == ("300 GBP", None)
    profile, said = read(catalog, budget="$900", country="GB")
    assert profile.budget is not None and (profile.budget.amount, profile.budget.currency) == (
        900,
        "USD",
    )
    assert not any("read as" in s for s in said)


def test_a_final_year_with_a_graduation_day_or_another_degree_in_progress(
    catalog: Catalog,
) -> None:
    p = read(catalog, final_year="bachelor", graduating="2028-11")[0]
    assert (p.studying, p.final_year, p.graduating) == (
        DegreeLevel.BACHELOR,
        DegreeLevel.BACHELOR,
        dt.date(2028, 11, 30),
    )
    assert p.months_to_graduate is not None and round(p.months_to_graduate, 1) == 24.1
    both = read(catalog, studying="master", final_year="bachelor")[0]
    assert (both.studying, both.final_year, both.months_to_graduate) == (
        DegreeLevel.MASTER,
        DegreeLevel.BACHELOR,
        12,
    )


def test_a_colon_in_a_value_does_not_cut_the_field_name() -> None:
    assert options_refuse(have=["CSCS@2027:01"]) == (
        "--have: in 'CSCS@2027:01' expected a date as YYYY-MM or YYYY-MM-DD, got '2027:01'"
    )
    assert options_refuse(experience=["sc-coaching"]) == (
        "--experience: expected KIND=N, got 'sc-coaching'"
    )
    assert pairs("--hours", ["internship=5=6"]) == {"internship": "5=6"}


def test_refusals_quote_a_value_as_given_however_it_came() -> None:
    assert options_refuse(age=30.5) == (
        "--age: expected a whole number of years from 10 to 100, got 30.5"
    )
    assert typed({"age": 30.5, "experience": 2}) == {"age": 30.5, "experience": 2}
    with pytest.raises(InputError) as caught:
        check({"member": {"NSCA": 1}}, lambda p: "file")
    assert str(caught.value) == "file: expected organization ids such as NSCA, got {'NSCA': 1}"
    with pytest.raises(InputError) as caught:
        check({"budget_usd": float("inf")}, lambda p: "file")
    assert str(caught.value) == (
        "file: expected an amount of US dollars from 0 to 1,000,000 "
        "(another currency goes in the budget field: budget: £400), got 'inf'"
    )
    late = dt.datetime(2027, 1, 1, 12, 30, 45, 123456)
    assert describe(Problem(("graduating",), "x"), {"graduating": late}) == (
        "expected a month as YYYY-MM, got datetime.datetime(...12, 30, 45, 123456)"
    )


def test_a_hundred_goals_are_a_person_a_hundred_and_one_are_not() -> None:
    assert check({"goals": ["a"] * 100}, lambda p: "file").goals == ("a",) * 100


def test_every_option_reaches_its_profile_field() -> None:
    raw = from_options({"field": "kinesiology", "studying": "bachelor", "country": "GB"})
    assert (raw.field, raw.studying, raw.country) == ("kinesiology", DegreeLevel.BACHELOR, "GB")
