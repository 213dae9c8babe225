"""Each eligibility rule on its own: the verdict and the reason a person reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest

from certadvise.advice.gaps import route_gaps
from certadvise.advice.judgement import Judgement
from certadvise.advice.profile import Profile, RawProfile, normalise
from certadvise.advice.rules import Outcome, Verdict, evaluate
from certadvise.catalog.index import Catalog
from certadvise.catalog.models import Certification, DegreeLevel, Delivery, Exam
from certadvise.catalog.validation import validate

from .test_planner_units import looped_catalog

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


# ------------------------------------------ each rule's verdicts, as `explain --json` lists them


def said(
    catalog: Catalog, cert: str | Certification, rule: str, today: dt.date = TODAY, **profile: Any
) -> list[tuple[str, str]]:
    """The outcome and reason of every verdict `rule` gives (none: the rule is silent)."""
    entry = catalog.entries[cert] if isinstance(cert, str) else cert
    person = normalise(validate(RawProfile, profile), catalog, today)[0]
    found = evaluate(entry, Judgement(catalog, person, today))
    return [(v.outcome.value, v.reason) for v in found if v.rule == rule]


def test_what_a_certification_is_decides_first(catalog: Catalog) -> None:
    assert said(catalog, "CPR-AED", "kind") == [
        ("fail", "a prerequisite credential, not a certification to pursue on its own")
    ]
    assert said(catalog, "PT", "kind") == [
        ("fail", "a licence or registration people hold: offered only for a goal that calls for it")
    ]
    assert said(catalog, "PT", "kind", goals=["clinical"]) == []
    assert said(catalog, "NASM-CPT", "kind") == []
    assert said(catalog, "NASM-CPT", "retired") == [("pass", "active")]
    rcep = catalog.entries["ACSM-RCEP"]
    assert rcep.retired is not None
    orphan = replace(rcep, retired=replace(rcep.retired, successor=None))
    assert said(catalog, orphan, "retired") == [("fail", "retired in 2018")]


def test_a_lapsed_credential_says_its_way_back(catalog: Catalog) -> None:
    def held(cert: str, expires: str) -> list[tuple[str, str]]:
        return said(catalog, cert, "already-held", credentials=[{"id": cert, "expires": expires}])

    assert held("ACSM-CPT", "2026-08") == [
        ("pass", "your ACSM-CPT lapsed on 2026-08-31: renew it late, inside its grace window")
    ]
    assert held("NASM-CPT", "2026-05") == [
        ("pass", "your NASM-CPT lapsed on 2026-05-31: reinstate it without a new exam")
    ]
    assert held("NSCA-CPT", "2023-12") == [  # NSCA states no late window or reinstatement
        (
            "pass",
            "your NSCA-CPT lapsed on 2023-12-31: no late window or reinstatement is verified, "
            "so the exam again; ask NSCA",
        )
    ]
    way_back = said(
        catalog, "NASM-CPT", "prerequisites", credentials=[{"id": "NASM-CPT", "expires": "2026-05"}]
    )
    assert way_back == [("pass", "met when it was earned: a way back needs no new route")]


def test_a_held_credential_without_a_cycle_points_to_renewals(catalog: Catalog) -> None:
    assert said(catalog, "ACSM-EIM", "already-held", have=["ACSM-EIM"]) == [
        ("fail", "already held: `certadvise renewals` shows its deadline, CE and fees")
    ]


def test_what_a_held_credential_covers_is_not_offered(catalog: Catalog) -> None:
    ((outcome, reason),) = said(catalog, "ACSM-EP", "covered", have=["ACSM-CEP"])
    assert outcome == "fail"
    assert reason.startswith("covered by ACSM-CEP, which you hold: The ACSM-CEP is the clinical")
    assert said(catalog, "ACSM-EP", "covered") == []


def test_the_goal_rule_names_every_goal_served_or_not(catalog: Catalog) -> None:
    assert said(catalog, "CSCS", "goal", goals=["collegiate-athletes", "athletes"]) == [
        ("pass", "serves collegiate-athletes, athletes")
    ]
    assert said(catalog, "CSCS", "goal", goals=["nutrition", "clinical"]) == [
        ("fail", "does not serve: nutrition, clinical")
    ]


CPT_AGAIN = "a personal-trainer certification already: a second one adds little"
ENTRY_LEVEL = "an entry-level CPT would add little"


@pytest.mark.parametrize(
    ("held", "covered"),
    [
        ("PT", True),  # a doctorate that prescribes exercise (PT.yaml)
        ("ATC", True),  # CAATE education with conditioning (ATC.yaml)
        ("PTA", False),  # works under a PT's plan: gyms ask a CPT of a trainer
        ("RDN", False),  # a dietitian: nutrition, not exercise training
        ("RN", False),
    ],
)
def test_a_licence_makes_a_cpt_unnecessary_only_where_its_entry_says_so(
    catalog: Catalog, held: str, covered: bool
) -> None:
    found = verdicts(catalog, "NSCA-CPT", have=[held], degree="bachelor")
    assert ("covered" in found and found["covered"].failed) is covered, found
    assert "superseded" not in found


@pytest.mark.parametrize(
    ("cert", "profile", "verdicts"),
    [
        ("ACE-CPT", {"have": ["NASM-CPT"]}, [("fail", "you hold NASM-CPT, " + CPT_AGAIN)]),
        ("NASM-CPT", {"have": ["NESTA-PFT"]}, []),  # theirs lacks the NCCA accreditation
        (
            "NESTA-PFT",
            {"have": ["CANFITPRO-PTS"]},
            [("fail", "you hold CANFITPRO-PTS, " + CPT_AGAIN)],
        ),
        (
            "ACE-CPT",
            {"have": ["CERT-IV-FITNESS"], "country": "AU"},
            [("fail", "you hold CERT-IV-FITNESS, " + CPT_AGAIN)],
        ),
        (
            "NASM-CPT",
            {"have": ["CPR-AED", "ACE-CPT"]},
            [("fail", "you hold ACE-CPT, " + CPT_AGAIN)],
        ),
        (
            "NSCA-CPT",
            {"have": ["CSCS"]},
            [("fail", "you hold CSCS, which asks for more (a bachelor's degree): " + ENTRY_LEVEL)],
        ),
        (
            "NSCA-CPT",
            {"have": ["CPSS"]},
            [("fail", "you hold CPSS, which asks for more (a bachelor's degree): " + ENTRY_LEVEL)],
        ),
        ("NASM-CPT", {"have": ["NASM-PES"]}, []),
        ("NASM-CPT", {"have": ["ACE-GFI"]}, []),  # a diploma, as the CPT asks
        ("NCCPT-CPT", {"have": ["NASM-PES"]}, []),
        (
            "NCCPT-CPT",
            {"have": ["NCSF-CSC"]},
            [
                (
                    "fail",
                    "you hold NCSF-CSC, which asks for more (a high-school diploma): "
                    + ENTRY_LEVEL,
                )
            ],
        ),
        ("NCCPT-CPT", {"have": ["CSPS"]}, []),  # one of its routes asks for no degree
        ("NASM-PES", {"have": ["CSCS"]}, []),  # not an entry-level CPT
        # a licence of another profession is not compared: its entry says what it covers
        ("NSCA-CPT", {"have": ["PT"]}, []),  # covered instead (PT.yaml)
        ("NSCA-CPT", {"have": ["PTA"]}, []),
        ("ACE-CPT", {"have": ["RDN"]}, []),
        ("NSCA-CPT", {"have": ["NSCA-RSCC"]}, []),  # a designation is not compared
        # another market's CPT, NCCA-accredited or not, never replaces the local standard
        ("CERT-IV-FITNESS", {"have": ["NASM-CPT"], "country": "AU"}, []),
        ("UK-L3-PT", {"have": ["NASM-CPT"], "country": "GB"}, []),
    ],
)
def test_an_entry_level_cpt_is_not_for_someone_past_it(
    catalog: Catalog, cert: str, profile: dict[str, Any], verdicts: list[tuple[str, str]]
) -> None:
    assert said(catalog, cert, "superseded", **profile) == verdicts


def test_the_age_rule_in_each_case(catalog: Catalog) -> None:
    assert said(catalog, "NCCPT-CPT", "age", age=17) == [
        (
            "todo",
            "to do: sit it with a legal guardian's written consent (at least 18 years old "
            "(you are 17))",
        )
    ]
    assert said(catalog, "NASM-CPT", "age") == [("pass", "must be at least 18 (assumed)")]
    assert said(catalog, "NASM-CPT", "age", age=30) == [("pass", "at least 18 years old")]
    assert said(catalog, "NASM-PES", "age") == []


def test_the_prerequisites_rule_in_each_case(catalog: Catalog) -> None:
    assert said(catalog, "NASM-PES", "prerequisites") == [("pass", "no mandatory prerequisites")]
    assert said(catalog, "CPR-AED", "prerequisites") == [
        ("warn", "prerequisites not verified: check with CPR")
    ]
    asca = said(catalog, "ASCA-L2", "prerequisites", country="AU")
    assert [outcome for outcome, _ in asca] == ["warn", "later"]
    assert said(catalog, "NASM-CPT", "prerequisites") == [
        ("pass", "meets: a high-school diploma or GED")
    ]
    assert said(catalog, "CSCS", "prerequisites") == [
        (
            "later",
            "requires a bachelor's degree or higher (any field), or a college senior at an "
            "accredited institution; missing: a bachelor's degree (no degree given)",
        )
    ]
    ((_, two_routes),) = said(
        catalog, "ACSM-CEP", "prerequisites", degree="master", field="exercise-science"
    )
    assert "(nearest of 2 routes); missing: " in two_routes
    ((_, many),) = said(catalog, "ACSM-EIM", "prerequisites")
    assert many.endswith(
        "; missing: a bachelor's degree (no degree given); an NCCA-accredited certification "
        "(any field); the EIM online course; every module exam passed with 80% or more"
    )


def test_a_certification_no_route_reaches_fails_with_the_loop(catalog: Catalog) -> None:
    made = looped_catalog(catalog)
    assert said(made, "NSCA-RSCC", "prerequisites") == [
        ("fail", "not reachable: requirement loop NSCA-RSCC -> CSCS")
    ]


def test_an_add_on_names_what_to_take_first(catalog: Catalog) -> None:
    ((outcome, reason),) = said(catalog, "NASM-PES", "base-credential")
    assert outcome == "later" and reason.startswith("an add-on: NASM advises it first: ")
    assert said(catalog, "NASM-PES", "base-credential", have=["NASM-CPT"]) == []


def test_the_cpr_rule_in_each_case(catalog: Catalog) -> None:
    assert said(catalog, "PT", "cpr-aed") == [("warn", "CPR/AED requirement not verified")]
    assert said(catalog, "ASCA-L2", "cpr-aed", country="AU") == []  # nothing verified at all
    assert said(catalog, "BLS", "cpr-aed") == []  # a card itself
    assert said(catalog, "NASM-PES", "cpr-aed") == [("pass", "no CPR/AED needed")]
    assert said(catalog, "NASM-CPT", "cpr-aed", have=["CPR-AED"]) == [("pass", "holds CPR/AED")]
    assert said(
        catalog, "ACSM-CEP", "cpr-aed", degree="master", field="exercise-science", have=["BLS"]
    ) == [("pass", "holds BLS")]


def test_the_budget_rule_in_each_case(catalog: Catalog) -> None:
    assert said(catalog, "NSCA-CPT", "budget", budget_usd=1000) == [
        ("pass", "within budget: at least $435 (non-member price)")
    ]
    assert said(catalog, "NASM-CPT", "budget", have=["CPR-AED"]) == [
        ("pass", "costs $899 (unnamed starting package)")
    ]
    assert said(catalog, "NSCA-CPT", "budget") == [
        ("pass", "costs at least $435 (non-member price)")
    ]
    # A price in the reader's pounds reads as stated, with its year, and is not "converted";
    # a beginner pays the combined Level 2 + 3 diploma.
    assert said(catalog, "UK-L3-PT", "budget", country="GB", budget="£2500") == [
        (
            "pass",
            "within budget: £2,225 as of 2021 (a combined Level 2 + 3 diploma, CMS Fitness "
            "Courses' starting price)",
        )
    ]
    ((outcome, reason),) = said(catalog, "NSCA-CPT", "budget", country="GB", budget="£2000")
    assert outcome == "pass" and reason.startswith("within budget: at least ≈ £")
    assert reason.endswith(", converted at the catalog's rate)")
    assert said(catalog, "CSCS", "budget") == []  # for later: its plan shows the total


def test_without_exchange_rates_nothing_is_compared_across_currencies(catalog: Catalog) -> None:
    unrated = replace(catalog, rates=None)
    ((outcome, reason),) = said(unrated, "UK-L3-PT", "budget", country="GB", budget="£2000")
    assert outcome == "warn"
    assert reason.startswith("price in GBP (£") and reason.endswith(
        "): no exchange rate to compare it with"
    )
    assert said(unrated, "NSCA-CPT", "budget", budget="£2000") == [
        ("warn", "no exchange rate for GBP: not compared")
    ]


def test_the_market_rule_in_each_case(catalog: Catalog) -> None:
    assert said(catalog, "NASM-CPT", "market") == [("pass", "recognized in US, its home market")]
    ((outcome, reason),) = said(catalog, "NASM-CPT", "market", country="GB")
    assert outcome == "warn" and reason.startswith("a US credential: not the usual standard in GB")
    ((outcome, reason),) = said(catalog, "UK-L3-PT", "market")
    assert outcome == "fail" and reason.endswith(
        "(how its exam is sat is not verified, so it may be earned only there)"
    )
    uk = catalog.entries["UK-L3-PT"]
    practical = replace(uk, exam=Exam(source="s", delivery=(Delivery.IN_PERSON_PRACTICAL,)))
    ((outcome, reason),) = said(catalog, practical, "market")
    assert outcome == "fail" and reason.endswith("(its exam is earned where it is the standard)")
    both = replace(uk, markets=("GB", "US"))
    assert said(catalog, both, "market") == [("pass", "recognized in US too")]
    assert said(catalog, replace(uk, markets=(), markets_source=None), "market") == []


def test_a_rule_change_is_warned_about_from_after_today_until_the_plan_is_done(
    catalog: Catalog,
) -> None:
    ep = catalog.entries["ACSM-EP"]
    person = normalise(validate(RawProfile, {}), catalog, TODAY)[0]
    judged = Judgement(catalog, person, TODAY)
    reached = judged.reached(judged.plan(ep))
    (change,) = ep.rule_changes

    def warned(effective: dt.date) -> list[tuple[str, str]]:
        moved = replace(ep, rule_changes=(replace(change, effective=effective),))
        return said(catalog, moved, "rule-change")

    assert warned(reached) == [("warn", f"from {reached.isoformat()}: {change.text}")]
    assert warned(reached + dt.timedelta(days=1)) == []
    assert warned(TODAY + dt.timedelta(days=1)) != []
    assert warned(TODAY) == []


def test_a_cpt_recognized_where_one_works_makes_another_markets_cpt_one_too_many(
    catalog: Catalog,
) -> None:
    """A Canadian CPT recognized in the UK too (a hand-made catalog): a UK trainer who holds
    it does not need the US NASM-CPT, NCCA-accredited or not."""
    pts = catalog.entries["CANFITPRO-PTS"]
    made = replace(catalog, entries={**catalog.entries, pts.id: replace(pts, markets=("CA", "GB"))})
    assert said(made, "NASM-CPT", "superseded", have=["CANFITPRO-PTS"], country="GB") == [
        ("fail", "you hold CANFITPRO-PTS, " + CPT_AGAIN)
    ]


# ------------------------------------------ what the judgement says about place and time


def judged(catalog: Catalog, **profile: Any) -> Judgement:
    return Judgement(catalog, normalise(validate(RawProfile, profile), catalog, TODAY)[0], TODAY)


def test_a_plan_is_reached_after_its_months_and_not_before_graduation(catalog: Catalog) -> None:
    graduate = judged(catalog, degree="bachelor")
    assert graduate.reached(graduate.plan(catalog.entries["CSCS"])) == dt.date(2027, 7, 17)
    senior = judged(catalog, studying="bachelor", graduating="2028-09")
    assert senior.reached(senior.plan(catalog.entries["CSCS"])) == dt.date(2028, 9, 30)
    # no degree step waits on the graduation: it does not hold the plan back
    trainer = judged(catalog, studying="bachelor", graduating="2029-06")
    assert trainer.reached(trainer.plan(catalog.entries["NASM-CPT"])) < dt.date(2028, 1, 1)


def test_where_a_credential_stands_in_words(catalog: Catalog) -> None:
    uk = catalog.entries["UK-L3-PT"]
    person = judged(catalog)
    unstated = person.market_fit(replace(uk, markets=(), markets_source=None))
    assert (unstated.standing, unstated.reason) == (
        "unstated",
        "no source states where it is recognized",
    )
    two = person.market_fit(replace(uk, markets=("GB", "IE")))
    assert two.reason.startswith("a GB, IE credential: not the usual standard in US")


def test_coverage_carries_over_and_says_through_what(catalog: Catalog) -> None:
    rcep = catalog.entries["ACSM-RCEP"]
    only_cep = replace(rcep, covers=(replace(rcep.covers[0], ids=("ACSM-CEP",)),))
    made = replace(catalog, entries={**catalog.entries, rcep.id: only_cep})
    ((outcome, reason),) = said(made, "ACSM-EP", "covered", have=["ACSM-RCEP"])
    assert outcome == "fail"
    assert reason.startswith("covered by ACSM-RCEP, which you hold: ACSM-CEP, which it covers: ")


def test_compare_lines_up_facts_and_marks_differences(catalog: Catalog) -> None:
    from certadvise.advice.comparison import compare, pick_rows
    from certadvise.errors import InputError

    person = normalise(validate(RawProfile, {"degree": "bachelor"}), catalog, TODAY)[0]
    judged = Judgement(catalog, person, TODAY)
    entries = [catalog.entries["CSCS"], catalog.entries["NASM-CPT"]]
    found = compare(entries, judged, with_profile=True)
    rows = {r.key: r for r in found.rows}
    assert rows["status"].values == ("active", "active") and not rows["status"].differs
    assert rows["cost.cheapest"].values == (
        "$475 (non-member price)",
        "$899 (unnamed starting package)",
    )
    assert rows["eligible"].label == "Eligible for you?"
    assert rows["eligible"].values[0].startswith("yes (to do: a CPR/AED card")
    assert "status" not in found.differences and "name" in found.differences
    only = compare(entries, judged, rows=["status", "name"], only_differences=True)
    assert [r.key for r in only.rows] == ["name"]
    assert [r.key for r in compare(entries, judged).rows][-1] != "eligible"
    assert pick_rows(" name, eligible ,") == ["name", "eligible"]
    with pytest.raises(InputError, match=r"unknown row .cost.; did you mean cost\.exam, covers\?"):
        pick_rows("cost")
