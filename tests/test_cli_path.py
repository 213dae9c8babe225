"""`certadvise path TARGET`: steps, money and time from where a person stands."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from .conftest import Runner, write
from .test_catalog_validation import VALID


def plan(cli: Runner, *args: str) -> dict[str, Any]:
    result = cli("path", *args, "-f", "json")
    assert result.code == 0, result.err
    return result.json()  # type: ignore[no-any-return]


def kinds(doc: dict[str, Any]) -> list[str]:
    return [s["kind"] for s in doc["steps"]]


def test_no_degree_to_cscs_needs_a_degree_first(cli: Runner) -> None:
    doc = plan(cli, "CSCS", "--degree", "high-school")
    assert kinds(doc) == ["degree", "cpr-aed", "exam"]
    degree = doc["steps"][0]
    assert degree["text"] == "earn a bachelor's degree" and degree["cost_usd"] is None
    assert degree["years"] == 4 and "money alone cannot buy it" in degree["note"]
    assert doc["steps"][-1]["cost_usd"] == 475
    assert doc["total_cost"] == "at least $475" and doc["total_cost_complete"] is False


def test_nasm_cpt_holder_to_pes_is_one_step(cli: Runner) -> None:
    doc = plan(cli, "NASM-PES", "--have", "NASM-CPT")
    assert kinds(doc) == ["exam"] and doc["total_cost_usd"] == 699
    assert "you already qualify: register for the NASM-PES exam" in doc["warnings"]


def test_a_staged_qualification_with_no_prerequisite_says_start_now_not_qualified(
    cli: Runner,
) -> None:
    # The RYT-200 asks nothing before its 200-hour training (RYT-200.yaml), but the
    # training is still ahead: nobody "already qualifies" by being able to enrol.
    doc = plan(cli, "RYT-200")
    assert kinds(doc)[0] == "course"
    assert (
        "you can start now: complete a 200-hour yoga teacher training at a Yoga Alliance "
        "Registered Yoga School (RYS 200), all hours at the same school"
    ) in doc["warnings"]
    assert not any(w.startswith("you already qualify") for w in doc["warnings"])


def test_a_known_fee_is_counted_when_the_rest_of_the_price_is_not_known(cli: Runner) -> None:
    # Yoga Alliance's $50 application fee and $65 first-year dues (ytj-2021, a teacher's
    # blog) are known, each school's tuition is not: the registration costs at least $115,
    # the fee on the stage that pays it, not "included" in a price nobody knows.
    doc = plan(cli, "RYT-200")
    steps = {s["kind"]: s for s in doc["steps"]}
    assert (steps["course"]["cost_usd"], steps["application"]["cost_usd"]) == (None, 50)
    assert not steps["application"]["included"]
    assert "the application fee (2021)" in steps["application"]["note"]
    assert doc["total_cost"] == "at least $115" and not doc["total_cost_complete"]


def test_high_school_graduate_needs_an_ncca_cpt_before_ncsf_csc(cli: Runner) -> None:
    doc = plan(cli, "NCSF-CSC", "--degree", "high-school")
    first = doc["steps"][0]
    assert first["kind"] == "credential" and first["id"] in {
        "NCSF-CPT",
        "ACSM-CPT",
        "ACE-CPT",
        "NASM-CPT",
    }
    assert "would also do" in first["why"] and "NCCA-accredited" in first["why"]
    assert kinds(doc)[-1] == "exam"
    assert [a["route"] for a in doc["alternatives"]] == [
        "an associate's degree or higher in an exercise-related field"
    ]


def test_cpss_routes_are_compared_and_the_quickest_is_chosen(cli: Runner) -> None:
    doc = plan(
        cli,
        "CPSS",
        "--degree",
        "master",
        "--field",
        "sport-science",
        "--hours",
        "applied=100",
        "--have",
        "CPR",
    )
    assert doc["route"].startswith("a master's degree")
    assert doc["steps"][0]["text"] == "380 more hours of applied sport-science experience"
    assert len(doc["alternatives"]) == 2
    assert all(a["years"] >= doc["years"] for a in doc["alternatives"])


def test_total_cost_is_checked_by_hand(cli: Runner) -> None:
    doc = plan(cli, "CSPS", "--have", "CPR")
    # NSCA-CPT ($435), the CPT that also serves CSPS's special populations (and is NCCA-accredited
    # since the 2026-11-26 corrections), then the CSPS exam ($475)
    assert [s["cost_usd"] for s in doc["steps"]] == [435, 475]
    assert doc["total_cost_usd"] == 910 and doc["total_cost"] == "$910"


def test_already_held_says_so(cli: Runner) -> None:
    doc = plan(cli, "CSCS", "--have", "CSCS")
    assert doc["steps"] == []
    assert doc["warnings"] == [
        "you already hold CSCS: it renews every 3 years; `certadvise renewals` shows its "
        "deadline, CE and fees"
    ]


def test_a_retired_target_names_its_successor(cli: Runner) -> None:
    doc = plan(
        cli, "RCEP", "--degree", "master", "--field", "exercise-science", "--hours", "clinical=600"
    )
    assert doc["target"] == "ACSM-CEP"
    assert (
        doc["warnings"][0]
        == "ACSM-RCEP was retired in 2018; planning for its successor ACSM-CEP instead"
    )


def test_by_date_warns_when_a_rule_change_or_the_date_is_crossed(cli: Runner) -> None:
    doc = plan(cli, "ACSM-EP", "--degree", "high-school", "--by", "2028-01-01")
    assert any("after your date 2028-01-01" in w for w in doc["warnings"])
    assert any(w.startswith("ACSM-EP: from 2027-08-15") for w in doc["warnings"])


def test_ownership_over_years(cli: Runner) -> None:
    doc = plan(cli, "CSCS", "--degree", "bachelor", "--have", "CPR", "--years", "6")
    assert doc["ownership"]["years"] == 6
    recertification = {
        "label": "recertification fee x2",
        "usd": 180,
        "amount": 180,
        "kind": "recertification",
    }
    assert recertification in doc["ownership"]["parts"]


def test_table_is_a_numbered_plan_and_csv_a_row_per_step(cli: Runner) -> None:
    table = cli("path", "CSCS", "--degree", "high-school")
    assert table.lines[1].split()[:2] == ["#", "Kind"]
    assert table.lines[2].split()[:2] == ["1", "degree"]
    assert "total: at least $475" in table.out
    rows = list(csv.DictReader(io.StringIO(cli("path", "CSCS", "-f", "csv").out)))
    assert [r["kind"] for r in rows if r["step"]] == ["degree", "cpr-aed", "exam"]


def test_a_looping_custom_catalog_is_a_catalog_error(cli: Runner, tmp_path: Path) -> None:
    needs = (
        "prerequisites:\n  source: s\n  routes:\n    - {{text: needs {0}, credentials: [{0}]}}\n"
    )
    write(
        tmp_path / "o" / "x" / "LOOP-A.yaml",
        VALID.replace("TEST-CERT", "LOOP-A") + needs.format("LOOP-B"),
    )
    write(
        tmp_path / "o" / "x" / "LOOP-B.yaml",
        VALID.replace("TEST-CERT", "LOOP-B") + needs.format("LOOP-A"),
    )
    result = cli("path", "LOOP-A", "--catalog", str(tmp_path / "o"))
    assert result.code == 3 and "requirement loop" in result.err


def test_exam_steps_take_the_typical_study_time_at_the_chosen_pace(cli: Runner) -> None:
    # CSCS: 100 to 300 study hours (open-exam-prep, 2026-01); the middle, 200 h, at 6 h a
    # week is about 33 weeks; at 15 h a week about 13 weeks.
    slow = plan(cli, "CSCS", "--degree", "bachelor", "--have", "CPR")["steps"][-1]
    assert slow["duration"] == "about 8 months"
    assert "study 100 to 300 h at 6 h a week" in slow["note"]
    fast = plan(cli, "CSCS", "--degree", "bachelor", "--have", "CPR", "--pace", "15")
    assert fast["steps"][-1]["duration"] == "about 3 months"
    unknown = plan(cli, "TSAC-F", "--have", "CPR")["steps"][-1]
    assert unknown["duration"] is None and "study time not verified" in unknown["note"]


def test_a_degree_in_progress_is_finished_then_built_on(cli: Runner) -> None:
    # In the final year of an associate's degree: a year to finish it, two more for a
    # bachelor's (four years after high school in all, two of them already done).
    doc = plan(cli, "CSCS", "--final-year", "associate", "--have", "CPR")
    assert doc["steps"][0]["kind"] == "degree" and doc["steps"][0]["duration"] == "about 3 years"


def test_a_stage_inside_the_package_price_reads_included_never_a_zero(cli: Runner) -> None:
    """UK-L3-PT's assessments are part of the £1,500 diploma: 'included', not '≈ £0'."""
    args = ("path", "UK-L3-PT", "--country", "GB", "--have", "UK-L2-GYM")
    table = cli(*args).out
    assessments = next(line for line in table.splitlines() if line.startswith("2  exam"))
    assert "included" in assessments and "£0" not in table and "$0" not in table
    markdown = cli(*args, "-f", "markdown").out
    row = next(line for line in markdown.splitlines() if line.startswith("| 2 | exam |"))
    assert "| included |" in row and "£0" not in markdown
    course, exam = plan(cli, *args[1:])["steps"]
    assert course["price"] == {"amount": 1500, "currency": "GBP"} and not course["included"]
    assert (exam["cost_usd"], exam["cost_verified"], exam["included"]) == (None, True, True)
    page = cli(*args, "-f", "html").out
    cells = page.partition('<table class="stack steps">')[2].partition("</table>")[0]
    assert '<td data-label="Cost" class="num">included</td>' in cells and "$0" not in cells


