"""The planner on its own: which steps a person is shown, in which order, at what price
and after how long (built-in catalog, an injected day; no CLI)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest

from certadvise.advice.cycles import (
    HeldState,
    card_date,
    ce_deadline,
    deadline_from_earned,
    next_deadline,
)
from certadvise.advice.judgement import Judgement
from certadvise.advice.money import Converter, Money
from certadvise.advice.planner import STUDY_HOURS_A_WEEK, Planner, final_step
from certadvise.advice.plans import A_DAY, Plan, Step, StepKind
from certadvise.advice.profile import Held, Profile, RawProfile, normalise
from certadvise.catalog.index import Catalog
from certadvise.catalog.models import Certification, Cost, Organization, Recertification
from certadvise.catalog.validation import validate

from .test_costs import made as made_entry

TODAY = dt.date(2026, 11, 26)


def person(catalog: Catalog, **raw: Any) -> Profile:
    """A profile as the CLI makes it (normalised on the day of the run)."""
    return normalise(validate(RawProfile, raw), catalog, TODAY)[0]


def plan(catalog: Catalog, cert_id: str, **raw: Any) -> Plan:
    person_ = person(catalog, **raw)
    return Judgement(catalog, person_, TODAY).plan(catalog.entries[cert_id])


def kinds(found: Plan) -> list[str]:
    return [s.kind.value for s in found.steps]


def test_a_cscs_holder_goes_straight_to_the_nasm_pes_exam(catalog: Catalog) -> None:
    """Holding a professional credential meets NASM's "take a CPT first": one step, $699."""
    found = plan(catalog, "NASM-PES", have=("CSCS",))
    assert kinds(found) == ["exam"]
    assert found.steps[0].text == "pass the NASM-PES exam"
    assert found.known_usd == 699
    assert found.cost_text == "$699"


def test_without_a_base_credential_nasm_pes_starts_with_a_cpt(catalog: Catalog) -> None:
    found = plan(catalog, "NASM-PES")
    assert kinds(found) == ["cpr-aed", "credential", "exam"]
    earn = found.steps[1]
    assert earn.text == "earn NASM-CPT"
    assert earn.cert_id == "NASM-CPT"
    assert earn.usd == 899
    assert earn.why.startswith(
        "NASM-PES is taken after a personal-trainer certification or NASM-CSNC first, "
        "as its organization advises; "
    )
    assert earn.why.endswith("and others would also do")  # more than three would do
    assert found.cost_text == "at least $1,598"  # the CPR/AED course is not priced


def test_waiting_to_turn_18_runs_beside_the_diploma(catalog: Catalog) -> None:
    """A 16-year-old: two years of waiting and two of school overlap: about 2 years."""
    found = plan(catalog, "NASM-PES", age=16)
    age, diploma = found.steps[0], found.steps[1]
    assert (age.kind, age.text, age.months, age.waits) == (StepKind.AGE, "turn 18", 24, True)
    assert age.note == "time, not money: study meanwhile"
    assert age.usd == 0
    assert age.why == "NASM-CPT requires at least 18 years old (you are 16)"
    assert diploma.text == "earn a high-school diploma"
    assert diploma.months == 24
    assert round(found.months) == 24
    assert found.time_text == "about 2 years + study, time not verified"


def test_a_plan_counts_the_longer_of_waiting_and_doing() -> None:
    def step(months: float, waits: bool) -> Step:
        return Step(StepKind.AGE if waits else StepKind.HOURS, "x", "y", months=months, waits=waits)

    target: Any = None
    assert Plan(target, "r", (step(24, True), step(10, False))).months == 24
    assert Plan(target, "r", (step(6, True), step(10, False), step(5, False))).months == 15
    assert Plan(target, "r", (step(6, True), step(10, False))).time_text == "about 10 months"


def test_waits_that_run_at_the_same_time_count_once() -> None:
    """Turning 18 and finishing school both start today: the longer wait counts, not both;
    what is done one after the other still adds up."""

    def step(months: float, waits: bool) -> Step:
        return Step(StepKind.AGE if waits else StepKind.HOURS, "x", "y", months=months, waits=waits)

    target: Any = None
    assert Plan(target, "r", (step(24, True), step(19, True), step(3, False))).months == 24
    assert (
        Plan(target, "r", (step(6, True), step(4, True), step(5, False), step(5, False))).months
        == 10
    )


def test_a_16_year_old_at_school_until_2028_06_is_two_years_from_acsm_cpt(
    catalog: Catalog,
) -> None:
    """Turning 18 (24 months) and the diploma (19 months) overlap: about 2 years, not 3.5."""
    found = plan(catalog, "ACSM-CPT", age=16, studying="high-school", graduating="2028-06")
    assert [s.text for s in found.steps[:2]] == [
        "turn 18",
        "finish your high-school diploma (2028-06)",
    ]
    assert round(found.months) == 24
    assert found.time_text == "about 2 years"


def test_a_bachelor_takes_four_years_after_a_diploma(catalog: Catalog) -> None:
    found = plan(catalog, "CSCS", age=30, degree="high-school")
    degree = found.steps[0]
    assert degree.kind is StepKind.DEGREE
    assert degree.text == "earn a bachelor's degree"
    assert degree.months == 48
    assert degree.usd is None and degree.note == "tuition not counted: money alone cannot buy it"


def test_a_16_year_old_is_six_years_from_a_bachelor(catalog: Catalog) -> None:
    found = plan(catalog, "CSCS", age=16)
    assert found.steps[0].months == 72  # two years to the diploma, then four
    assert found.time_text == "about 6.5 years"  # and the exam's study


def test_an_adult_without_a_diploma_is_not_told_how_long(catalog: Catalog) -> None:
    found = plan(catalog, "CSCS", age=30, degree="none")
    assert found.steps[0].text == "earn a bachelor's degree"
    assert found.steps[0].months is None
    assert found.time_unknown


def test_a_final_year_student_waits_for_graduation(catalog: Catalog) -> None:
    found = plan(catalog, "CSCS", studying="bachelor", graduating="2028-09")
    first = found.steps[0]
    assert first.kind is StepKind.DEGREE and first.waits
    assert first.text.startswith("reach the final year of your bachelor's (from ")
    assert first.usd == 0


def test_cscs_exam_study_at_the_default_pace(catalog: Catalog) -> None:
    found = plan(catalog, "CSCS", degree="bachelor", field="kinesiology")
    exam = found.steps[-1]
    assert exam.kind is StepKind.EXAM and exam.own
    assert exam.text == "pass the CSCS exam"
    assert exam.usd == 475
    assert "at 6 h a week" in (exam.note or "")
    assert exam.months is not None and 7 < exam.months < 8.5


def test_slower_study_takes_longer(catalog: Catalog) -> None:
    bachelor = person(catalog, degree="bachelor")
    fast = Judgement(catalog, bachelor, TODAY, pace=12).plan(catalog.entries["CSCS"])
    slow = Judgement(catalog, bachelor, TODAY, pace=3).plan(catalog.entries["CSCS"])
    assert fast.steps[-1].months is not None and slow.steps[-1].months is not None
    assert round(slow.steps[-1].months / fast.steps[-1].months) == 4


def test_the_cpr_step_is_a_day_and_taken_once(catalog: Catalog) -> None:
    found = plan(catalog, "NASM-PES")
    cpr = [s for s in found.steps if s.kind is StepKind.CPR_AED]
    assert len(cpr) == 1
    assert cpr[0].months == A_DAY
    assert cpr[0].text == "take a CPR/AED course with a hands-on skills check"
    assert cpr[0].note == "course price not verified"


def test_holding_cpr_removes_the_step(catalog: Catalog) -> None:
    assert "cpr-aed" not in kinds(plan(catalog, "NASM-PES", have=("CPR-AED",)))


def test_durations_in_words() -> None:
    from certadvise.advice.plans import duration_text

    assert duration_text(None) is None
    assert duration_text(0) == "at once"
    assert duration_text(A_DAY) == "a day"
    assert duration_text(0.1) == "about 1 week"
    assert duration_text(0.5) == "about 2 weeks"
    assert duration_text(1.99) == "about 9 weeks"
    assert duration_text(2) == "about 2 months"
    assert duration_text(23.4) == "about 23 months"
    assert duration_text(24) == "about 2 years"
    assert duration_text(28) == "about 2.5 years"
    assert duration_text(79.7) == "about 6.5 years"


def _plan_of(*steps: Step) -> Plan:
    target: Any = None
    return Plan(target, "route", steps)


