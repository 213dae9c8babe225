"""The facts `show` prints and `compare` lines up, called directly: their words, prices,
hours and sources (built-in catalog and small made entries, an injected day; no CLI)."""

from __future__ import annotations

from typing import Any

import pytest

from certadvise.advice import facts as said
from certadvise.advice.facts import facts
from certadvise.advice.judgement import Judgement
from certadvise.catalog.index import Catalog
from certadvise.catalog.models import Certification

from .test_costs import made
from .test_planner_units import TODAY, person

OLD = [{"key": "s", "url": "u", "as_of": "2014"}, {"key": "new", "url": "v", "as_of": "2026"}]


def shown(catalog: Catalog, entry: Certification, **raw: Any) -> dict[str, str]:
    """Each fact's text by key, as `show` prints it for this person."""
    judged = Judgement(catalog, person(catalog, **raw), TODAY)
    return {f.key: f.text for f in facts(entry, judged)}


def pre(**prerequisites: Any) -> Certification:
    return made(None, None, prerequisites={"source": "s", **prerequisites})


def exam(**fields: Any) -> Certification:
    return made(None, None, exam={"source": "s", **fields})


def test_the_cscs_exam_cost_names_both_prices(catalog: Catalog) -> None:
    found = shown(catalog, catalog.entries["CSCS"])
    assert found["cost.exam"] == "$340 for NSCA members, $475 for non-members"
    assert found["exam.length"] == "4 hours, 220 multiple-choice questions"


def test_exam_prices_say_who_pays_which() -> None:
    assert said.exam_cost(made(None)) == "not verified"
    assert said.exam_cost(made({"exam_non_member": 475})) == "$475 (exam only)"
    assert (
        said.exam_cost(made({"exam_member": 300}))
        == "$300 for ORG members (non-member price not verified)"
    )
    gbp = made({"currency": "GBP", "exam_member": 300, "exam_non_member": 400})
    assert said.exam_cost(gbp) == "£300 for ORG members, £400 for non-members"


def test_packages_fees_and_unverified_fees_follow_the_exam_price() -> None:
    cost = {
        "exam_non_member": 100,
        "tiers": [{"name": "Basic", "usd": 489}, {"name": "Plus", "usd": 589}],
        "application_fee": 25,
        "unverified_fees": ["retake fee", "shipping"],
    }
    assert said.exam_cost(made(cost)) == (
        "$100 (exam only); $489 Basic, $589 Plus; plus a $25 application fee; "
        "plus a retake fee (not verified); plus a shipping (not verified)"
    )
    only_fees = made({"unverified_fees": ["exam fee"]})
    assert said.exam_cost(only_fees) == "exam fee (not verified)"


def test_a_stale_price_shows_its_year_and_a_package_its_own_source_year() -> None:
    cost = {
        "exam_non_member": 275,
        "tiers": [{"name": "Basic", "usd": 489, "source": "new"}, {"name": "Old", "usd": 9}],
    }
    entry = made(cost, sources=OLD)
    assert said.exam_cost(entry, TODAY) == "$275 (exam only) (2014); $489 Basic, $9 Old (2014)"
    assert said.exam_cost(entry) == "$275 (exam only); $489 Basic, $9 Old"  # no day: no years


def test_study_materials_are_included_priced_from_or_unknown() -> None:
    def materials(**fields: Any) -> str:
        return said.study_materials(made({"study_materials": fields}, sources=OLD), TODAY)

    assert said.study_materials(made(None)) == "not verified"
    assert said.study_materials(made({"exam_non_member": 1})) == "not verified"
    assert materials(included=True) == "included in exam cost"
    assert materials(at_least=True) == "not verified"
    assert materials(usd=268, at_least=True, note="Essential") == "$268+ (2014) (Essential)"
    assert materials(usd=70) == "$70 (2014)"
    euro = made({"currency": "EUR", "study_materials": {"amount": 70}})
    assert said.study_materials(euro, TODAY) == "€70"


def test_study_time_is_a_range_a_floor_a_ceiling_or_a_figure() -> None:
    def hours(**fields: Any) -> str:
        return said.study_time(made(None, study_hours={"source": "s", **fields}))

    assert said.study_time(made(None)) == "not verified"
    assert hours(low=100, high=300, note="with a degree") == "100-300 hours (with a degree)"
    assert hours(low=85) == "at least 85 hours"
    assert hours(high=10) == "up to 10 hours"
    assert hours(low=50, high=50) == "50 hours"


