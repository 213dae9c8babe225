"""A profile read and checked directly: options and files refused in words, normalised
credentials, budgets and fields, and the assumptions said (built-in catalog; no CLI)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest

from certadvise.advice.profile import Held, RawProfile, country, normalise, read_field
from certadvise.advice.profile_checks import pairs
from certadvise.catalog.index import Catalog
from certadvise.catalog.validation import ValidationError, validate
from certadvise.errors import InputError

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
    assert "CPR/AED not listed in --have: assumed not held" in lapsed_card


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
    with pytest.raises(InputError) as caught:
        country("Narnia")
    assert str(caught.value) == (
        "--country: expected a two-letter country code such as US, GB, CA or AU, got 'Narnia'"
    )