def test_time_and_cost_in_words_say_what_is_unknown() -> None:
    exam = Step(StepKind.EXAM, "pass", "t", 300, months=3, own=True)
    untimed_exam = Step(StepKind.EXAM, "pass", "t", 300, own=True)
    hours = Step(StepKind.HOURS, "hours", "h", months=4)
    untimed = Step(StepKind.REQUIREMENT, "req", "r")
    assert _plan_of(exam).time_text == "about 3 months"
    assert _plan_of(hours, untimed_exam).time_text == "about 4 months + study, time not verified"
    assert _plan_of(untimed_exam).time_text == "study time not verified"
    assert _plan_of(hours, untimed, exam).time_text == "at least 7 months"
    assert _plan_of(untimed).time_text == "not known"
    assert _plan_of(Step(StepKind.CPR_AED, "c", "c", 0, months=A_DAY)).time_text == "a day"
    assert _plan_of(exam).cost_text == "$300"
    assert _plan_of(untimed, exam).cost_text == "at least $300"
    assert _plan_of(untimed).cost_text == "not verified"
    assert _plan_of(untimed, exam).unpriced == ("req",)
    assert not _plan_of(untimed).complete and _plan_of(exam).complete


def test_the_cost_now_is_the_short_steps_and_the_exam() -> None:
    cpr = Step(StepKind.CPR_AED, "cpr", "c", 50, months=A_DAY)
    earn = Step(StepKind.CREDENTIAL, "earn X", "x", 400)
    exam = Step(StepKind.EXAM, "pass", "t", 300, own=True)
    found = _plan_of(cpr, earn, exam)
    assert found.cost_now_usd == 350
    assert found.known_usd == 750
    assert found.short_steps == (cpr,)
    assert found.long_steps == (earn,)
    assert found.before_exam == (cpr, earn)
    assert found.own_steps == (exam,)


def test_nearest_first_time_then_unpriced_then_money() -> None:
    cheap_slow = _plan_of(Step(StepKind.EXAM, "a", "a", 100, months=10, own=True))
    dear_fast = _plan_of(Step(StepKind.EXAM, "b", "b", 900, months=2, own=True))
    unpriced = _plan_of(Step(StepKind.EXAM, "c", "c", None, months=2, own=True))
    cheap_fast = _plan_of(Step(StepKind.EXAM, "d", "d", 100, months=2, own=True))
    ordered = sorted([cheap_slow, unpriced, dear_fast, cheap_fast], key=Plan.sort_key)
    assert ordered == [cheap_fast, dear_fast, unpriced, cheap_slow]


def test_an_unverified_time_is_never_nearest_by_omission() -> None:
    """A study time nobody verified counts as six months when plans are put in order: a
    route whose exam takes 4 months comes before one whose time is not known."""
    timed = _plan_of(Step(StepKind.EXAM, "a", "a", 400, months=4, own=True))
    untimed = _plan_of(Step(StepKind.EXAM, "b", "b", 400, own=True))
    slow = _plan_of(Step(StepKind.EXAM, "c", "c", 400, months=7, own=True))
    ordered = sorted([untimed, slow, timed], key=Plan.sort_key)
    assert ordered == [timed, untimed, slow]


def test_a_requirement_is_met_by_the_option_whose_study_time_is_known(
    catalog: Catalog,
) -> None:
    """CSPS asks for a current NSCA certification: NSCA-CPT (3-6 months of study, low
    confidence) is planned, not TSAC-F, whose study time nobody verified."""
    found = plan(catalog, "CSPS", have=("CPR-AED",))
    earn = found.steps[0]
    assert earn.text == "earn NSCA-CPT"
    assert earn.months == 4.5
    assert found.time_text == "about 9 months"


def test_a_guardians_consent_is_a_short_step(catalog: Catalog) -> None:
    found = plan(catalog, "NCCPT-CPT", age=17)
    consent = found.steps[0]
    assert consent.kind is StepKind.CONSENT
    assert consent.text == "sit it with a legal guardian's written consent"
    assert consent.why == (
        "NCCPT-CPT requires at least 18 years old (you are 17); NCCPT lets younger "
        "candidates sit it with a legal guardian's written consent"
    )
    assert (consent.usd, consent.months) == (0, A_DAY)
    assert consent.short


def test_the_wrong_field_is_a_second_degree(catalog: Catalog) -> None:
    found = plan(catalog, "ACSM-EP", degree="bachelor", field="nutrition")
    field = found.steps[0]
    assert field.kind is StepKind.FIELD
    assert field.text.startswith("a degree in exercise science, kinesiology")
    assert field.why == "ACSM-EP accepts only these fields (your field: nutrition or dietetics)"
    assert field.months == 24
    assert field.note == "rough: a second degree or a post-baccalaureate program"
    assert found.time_text == "about 2 years"  # ACSM-EP's study (4-6 weeks) fits inside


def test_hours_at_full_time(catalog: Catalog) -> None:
    found = plan(catalog, "ACSM-CEP", degree="bachelor", field="exercise-science")
    hours = found.steps[0]
    assert hours.kind is StepKind.HOURS
    assert hours.text == "1,200 more hours of hands-on clinical exercise experience"
    assert hours.why == (
        "ACSM-CEP requires 1,200 h of hands-on clinical exercise experience (you have 0)"
    )
    assert hours.note == "about 30 weeks full-time; cost not verified"
    assert hours.months is not None and round(hours.months, 2) == round(30 / (52 / 12), 2)
    bls = found.steps[1]
    assert (bls.kind, bls.cert_id) == (StepKind.CPR_AED, "BLS")
    assert bls.text == "take a BLS provider course"


def test_a_masters_after_a_bachelors_is_two_years(catalog: Catalog) -> None:
    found = plan(catalog, "CPSS", degree="bachelor")
    degree = found.steps[0]
    assert degree.text.startswith("earn a master's degree in sport science, exercise science")
    assert degree.why == "CPSS requires a master's degree (you have a bachelor's degree)"
    assert degree.months == 24
    assert found.steps[1].text == "480 more hours of applied sport-science experience"


def test_a_doctorate_of_physical_therapy_is_three_years_after_a_bachelors(
    catalog: Catalog,
) -> None:
    found = plan(catalog, "PT", degree="high-school", age=30)
    degree = found.steps[0]
    assert degree.text == "earn a doctorate in physical therapy"
    assert degree.months == 84  # four years to a bachelor's, then three
    assert plan(catalog, "PT", degree="bachelor").steps[0].months == 36


def test_years_of_experience_are_time_not_money(catalog: Catalog) -> None:
    found = plan(catalog, "ACE-HC", age=30, experience={"coaching-experience": 1})
    routes = [found, *found.alternatives]
    years = [s for p in routes for s in p.steps if s.kind is StepKind.YEARS]
    assert years, "the work-experience route is kept as an alternative"
    assert years[0].text.startswith("1 more year of ")  # one year, not "1 more years"
    assert years[0].why.startswith("ACE-HC requires 2 years of ")
    assert years[0].why.endswith("(you have 1)")
    assert (years[0].usd, years[0].months, years[0].note) == (0, 12, "time, not money")


def test_hours_of_practice_are_worked_inside_the_years_of_practice(catalog: Catalog) -> None:
    """An RD a year into practice with 200 sports-dietetics hours: the 1,300 hours left
    (about 8.5 months full-time) are worked inside the year of practice left, so the CSSD
    is about a year away, not twenty months (cdr: 2 years as an RD, 1,500 hours)."""
    found = plan(
        catalog,
        "CSSD",
        have=["RDN"],
        degree="master",
        experience={"dietitian-practice": 1},
        hours={"sports-dietetics": 200},
    )
    practice = [s for s in found.steps if s.kind in (StepKind.HOURS, StepKind.YEARS)]
    assert [s.kind for s in practice] == [StepKind.HOURS, StepKind.YEARS]
    assert practice[0].months is not None and practice[0].months < 12
    assert found.months == 12  # the longer of the two, plus the exam's unknown study


def test_a_run_of_practice_starts_together_and_the_rest_follow_it() -> None:
    from certadvise.timeline import length, starts

    steps = [("degree", 24.0, False), ("hours", 6.0, False), ("hours", 4.0, False)]
    steps += [("years", 12.0, False), ("exam", 2.0, False), ("age", 40.0, True)]
    assert starts(steps) == [0, 24, 30, 24, 36, 0]  # hours one after another, years beside
    assert length(steps) == 40  # the age waited for is the longest
    assert length(steps[:5]) == 38
    assert length([("hours", 14.0, False), ("years", 12.0, False)]) == 14


def test_requirements_in_words_are_steps_no_one_can_price(catalog: Catalog) -> None:
    found = plan(catalog, "ACSM-EIM", degree="doctorate", have=("ACSM-EP",))
    asked = [s for s in found.steps if s.kind is StepKind.REQUIREMENT]
    assert [s.text for s in asked] == [
        "the EIM online course",
        "every module exam passed with 80% or more",
    ]
    assert asked[0].why == "ACSM-EIM requires it; certadvise cannot tell whether you meet it"
    assert asked[0].note == "cost and time not verified"
    assert asked[0].usd is None and asked[0].months is None
    # an ACSM-EP holder studied a field its routes accept: no degree is asked again, and
    # only the unpriced requirements are left, whose time nobody states
    assert not any(s.kind is StepKind.DEGREE for s in found.steps)
    assert found.time_text == "not known"