def test_prerequisites_in_words_with_the_cpr_rule() -> None:
    assert said.prerequisites(made(None)) == "not verified"
    assert said.prerequisites(pre(verified=False, min_age=18)) == "not verified"
    routes = [{"text": "a bachelor's degree"}, {"text": "a college senior"}]
    assert said.prerequisites(pre(min_age=18, routes=routes, cpr_aed="required")) == (
        "at least 18 years old; a bachelor's degree OR a college senior; CPR/AED certification"
    )
    assert said.prerequisites(pre(min_age=16, cpr_aed="after-exam")) == (
        "at least 16 years old; CPR/AED certification (may follow the exam)"
    )
    assert said.prerequisites(pre(routes=routes[:1], cpr_aed="not-required")) == (
        "a bachelor's degree; no CPR/AED"
    )
    assert said.prerequisites(pre()) == "no mandatory prerequisites; CPR/AED not verified"


def test_recommended_preparation() -> None:
    assert said.recommended(made(None)) == "not verified"
    assert said.recommended(pre()) == "none stated"
    assert said.recommended(pre(recommended=[{"text": "a year"}, {"text": "a CPT"}])) == (
        "a year; a CPT"
    )


def test_exam_length_in_hours_or_minutes_and_its_questions() -> None:
    assert said.exam_length(made(None)) == "not verified"
    assert said.exam_length(exam(formats=["multiple-choice"])) == "not verified"
    assert said.exam_length(exam(minutes=240, questions=220, formats=["multiple-choice"])) == (
        "4 hours, 220 multiple-choice questions"
    )
    assert said.exam_length(exam(minutes=60, questions=50)) == "1 hour, 50 questions"
    assert said.exam_length(exam(minutes=150)) == "150 minutes, questions not verified"
    assert said.exam_length(exam(questions=125)) == "length not verified, 125 questions"


def test_passing_score_on_its_scale() -> None:
    def score(**fields: Any) -> str:
        return said.passing_score(exam(passing_score=fields))

    assert said.passing_score(made(None)) == "not verified"
    assert said.passing_score(exam(minutes=60)) == "not verified"
    assert score(value=70, scale="percent") == "70%"
    assert score(value=62.5, scale="percent", note="per section") == "62.5%; per section"
    assert score(value=500, scale="scaled score on 200-800") == "500 (scaled score on 200-800)"


def test_pass_rates_the_first_then_how_many_other_reports() -> None:
    def rates(*given: tuple[int, float | None]) -> str:
        reports = [{"source": "s", "year": y, "percent": p} for y, p in given]
        return said.pass_rate(made(None, pass_rates=reports))

    assert said.pass_rate(made(None)) == "not verified"
    assert rates((2025, 39)) == "39% (2025)"
    assert rates((2025, 39), (2024, None)) == "39% (2025); 1 other report: not reported (2024)"
    assert rates((2025, 39), (2024, 41), (2018, 49.3)) == (
        "39% (2025); 2 other reports: 41% (2024), 49.3% (2018)"
    )


def test_accreditation_bodies_and_note() -> None:
    def acc(**fields: Any) -> str:
        return said.accreditation(made(None, accreditation={"source": "s", **fields}))

    assert said.accreditation(made(None)) == "not verified"
    assert acc(bodies=["NCCA", "ANSI"]) == "NCCA, ANSI"
    assert acc(bodies=[], note="applied") == "none (applied)"


