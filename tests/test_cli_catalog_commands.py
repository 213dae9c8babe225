"""`list`, `show`, `goals`, `catalog schema`, `--version` and name errors, as a user sees them."""

from __future__ import annotations

import csv
import io
import json

import pytest

from certadvise import __version__

from .conftest import REPO, Runner

BUILTIN_ENTRIES = len(list((REPO / "catalog").glob("*/*.yaml")))


def test_version(cli: Runner) -> None:
    result = cli("--version")
    assert (result.code, result.out) == (0, f"certadvise {__version__}\n")


def test_list_prints_every_entry_one_row_a_line_when_piped(cli: Runner) -> None:
    result = cli("list")
    assert result.code == 0
    header, *rows = result.lines
    assert header.split()[:4] == ["ID", "Name", "Org", "Category"]
    assert [row.split()[0] for row in rows][:3] == ["AACVPR-CCRP", "ACE-CPT", "ACE-GFI"]
    assert len(rows) == BUILTIN_ENTRIES
    assert "\x1b[" not in result.out and "│" not in result.out and "╭" not in result.out


def test_list_json_is_parseable_and_unknown_prices_are_null_not_zero(cli: Runner) -> None:
    rows = {r["id"]: r for r in cli("list", "-f", "json").json()["certifications"]}
    assert rows["CSCS"]["minimum_usd"] == 475 and rows["CSCS"]["cost_verified"] is True
    assert rows["ISSA-SCC"]["minimum_usd"] is None and rows["ISSA-SCC"]["cost_verified"] is False


def test_list_table_says_not_verified_for_unknown_prices(cli: Runner) -> None:
    row = next(line for line in cli("list").lines if line.startswith("ISSA-SCC"))
    assert "not verified" in row


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--org", "nsca"], ["CPSS", "CSCS", "CSPS", "NSCA-CPT", "NSCA-RSCC", "TSAC-F"]),
        (["--category", "tactical"], ["TSAC-F"]),
        (
            ["--goal", "college athletes"],
            ["CPSS", "CSCCA-SCCC", "CSCS", "NCSF-CSC", "NSCA-RSCC", "UKSCA-ASCC"],
        ),
        (["--goal", "group-fitness", "--max-cost", "260"], ["ACE-GFI"]),
        (["--org", "NSCA", "--max-cost", "440"], ["NSCA-CPT", "NSCA-RSCC", "TSAC-F"]),
    ],
)
def test_list_filters(cli: Runner, args: list[str], expected: list[str]) -> None:
    result = cli("list", *args, "-f", "ids")
    assert result.code == 0
    assert result.lines == expected


def test_max_cost_names_what_it_could_not_judge_on_stderr(cli: Runner) -> None:
    result = cli("list", "--goal", "group-fitness", "--max-cost", "260", "-f", "ids")
    assert "left out, price not verified: AFAA-GFI" in result.err


def test_list_csv_and_tsv_have_a_header_and_a_row_per_entry(cli: Runner) -> None:
    rows = list(csv.DictReader(io.StringIO(cli("list", "-f", "csv").out)))
    assert len(rows) == BUILTIN_ENTRIES
    cscs = next(r for r in rows if r["id"] == "CSCS")
    assert (
        cscs["minimum_usd"] == "475" and cscs["goals"] == "collegiate-athletes; athletes; tactical"
    )
    assert next(r for r in rows if r["id"] == "ISSA-SCC")["minimum_usd"] == ""
    tsv = cli("list", "-f", "tsv").lines
    assert tsv[0].split("\t")[:2] == ["id", "name"] and len(tsv) == BUILTIN_ENTRIES + 1


def test_list_jsonl_prints_one_object_a_line(cli: Runner) -> None:
    objects = [json.loads(line) for line in cli("list", "-f", "jsonl").lines]
    assert len(objects) == BUILTIN_ENTRIES and objects[0]["id"] == "AACVPR-CCRP"


def test_list_markdown_is_a_table(cli: Runner) -> None:
    lines = cli("list", "-f", "markdown").lines
    assert lines[0].startswith("| ID | Name |") and lines[1].startswith("|---|")
    assert any(
        line.startswith("| CSCS | Certified Strength and Conditioning Specialist |")
        for line in lines
    )


def test_show_prints_every_fact_with_its_source_and_date(cli: Runner) -> None:
    result = cli("show", "cscs", "-f", "csv")
    rows = {r["key"]: r for r in csv.DictReader(io.StringIO(result.out))}
    assert rows["cost.exam"]["value"] == "$340 for NSCA members, $475 for non-members"
    assert rows["cost.exam"]["source"] == "seed:001_112890b1bf8284e7.txt"
    assert rows["cost.exam"]["as_of"] == "2025"
    assert rows["cost.study_materials"]["value"] == "$268+ (Essential collection)"
    assert rows["exam.length"]["value"] == "4 hours, 220 multiple-choice questions"
    assert rows["exam.passing_score"]["value"].startswith("70 (scaled score per section)")
    assert rows["pass_rate"]["value"].startswith("39% (2025)")
    assert rows["prerequisites.required"]["value"].startswith("a bachelor's degree")
    assert "CPR/AED" in rows["prerequisites.required"]["value"]
    assert rows["accreditation"]["value"].startswith("NCCA (since 1993")
    assert rows["accreditation"]["source"] == "https://dxpprod.nsca.com/cscs"
    csps = {r["key"]: r for r in csv.DictReader(io.StringIO(cli("show", "CSPS", "-f", "csv").out))}
    assert (
        csps["accreditation"]["value"] == "not verified" and csps["accreditation"]["source"] == ""
    )