def test_a_degree_in_progress_is_finished_first(catalog: Catalog) -> None:
    found = plan(catalog, "ACSM-CPT", age=16, studying="high-school", graduating="2028-06")
    diploma = found.steps[1]
    assert diploma.text == "finish your high-school diploma (2028-06)"
    assert diploma.waits and diploma.usd == 0
    assert diploma.note == "the degree you are studying for"
    assert diploma.months is not None and round(diploma.months) == 19
    unknown = plan(catalog, "CSCS", studying="bachelor")
    assert unknown.steps[0].text == "finish your bachelor's"
    assert unknown.steps[0].months is None
    assert unknown.steps[0].note == "time not known: --graduating YYYY-MM says when it ends"


def test_the_final_year_opens_a_year_before_graduation(catalog: Catalog) -> None:
    found = plan(catalog, "CSCS", studying="bachelor", graduating="2028-09")
    first = found.steps[0]
    assert first.text == "reach the final year of your bachelor's (from 2027-09)"
    assert first.why.endswith("; NSCA lets final-year students sit it")
    assert first.months is not None and round(first.months) == 10
    assert found.time_text == "about 10 months"


def test_a_student_joins_at_the_student_rate_when_it_is_cheaper(catalog: Catalog) -> None:
    found = plan(catalog, "CSCS", studying="bachelor", graduating="2027-03")
    assert kinds(found) == ["cpr-aed", "membership", "exam"]
    join, exam = found.steps[1], found.steps[2]
    assert join.text == "join NSCA (student)"
    assert join.why == "the member price of CSCS, dues included, is the cheaper way in"
    assert (join.usd, join.months) == (65, A_DAY)
    assert exam.usd == 340  # the member price, without the dues counted twice
    assert found.known_usd == 405


def test_a_qualification_is_its_stages_the_price_with_the_first_paid(catalog: Catalog) -> None:
    found = plan(catalog, "ACE-CPT", credentials=({"id": "ACE-CPT", "expires": "2025-01"},))
    assert kinds(found) == ["cpr-aed", "course", "exam"]
    course, exam = found.steps[1], found.steps[2]
    assert course.usd == 489 and course.months == 4.5 and course.own
    assert course.why == "part of ACE-CPT: ACE Certified Personal Trainer"
    assert exam.included and exam.usd == 0  # in the course's price: nothing more to pay
    assert not course.included
    assert exam.note == "time not verified"


def test_membership_stages_cost_the_dues(catalog: Catalog) -> None:
    found = plan(catalog, "UKSCA-ASCC", country="GB")
    joins = [s for s in found.steps if s.kind is StepKind.MEMBERSHIP]
    assert len(joins) == 1  # joining for the member price is the membership stage too
    assert joins[0].usd is None  # UKSCA's dues are not verified, never $0
    case = next(s for s in found.steps if s.kind is StepKind.CASE_STUDY)
    assert case.months == 3


def test_a_lapsed_credential_is_renewed_late_inside_its_window(catalog: Catalog) -> None:
    found = plan(catalog, "ACE-CPT", credentials=({"id": "ACE-CPT", "expires": "2026-09"},))
    assert found.route == "late renewal of a lapsed credential"
    (renew,) = found.steps
    assert renew.kind is StepKind.RENEW
    assert renew.text == ("renew ACE-CPT late: log 2 CECs (20 h) and pay the renewal by 2027-03-30")
    assert renew.why == (
        "your ACE-CPT lapsed on 2026-09-30; ACE accepts late renewals until 2027-03-30"
    )
    assert renew.usd == 129
    assert [a.route for a in found.alternatives] == ["a high-school diploma or equivalent"]
    late = plan(catalog, "ACSM-CPT", credentials=({"id": "ACSM-CPT", "expires": "2026-08"},))
    assert late.steps[0].text.endswith("pay the renewal and late fee by 2027-02-28")
    assert late.steps[0].usd == 140


def test_past_every_window_it_is_the_exam_again(catalog: Catalog) -> None:
    found = plan(catalog, "NSCA-CPT", credentials=({"id": "NSCA-CPT", "expires": "2023-12"},))
    assert kinds(found) == ["cpr-aed", "exam"]
    assert found.steps[-1].text == "study for and pass the NSCA-CPT exam"


def looped_catalog(catalog: Catalog) -> Catalog:
    """The catalog with a loop: the CSCS asks for the NSCA-RSCC, which asks for the CSCS."""

    cscs = catalog.entries["CSCS"]
    assert cscs.prerequisites is not None
    route = replace(
        cscs.prerequisites.routes[0],
        degree=None,
        final_year_students=False,
        credentials=("NSCA-RSCC",),
    )
    looped = replace(cscs, prerequisites=replace(cscs.prerequisites, routes=(route,)))
    return replace(catalog, entries={**catalog.entries, "CSCS": looped})


def test_routes_that_need_each_other_are_not_reachable(catalog: Catalog) -> None:
    """A hand-made catalog: the CSCS asks for the NSCA-RSCC, which asks for the CSCS."""
    made = looped_catalog(catalog)
    planner = Judgement(made, Profile(), TODAY).planner
    found = planner.plan(made.entries["NSCA-RSCC"])
    assert not found.reachable
    assert found.route == "no route"
    (step,) = found.steps
    assert step.kind is StepKind.CREDENTIAL
    assert step.text == "not reachable: requirement loop NSCA-RSCC -> CSCS"
    assert step.why == "the catalog's routes need each other"
    assert planner.plan(made.entries["CSCS"]).steps[0].text == (
        "not reachable: requirement loop CSCS -> NSCA-RSCC"
    )


def test_what_holding_costs_over_the_judgements_years(catalog: Catalog) -> None:
    member = Judgement(catalog, person(catalog, member=("CSCCa",)), TODAY)
    entry = catalog.entries["CSCCA-SCCC"]
    held = member.ownership(entry)
    assert held.years == 3
    assert held.text == "at least $580"
    assert member.ownership(entry, 1).years == 1
    assert not [p for p in member.ownership(entry, 1).parts if p.kind == "dues"]
    stranger = Judgement(catalog, person(catalog), TODAY, years=5).ownership(entry)
    assert stranger.years == 5
    assert stranger.parts[0].label == "exam (non-member)"


def test_past_the_grace_window_it_is_reinstated(catalog: Catalog) -> None:
    found = plan(catalog, "NASM-CPT", credentials=({"id": "NASM-CPT", "expires": "2026-05"},))
    assert found.route == "reinstatement of a lapsed credential"
    (back,) = found.steps
    assert back.kind is StepKind.REINSTATE
    assert back.text == "reinstate NASM-CPT: log 2 CEUs (20 h)"
    assert back.why == (
        "your NASM-CPT lapsed on 2026-05-31; NASM reinstates lapsed credentials until 2027-05-31"
    )
    assert (back.usd, back.months, back.own) == (149, A_DAY, True)
    past = plan(catalog, "NASM-CPT", credentials=({"id": "NASM-CPT", "expires": "2025-05"},))
    assert kinds(past) == ["cpr-aed", "course", "exam"]  # past its window: the course again


def test_a_reinstatement_window_nobody_verified_is_said(catalog: Catalog) -> None:
    old = ({"id": "CSCCA-SCCC", "expires": "2020-05"},)
    (back,) = plan(catalog, "CSCCA-SCCC", credentials=old).steps
    assert back.text == "reinstate CSCCA-SCCC: log 45 points"
    assert back.why.endswith(
        "CSCCa reinstates lapsed credentials (its window is not verified: ask CSCCa)"
    )
    assert back.usd == 50


def test_the_credential_step_says_why_and_what_else_would_do(catalog: Catalog) -> None:
    pes = plan(catalog, "NASM-PES").steps[1]
    assert pes.why == (
        "NASM-PES is taken after a personal-trainer certification or NASM-CSNC first, as its "
        "organization advises; ACE-CPT, ACSM-CPT, CANFITPRO-PTS and others would also do"
    )
    rscc = plan(catalog, "NSCA-RSCC", degree="bachelor", field="exercise-science")
    earn = next(s for s in rscc.steps if s.kind is StepKind.CREDENTIAL)
    assert (earn.text, earn.why, earn.cert_id) == ("earn CSCS", "NSCA-RSCC requires CSCS", "CSCS")
    assert earn.usd == 475
    assert earn.months is not None and 7 < earn.months < 8.5  # the CSCS exam's study
    assert earn.note is not None and "at 6 h a week" in earn.note
    assert rscc.steps[0].why.startswith("CSCS requires a CPR/AED card")  # its own steps first
    assert rscc.steps[-1].text == "apply for the NSCA-RSCC designation"


def test_a_credential_the_catalog_does_not_hold_is_said(catalog: Catalog) -> None:

    rscc = catalog.entries["NSCA-RSCC"]
    assert rscc.prerequisites is not None
    routes = tuple(replace(r, credentials=("NO-SUCH-CERT",)) for r in rscc.prerequisites.routes)
    entry = replace(rscc, prerequisites=replace(rscc.prerequisites, routes=routes))
    made = replace(catalog, entries={**catalog.entries, "NSCA-RSCC": entry})
    found = Judgement(made, Profile(), TODAY).plan(entry)
    step = next(s for s in found.steps if s.kind is StepKind.CREDENTIAL)
    assert (step.text, step.why, step.note) == (
        "NO-SUCH-CERT",
        "NSCA-RSCC requires it",
        "not in the catalog",
    )
    assert step.usd is None and step.months is None