def test_recertification_period_ce_and_fees(catalog: Catalog) -> None:
    hours = catalog.vocabulary.unit_hours()
    assert said.recertification(made(None, None)) == "not verified"
    rule = {"source": "s", "period_years": 3, "ceus": 6, "ce_unit": "CEU"}
    rule |= {"ceus_note": "two categories", "fee_member": 65, "fee_non_member": 90}
    assert said.recertification(made(None, rule), hours) == (
        "every 3 years, 6 CEUs (60 hours), two categories, fee $65 member / $90 non-member"
    )
    assert said.recertification(made(None, rule)) == (
        "every 3 years, 6 CEUs, two categories, fee $65 member / $90 non-member"
    )
    in_hours = {"source": "s", "ceus": 20, "ce_unit": "hours", "fee_non_member": 80}
    assert said.recertification(made({"currency": "GBP"}, in_hours), hours) == (
        "period not verified, 20 hours, fee £80"
    )
    assert said.recertification(made(None, {"source": "s", "ceus": 2.5})) == (
        "period not verified, 2.5 units, fee not verified"
    )
    member_only = {"source": "s", "period_years": 1.5, "fee_member": 50}
    assert said.recertification(made(None, member_only)) == "every 1.5 years, fee not verified"


def test_recertification_cycles_cards_windows_and_reinstatement() -> None:
    rule = {"source": "s", "period_years": 3, "fee_non_member": 90, "fee_every": "year"}
    rule |= {"cycle": "fixed", "cycle_ends": "12-31", "cycle_anchor": 2026}
    rule |= {"requires_cpr": True, "grace_months": 3, "late_fee": 25}
    rule |= {"reinstatement": {"source": "s", "window_months": 12, "fee_member": 100}}
    assert said.recertification(made(None, rule)) == (
        "every 3 years, fee $90, the fee is yearly, fixed cycles ending 12-31 (every 3 years "
        "from 2026), a current CPR/AED card is needed to renew, late renewal up to 3 months "
        "after, late fee $25, reinstatement within 12 months, fee $100"
    )
    rolling = {"source": "s", "period_years": 2, "cycle": "rolling", "grace_months": 6}
    rolling |= {"reinstatement": {"source": "s", "fee_member": 100, "fee_non_member": 150}}
    assert said.recertification(made(None, rolling)) == (
        "every 2 years, fee not verified, each cycle runs from the day it was earned, "
        "late renewal up to 6 months after, reinstatement window not verified, fee $150"
    )


def test_a_stale_recertification_fee_shows_its_year() -> None:
    rule = {"source": "s", "period_years": 2, "fee_non_member": 80}
    assert said.recertification(made(None, rule, sources=OLD), None, TODAY) == (
        "every 2 years, fee $80 (2014)"
    )
    unpriced = {"source": "s", "period_years": 2}
    assert said.recertification(made(None, unpriced, sources=OLD), None, TODAY) == (
        "every 2 years, fee not verified"
    )


def test_status_stages_covers_and_conflicts_in_words() -> None:
    assert said.status(made(None)) == "active"
    retired = {"source": "s", "year": 2018}
    assert said.status(made(None, status="retired", retired=retired)) == "retired in 2018"
    assert said.status(made(None, status="retired", retired={**retired, "successor": "Y"})) == (
        "retired in 2018; replaced by Y"
    )
    assert said.stages(made(None)) == "none: one exam"
    stages = [
        {"kind": "course", "text": "enrol", "months_low": 1, "months_high": 3},
        {"kind": "course", "text": "study", "months_low": 2, "months_high": 2},
        {"kind": "course", "text": "practise", "months_high": 0.5},
        {"kind": "exam", "text": "sit"},
    ]
    assert said.stages(made(None, stages=stages)) == (
        "enrol (1-3 months); study (2 months); practise (0.5 months); sit (time not verified)"
    )
    assert said.covers(made(None)) == "none stated"
    covers = [{"ids": ["A", "B"], "why": "it tests the same"}, {"ids": ["C"], "why": "more"}]
    assert said.covers(made(None, covers=covers)) == "A, B: it tests the same; C: more"
    assert said.conflicts(made(None)) == "none known"
    conflicts = [
        {
            "fact": "cost.retake",
            "values": [{"value": 489, "source": "s"}, {"value": 593.4, "source": "gone"}],
        },
        {
            "fact": "exam.note",
            "values": [{"value": "open", "source": "s"}, {"value": "shut", "source": "s"}],
            "note": "ask",
        },
    ]
    assert said.conflicts(made(None, conflicts=conflicts)) == (
        "cost.retake: 489 (u) or 593.4 (gone); exam.note: open (u) or shut (u); ask"
    )


