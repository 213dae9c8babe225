"""What people trying the tool ran into: refusals that contradicted each other, dates the
options would not take, tables that dropped a column without a word, and catalog wording
meant for the project rather than for them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .conftest import Runner, write

USD_ONLY = (
    "budget_usd: expected an amount of US dollars from 0 to 1,000,000 "
    "(another currency goes in the budget field: budget: £400)"
)


@pytest.mark.parametrize(("given", "quoted"), [("£500", "'£500'"), ("-5", "-5")])
def test_budget_usd_in_a_profile_file_is_refused_in_one_wording(
    cli: Runner, tmp_path: Path, given: str, quoted: str
) -> None:
    profile = write(tmp_path / "me.yaml", f"goals: [athletes]\nbudget_usd: {given}\n")
    result = cli("recommend", "--profile", str(profile))
    assert result.code == 2
    assert result.err == f"certadvise: error: {profile}:2: {USD_ONLY}, got {quoted}\n"


@pytest.mark.parametrize("given", ["£500", "-5"])
def test_budget_usd_in_a_batch_line_is_refused_in_one_wording(cli: Runner, given: str) -> None:
    lines = f"person,goals,budget_usd\nCy,tactical,{given}\n"
    result = cli("recommend", "--batch", "-", "-f", "jsonl", "-q", stdin=lines)
    assert result.code == 65
    assert f"<stdin>:2: {USD_ONLY}, got '{given}'" in result.err


def test_a_budget_in_another_currency_goes_in_the_budget_field(cli: Runner, tmp_path: Path) -> None:
    profile = write(tmp_path / "me.yaml", "goals: [athletes]\nbudget: £500\ncountry: GB\n")
    result = cli("recommend", "--profile", str(profile), "-f", "json", "-q")
    assert result.code == 0
    assert result.json()["profile"]["budget"] == {"amount": 500, "currency": "GBP"}


def test_two_budgets_in_one_profile_or_line_are_refused_not_one_chosen(
    cli: Runner, tmp_path: Path
) -> None:
    """`budget: £300` beside `budget_usd: 400` is a contradiction: said, not silently read
    as £300 (on the command line, --budget still replaces a file's budget)."""
    profile = write(tmp_path / "me.yaml", "goals: [athletes]\nbudget: 300\nbudget_usd: 400\n")
    result = cli("recommend", "--profile", str(profile))
    assert result.code == 2 and result.err.count("\n") == 1
    assert result.err.startswith(f"certadvise: error: {profile}:")
    assert "budget: give one budget" in result.err
    lines = "person,goals,budget,budget_usd\nA,athletes,£300,400\nB,athletes,,400\n"
    batch = cli("recommend", "--batch", "-", "-f", "jsonl", "-q", stdin=lines)
    assert batch.code == 65
    first, second = (json.loads(line) for line in batch.out.splitlines())
    assert first["error"]["field"] == "budget" and "second" not in first
    assert second["profile"]["budget_usd"] == 400
    single = write(tmp_path / "one.yaml", "goals: [athletes]\nbudget_usd: 400\n")
    over = cli("recommend", "--profile", str(single), "--budget", "£300", "-f", "json", "-q")
    assert over.code == 0 and over.json()["profile"]["budget"]["currency"] == "GBP"


def test_max_cost_says_it_takes_us_dollars_and_where_other_currencies_go(cli: Runner) -> None:
    result = cli("list", "--max-cost", "£300")
    assert result.code == 2
    assert result.err == (
        "certadvise: error: --max-cost: expected an amount of US dollars, 0 or more, as a bare "
        "number such as 300 (for a budget in another currency: certadvise recommend --budget "
        "£300), got '£300' (see 'certadvise list --help')\n"
    )


def test_by_takes_a_month_as_its_last_day(cli: Runner) -> None:
    month = cli("path", "CSCS", "--by", "2027-06", "-f", "json", "-q")
    day = cli("path", "CSCS", "--by", "2027-06-30", "-f", "json", "-q")
    assert (month.code, month.err) == (day.code, "")
    assert month.json() == day.json()


@pytest.mark.parametrize("given", ["2020-01-01", "2026-10"])
def test_by_refuses_a_date_already_past(cli: Runner, given: str) -> None:
    result = cli("path", "CSCS", "--by", given)
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"certadvise: error: --by: {given} is already past (today is 2026-11-26): "
        "give a date from today on\n"
    )


def test_a_bad_country_in_a_profile_file_names_the_file_and_field(
    cli: Runner, tmp_path: Path
) -> None:
    profile = write(tmp_path / "me.yaml", "goals: [athletes]\ncountry: XX\n")
    result = cli("recommend", "--profile", str(profile))
    assert result.code == 2
    assert result.err == (
        f"certadvise: error: {profile}:2: country: expected a two-letter country code such as "
        "US, GB, CA or AU, got 'XX'\n"
    )


def test_a_bad_country_option_still_names_the_option(cli: Runner) -> None:
    result = cli("recommend", "-g", "athletes", "--country", "XX")
    assert result.code == 2
    assert result.err.startswith("certadvise: error: --country: expected a two-letter")