def test_stages_of_dues_cost_the_yearly_dues(catalog: Catalog) -> None:
    ryt = plan(catalog, "RYT-200")
    assert kinds(ryt) == ["course", "application", "membership"]
    assert ryt.steps[2].usd == 65
    assert ryt.steps[1].usd == 50  # its application fee: the tuition is not known
    assert not ryt.steps[1].included
    csep = plan(catalog, "CSEP-CPT", country="CA")
    join = next(s for s in csep.steps if s.kind is StepKind.MEMBERSHIP)
    apply = next(s for s in csep.steps if s.kind is StepKind.APPLICATION)
    assert join.usd is not None and round(join.usd) == 185  # CA$260 at the catalog's rate
    # the price is the annual certification fee, paid on registering: counted once, there
    assert join.price is not None and (join.price.amount, join.price.currency) == (260, "CAD")
    assert apply.included and apply.price is None
    assert [s.kind for s in csep.steps if s.usd] == [StepKind.MEMBERSHIP]
    uksca = plan(catalog, "UKSCA-ASCC", country="GB")
    dues = next(s for s in uksca.steps if s.kind is StepKind.MEMBERSHIP)
    assert dues.usd is None
    case = next(s for s in uksca.steps if s.kind is StepKind.CASE_STUDY)
    assert case.note is not None and case.note.startswith("The block itself runs three months")
    practical = next(s for s in uksca.steps if s.kind is StepKind.PRACTICAL)
    assert practical.note == "time not verified"


# ------------------------------------------------------------ a held credential's dates
# The planner's way back starts from these: until when a held credential is good (the
# card's date, or the cycle rule from the day it was earned) and whether it has lapsed.


def _cycle(**rule: Any) -> Recertification:
    return validate(Recertification, {"source": "s", "period_years": 3, **rule})


def test_a_card_is_good_through_its_month_or_to_its_day() -> None:
    assert card_date("2027-06") == dt.date(2027, 6, 30)
    assert card_date(" 2028-02 ") == dt.date(2028, 2, 29)
    assert card_date("2027-06-14") == dt.date(2027, 6, 14)
    for wrong in ("2027-13", "2027-06-14-01", "June 2027", "2027-02-30"):
        with pytest.raises(ValueError) as refused:
            card_date(wrong)
        assert str(refused.value) == f"expected a date as YYYY-MM or YYYY-MM-DD, got {wrong!r}"


def test_a_rolling_cycle_runs_from_the_day_it_was_earned() -> None:
    assert deadline_from_earned(_cycle(cycle="rolling"), dt.date(2025, 3, 10)) == dt.date(
        2028, 3, 10
    )
    assert deadline_from_earned(_cycle(cycle="rolling", period_years=2), dt.date(2024, 2, 29)) == (
        dt.date(2026, 2, 28)
    )


def test_a_fixed_cycle_ends_on_its_set_day_for_everyone() -> None:
    nsca = _cycle(cycle="fixed", cycle_ends="12-31", cycle_anchor=2026)
    assert deadline_from_earned(nsca, dt.date(2025, 3, 10)) == dt.date(2026, 12, 31)
    assert deadline_from_earned(nsca, dt.date(2026, 12, 31)) == dt.date(2026, 12, 31)
    assert deadline_from_earned(nsca, dt.date(2027, 1, 15)) == dt.date(2029, 12, 31)
    assert deadline_from_earned(nsca, dt.date(2020, 5, 1)) == dt.date(2020, 12, 31)
    yearly = _cycle(cycle="fixed", period_years=1, cycle_ends="08-31", cycle_anchor=2026)
    assert deadline_from_earned(yearly, dt.date(2026, 10, 1)) == dt.date(2027, 8, 31)
    assert deadline_from_earned(yearly, dt.date(2026, 3, 1)) == dt.date(2026, 8, 31)
    leap = _cycle(cycle="fixed", period_years=2, cycle_ends="02-29", cycle_anchor=2028)
    assert deadline_from_earned(leap, dt.date(2029, 5, 1)) == dt.date(2030, 2, 28)


def test_no_deadline_is_guessed_where_the_catalog_does_not_say_how_cycles_run() -> None:
    earned = dt.date(2025, 3, 10)
    assert deadline_from_earned(None, earned) is None
    assert deadline_from_earned(_cycle(), earned) is None  # a period, no kind of cycle
    assert deadline_from_earned(_cycle(period_years=None, cycle="rolling"), earned) is None


def test_ce_on_a_longer_cycle_than_a_yearly_fee_is_due_at_the_cycles_end() -> None:
    day = dt.date(2027, 3, 31)
    yearly = {"fee_every": "year", "period_years": 2}
    csep = _cycle(cycle="fixed", cycle_ends="03-31", cycle_anchor=2026, **yearly)
    assert ce_deadline(csep, day) == dt.date(2028, 3, 31)  # PDCs by March 31 of even years
    assert ce_deadline(csep, dt.date(2028, 3, 31)) == dt.date(2028, 3, 31)
    rolling = _cycle(cycle="rolling", **yearly)
    assert ce_deadline(rolling, day, earned=dt.date(2024, 6, 1)) == dt.date(2028, 6, 1)
    assert ce_deadline(rolling, day, earned=dt.date(2025, 3, 31)) == day
    assert ce_deadline(rolling, day) is None  # the cycle's start is not known
    assert ce_deadline(_cycle(**yearly), day) is None  # no kind of cycle stated
    assert ce_deadline(_cycle(cycle="fixed", cycle_ends="03-31", cycle_anchor=2026), day) == day
    yearly_ce = _cycle(cycle="fixed", cycle_ends="03-31", cycle_anchor=2026, period_years=1)
    assert ce_deadline(replace(yearly_ce, fee_every="year"), day) == day
    assert ce_deadline(None, day) == day


def test_the_next_cycle_follows_the_deadline() -> None:
    deadline = dt.date(2026, 12, 31)
    assert next_deadline(_cycle(cycle="rolling"), deadline) == dt.date(2029, 12, 31)
    assert next_deadline(None, deadline) is None
    assert next_deadline(_cycle(period_years=None), deadline) is None


def test_a_credential_is_expiring_from_90_days_before_its_date_and_lapsed_after_it(
    catalog: Catalog,
) -> None:
    def state(expires: str) -> str:
        held = person(catalog, credentials=({"id": "ACE-CPT", "expires": expires},))
        found = held.held("ACE-CPT")
        assert found is not None
        return found.state.value

    assert dt.date(2026, 11, 26) == TODAY
    assert state("2027-02-25") == "active"  # 91 days away
    assert state("2027-02-24") == "expiring"  # 90 days away
    assert state("2026-11-26") == "expiring"  # good through today
    assert state("2026-11-25") == "lapsed"


def test_a_credential_earned_on_a_day_gets_its_cycles_deadline(catalog: Catalog) -> None:
    earned = person(catalog, credentials=({"id": "CSCS", "earned": "2025-03-10"},))
    held = earned.held("CSCS")
    assert held is not None
    assert (held.expires, held.state.value) == (dt.date(2026, 12, 31), "expiring")


# ------------------------------------------------- the way back for a lapsed credential
# A hand-made credential in pounds, so every part of the step can be checked: the fee,
# its currency, the window's last day and the continuing education owed.

LAPSED_ON = dt.date(2026, 6, 30)


def _lapsed_entry(cost: Any = None, **rule: Any) -> Certification:
    recertification = {"source": "s", "period_years": 2, **rule} if rule else None
    return made_entry(cost, recertification)


def _way_back(
    catalog: Catalog,
    entry: Certification,
    today: dt.date = TODAY,
    state: HeldState = HeldState.LAPSED,
) -> Plan:
    held = Profile(credentials=(Held("X", LAPSED_ON, state=state),))
    planner = Planner(catalog, held, today, converter=Converter(catalog.rates))
    return planner.plan(entry)


def _back(found: Plan) -> Step:
    """The way back, chosen or kept as an alternative (an unpriced one is not nearest)."""
    ways = (StepKind.RENEW, StepKind.REINSTATE)
    return next(s for p in (found, *found.alternatives) for s in p.steps if s.kind in ways)


GBP = {"currency": "GBP", "exam_non_member": 300}
LATE = {"grace_months": 12, "fee_non_member": 100, "late_fee": 25, "ceus": 20, "ce_unit": "CEU"}