def test_every_fact_in_display_order_with_its_label_and_the_source_it_cites(
    catalog: Catalog,
) -> None:
    entry = made(
        {"exam_non_member": 475, "retake": 100},
        organization="NSCA",
        category="strength-and-conditioning",
        aliases=["Y"],
        former_names=["Z"],
        goals=["athletes", "tactical"],
        markets=["US", "CA"],
        markets_source="s",
        exam={"source": "s", "topics": ["a", "b"], "formats": ["multiple-choice"]},
        settings=["gyms"],
        populations="all",
        summary="sum",
        notes="n",
        rule_changes=[{"source": "s", "effective": "2030-01-01", "text": "new rule"}],
        pass_rates=[{"source": "s", "year": 2025, "percent": 50}],
    )
    judged = Judgement(catalog, person(catalog), TODAY)
    found = [(f.key, f.label, f.text, f.source and f.source.url) for f in facts(entry, judged)]
    assert found == [
        ("name", "Name", "X", None),
        (
            "organization",
            "Organization",
            "NSCA (National Strength and Conditioning Association)",
            None,
        ),
        ("category", "Category", "Strength and conditioning", None),
        ("status", "Status", "active", None),
        ("aliases", "Also known as", "Y; Z", None),
        ("goals", "Goals served", "athletes; tactical", None),
        ("cost.exam", "Exam cost", "$475 (exam only)", "u"),
        ("cost.study_materials", "Study materials cost", "not verified", None),
        ("prerequisites.required", "Prerequisites", "not verified", None),
        ("prerequisites.recommended", "Recommended", "not verified", None),
        ("exam.length", "Exam length", "not verified", None),
        ("exam.topics", "Exam topics", "a; b", "u"),
        ("exam.passing_score", "Exam passing score", "not verified", None),
        ("study_hours", "Study time", "not verified", None),
        ("pass_rate", "Exam pass rate", "50% (2025)", "u"),
        ("summary", "Qualifications awarded", "sum", None),
        ("settings", "Settings", "gyms", None),
        ("populations", "Populations", "all", None),
        ("accreditation", "Accreditation", "not verified", None),
        ("markets", "Recognized in", "US, CA", "u"),
        ("exam.format", "Exam format", "multiple-choice", "u"),
        ("exam.delivery", "Exam delivery", "not verified", None),
        ("cost.retake", "Retake fee", "$100", "u"),
        (
            "recertification",
            "Recertification",
            "every 2 years, fee $50 member / $80 non-member",
            "u",
        ),
        ("cost.cheapest", "Cheapest way in", "$475 (non-member price)", "u"),
        ("stages", "Stages", "none: one exam", None),
        ("covers", "Covers (never offered to holders)", "none stated", None),
        ("conflicts", "Sources disagree", "none known", None),
        (
            "cost.total",
            "Total cost",
            "at least $555 over 3 years (exam (non-member) $475, study materials not verified, "
            "recertification fee x1 $80)",
            "u",
        ),
        ("rule_changes", "Future rule changes", "from 2030-01-01: new rule", "u"),
        ("notes", "Notes", "n", None),
        ("sources", "Sources", "u (as of 2025, medium confidence)", None),
    ]


def test_an_entry_with_little_known_says_so_fact_by_fact(catalog: Catalog) -> None:
    bare = made(
        None, None, organization="NSCA", status="retired", retired={"source": "s", "year": 2018}
    )
    judged = Judgement(catalog, person(catalog), TODAY)
    found = {f.key: (f.text, f.source and f.source.url) for f in facts(bare, judged)}
    assert found["status"] == ("retired in 2018", "u")
    assert found["aliases"] == found["goals"] == ("none", None)
    for key in ("exam.topics", "summary", "settings", "populations", "markets", "exam.format"):
        assert found[key] == ("not verified", None), key
    assert found["exam.delivery"] == found["cost.retake"] == ("not verified", None)
    assert found["rule_changes"] == ("none known", None) and found["notes"] == ("none", None)
    assert found["pass_rate"] == ("not verified", None)
    assert found["cost.cheapest"] == ("not verified", None)


