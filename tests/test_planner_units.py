"""The planner on its own: which steps a person is shown, in which order, at what price
and after how long (built-in catalog, an injected day; no CLI)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from certadvise.advice.judgement import Judgement
from certadvise.advice.plans import A_DAY, Plan, Step, StepKind
from certadvise.advice.profile import Profile, RawProfile, normalise
from certadvise.catalog.index import Catalog
from certadvise.catalog.validation import validate

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
    assert _plan_of(hours, untimed, exam).time_text == "at least about 7 months"
    assert _plan_of(untimed).time_text == "not known"
    assert _plan_of(Step(StepKind.CPR_AED, "c", "c", 0, months=A_DAY)).time_text == "a day"
    assert _plan_of(exam).cost_text == "$300"
    assert _plan_of(untimed, exam).cost_text == "at least $300"
    assert _plan_of(untimed).cost_text == "not verified"
    assert _plan_of(untimed, exam).unpriced == ["req"]
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