def test_a_late_renewal_in_another_currency_says_its_fee_and_last_day(catalog: Catalog) -> None:
    (renew,) = _way_back(catalog, _lapsed_entry(GBP, **LATE)).steps
    assert renew.kind is StepKind.RENEW
    assert renew.text == "renew X late: log 20 CEUs and pay the renewal and late fee by 2027-06-30"
    assert renew.why == "your X lapsed on 2026-06-30; ORG accepts late renewals until 2027-06-30"
    assert renew.price == Money(125, "GBP")
    assert renew.usd is not None and round(renew.usd, 2) == round(125 * 1.3453, 2)
    assert (renew.months, renew.cert_id, renew.note, renew.own) == (A_DAY, "X", None, True)


def test_a_late_renewal_is_open_through_the_last_day_of_its_window(catalog: Catalog) -> None:
    entry = _lapsed_entry(GBP, **LATE)
    assert kinds(_way_back(catalog, entry, dt.date(2027, 6, 30))) == ["renew"]
    assert kinds(_way_back(catalog, entry, dt.date(2027, 7, 1))) == ["exam"]


def test_a_renewal_fee_nobody_verified_is_said(catalog: Catalog) -> None:
    rule = {**LATE, "fee_non_member": None, "ceus": None}
    renew = _back(_way_back(catalog, _lapsed_entry(GBP, **rule)))
    assert renew.text == (
        "renew X late: log the continuing education owed (amount not verified) and pay the "
        "renewal and late fee by 2027-06-30"
    )
    assert (renew.usd, renew.price, renew.note) == (None, None, "renewal fee not verified")
    dollars = _lapsed_entry(None, grace_months=12, fee_non_member=100, ceus=20)
    (renew,) = _way_back(catalog, dollars).steps
    assert renew.text == "renew X late: log 20 units and pay the renewal by 2027-06-30"
    assert (renew.usd, renew.price) == (100, None)


def test_continuing_education_in_hours_is_not_said_twice(catalog: Catalog) -> None:
    rule = {**LATE, "ce_unit": "hours", "ce_hours": 20}
    (renew,) = _way_back(catalog, _lapsed_entry(GBP, **rule)).steps
    assert renew.text.startswith("renew X late: log 20 hours and pay")
    rule = {**LATE, "ce_unit": "CEU", "ce_hours": 20, "ceus": 2}
    (renew,) = _way_back(catalog, _lapsed_entry(GBP, **rule)).steps
    assert renew.text.startswith("renew X late: log 2 CEUs (20 h) and pay")


def test_a_reinstatement_in_another_currency_after_the_grace_window(catalog: Catalog) -> None:
    back = {"source": "s", "window_months": 12, "fee_member": 40}
    entry = _lapsed_entry(GBP, ceus=20, ce_unit="CEU", reinstatement=back)
    (step,) = _way_back(catalog, entry).steps
    assert step.kind is StepKind.REINSTATE
    assert step.text == "reinstate X: log 20 CEUs"
    assert (
        step.why
        == "your X lapsed on 2026-06-30; ORG reinstates lapsed credentials until 2027-06-30"
    )
    assert step.price == Money(40, "GBP")  # the only fee given is the members'
    assert step.usd is not None and round(step.usd, 2) == round(40 * 1.3453, 2)
    assert (step.months, step.cert_id, step.note, step.own) == (A_DAY, "X", None, True)
    assert kinds(_way_back(catalog, entry, dt.date(2027, 6, 30))) == ["reinstate"]
    assert kinds(_way_back(catalog, entry, dt.date(2027, 7, 1))) == ["exam"]


def test_a_reinstatement_fee_nobody_verified_is_said(catalog: Catalog) -> None:
    back = {"source": "s", "window_months": 12, "ce": "45 points"}
    step = _back(_way_back(catalog, _lapsed_entry(GBP, reinstatement=back)))
    assert step.text == "reinstate X: 45 points"
    assert (step.usd, step.price, step.note) == (None, None, "reinstatement fee not verified")


def test_no_way_back_without_a_renewal_rule_or_for_a_current_credential(catalog: Catalog) -> None:
    assert kinds(_way_back(catalog, _lapsed_entry(GBP))) == ["exam"]
    current = _way_back(catalog, _lapsed_entry(GBP, **LATE), state=HeldState.EXPIRING)
    assert kinds(current) == ["exam"]


# ------------------------------------------------------------- the target's own steps


def test_the_price_goes_with_the_stage_that_pays_it(catalog: Catalog) -> None:
    """CSEP-CEP's CA$295 is paid on registering after the exams (`pays`): the registration
    costs it instead of CSEP's dues; the application is inside it, and the exams' own fees,
    which the price is not (it is the membership's first year), are not verified."""
    found = plan(catalog, "CSEP-CEP", degree="bachelor", field="kinesiology", country="CA")
    own = found.own_steps
    assert [s.kind.value for s in own] == ["application", "exam", "membership"]
    assert [(s.usd, s.included) for s in own[:2]] == [(0, True), (None, False)]
    assert own[1].note is not None and "practical exam fee not verified" in own[1].note
    assert own[2].price is not None and (own[2].price.amount, own[2].price.currency) == (295, "CAD")
    assert own[2].included is False and own[2].note is not None
    assert own[2].note.startswith("annual certification fee paid on registering")
    bases = plan(catalog, "BASES", degree="bachelor", field="sport-science", country="GB")
    supervised = next(a for a in bases.alternatives if "Supervised" in a.route)
    assert [s.kind.value for s in supervised.own_steps] == [
        "membership",
        "placement",
        "application",
    ]
    assert supervised.own_steps[0].note == "dues not verified"  # no stage pays: the dues


def test_an_exam_priced_in_another_currency_says_both_amounts(catalog: Catalog) -> None:
    found = plan(catalog, "UK-L3-PT", country="GB", have=["UK-L2-GYM"])
    course = found.steps[0]
    assert course.price is not None and course.price.currency == "GBP"
    assert course.usd is not None and course.price.amount == round(course.usd / 1.3453, 2)
    assert course.note is not None
    assert course.note.startswith(
        "price of 2021; a Level 3 course after a Level 2, CMS Fitness Courses' starting price; "
    )
    assert (
        f"; £{course.price.amount:,.0f}, ≈ ${course.usd:,.0f} at the 2025-10 rate; " in course.note
    )
    assert course.cert_id == "UK-L3-PT"
    assert found.steps[1].cert_id == "UK-L3-PT"


def test_the_exam_step_names_the_target_its_price_and_study(catalog: Catalog) -> None:
    found = plan(catalog, "CSCS", studying="bachelor", graduating="2027-03")
    join, exam = found.steps[1], found.steps[2]
    assert join.note == "dues as of 2015-08-01"
    assert exam.why == "the target: Certified Strength and Conditioning Specialist"
    assert exam.cert_id == "CSCS"
    assert exam.note == (
        "student member price + $65 NSCA student dues; study 100 to 300 h at 6 h a week"
    )
    unpriced = plan(catalog, "NCCPT-CPT", have=("CPR-AED",)).steps[-1]
    assert unpriced.note is not None and unpriced.note.startswith("price not verified; ")
    untimed = plan(catalog, "NASM-PES", have=("CPR-AED", "CSCS")).steps[-1]
    assert untimed.note == "Self-Study; study time not verified"


def test_joining_in_another_currency_leaves_the_dues_out_of_the_exam_price(
    catalog: Catalog,
) -> None:
    org = validate(
        Organization,
        {"id": "ORG", "name": "Org", "membership": {"currency": "GBP", "dues": 50}},
    )
    entry = _lapsed_entry({"currency": "GBP", "exam_member": 200, "exam_non_member": 400})
    made = replace(catalog, organizations={**catalog.organizations, "ORG": org})
    found = Planner(made, Profile(), TODAY, converter=Converter(catalog.rates)).plan(entry)
    join, exam = found.steps
    assert join.text == "join ORG" and join.usd is not None and round(join.usd) == round(67.265)
    assert exam.price == Money(200, "GBP")
    assert exam.note is not None and exam.note.startswith(
        "member price + £50 ORG dues; £250, ≈ $336 at the 2025-10 rate; "
    )


def test_a_plan_without_requirements_says_so(catalog: Catalog) -> None:
    assert plan(catalog, "NASM-PES", have=("CSCS",)).route == (
        "no education or credential requirement"
    )


def test_a_priced_cpr_course_is_a_priced_step(catalog: Catalog) -> None:
    cpr = catalog.entries["CPR-AED"]
    priced = replace(
        cpr,
        cost=validate(
            Cost, {"source": cpr.sources[0].key, "currency": "GBP", "exam_non_member": 40}
        ),
    )
    made = replace(catalog, entries={**catalog.entries, "CPR-AED": priced})
    person_ = person(catalog)
    found = Judgement(made, person_, TODAY).plan(made.entries["NASM-CPT"])
    (step,) = [s for s in found.steps if s.kind is StepKind.CPR_AED]
    assert step.price == Money(40, "GBP")
    assert step.usd is not None and round(step.usd, 2) == round(40 * 1.3453, 2)
    assert step.note is None


# ---------------------------------------------------------------- degrees and their time