def test_the_cheapest_way_in_in_its_currency_with_the_persons_beside_it(catalog: Catalog) -> None:
    cscs = catalog.entries["CSCS"]
    assert shown(catalog, cscs, country="GB")["cost.cheapest"] == (
        "$475 (non-member price; ≈ £353 at the 2025-10 rate)"
    )
    assert shown(catalog, catalog.entries["CANFITPRO-PTS"])["cost.cheapest"] == (
        "at least CA$489 (cheapest PTS package (blog summary, 2026); ≈ $348 at the 2025-10 "
        "rate); PTS course fee not verified; canfitpro exam-challenge package not verified"
    )  # the membership is the path's stage, at canfitpro's yearly dues
    hidden = made({"not_published": True}, organization="NSCA")
    assert shown(catalog, hidden)["cost.cheapest"] == "price not published"


def test_the_total_cost_over_the_years_with_its_parts(catalog: Catalog) -> None:
    assert shown(catalog, catalog.entries["CSCS"])["cost.total"] == (
        "at least $833 over 3 years (exam (non-member) $475, study materials (starting price) "
        "$268, recertification fee x1 $90, continuing education (6 CEUs a cycle) not verified)"
    )
    assert shown(catalog, catalog.entries["UK-L3-PT"])["cost.total"].startswith(
        "at least £2,225 over 3 years (package: a combined Level 2 + 3 diploma, CMS Fitness "
        "Courses' starting price £2,225, "
    )


def test_compare_takes_two_to_six_different_certifications(catalog: Catalog) -> None:
    from certadvise.advice.comparison import check_selection
    from certadvise.errors import InputError

    cscs, cpt = catalog.entries["CSCS"], catalog.entries["NASM-CPT"]
    check_selection(["cscs", "nasm-cpt"], [cscs, cpt])
    six = list(catalog.certifications[:6])
    check_selection([e.id for e in six], six)
    for entries in ([cscs], [*six, cpt]):
        with pytest.raises(InputError) as caught:
            check_selection([e.id for e in entries], entries)
        assert str(caught.value) == f"compare takes 2 to 6 certifications, got {len(entries)}"
    with pytest.raises(InputError) as caught:
        check_selection(["CSCS", "NASM-CPT", "nsca cscs"], [cscs, cpt, cscs])
    assert str(caught.value) == (
        "CSCS is named twice ('CSCS' and 'nsca cscs'); name each certification once"
    )


def test_eligibility_for_one_person_in_a_few_words(catalog: Catalog) -> None:
    from certadvise.advice.comparison import eligibility_text

    def eligible(cert_id: str, **raw: Any) -> str:
        judged = Judgement(catalog, person(catalog, **raw), TODAY)
        return eligibility_text(catalog.entries[cert_id], judged)

    assert eligible("CSCS", degree="bachelor", have=["CPR-AED"]) == "yes"
    assert eligible("NASM-CPT") == (
        "yes (to do: a CPR/AED card with a hands-on skills check (before the exam))"
    )
    assert eligible("NASM-CPT", age=16) == (
        "later: must be at least 18 years old (you are 16); requires a high-school diploma or "
        "GED; missing: a high-school diploma (no degree given)"
    )
    assert eligible("NASM-PES", have=["CSCS"]).startswith("no: covered by CSCS, which you hold")
    assert eligible("CSCS", degree="bachelor", goals=["yoga"]) == eligible(
        "CSCS", degree="bachelor"
    )


def test_pick_rows_names_every_row_when_nothing_is_close(catalog: Catalog) -> None:
    from certadvise.advice.comparison import ELIGIBLE_KEY, pick_rows
    from certadvise.advice.facts import FACT_KEYS
    from certadvise.errors import InputError

    assert pick_rows(None) == [*FACT_KEYS, ELIGIBLE_KEY]
    assert pick_rows(",,") == []
    with pytest.raises(InputError) as caught:
        pick_rows("name,zzzz")
    assert (
        str(caught.value) == f"--rows: unknown row 'zzzz'; rows are: {', '.join(pick_rows(None))}"
    )