def test_a_us_package_stage_reads_included_too(cli: Runner) -> None:
    """NASM-CPT's exam comes with its course ($899): 'included', never '$0'."""
    doc = plan(cli, "NASM-CPT", "--have", "CPR")
    assert [(s["kind"], s["cost_usd"], s["included"]) for s in doc["steps"]] == [
        ("course", 899, False),
        ("exam", None, True),
    ]
    exam = next(
        line for line in cli("path", "NASM-CPT", "--have", "CPR").lines if "2  exam" in line
    )
    assert "included" in exam and "$0" not in exam


def test_a_british_reader_reads_pounds_in_every_format(cli: Runner) -> None:
    """The £1,500 diploma is £1,500 on the page and in JSON as in the table, never the
    $2,017.95 it converts to; its total too, exact: every price in it is stated in pounds."""
    args = ("path", "UK-L3-PT", "--country", "GB", "--have", "UK-L2-GYM")
    table = cli(*args).out
    assert "total: £1,500;" in table
    doc = plan(cli, *args[1:])
    assert doc["total_cost"] == "£1,500" and doc["total_cost_usd"] > 2000  # dollars beside
    page = cli(*args, "-f", "html").out
    assert "<dt>Total cost</dt><dd>£1,500</dd>" in page
    cells = page.partition('<table class="stack steps">')[2].partition("</table>")[0]
    assert '<td data-label="Cost" class="num">£1,500</td>' in cells
    assert "$2,017" not in cells and "$2,017" not in page.partition("<dl")[2].partition("</dl>")[0]
    later = cli("recommend", "--country", "GB", "-g", "personal-training", "-f", "json").json()
    assert all("$" not in item["total_cost"]["text"] for item in later["later"])