def test_a_degree_in_progress_is_finished_then_studied_on_from(catalog: Catalog) -> None:
    found = plan(catalog, "CSCS", studying="associate", graduating="2027-11")
    degree = found.steps[0]
    assert degree.text == "earn a bachelor's degree"
    assert degree.months is not None and round(degree.months) == 12 + 24
    teen = plan(catalog, "CSCS", age=16, studying="high-school", graduating="2028-06")
    assert teen.steps[0].months is not None and round(teen.steps[0].months) == 19 + 48


def test_an_adult_without_a_diploma_is_not_told_how_long_even_a_doctorate_takes(
    catalog: Catalog,
) -> None:
    assert plan(catalog, "PT", age=30, degree="none").steps[0].months is None
    assert plan(catalog, "CSCS", age=18, degree="none").steps[0].months is None  # 18: no school


def test_a_final_year_without_a_date_is_finishing_the_degree(catalog: Catalog) -> None:
    found = plan(catalog, "CSCCA-SCCC", final_year="bachelor", hours={"internship": 640})
    degree = found.steps[0]
    assert (degree.kind, degree.text, degree.usd, degree.waits) == (
        StepKind.DEGREE,
        "finish your bachelor's",
        0,
        True,
    )
    assert degree.why == (
        "CSCCA-SCCC requires a bachelor's degree (you are in the final year of a bachelor's degree)"
    )
    associate = plan(catalog, "PTA", studying="associate", graduating="2027-06").steps[0]
    assert associate.text == "finish your associate's (2027-06)"


def test_the_final_year_is_waited_for_not_paid(catalog: Catalog) -> None:
    first = plan(catalog, "CSCS", studying="bachelor", graduating="2028-09").steps[0]
    assert first.note == "time, not money: study meanwhile"


def test_an_unknown_graduation_is_waited_for(catalog: Catalog) -> None:
    first = plan(catalog, "CSCS", studying="bachelor").steps[0]
    assert (first.kind, first.usd, first.waits) == (StepKind.DEGREE, 0, True)
    assert (
        first.why == "CSCS requires a bachelor's degree (you are studying for a bachelor's degree)"
    )


# ------------------------------------------------------------------ the last step in words


def test_the_last_step_in_words(catalog: Catalog) -> None:
    assert final_step(catalog.entries["CSCS"]) == "pass the CSCS exam"
    assert final_step(catalog.entries["CSCS"], "register for") == "register for the CSCS exam"
    assert final_step(catalog.entries["NSCA-RSCC"]) == "apply for the NSCA-RSCC designation"
    ace = catalog.entries["ACE-CPT"]
    assert final_step(ace) == ace.stages[0].text


# ------------------------------------------------------- credentials a route asks for


def test_a_requirement_names_the_nearest_of_the_best_fits_and_the_others(
    catalog: Catalog,
) -> None:
    found = plan(catalog, "ACSM-EIM", degree="doctorate", field="exercise-science")
    earn = next(s for s in found.steps if s.kind is StepKind.CREDENTIAL)
    assert (earn.text, earn.why) == (
        "earn ACSM-EP",  # its own organization's, the nearest of them
        "ACSM-EIM requires an NCCA-accredited certification (any field); ACSM-CPT, ACSM-CEP, "
        "ACE-CPT and others would also do",
    )
    coach = plan(
        catalog,
        "ACSM-EIM",
        degree="doctorate",
        field="exercise-science",
        goals=("collegiate-athletes",),
    )
    earn = next(s for s in coach.steps if s.kind is StepKind.CREDENTIAL)
    # one serving the person's goal comes first: of those, the CSCS (about 8 months of study)
    # is nearer than the CSCCA-SCCC, whose placement and exam take times nobody verified
    assert earn.text == "earn CSCS"
    assert earn.why.endswith("; CSCCA-SCCC, ACSM-CEP, ACSM-CPT and others would also do")


def test_each_requirement_is_worked_out_for_itself(catalog: Catalog) -> None:
    judged = Judgement(catalog, person(catalog, degree="bachelor"), TODAY)
    judged.plan(catalog.entries["NASM-PES"])
    rscc = judged.plan(catalog.entries["NSCA-RSCC"])
    assert [s.text for s in rscc.steps if s.kind is StepKind.CREDENTIAL] == ["earn CSCS"]


def _rscc_asking_for(catalog: Catalog, credential: str, **changed: Any) -> Plan:
    rscc = catalog.entries["NSCA-RSCC"]
    assert rscc.prerequisites is not None
    routes = tuple(replace(r, credentials=(credential,)) for r in rscc.prerequisites.routes)
    entry = replace(rscc, prerequisites=replace(rscc.prerequisites, routes=routes))
    made = replace(catalog, entries={**catalog.entries, rscc.id: entry, **changed})
    return Judgement(made, person(catalog, degree="bachelor"), TODAY).plan(entry)


def test_earning_a_qualification_first_costs_its_stages(catalog: Catalog) -> None:
    found = _rscc_asking_for(catalog, "ACE-CPT")
    earn = next(s for s in found.steps if s.kind is StepKind.CREDENTIAL)
    assert (earn.text, earn.usd, earn.months) == ("earn ACE-CPT", 489, None)  # exam: untimed
    assert earn.note is not None
    assert earn.note.startswith("Basic; ") and earn.note.endswith("; time not verified")


def test_earning_an_unpriced_credential_first_is_not_free(catalog: Catalog) -> None:
    cscs = catalog.entries["CSCS"]
    found = _rscc_asking_for(catalog, "CSCS", CSCS=replace(cscs, cost=None))
    earn = next(s for s in found.steps if s.kind is StepKind.CREDENTIAL)
    assert (earn.text, earn.usd) == ("earn CSCS", None)


def test_a_qualifications_paid_stage_carries_its_price_and_note(catalog: Catalog) -> None:
    found = plan(catalog, "ACE-CPT", credentials=({"id": "ACE-CPT", "expires": "2025-01"},))
    course = found.steps[1]
    assert course.note is not None and course.note.startswith("Basic; course length 3-6 months")
    assert course.cert_id == "ACE-CPT"


def test_a_membership_stage_with_unknown_dues_says_so(catalog: Catalog) -> None:
    ryt = catalog.entries["RYT-200"]
    org = catalog.organizations[ryt.organization]
    assert org.membership is not None
    unknown = replace(org, membership=replace(org.membership, dues_usd=None))
    made = replace(catalog, organizations={**catalog.organizations, org.id: unknown})
    found = Judgement(made, person(catalog), TODAY).plan(ryt)
    dues = next(s for s in found.steps if s.kind is StepKind.MEMBERSHIP)
    assert (dues.usd, dues.note) == (None, "dues not verified")
    known = plan(catalog, "RYT-200")
    assert next(s for s in known.steps if s.kind is StepKind.MEMBERSHIP).note == "time not verified"


def test_each_route_names_the_credentials_that_would_also_do(catalog: Catalog) -> None:
    found = plan(catalog, "CSPS")
    whys = [s.why for p in (found, *found.alternatives) for s in p.steps if "also do" in s.why]
    assert "CSPS requires CSCS or NSCA-CPT or TSAC-F; TSAC-F, CSCS would also do" in whys
    assert "CSPS requires PT or PTA or ATC or RDN; ATC, PT, RDN would also do" in whys  # licences


def test_a_degree_in_progress_counts_only_above_what_is_held(catalog: Catalog) -> None:
    undated = plan(catalog, "CPSS", studying="associate").steps[0]
    assert (undated.text.startswith("earn a master's degree"), undated.months) == (True, 72)
    second = plan(catalog, "CPSS", degree="bachelor", studying="bachelor", graduating="2027-11")
    assert second.steps[0].months == 24  # a second bachelor's does not bring the master's closer


def test_list_filters_by_organization_and_by_a_price_ceiling(catalog: Catalog) -> None:
    from certadvise.advice.listing import Filters, filter_entries

    judged = Judgement(catalog, person(catalog), TODAY)
    nsca, notes = filter_entries(judged, Filters(org="NSCA"))
    assert [e.id for e in nsca] == ["CPSS", "CSCS", "CSPS", "NSCA-CPT", "NSCA-RSCC", "TSAC-F"]
    assert notes == []
    cheap, notes = filter_entries(judged, Filters(max_cost=300))
    assert "CSCS" not in [e.id for e in cheap] and "RDN" in [e.id for e in cheap]
    assert notes[0].startswith("left out, price not verified: AACVPR-CCRP, ACSM-CEP")
    assert notes[0].endswith("(they may cost less than $300)")


def test_path_warns_of_a_rule_change_and_a_date_set_too_early(catalog: Catalog) -> None:
    from certadvise.advice.paths import plan_path

    judged = Judgement(catalog, person(catalog, age=16), TODAY)
    found = plan_path(judged, catalog.entries["CSCS"], dt.date(2027, 1, 1))
    assert found.warnings[0] == (
        "the plan takes about 6.5 years, so it ends around 2033-07-19, after your date 2027-01-01"
    )
    assert found.warnings[1].startswith("CSCS: from 2030-01-01 US candidates need a degree")
    assert found.warnings[1].endswith("(your plan reaches CSCS after that date)")
    assert found.ownership is not None