def test_a_narrow_renewals_table_keeps_the_fees(
    cli: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    result = cli("renewals", "--have", "CSCS@2026-12", "--have", "CPR-AED", "-q")
    assert result.code == 0
    assert all(len(line) <= 60 for line in result.lines), result.out
    cscs = result.out.split("\n\n")[1]  # stacked: a block a credential, every field in it
    assert "  Fee        $65 member / $90" in cscs.splitlines()
    assert "  CE         6 CEUs (60 h)" in cscs.splitlines()


@pytest.mark.parametrize("width", ["70", "80"])
def test_a_table_says_which_columns_it_left_out(
    cli: Runner, monkeypatch: pytest.MonkeyPatch, width: str
) -> None:
    monkeypatch.setenv("COLUMNS", width)
    wide = cli("list", "--org", "NSCA", "-q")
    monkeypatch.setenv("COLUMNS", "200")
    assert "Category" in cli("list", "--org", "NSCA", "-q").lines[0]
    assert "Category" not in wide.lines[0]
    assert "not shown at this width: Category" in wide.out


def test_path_to_a_credential_held_says_so_on_stdout_with_what_keeping_it_asks(
    cli: Runner,
) -> None:
    result = cli("path", "CSCS", "--have", "CSCS@2027-12", "-q")
    assert result.code == 0
    assert result.lines == [
        "you already hold CSCS, good through 2027-12-31: it renews every 3 years; "
        "`certadvise renewals` shows its deadline, CE and fees",
        "to keep it: log 6 CEUs (60 h) and pay $90 by 2027-12-31",
        "holding CSCS for 3 years costs at least $90",
    ]
    loud = cli("path", "CSCS", "--have", "CSCS@2027-12")
    assert "you already hold" not in loud.err  # said once, on stdout
    doc = cli("path", "CSCS", "--have", "CSCS@2027-12", "-f", "json").json()
    assert doc["to_keep"] == "log 6 CEUs (60 h) and pay $90 by 2027-12-31"
    assert doc["warnings"][0].startswith("you already hold CSCS, good through 2027-12-31")


@pytest.mark.parametrize(
    ("goal", "local"),
    [("athletes", "UKSCA-ASCC or BASES"), ("collegiate-athletes", "UKSCA-ASCC or CSCS")],
)
def test_strength_coaching_in_the_uk_names_ukscas_accreditation_first(
    cli: Runner, goal: str, local: str
) -> None:
    args = ("recommend", "--goal", goal, "--country", "GB", "--degree", "bachelor", "--all")
    said = re.findall(
        r"not the usual standard in GB, where ([^\"]*?) is", cli(*args, "-f", "json").out
    )
    assert said and set(said) == {local}
    if goal == "athletes":  # and on stderr, where a person reads it
        warned = "warning: NASM-PES: a US credential: not the usual standard in GB, where"
        assert f"{warned} {local} is\n" in cli(*args).err


def test_no_output_shows_the_catalogs_internal_provenance_words(cli: Runner) -> None:
    ids = cli("list", "-f", "ids").lines
    shown = {i: cli("show", i, "--no-pager").out for i in ids}
    for goal in ("athletes", "collegiate-athletes", "personal-training", "clinical"):
        shown[goal] = cli("recommend", "-g", goal, "--degree", "bachelor", "--all").out
    said = {where: text for where, text in shown.items() if re.search(r"(?i)\bseed", text)}
    assert not said, sorted(said)


def test_a_source_with_no_web_address_is_named_in_words(cli: Runner) -> None:
    sources = cli("show", "CSCS", "--no-pager").out.partition("\nSources\n")[2].splitlines()
    assert any(
        line.startswith("nsca-nasm-2025") and line.endswith("a 2025 comparison of NSCA and NASM")
        for line in sources
    ), sources
    doc = cli("show", "CSCS", "-f", "json").json()
    kept = next(s for s in doc["sources"] if s["key"] == "nsca-nasm-2025")
    assert kept["url"] == "seed:001_112890b1bf8284e7.txt"  # the provenance stays in the data


def fact(cli: Runner, cert: str, title: str) -> str:
    for line in cli("show", cert, "--no-pager").lines:
        if line.startswith(title):
            return " ".join(line.removeprefix(title).split()[1:])
    raise AssertionError(f"no {title} line for {cert}")


def test_a_price_tier_label_reads_without_nested_parentheses(cli: Runner) -> None:
    assert fact(cli, "NASM-CPT", "Cheapest way in") == "$899 (unnamed starting package)"


def test_a_renewal_line_reads_as_one_sentence(cli: Runner) -> None:
    assert fact(cli, "CSSD", "Recertification") == (
        "every 5 years, no CE count of its own: passing the CSSD exam also satisfies the RD's "
        "five-year CPEU requirement for that cycle (according to SCAN), fee not verified, "
        "each cycle runs from the day it was earned"
    )
    every = [fact(cli, i, "Recertification") for i in ("UK-L3-PT", "UK-L3-ER", "CSSD")]
    assert not [line for line in every if "., " in line]


def test_a_lapsed_base_credential_is_reinstated_not_earned(cli: Runner) -> None:
    args = ("recommend", "-H", "NASM-CPT@2026-06", "-g", "personal-training", "--all")
    later = {e["id"]: e for e in cli(*args, "-f", "json").json()["later"]}
    assert later["NASM-PES"]["steps"][0]["text"] == "reinstate NASM-CPT"
    assert "reinstate NASM-CPT (a day, $149)" in cli(*args).out
