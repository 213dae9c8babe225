"""Each eligibility rule on its own: the verdict and the reason a person reads."""

from __future__ import annotations

import datetime as dt

import pytest

from certadvise.advice.gaps import route_gaps
from certadvise.advice.judgement import Judgement
from certadvise.advice.profile import Profile
from certadvise.advice.rules import Outcome, Verdict, evaluate
from certadvise.catalog.index import Catalog
from certadvise.catalog.models import DegreeLevel
from certadvise.catalog.validation import validate

TODAY = dt.date(2026, 11, 24)


def verdicts(catalog: Catalog, cert_id: str, **profile: object) -> dict[str, Verdict]:
    person = validate(Profile, profile)
    found = evaluate(catalog.entries[cert_id], Judgement(catalog, person, TODAY))
    return {v.rule: v for v in found}


def test_cscs_is_for_later_without_a_degree(catalog: Catalog) -> None:
    v = verdicts(catalog, "CSCS")["prerequisites"]
    assert v.outcome is Outcome.LATER
    assert "missing: a bachelor's degree (no degree given)" in v.reason


def test_cscs_accepts_any_bachelor_and_final_year_students(catalog: Catalog) -> None:
    assert verdicts(catalog, "CSCS", degree="bachelor")["prerequisites"].outcome is Outcome.PASS
    senior = verdicts(catalog, "CSCS", degree="high-school", final_year="bachelor")
    assert senior["prerequisites"].outcome is Outcome.PASS


def test_final_year_does_not_count_where_not_allowed(catalog: Catalog) -> None:
    v = verdicts(catalog, "CSCCA-SCCC", final_year="bachelor", hours={"internship": 640})
    assert v["prerequisites"].outcome is Outcome.LATER


def test_acsm_ep_wants_an_exercise_science_or_kinesiology_degree(catalog: Catalog) -> None:
    business = verdicts(catalog, "ACSM-EP", degree="bachelor", field="business")["prerequisites"]
    assert business.outcome is Outcome.LATER and "your field: business" in business.reason
    kin = verdicts(catalog, "ACSM-EP", degree="master", field="kinesiology")["prerequisites"]
    assert kin.outcome is Outcome.PASS


@pytest.mark.parametrize(
    ("degree", "hours", "passed", "mentions"),
    [
        ("bachelor", 1200, True, "1,200"),
        ("bachelor", 600, False, "1,200 h of hands-on clinical exercise experience (you have 600)"),
        ("master", 600, True, "600 hours"),
        ("master", 500, False, "600 h of hands-on clinical exercise experience (you have 500)"),
    ],
)
def test_acsm_cep_hours_depend_on_the_degree(
    catalog: Catalog, degree: str, hours: int, passed: bool, mentions: str
) -> None:
    v = verdicts(
        catalog, "ACSM-CEP", degree=degree, field="exercise-science", hours={"clinical": hours}
    )["prerequisites"]
    assert (v.outcome is Outcome.PASS) == passed
    assert mentions in v.reason


def test_cpss_names_the_closest_of_three_routes(catalog: Catalog) -> None:
    v = verdicts(catalog, "CPSS", degree="master", field="sport-science", hours={"applied": 100})
    assert v["prerequisites"].outcome is Outcome.LATER
    assert "(nearest of 3 routes)" in v["prerequisites"].reason
    assert "480 h of applied sport-science experience (you have 100)" in v["prerequisites"].reason
    doctor = verdicts(catalog, "CPSS", degree="doctorate", field="sport-science")
    assert doctor["prerequisites"].outcome is Outcome.PASS
    veteran = verdicts(catalog, "CPSS", degree="bachelor", experience={"sport-science": 3})
    assert veteran["prerequisites"].outcome is Outcome.PASS


def test_a_credential_class_is_met_by_any_member(catalog: Catalog) -> None:
    for cpt in ("NASM-CPT", "ACE-CPT", "NCSF-CPT", "ACSM-CPT"):
        assert verdicts(catalog, "NCSF-CSC", have=[cpt])["prerequisites"].outcome is Outcome.PASS
    unaccredited = verdicts(catalog, "NCSF-CSC", have=["NESTA-PFT"])["prerequisites"]
    assert unaccredited.outcome is Outcome.LATER
    assert "an NCCA-accredited personal-trainer certification" in unaccredited.reason