def test_path_says_who_already_qualifies_and_what_covers_the_target(catalog: Catalog) -> None:
    from certadvise.advice.paths import plan_path

    graduate = Judgement(catalog, person(catalog, degree="bachelor"), TODAY)
    found = plan_path(graduate, catalog.entries["CSCS"])
    assert found.warnings == ("you already qualify: register for the CSCS exam",)
    holder = Judgement(catalog, person(catalog, have=("CSCS",)), TODAY)
    warnings = plan_path(holder, catalog.entries["NASM-PES"]).warnings
    assert warnings[0].startswith("you hold CSCS, which covers NASM-PES: The CSCS is")
    assert warnings[0].endswith("; here is the plan anyway")
    assert warnings[1] == "you already qualify: register for the NASM-PES exam"


def test_list_filters_by_category_and_goal_and_all_three_at_once(catalog: Catalog) -> None:
    from certadvise.advice.listing import Filters, filter_entries

    judged = Judgement(catalog, person(catalog), TODAY)

    def listed(**filters: Any) -> list[str]:
        entries, notes = filter_entries(judged, Filters(**filters))
        assert notes == []
        return [e.id for e in entries]

    assert listed(category="clinical") == [
        "AACVPR-CCRP",
        "ACSM-CEP",
        "ACSM-RCEP",
        "CSEP-CEP",
        "ESSA-AEP",
    ]
    assert listed(goal="athletes")[:5] == ["ASCA-L1", "ASCA-L2", "BASES", "CSCS", "CSEP-CEP"]
    assert len(listed(goal="athletes")) == 12
    assert listed(org="nsca", category="strength-and-conditioning", goal="tactical") == ["CSCS"]
    assert len(listed()) == len(catalog.certifications)
    cheap, notes = filter_entries(judged, Filters(org="NSCA", max_cost=475))
    assert [e.id for e in cheap] == ["CPSS", "CSCS", "CSPS", "NSCA-CPT", "NSCA-RSCC", "TSAC-F"]
    assert notes == []


def test_path_to_a_retired_certification_plans_its_successor(catalog: Catalog) -> None:
    from certadvise.advice.paths import plan_path

    judged = Judgement(catalog, person(catalog), TODAY)
    found = plan_path(judged, catalog.entries["ACSM-RCEP"])
    assert found.target.id == "ACSM-CEP"
    assert found.warnings[0] == (
        "ACSM-RCEP was retired in 2018; planning for its successor ACSM-CEP instead"
    )
    holder = Judgement(catalog, person(catalog, have=("ACSM-CEP",)), TODAY)
    assert plan_path(holder, catalog.entries["ACSM-RCEP"]).warnings == (
        "ACSM-RCEP was retired in 2018; planning for its successor ACSM-CEP instead",
        "you already hold ACSM-CEP: it renews every 3 years; `certadvise renewals` shows its "
        "deadline, CE and fees",
    )


def test_path_to_a_credential_held_points_to_renewals(catalog: Catalog) -> None:
    from certadvise.advice.paths import plan_path

    judged = Judgement(catalog, person(catalog, have=("CSCS@2027-12",)), TODAY)
    found = plan_path(judged, catalog.entries["CSCS"])
    assert (found.steps, found.reachable) == ((), True)
    assert found.warnings == (
        "you already hold CSCS, good through 2027-12-31: it renews every 3 years; "
        "`certadvise renewals` shows its deadline, CE and fees",
    )
    assert found.ownership is not None  # keeping it: its renewal, never the exam again
    assert [p.label for p in found.ownership.parts] == [
        "recertification fee x1",
        "continuing education (6 CEUs a cycle)",
    ]


def test_path_back_to_a_lapsed_credential_says_no_more_than_its_step(catalog: Catalog) -> None:
    from certadvise.advice.paths import plan_path

    for given, kind in (("ACSM-CPT@2026-09", "renew"), ("ACSM-CPT@2020-09", "reinstate")):
        judged = Judgement(catalog, person(catalog, have=(given,)), TODAY)
        found = plan_path(judged, catalog.entries["ACSM-CPT"])
        assert (kinds(found), found.warnings) == ([kind], ())
        assert found.ownership is not None  # the way back is its step; then, keeping it
        assert all(p.kind == "recertification" for p in found.ownership.parts)
    earned_again = plan_path(
        Judgement(catalog, person(catalog, have=("ACE-CPT@2020-01",)), TODAY),
        catalog.entries["ACE-CPT"],
    )
    assert earned_again.ownership is not None
    assert earned_again.ownership.parts[0].kind == "exam"  # past every window: the exam again


def test_path_says_when_prerequisites_are_not_verified(catalog: Catalog) -> None:
    from certadvise.advice.paths import plan_path

    judged = Judgement(catalog, person(catalog), TODAY)
    found = plan_path(judged, catalog.entries["NASM-CES"])
    assert found.warnings == ("prerequisites not verified: check with NASM",)
    blank = made_entry({"exam_non_member": 100})
    assert plan_path(judged, blank).warnings == ("prerequisites not verified: check with ORG",)


def test_a_rule_change_before_the_date_set_is_said(catalog: Catalog) -> None:
    from certadvise.advice.paths import plan_path

    graduate = Judgement(catalog, person(catalog, degree="bachelor"), TODAY)
    found = plan_path(graduate, catalog.entries["CSCS"], dt.date(2031, 1, 1))
    assert found.warnings[0].startswith("CSCS: from 2030-01-01 US candidates need a degree")
    assert found.warnings[1] == "you already qualify: register for the CSCS exam"
    on_the_day = plan_path(graduate, catalog.entries["CSCS"], dt.date(2030, 1, 1))
    assert on_the_day.warnings[0].startswith("CSCS: from 2030-01-01")
    before = plan_path(graduate, catalog.entries["CSCS"], dt.date(2029, 12, 31))
    assert before.warnings == ("you already qualify: register for the CSCS exam",)
    rcep = Judgement(catalog, person(catalog), TODAY)
    steps = plan_path(rcep, catalog.entries["ACSM-RCEP"]).warnings
    assert steps[1] == (
        "ACSM-CEP: from 2027-08-15 the degree must come from a CAAHEP-accredited program "
        "(your plan reaches ACSM-CEP after that date)"
    )


def test_list_refuses_an_unknown_category_by_name(catalog: Catalog) -> None:
    from certadvise.advice.listing import Filters, filter_entries
    from certadvise.errors import InputError

    judged = Judgement(catalog, person(catalog), TODAY)
    with pytest.raises(InputError) as caught:
        filter_entries(judged, Filters(category="clinicl"))
    assert str(caught.value).startswith("unknown category 'clinicl'")


def test_path_to_a_retired_entry_without_a_successor_plans_it(catalog: Catalog) -> None:
    from certadvise.advice.paths import plan_path

    judged = Judgement(catalog, person(catalog), TODAY)
    retired = made_entry(None, None, status="retired", retired={"source": "s", "year": 2018})
    found = plan_path(judged, retired)
    assert (found.target.id, found.warnings) == (
        "X",
        ("prerequisites not verified: check with ORG",),
    )
    held = Judgement(catalog, person(catalog, have=("CSCS",)), TODAY)
    kept = plan_path(held, catalog.entries["CSCS"])
    assert (kept.target.id, kept.route) == ("CSCS", "already held")


def test_path_through_a_requirement_loop_is_not_reachable(catalog: Catalog) -> None:
    from certadvise.advice.paths import plan_path

    looped = looped_catalog(catalog)
    found = plan_path(Judgement(looped, person(looped), TODAY), looped.entries["CSCS"])
    assert (found.reachable, found.own_steps) == (False, ())
    assert found.steps[0].text == "not reachable: requirement loop CSCS -> NSCA-RSCC"


def test_a_date_set_on_the_day_the_plan_ends_is_not_too_early(catalog: Catalog) -> None:
    from certadvise.advice.paths import plan_path

    judged = Judgement(catalog, person(catalog, age=16), TODAY)
    finish = judged.reached(judged.plan(catalog.entries["CSCS"]))
    on_time = plan_path(judged, catalog.entries["CSCS"], finish).warnings
    assert not any("after your date" in w for w in on_time)
    late = plan_path(judged, catalog.entries["CSCS"], finish - dt.timedelta(days=1)).warnings
    assert late[0].endswith(f"after your date {(finish - dt.timedelta(days=1)).isoformat()}")


def test_a_rule_change_in_force_today_is_not_a_warning(catalog: Catalog) -> None:
    from certadvise.advice.paths import plan_path

    cscs = catalog.entries["CSCS"]
    today = replace(cscs.rule_changes[0], effective=TODAY)
    changed = replace(
        catalog, entries={**catalog.entries, "CSCS": replace(cscs, rule_changes=(today,))}
    )
    judged = Judgement(changed, person(changed, degree="bachelor"), TODAY)
    assert plan_path(judged, changed.entries["CSCS"]).warnings == (
        "you already qualify: register for the CSCS exam",
    )