def test_compare_rows_in_the_order_asked_with_their_labels(catalog: Catalog) -> None:
    from certadvise.advice.comparison import compare

    judged = Judgement(catalog, person(catalog, degree="bachelor"), TODAY)
    entries = [catalog.entries["CSCS"], catalog.entries["NSCA-CPT"]]
    found = compare(entries, judged, with_profile=True, rows=["eligible", "cost.exam", "status"])
    assert [(r.key, r.label) for r in found.rows] == [
        ("eligible", "Eligible for you?"),
        ("cost.exam", "Exam cost"),
        ("status", "Status"),
    ]
    assert found.rows[1].values == (
        "$340 for NSCA members, $475 for non-members",
        "$300 for NSCA members, $435 for non-members",
    )
    assert found.rows[0].values[0] == found.rows[0].values[1] != "yes"
    assert found.entries == tuple(entries) and found.differences == ["cost.exam"]
    assert [r.key for r in compare(entries, judged, rows=["eligible", "name"]).rows] == ["name"]
    same = compare(entries, judged, rows=["status"], only_differences=True)
    assert same.rows == () and same.differences == []


def test_every_price_of_a_pound_entry_is_in_pounds_with_its_year(catalog: Catalog) -> None:
    cost = {
        "currency": "GBP",
        "exam_non_member": 300,
        "tiers": [{"name": "Plus", "amount": 400}],
        "application_fee": 25,
        "unverified_fees": ["exam board fee"],
        "retake": 90,
        "study_materials": {"amount": 60},
    }
    recertification = {
        "source": "s",
        "period_years": 2,
        "ceus": 2,
        "ce_unit": "CEU",
        "fee_member": 50,
        "fee_non_member": 80,
        "grace_months": 3,
        "late_fee": 20,
        "reinstatement": {"source": "s", "window_months": 12, "fee_member": 100},
    }
    more = {"exam": {"source": "s", "delivery": ["online", "test-centre"]}, "sources": OLD}
    entry = made(cost, recertification, organization="NSCA", **more)
    found = shown(catalog, entry)
    assert found["cost.exam"] == (
        "£300 (exam only) (2014); £400 Plus (2014); plus a £25 application fee; plus an exam "
        "board fee (not verified)"
    )
    assert found["cost.study_materials"] == "£60 (2014)"
    assert found["cost.retake"] == "£90"
    assert found["recertification"] == (
        "every 2 years, 2 CEUs (20 hours), fee £50 member / £80 non-member, late renewal up to "
        "3 months after, late fee £20, reinstatement within 12 months, fee £100 (2014)"
    )
    assert found["cost.cheapest"].startswith("at least £325 (2014; non-member price; ≈ $437 at ")
    assert found["cost.cheapest"].endswith("; application fee £25; exam board fee not verified")
    assert found["exam.delivery"] == "online; test-centre"
    assert found["sources"] == (
        "u (as of 2014, medium confidence); v (as of 2026, medium confidence)"
    )
    member_only = made({"currency": "GBP", "exam_member": 300}, None)
    assert said.exam_cost(member_only).startswith("£300 for ORG members")


def test_eligibility_joins_every_refusal_and_warning_but_not_rule_changes(
    catalog: Catalog,
) -> None:
    from certadvise.advice.comparison import eligibility_text

    def eligible(entry: Certification, **raw: Any) -> str:
        return eligibility_text(entry, Judgement(catalog, person(catalog, **raw), TODAY))

    assert eligible(catalog.entries["NSCA-CPT"], have=["CSCS"], budget=100) == (
        "no: you hold CSCS, which asks for more (a bachelor's degree): an entry-level CPT "
        "would add little; $335 over budget ($435, non-member price)"
    )
    unverified = made(None, None, prerequisites={"source": "s", "verified": False})
    assert eligible(unverified, budget=100) == (
        "yes (prerequisites not verified: check with ORG; price not verified)"
    )
    changing = made(
        {"exam_non_member": 100},
        None,
        prerequisites={"source": "s", "cpr_aed": "required"},
        study_hours={"source": "s", "low": 200, "high": 200},
        rule_changes=[{"source": "s", "effective": "2026-12-15", "text": "a new rule"}],
    )
    assert eligible(changing) == (
        "yes (to do: a CPR/AED card with a hands-on skills check (before the exam))"
    )


def test_pick_rows_suggests_up_to_three_close_rows() -> None:
    from certadvise.advice.comparison import pick_rows
    from certadvise.errors import InputError

    with pytest.raises(InputError) as caught:
        pick_rows("cost.cheap")
    assert str(caught.value) == (
        "--rows: unknown row 'cost.cheap'; did you mean cost.cheapest, cost.exam, cost.retake?"
    )
