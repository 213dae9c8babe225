"""`certadvise compare`: the seed's CSCS vs NASM-PES table, and more."""

from __future__ import annotations

import csv
import io

import pytest

from .conftest import Runner


def rows_of(cli: Runner, *args: str) -> dict[str, dict[str, str]]:
    result = cli("compare", *args, "-f", "csv")
    assert result.code == 0, result.err
    return {row["key"]: row for row in csv.DictReader(io.StringIO(result.out))}


def test_cscs_vs_pes_reproduces_every_row_of_the_seed_table(cli: Runner) -> None:
    rows = rows_of(cli, "CSCS", "NASM-PES")
    seed = {
        "cost.exam": (
            "$340 for NSCA members, $475 for non-members",
            "$699 Self-Study, $849 Premium Self-Study, $999 All-Inclusive",
        ),
        "cost.study_materials": ("$268+ (Essential collection)", "included in exam cost"),
        "exam.length": (
            "4 hours, 220 multiple-choice questions",
            "90 minutes, 100 multiple-choice questions",
        ),
        "pass_rate": ("39% (2025)", "not reported (2025)"),
    }
    for key, (cscs, pes) in seed.items():
        assert rows[key]["CSCS"].startswith(cscs), key
        assert rows[key]["NASM-PES"] == pes, key
    assert rows["prerequisites.required"]["CSCS"].startswith("a bachelor's degree")
    assert "CPR/AED" in rows["prerequisites.required"]["CSCS"]
    assert rows["prerequisites.required"]["NASM-PES"].startswith("no mandatory prerequisites")
    assert "NASM-CPT" in rows["prerequisites.recommended"]["NASM-PES"]
    assert "four-year college degree" in rows["prerequisites.recommended"]["NASM-PES"]
    assert (
        rows["exam.passing_score"]["CSCS"].startswith("70 (scaled score per section)")
        and rows["exam.passing_score"]["NASM-PES"] == "70%"
    )
    assert "Sport psychology" in rows["exam.topics"]["CSCS"]
    assert "Athlete assessments" in rows["exam.topics"]["NASM-PES"]
    assert "collegiate athletics" in rows["summary"]["CSCS"]
    assert "private practice" in rows["summary"]["NASM-PES"]


def test_compare_adds_what_the_seed_table_lacks(cli: Runner) -> None:
    rows = rows_of(cli, "CSCS", "NASM-PES", "--years", "3")
    for key in (
        "organization",
        "category",
        "status",
        "accreditation",
        "exam.delivery",
        "cost.retake",
        "recertification",
        "cost.cheapest",
        "cost.total",
        "rule_changes",
        "sources",
    ):
        assert key in rows, key
    assert rows["cost.total"]["CSCS"].startswith("at least $833 over 3 years")
    assert rows["accreditation"]["CSCS"].startswith("NCCA")
    assert "(as of 2025" in rows["sources"]["CSCS"]


def test_differences_are_marked_and_only_differences_hides_the_rest(cli: Runner) -> None:
    rows = rows_of(cli, "CSCS", "NASM-PES")
    assert rows["status"]["differs"] == "false" and rows["cost.exam"]["differs"] == "true"
    only = rows_of(cli, "CSCS", "NASM-PES", "--only-differences")
    assert "status" not in only and "cost.exam" in only
    table = cli("compare", "CSCS", "NASM-PES").out
    assert "* Exam cost" in table and "  Status" in table


def test_json_has_full_entries_in_order_and_the_differences(cli: Runner) -> None:
    doc = cli("compare", "pes", "cscs", "-f", "json").json()
    assert [c["id"] for c in doc["certifications"]] == ["NASM-PES", "CSCS"]
    assert doc["certifications"][1]["cost"]["exam_member"] == 340
    assert "cost.exam" in doc["differences"] and "status" not in doc["differences"]


def test_rows_picks_rows_in_order(cli: Runner) -> None:
    rows = list(
        csv.DictReader(
            io.StringIO(
                cli("compare", "CSCS", "TSAC-F", "--rows", "exam.length,cost.exam", "-f", "csv").out
            )
        )
    )
    assert [r["key"] for r in rows] == ["exam.length", "cost.exam"]


def test_profile_options_add_an_eligibility_row(cli: Runner) -> None:
    rows = rows_of(cli, "CSCS", "NASM-PES", "--have", "NASM-CPT", "--degree", "high-school")
    assert rows["eligible"]["CSCS"].startswith("later: requires a bachelor's degree")
    assert rows["eligible"]["NASM-PES"] == "yes"
    assert "eligible" not in rows_of(cli, "CSCS", "NASM-PES")


def test_three_and_six_way_comparisons(cli: Runner) -> None:
    three = cli("compare", "NSCA-CPT", "NASM-CPT", "ACE-CPT", "-f", "json").json()
    assert [c["id"] for c in three["certifications"]] == ["NSCA-CPT", "NASM-CPT", "ACE-CPT"]
    six = ["CSCS", "NASM-PES", "TSAC-F", "NSCA-CPT", "NASM-CPT", "ACE-CPT"]
    header = cli("compare", *six, "-f", "csv").lines[0].split(",")
    assert header == ["key", "fact", *six, "differs"]


def test_markdown_is_pasteable(cli: Runner) -> None:
    lines = cli("compare", "CSCS", "NASM-PES", "--rows", "cost.exam", "-f", "markdown").lines
    assert lines[2] == "|  | Fact | CSCS | NASM-PES |"
    assert lines[4].startswith("| * | Exam cost | $340 for NSCA members")


def test_piped_table_wraps_at_80_columns_without_decoration(cli: Runner) -> None:
    out = cli("compare", "CSCS", "NASM-PES").out
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "│" not in out and "\x1b[" not in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["HFS", "CES"], "certification 'CES' is ambiguous: it could be ACSM-CEP or NASM-CES"),
        (["CSCS", "NSCA-CSCS"], "CSCS is named twice ('CSCS' and 'NSCA-CSCS')"),
        (["CSCS"], "compare takes 2 to 6 certifications, got 1"),
        (["A1", "A2", "A3", "A4", "A5", "A6", "A7"], "unknown certification 'A1'"),
        (["CSCS", "CSCSS"], "did you mean CSCS"),
        (["CSCS", "PES", "--rows", "cost"], "--rows: unknown row 'cost'; did you mean cost.exam"),
    ],
)
def test_bad_comparisons_exit_2_with_one_line(cli: Runner, args: list[str], message: str) -> None:
    result = cli("compare", *args)
    assert result.code == 2
    assert result.out == "" and len(result.err.splitlines()) == 1
    assert message in result.err


def test_seven_certifications_are_too_many(cli: Runner) -> None:
    ids = ["CSCS", "NASM-PES", "TSAC-F", "NSCA-CPT", "NASM-CPT", "ACE-CPT", "CPSS"]
    result = cli("compare", *ids)
    assert result.code == 2 and "compare takes 2 to 6 certifications, got 7" in result.err