def test_csps_accepts_an_nsca_certification_instead_of_a_degree(catalog: Catalog) -> None:
    assert verdicts(catalog, "CSPS", have=["TSAC-F"])["prerequisites"].outcome is Outcome.PASS


def test_minimum_age(catalog: Catalog) -> None:
    young = verdicts(catalog, "NSCA-CPT", age=17)["age"]
    assert young.outcome is Outcome.LATER
    assert young.reason == "must be at least 18 years old (you are 17)"
    assert verdicts(catalog, "NSCA-CPT", age=18)["age"].outcome is Outcome.PASS


def test_cpr_after_the_exam_is_a_to_do_not_an_exclusion(catalog: Catalog) -> None:
    v = verdicts(catalog, "NSCA-CPT")["cpr-aed"]
    assert v.outcome is Outcome.TODO and "within a year of the exam" in v.reason


def test_cpr_before_the_exam_is_a_short_step_not_a_wall(catalog: Catalog) -> None:
    v = verdicts(catalog, "NASM-CPT")["cpr-aed"]
    assert v.outcome is Outcome.TODO and "before the exam" in v.reason
    assert verdicts(catalog, "NASM-CPT", have=["CPR-AED"])["cpr-aed"].outcome is Outcome.PASS


def test_retired_certification_names_its_successor(catalog: Catalog) -> None:
    v = verdicts(catalog, "ACSM-RCEP")["retired"]
    assert (v.outcome, v.reason) == (Outcome.FAIL, "retired in 2018: replaced by ACSM-CEP")


def test_already_held_says_recertify_with_the_cycle(catalog: Catalog) -> None:
    v = verdicts(catalog, "CSCS", have=["CSCS"])["already-held"]
    assert v.reason == (
        "already held: it renews every 3 years; `certadvise renewals` shows its deadline, "
        "CE and fees"
    )


def test_goal_rule_names_the_goals_not_served(catalog: Catalog) -> None:
    v = verdicts(catalog, "CSCS", goals=["nutrition"])["goal"]
    assert (v.outcome, v.reason) == (Outcome.FAIL, "does not serve: nutrition")


def test_over_budget_states_the_gap(catalog: Catalog) -> None:
    v = verdicts(catalog, "CSCS", degree="bachelor", budget_usd=340)["budget"]
    assert (v.outcome, v.reason) == (Outcome.FAIL, "$135 over budget ($475, non-member price)")


def test_members_pay_the_member_price(catalog: Catalog) -> None:
    v = verdicts(catalog, "CSCS", degree="bachelor", budget_usd=340, member=["NSCA"])["budget"]
    assert v.outcome is Outcome.PASS and "$340 (member price)" in v.reason


def test_an_unknown_price_never_passes_silently(catalog: Catalog) -> None:
    v = verdicts(catalog, "ISSA-SCC", budget_usd=1)["budget"]
    assert (v.outcome, v.reason) == (Outcome.WARN, "price not verified")


def test_unverified_prerequisites_are_a_warning(catalog: Catalog) -> None:
    v = verdicts(catalog, "NESTA-PFT")["prerequisites"]
    assert v.outcome is Outcome.WARN and "not verified" in v.reason


def test_future_rule_changes_are_warned_about(catalog: Catalog) -> None:
    v = verdicts(catalog, "ACSM-EP")["rule-change"]
    assert v.outcome is Outcome.WARN and v.reason.startswith("from 2027-08-15:")


def test_route_gaps_lists_every_gap(catalog: Catalog) -> None:
    route = catalog.entries["CSCCA-SCCC"].prerequisites.routes[0]  # type: ignore[union-attr]
    profile = Profile(degree=DegreeLevel.ASSOCIATE)
    assert [gap.words for gap in route_gaps(route, profile, catalog)] == [
        "a bachelor's degree (you have an associate's degree)",
        "640 h of supervised strength-and-conditioning internship or practicum (you have 0)",
    ]