def test_an_alternative_of_one_step_says_one_step(cli: Runner) -> None:
    """A lapsed ACSM-EP is reinstated; the exam again is one step, not '1 steps'."""
    args = ("path", "ACSM-EP", "--have", "ACSM-EP@2024-06", "--degree", "bachelor")
    shown = cli(*args, "--field", "kinesiology", "--have", "CPR-AED").out
    alternative = next(line for line in shown.splitlines() if line.startswith("alternative:"))
    assert alternative.endswith(", 1 step"), alternative


def test_a_path_to_a_credential_lapsed_past_its_windows_says_so(cli: Runner) -> None:
    """NASM-CPT lapsed in 2025-09, past its one-year reinstatement: the exam again, and
    path says why, as recommend and renewals do (never 'you already qualify')."""
    done = cli("path", "NASM-CPT", "--have", "NASM-CPT@2025-09")
    assert done.code == 0
    said = done.out + done.err
    assert "your NASM-CPT lapsed on 2025-09-30: past its windows, so the exam again" in said
    assert "you already qualify" not in said


def test_a_date_before_graduation_is_said_as_waiting_for_it(cli: Runner) -> None:
    """A junior graduating 2028-05 can sit the CSCS as a senior (about 8 months from now)
    but holds it only on graduating: the warning says so, in the total's own words."""
    done = cli(
        "path", "CSCS", "--studying", "bachelor", "--graduating", "2028-05", "--by", "2027-09"
    )
    said = done.out + done.err
    assert "about 8 months" in next(line for line in said.splitlines() if line.startswith("total:"))
    assert (
        "the plan takes about 8 months, but it is complete only when you graduate, around "
        "2028-05-31, after your date 2027-09-30"
    ) in said
    far = cli("path", "CSCS", "--have", "NASM-CPT", "--by", "2027-06")
    assert "the plan takes about 4.5 years, so it ends around" in far.out + far.err


def test_the_way_to_an_advised_cpt_is_the_one_the_person_let_lapse(cli: Runner) -> None:
    # NASM advises a CPT before the PES (seed); for a trainer whose ACE-CPT lapsed past its
    # windows, that is the ACE-CPT exam again, not NASM's own $899 CPT.
    def credential(doc: dict[str, Any]) -> str:
        return next(s["id"] for s in doc["steps"] if s["kind"] == "credential")

    assert credential(plan(cli, "NASM-PES", "--have", "ACE-CPT@2026-03")) == "ACE-CPT"
    assert credential(plan(cli, "NASM-PES")) == "NASM-CPT"  # never held one: NASM's own


def test_the_total_says_when_study_time_is_not_known(cli: Runner) -> None:
    # TSAC-F's study time is not in the catalog: the total must not read "a day" (the CPR
    # course) as if that were all it takes; JSON keeps its words for the same.
    out = cli("path", "TSAC-F", "--no-profile", "--degree", "high-school", "-H", "NASM-CPT")
    total = next(line for line in out.lines if line.startswith("total: "))
    assert total.endswith("; study time not verified"), total
    assert plan(cli, "TSAC-F", "--degree", "high-school", "-H", "NASM-CPT")["time"] == (
        "study time not verified"
    )