def test_show_table_lists_the_sources_with_their_dates(cli: Runner) -> None:
    result = cli("show", "PES")
    assert result.code == 0
    assert result.lines[0] == "NASM-PES: NASM Performance Enhancement Specialist"
    assert any(
        line.split()[:2] == ["Exam", "cost"] and "$699 Self-Study" in line for line in result.lines
    )
    assert any(
        line.startswith("nsca-nasm-2025 ") and line.endswith(" a 2025 comparison of NSCA and NASM")
        for line in result.lines
    )


def test_show_json_is_the_full_entry(cli: Runner) -> None:
    entry = cli("show", "NSCA-CPT", "-f", "json").json()
    assert entry["id"] == "NSCA-CPT"
    assert entry["cost"]["exam_member"] == 300 and entry["cost"]["exam_non_member"] == 435
    assert entry["prerequisites"]["min_age"] == 18


def test_show_unknown_facts_read_not_verified(cli: Runner) -> None:
    rows = {
        r["key"]: r["value"]
        for r in csv.DictReader(io.StringIO(cli("show", "ISSA-SCC", "-f", "csv").out))
    }
    assert rows["cost.exam"] == "not verified"
    assert rows["prerequisites.required"] == "not verified"
    assert rows["cost.cheapest"] == "not verified"


def test_show_a_retired_certification_names_its_successor(cli: Runner) -> None:
    rows = {
        r["key"]: r["value"]
        for r in csv.DictReader(io.StringIO(cli("show", "RCEP", "-f", "csv").out))
    }
    assert rows["status"] == "retired in 2018; replaced by ACSM-CEP"


def test_goals_lists_the_vocabulary(cli: Runner) -> None:
    goals = cli("goals", "-f", "json").json()["goals"]
    by_id = {g["id"]: g for g in goals}
    assert len(goals) == 20
    assert "CSCS" in by_id["collegiate-athletes"]["certifications"]
    assert cli("goals", "-f", "ids").lines[0] == "personal-training"


def test_catalog_schema_is_a_json_schema_of_an_entry(cli: Runner) -> None:
    schema = cli("catalog", "schema").json()
    assert schema["title"] == "certadvise catalog entry"
    assert {"id", "name", "organization", "category", "sources"} <= set(schema["required"])
    assert schema["additionalProperties"] is False


def test_catalog_validate_reports_the_builtin_catalog_ok(cli: Runner) -> None:
    result = cli("catalog", "validate")
    assert result.code == 0
    assert result.out.startswith(f"catalog OK: {BUILTIN_ENTRIES} certifications")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["show", "CPT"],
            "certification 'CPT' is ambiguous: it could be "
            "ACSM-CPT, ISSA-CPT, NASM-CPT, NCSF-CPT or NSCA-CPT",
        ),
        (["show", "CES"], "certification 'CES' is ambiguous: it could be ACSM-CEP or NASM-CES"),
        (["show", "CSCSS"], "unknown certification 'CSCSS'; did you mean CSCS"),
        (["show", "nasm-pse"], "did you mean NASM-PES"),
        (["list", "--org", "NCSA"], "unknown organization 'NCSA'; did you mean NSCA"),
        (
            ["list", "--goal", "juggling"],
            "unknown goal 'juggling'; choose from: athletes, clinical",
        ),
        (["list", "--category", "dance"], "unknown category 'dance'"),
        (["list", "--max-cost", "-3"], "--max-cost: expected an amount of US dollars"),
        (["list", "--format", "yaml"], "--format: expected one of table"),
        (["list", "--nope"], "No such option: --nope"),
    ],
)
def test_bad_input_is_one_line_on_stderr_with_exit_2(
    cli: Runner, args: list[str], message: str
) -> None:
    result = cli(*args)
    assert result.code == 2
    assert result.out == ""
    assert len(result.err.splitlines()) == 1, result.err
    assert result.err.startswith("certadvise: error: ")
    assert message in result.err


def test_catalog_text_is_data_not_markup(cli: Runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from .conftest import write
    from .test_catalog_validation import VALID

    hostile = VALID.replace(
        "name: Test Certification", 'name: "[bold red]X[/] \\e]8;;http://x\\a\\e[31mred"'
    )
    write(tmp_path / "o" / "t" / "TEST-CERT.yaml", hostile)
    result = cli("show", "TEST-CERT", "--catalog", str(tmp_path / "o"))
    assert result.code == 0, result.err
    assert "[bold red]X[/]" in result.out
    assert "\x1b" not in result.out and "\x07" not in result.out


def test_fields_lists_the_vocabulary_and_the_routes_that_accept_each(cli: Runner) -> None:
    doc = cli("fields", "-f", "json").json()
    by_id = {f["id"]: f for f in doc["fields"]}
    assert "sport and exercise science" in by_id["exercise-science"]["synonyms"]
    assert "human movement" in by_id["kinesiology"]["synonyms"]
    assert "ACSM-CEP" in by_id["clinical-exercise-physiology"]["accepted_by"]
    assert cli("fields", "-f", "ids").lines[0] == "exercise-science"


@pytest.mark.parametrize(
    ("typed", "field"),
    [
        ("sport and exercise science", "exercise-science"),
        ("BSc (Hons) Sport & Exercise Science", "exercise-science"),
        ("exercise and sports science", "exercise-science"),
        ("human movement", "kinesiology"),
        ("physical education", "physical-education"),
        ("nutrition and dietetics", "nutrition"),
        ("physical therapist assistant", "physical-therapist-assisting"),
        ("a master's in clinical exercise physiology", "clinical-exercise-physiology"),
    ],
)
def test_everyday_field_names_are_understood(cli: Runner, typed: str, field: str) -> None:
    doc = cli("recommend", "--degree", "bachelor", "--field", typed, "-f", "json").json()
    assert doc["profile"]["field"] == field
    assert not any(a.startswith("degree field") for a in doc["assumptions"])
