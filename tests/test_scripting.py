"""What scripts rely on: data on stdout in every format, ids, status, help, error wording."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from .conftest import Runner


def test_bare_certadvise_prints_help_and_succeeds(cli: Runner) -> None:
    result = cli()
    assert result.code == 0
    assert result.out.startswith("Usage: certadvise")
    assert "recommend" in result.out
    assert result.err == ""


@pytest.mark.parametrize("group", ["catalog", "profile"])
def test_bare_command_group_prints_its_help(cli: Runner, group: str) -> None:
    result = cli(group)
    assert result.code == 0
    assert result.out.startswith(f"Usage: certadvise {group}")


def plan(cli: Runner) -> dict[str, Any]:
    document: dict[str, Any] = cli("path", "CSPS", "--have", "CPR-AED", "-f", "json").json()
    return document


def test_path_plan_is_data_on_stdout_in_a_table(cli: Runner) -> None:
    document = plan(cli)
    result = cli("path", "CSPS", "--have", "CPR-AED")
    assert result.code == 0
    assert f"total: {document['total_cost']}" in result.out
    assert f"alternative: {document['alternatives'][0]['route']}" in result.out
    assert "holding CSPS for 3 years costs " in result.out
    assert "total:" not in result.err and "alternative:" not in result.err


def test_path_plan_totals_are_rows_in_csv(cli: Runner) -> None:
    document = plan(cli)
    result = cli("path", "CSPS", "--have", "CPR-AED", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(result.out)))
    kinds = [row["kind"] for row in rows]
    steps = [step["kind"] for step in document["steps"]]
    alternatives = ["alternative"] * len(document["alternatives"])
    assert kinds == [*steps, "total", *alternatives, "holding"]
    total = rows[len(steps)]
    assert total["cost_usd"] == str(document["total_cost_usd"])
    assert rows[-1]["cost_usd"] == str(document["ownership"]["known_usd"])


def test_path_plan_totals_are_in_markdown(cli: Runner) -> None:
    document = plan(cli)
    result = cli("path", "CSPS", "--have", "CPR-AED", "-f", "markdown")
    assert f"total: {document['total_cost']}" in result.out


def test_path_ids_are_certification_ids(cli: Runner) -> None:
    result = cli("path", "CSPS", "-f", "ids")
    assert result.code == 0
    lines = result.out.split()
    assert lines[-1] == "CSPS"
    assert "exam" not in lines and "credential" not in lines
    assert "CPR-AED" in lines


def test_path_ids_skip_steps_without_a_certification(cli: Runner) -> None:
    result = cli("path", "CSCS", "-f", "ids")
    assert result.out.split() == ["CPR-AED", "CSCS"]  # the degree step has no id


def test_show_excluded_adds_a_status_column_in_csv(cli: Runner) -> None:
    result = cli("recommend", "-g", "athletes", "--show-excluded", "--top", "2", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(result.out)))
    statuses = [row["status"] for row in rows]
    assert statuses[:2] == ["recommended", "recommended"]
    excluded = [row for row in rows if row["status"] == "excluded"]
    assert all(row["reasons"] for row in excluded)
    assert {"TSAC-F", "NSCA-CPT"} <= {row["id"] for row in excluded}
    assert "CSCS" in [row["id"] for row in rows if row["status"] == "later"]
    plain = cli("recommend", "-g", "athletes", "--top", "2", "-f", "csv")
    assert "status" not in plain.out.splitlines()[0]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["recommend", "--degree", "college"], "--degree: expected an education level"),
        (["recommend", "--top", "0"], "--top: expected a whole number, 1 or more, got '0'"),
        (["recommend", "-f", "xml"], "--format: expected one of table, json,"),
        (["path", "CSCS", "--by", "2020-13-01"], "--by: expected a date as YYYY-MM-DD"),
        (["list", "--max-cost", "-1"], "--max-cost: expected an amount of US dollars"),
        (["show", "CSCS", "--years", "99"], "--years: expected a whole number of years"),
        (
            ["list", "--color", "sometimes"],
            "--color: expected one of auto, always, never, got 'sometimes'",
        ),
        (
            ["recommend", "--budget", "400 XYZ"],
            "--budget: unknown currency 'XYZ': expected one of AUD, CAD, EUR, GBP, NZD, USD or a "
            "sign ($, US$, £, €, A$, AU$, C$, CA$, NZ$) beside the amount, got '400 XYZ'",
        ),
    ],
)
def test_usage_errors_are_in_certadvise_words(cli: Runner, args: list[str], message: str) -> None:
    result = cli(*args)
    assert result.code == 2
    assert result.err.startswith(f"certadvise: error: {message}")
    assert len(result.err.splitlines()) == 1
    assert "Value error" not in result.err and "Input should" not in result.err


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        (["compare", "cscs", "PES"], ["CSCS", "NASM-PES"]),
        (["show", "nsca cscs"], ["CSCS"]),
        (["recommend", "--why", "CSCS"], ["CSCS"]),
        (["list", "--org", "CSCCa"], ["CSCCA-SCCC"]),
    ],
)
def test_ids_are_certification_ids_everywhere(cli: Runner, args: list[str], ids: list[str]) -> None:
    result = cli(*args, "-f", "ids", "-q")
    assert result.code == 0, result.err
    assert result.out.split() == ids