def test_a_qualification_that_is_a_degree_takes_the_degrees_time_once(catalog: Catalog) -> None:
    """ESSA's AEP is an accredited four-year degree: a school leaver's plan is about four
    years, the degree's, not the degree and the same course again (eight); the AES's
    accredited course is three years (it was seven)."""
    leaver = plan(catalog, "ESSA-AEP", degree="high-school", country="AU")
    assert (kinds(leaver)[0], round(leaver.months)) == ("degree", 48)
    postgraduate = next(a for a in leaver.alternatives if a.route.startswith("a three-year"))
    assert postgraduate.months == 66  # a bachelor's, then ESSA's 1.5-year postgraduate course
    scientist = plan(catalog, "ESSA-AES", degree="high-school", country="AU")
    assert (kinds(scientist)[0], scientist.months) == ("degree", 36)
    graduate = plan(catalog, "ESSA-AEP", degree="bachelor", field="exercise science", country="AU")
    assert graduate.route.startswith("a three-year")  # not the four-year course again
    assert graduate.months == 18  # an exercise science graduate: the postgraduate course


SHARED_PEOPLE: list[dict[str, Any]] = [
    {"goals": ["athletes"], "degree": "bachelor", "field": "kinesiology"},
    {"goals": ["athletes"], "degree": "bachelor", "field": "psychology"},
    {"goals": ["athletes", "clinical"], "degree": "bachelor", "field": "kinesiology"},
    {"goals": ["older adults"], "degree": "bachelor", "field": "kinesiology"},
    {"goals": ["personal-training"], "degree": "bachelor", "field": "kinesiology"},
    {"goals": ["nutrition"], "degree": "bachelor", "field": "kinesiology"},
    {"goals": ["athletes"], "degree": "high-school", "age": 16},
    {"goals": ["athletes"], "degree": "high-school", "age": 17},
    {"goals": ["athletes"], "degree": "high-school", "age": 30},
    {"goals": ["athletes"], "degree": "high-school", "age": 44},  # shares the plans of 30
    {"goals": ["corrective-exercise"], "have": ["CPR-AED", "NASM-CPT"]},  # a base credential
    {"goals": ["corrective-exercise"], "have": ["CPR-AED", "ACE-CPT"]},  # another one
    {"goals": ["corrective-exercise"], "have": ["CPR-AED"]},  # none
    {"goals": ["personal-training"], "degree": "high-school", "age": 17},  # a consent
    {"goals": ["tactical"], "degree": "bachelor", "age": 19},
    {"goals": ["athletes"], "have": ["CSCS", "CPR-AED"], "degree": "bachelor"},
    {"goals": ["athletes"], "have": ["CSCS@2024-01", "CPR-AED"], "degree": "bachelor"},
    {"goals": ["athletes"], "have": ["CSCS@2026-11", "CPR-AED"], "degree": "bachelor"},
    {"goals": ["athletes"], "have": ["NASM-CPT"], "member": ["NSCA"]},
    {"goals": ["athletes"], "studying": "bachelor", "graduating": "2027-05", "age": 21},
    {"goals": ["athletes"], "studying": "bachelor", "graduating": "2028-05", "age": 20},
    {
        "goals": ["clinical"],
        "degree": "bachelor",
        "field": "exercise science",
        "hours": {"clinical": 1300},
    },
    {
        "goals": ["clinical"],
        "degree": "bachelor",
        "field": "exercise science",
        "hours": {"clinical": 200},
    },
    {"goals": ["clinical"], "have": ["ACSM-EP", "BLS"], "degree": "bachelor"},
    {"goals": ["nutrition"], "have": ["RDN"], "degree": "master", "field": "nutrition"},
    {"goals": ["personal-training"], "country": "GB", "degree": "bachelor", "budget": "£300"},
    {  # on ESSA-AEP's overseas route, whose stages are its own
        "goals": ["clinical"],
        "degree": "bachelor",
        "field": "clinical exercise physiology",
        "have": ["ESSA-AES"],
        "hours": {"practical": 500},
    },
    {"goals": ["sport-science"], "degree": "master", "field": "sport science"},
    {"goals": ["personal-training"], "country": "AU", "degree": "high-school"},
]
SHARED_TARGETS = (
    "CSCS",
    "NASM-PES",
    "CSPS",
    "TSAC-F",
    "NSCA-RSCC",
    "CSCCA-SCCC",
    "ACSM-CEP",
    "ACSM-EP",
    "CSSD",
    "UK-L3-PT",
    "CERT-IV-FITNESS",
    "ESSA-AEP",
    "BASES",
    "ACE-CPT",
    "NCCPT-CPT",
    "NASM-CES",
    "NASM-WLS",
)


def _said(found: Plan) -> Any:
    """What a person reads of a plan: its route, steps, months, cost and alternatives."""
    steps = [(s.kind, s.text, s.why, s.months, s.usd, s.cert_id, s.waits) for s in found.steps]
    return (
        found.route,
        steps,
        found.months,
        found.reachable,
        [_said(a) for a in found.alternatives],
    )


def test_a_shared_plan_book_gives_each_person_the_plans_and_prices_they_get_alone(
    catalog: Catalog,
) -> None:
    """A batch's people share plans by what the planner read of them: each of these
    differs from another in one thing (a field, an age, a date on a card, hours, a goal),
    and twice over, so that the second round is answered from the book."""
    from certadvise.advice.planner import PlanBooks

    books = PlanBooks()
    for raw in SHARED_PEOPLE * 2:
        profile = person(catalog, **raw)
        alone, shared = (
            Judgement(catalog, profile, TODAY),
            Judgement(catalog, profile, TODAY, books=books),
        )
        for target in SHARED_TARGETS:
            entry = catalog.entries[target]
            assert _said(shared.plan(entry)) == _said(alone.plan(entry)), (raw, target)
            assert shared.quote(entry) == alone.quote(entry), (raw, target)
    assert books.book(TODAY, STUDY_HOURS_A_WEEK) is books.book(TODAY, STUDY_HOURS_A_WEEK)
    assert books.book(TODAY, 5.0) is not books.book(TODAY, STUDY_HOURS_A_WEEK)


# People whose plans are alike and who differ in what the situation rules read besides
# the plan: an age given or not, dates held, the date of graduating, the country.
SITUATIONS: list[dict[str, Any]] = [
    {"goals": ["personal-training"]},
    {"goals": ["personal-training"], "age": 30},  # "at least 18", not "(assumed)"
    {"goals": ["personal-training"], "have": ["NASM-CPT"]},
    {"goals": ["personal-training"], "have": ["NASM-CPT"], "country": "GB"},
    {"goals": ["personal-training"], "have": ["NASM-CPT@2026-09"]},
    {"goals": ["personal-training"], "have": ["NASM-CPT@2024-01"]},
    {"goals": ["collegiate-athletes"], "studying": "bachelor", "graduating": "2029-09"},
    {"goals": ["collegiate-athletes"], "studying": "bachelor", "graduating": "2030-05"},
    {"goals": ["personal-training"], "have": ["CSCS"], "degree": "bachelor"},
    {"goals": ["personal-training"], "have": ["NSCA-CPT"], "degree": "bachelor"},
    # a CSCS does not make the Level 3 diploma unnecessary in the UK, where it is the standard
    {"goals": ["personal-training"], "have": ["CSCS"], "degree": "bachelor", "country": "GB"},
]


def test_a_batch_tells_each_person_the_verdicts_they_get_alone(catalog: Catalog) -> None:
    """The rules that read only a person's situation and plan are shared by a batch's
    people in that situation: each of these is told, of every entry, what they are told
    alone (twice over, so that the second round is answered from what was kept)."""
    from certadvise.advice.planner import PlanBooks
    from certadvise.advice.rules import evaluate

    books = PlanBooks()
    for raw in (SITUATIONS + SHARED_PEOPLE) * 2:
        profile = person(catalog, **raw)
        alone, shared = (
            Judgement(catalog, profile, TODAY),
            Judgement(catalog, profile, TODAY, books=books),
        )
        for entry in catalog.entries.values():
            assert evaluate(entry, shared) == evaluate(entry, alone), (raw, entry.id)


def test_what_a_plan_keeps_is_worked_out_once_and_stays_true(catalog: Catalog) -> None:
    """`kept` (a cached_property without 3.11's lock): a frozen object's value is worked
    out on the first read and found again after; another object works out its own."""
    from dataclasses import dataclass

    from certadvise.kept import kept

    @dataclass(frozen=True)
    class Counted:
        calls: list[int]

        @kept
        def value(self) -> int:
            """Counted."""
            self.calls.append(1)
            return len(self.calls)

    one, other = Counted([]), Counted([])
    assert (one.value, one.value, other.value) == (1, 1, 1)
    assert one.calls == [1] and other.calls == [1]
    assert isinstance(vars(Counted)["value"], kept) and vars(Counted)["value"].__doc__ == "Counted."
    found = plan(catalog, "CSCS", degree="bachelor", have=["CPR-AED"])
    assert found.months == found.months and "months" in vars(found)  # kept on the plan
