"""The gaps on their own: what stands between a person and a certification, in the
words a person reads (built-in catalog; no CLI)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from certadvise.advice.gaps import (
    GapKind,
    age_gap,
    base_advice,
    base_credential_gap,
    cpr_gap,
    experience_asked,
    holds_any,
    meets_degree,
    route_gaps,
)
from certadvise.advice.profile import Profile, RawProfile, normalise
from certadvise.catalog.index import Catalog
from certadvise.catalog.models import DegreeLevel
from certadvise.catalog.validation import validate

TODAY = dt.date(2026, 11, 26)


def person(catalog: Catalog, **raw: Any) -> Profile:
    return normalise(validate(RawProfile, raw), catalog, TODAY)[0]


def test_a_professional_credential_meets_the_advised_base(catalog: Catalog) -> None:
    entry = catalog.entries["NASM-PES"]
    advice = base_advice(entry, person(catalog, have=("CSCS",)), catalog)
    assert advice is not None and advice.met
    assert advice.how == "you hold CSCS, a professional credential"
    assert base_credential_gap(entry, person(catalog, have=("CSCS",)), catalog) is None


def test_a_cpt_meets_the_advised_base_as_itself(catalog: Catalog) -> None:
    entry = catalog.entries["NASM-PES"]
    advice = base_advice(entry, person(catalog, have=("ACE-CPT",)), catalog)
    assert advice is not None and advice.met
    assert "professional credential" not in advice.how  # met by what is advised, said so


def test_a_cpr_card_is_not_a_professional_credential(catalog: Catalog) -> None:
    entry = catalog.entries["NASM-PES"]
    gap = base_credential_gap(entry, person(catalog, have=("CPR-AED",)), catalog)
    assert gap is not None
    assert gap.kind is GapKind.BASE_CREDENTIAL
    assert gap.need == "a personal-trainer certification or NASM-CSNC"
    assert gap.have.startswith("NASM advises it first: ")
    assert gap.refs


def test_nothing_advised_means_no_base_gap(catalog: Catalog) -> None:
    entry = catalog.entries["CSCS"]
    assert base_advice(entry, person(catalog), catalog) is None
    assert base_credential_gap(entry, person(catalog), catalog) is None


def test_age_gap_counts_the_years_missing(catalog: Catalog) -> None:
    gap = age_gap(catalog.entries["NASM-CPT"], person(catalog, age=16))
    assert gap is not None
    assert gap.kind is GapKind.AGE
    assert gap.missing == 2
    assert gap.words == "at least 18 years old (you are 16)"
    assert gap.exception is None
    assert age_gap(catalog.entries["NASM-CPT"], person(catalog, age=18)) is None
    assert age_gap(catalog.entries["NASM-CPT"], person(catalog)) is None  # age unknown


def test_a_guardians_consent_travels_with_the_age_gap(catalog: Catalog) -> None:
    gap = age_gap(catalog.entries["NCCPT-CPT"], person(catalog, age=17))
    assert gap is not None and gap.exception is not None


def test_cpr_gap_before_and_after_the_exam(catalog: Catalog) -> None:
    before = cpr_gap(catalog.entries["NASM-CPT"], person(catalog), catalog)
    after = cpr_gap(catalog.entries["CSCS"], person(catalog), catalog)
    assert before is not None and before.need.endswith("(before the exam)")
    assert after is not None and after.need.endswith("(within a year of the exam)")
    assert before.refs == ("CPR-AED",)
    assert cpr_gap(catalog.entries["CSCS"], person(catalog, have=("CPR-AED",)), catalog) is None


def test_route_gaps_for_a_degree_and_for_a_field(catalog: Catalog) -> None:
    route = catalog.entries["ACSM-EP"].prerequisites.routes[0]  # type: ignore[union-attr]
    none = route_gaps(route, person(catalog, age=30, degree="high-school"), catalog)
    assert [g.kind for g in none][:1] == [GapKind.DEGREE]
    assert none[0].have == "you have a high-school diploma"
    assert none[0].level is not None and none[0].level.rank >= DegreeLevel.ASSOCIATE.rank
    wrong = route_gaps(route, person(catalog, degree="bachelor", field="nutrition"), catalog)
    assert [g.kind for g in wrong][:1] == [GapKind.FIELD]
    assert wrong[0].have.startswith("your field: ")
    assert wrong[0].need.startswith("a degree in ")


def test_hours_missing_are_the_difference(catalog: Catalog) -> None:
    routes = catalog.entries["ACSM-CEP"].prerequisites.routes  # type: ignore[union-attr]
    route = next(r for r in routes if r.hours)
    kind, needed = next(iter(route.hours.items()))
    given = person(catalog, degree="master", field="exercise-science", hours={kind: 100})
    hours = [g for g in route_gaps(route, given, catalog) if g.kind is GapKind.HOURS]
    assert [g.missing for g in hours] == [needed - 100]
    assert hours[0].have == "you have 100"
    assert hours[0].need.startswith(f"{needed:,} h of ")
    enough = person(catalog, degree="master", field="exercise-science", hours={kind: needed})
    assert not [g for g in route_gaps(route, enough, catalog) if g.kind is GapKind.HOURS]


def test_final_year_counts_only_where_the_route_allows_it(catalog: Catalog) -> None:
    cscs = catalog.entries["CSCS"].prerequisites.routes[0]  # type: ignore[union-attr]
    senior = person(catalog, final_year="bachelor")
    assert meets_degree(cscs, senior)
    assert not meets_degree(cscs, person(catalog, degree="associate"))


def test_holding_a_lapsed_credential_is_not_holding_it(catalog: Catalog) -> None:
    lapsed = person(catalog, credentials=({"id": "ACE-CPT", "expires": "2025-01"},))
    assert not holds_any(lapsed, catalog, ("ACE-CPT",))
    assert holds_any(person(catalog, have=("ACE-CPT",)), catalog, ("ACE-CPT",))


def test_experience_asked_names_who_asks(catalog: Catalog) -> None:
    asked = experience_asked(catalog, ("clinical",))
    assert asked
    assert all(ids for ids in asked.values())
    assert "ACSM-CEP" in {i for ids in asked.values() for i in ids}


def test_unknown_rules_hold_a_minor_to_18(catalog: Catalog) -> None:
    gap = age_gap(catalog.entries["ACSM-GEI"], person(catalog, age=16))
    assert gap is not None and gap.missing == 2
    assert gap.words == (
        "at least 18 years old, as most certifying bodies ask (its own minimum is not "
        "verified) (you are 16)"
    )
    assert age_gap(catalog.entries["ACSM-GEI"], person(catalog, age=18)) is None
    assert age_gap(catalog.entries["ACSM-GEI"], person(catalog)) is None


def test_what_a_person_has_instead_of_a_degree(catalog: Catalog) -> None:
    route = catalog.entries["CSCS"].prerequisites.routes[0]  # type: ignore[union-attr]

    def have(**raw: Any) -> str:
        (gap,) = route_gaps(route, person(catalog, **raw), catalog)
        return gap.have

    assert have(studying="bachelor", graduating="2028-09") == (
        "you are studying for a bachelor's degree, graduating 2028-09"
    )
    assert have(studying="bachelor") == "you are studying for a bachelor's degree"
    assert have(studying="high-school") == "you have no diploma"
    assert have(degree="associate") == "you have an associate's degree"
    assert have(age=15) == "no degree given"
    # a degree in progress below the one asked for is said, never "no degree given"
    assert have(studying="associate") == "you are studying for an associate's degree"
    assert have(degree="high-school", studying="associate") == (
        "you have a high-school diploma; you are studying for an associate's degree"
    )
    assert route_gaps(route, person(catalog, final_year="bachelor"), catalog) == ()
    assert route_gaps(route, person(catalog, have=["ATC"]), catalog) == ()  # a bachelor's
    doctorate = catalog.entries["PT"].prerequisites.routes[0]  # type: ignore[union-attr]
    (gap, _) = route_gaps(doctorate, person(catalog, have=["ATC"]), catalog)
    assert gap.have == "you have a bachelor's degree"  # every ATC has one, never "none given"


def test_years_of_experience_missing(catalog: Catalog) -> None:
    routes = catalog.entries["CPSS"].prerequisites.routes  # type: ignore[union-attr]
    route = next(r for r in routes if r.years)
    given = person(catalog, degree="bachelor", experience={"sport-science": 1})
    (gap,) = [g for g in route_gaps(route, given, catalog) if g.kind is GapKind.YEARS]
    assert gap.missing == 2
    assert gap.have == "you have 1"
    assert gap.need.startswith("3 years of ")
    assert gap.subject == gap.need.removeprefix("3 years of ")


def test_a_credential_a_route_asks_for(catalog: Catalog) -> None:
    route = catalog.entries["NSCA-RSCC"].prerequisites.routes[0]  # type: ignore[union-attr]
    gaps = route_gaps(route, person(catalog, degree="bachelor"), catalog)
    cred = [g for g in gaps if g.kind is GapKind.CREDENTIAL]
    assert [g.refs for g in cred] == [("CSCS",)]
    held = route_gaps(route, person(catalog, degree="bachelor", have=("CSCS",)), catalog)
    assert not [g for g in held if g.kind is GapKind.CREDENTIAL]


def test_a_requirement_in_words_is_a_gap_of_its_own(catalog: Catalog) -> None:
    route = catalog.entries["ACSM-EIM"].prerequisites.routes[0]  # type: ignore[union-attr]
    gaps = route_gaps(route, person(catalog, degree="doctorate", have=("ACSM-EP",)), catalog)
    assert [(g.kind, g.need) for g in gaps if g.kind is GapKind.OTHER] == [
        (GapKind.OTHER, "the EIM online course"),
        (GapKind.OTHER, "every module exam passed with 80% or more"),
    ]


def test_experience_asked_only_for_the_goals_given(catalog: Catalog) -> None:
    assert experience_asked(catalog, ("nutrition",)) == {
        "sports-dietetics": ["CSSD"],
        "dietitian-practice": ["CSSD"],
    }
    everything = experience_asked(catalog, ())
    assert everything["sc-coaching"] == ["NSCA-RSCC", "NSCA-RSCC"]
    assert "sports-dietetics" in everything


def test_a_field_gap_without_a_field_given_says_so(catalog: Catalog) -> None:
    route = catalog.entries["ACSM-EP"].prerequisites.routes[0]  # type: ignore[union-attr]
    (field,) = route_gaps(route, person(catalog, degree="bachelor"), catalog)
    assert field.kind is GapKind.FIELD and field.have == "your field: none given"


def test_hours_held_are_written_as_hours(catalog: Catalog) -> None:
    routes = catalog.entries["ACSM-CEP"].prerequisites.routes  # type: ignore[union-attr]
    held = person(catalog, degree="bachelor", field="exercise-science", hours={"clinical": 1100})
    words = [g.words for r in routes for g in route_gaps(r, held, catalog)]
    assert "1,200 h of hands-on clinical exercise experience (you have 1,100)" in words


def test_a_bls_card_is_named_as_such(catalog: Catalog) -> None:
    gap = cpr_gap(catalog.entries["ACSM-CEP"], person(catalog), catalog)
    assert gap is not None and gap.need == "a BLS card (before the exam)"
