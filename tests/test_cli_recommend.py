"""`certadvise recommend` end to end on the real catalog, as a user runs it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from .conftest import REPO, Runner, write

# The README's first example: a graduate with CPR/AED and $600 who wants to coach college teams.
GRADUATE_COACH = (
    "--goal",
    "collegiate-athletes",
    "--degree",
    "bachelor",
    "--have",
    "CPR-AED",
    "--budget",
    "600",
)


def recommend_json(cli: Runner, *args: str) -> dict:  # type: ignore[type-arg]
    result = cli("recommend", *args, "--all", "-f", "json")
    assert result.code in (0, 1), result.err
    return result.json()  # type: ignore[no-any-return]


def ranked_ids(document: dict) -> list[str]:  # type: ignore[type-arg]
    return [r["id"] for r in document["recommendations"]]


def test_seed_bachelor_with_cpr_coaching_college_athletes_gets_cscs_first(cli: Runner) -> None:
    doc = recommend_json(
        cli,
        "--degree",
        "bachelor",
        "--have",
        "CPR-AED",
        "--goal",
        "collegiate-athletes",
        "--budget",
        "500",
    )
    first = doc["recommendations"][0]
    assert first["id"] == "CSCS" and first["rank"] == 1
    assert first["cost"] == {
        "minimum_usd": 475,
        "currency": "USD",
        "verified": True,
        "at_least": False,
        "route": "non-member price",
        "unverified_fees": [],
        "as_of": "2025",
        "stale": False,
        "confidence": "high",
        "text": "$475",
        "price": {"amount": 475, "currency": "USD"},
        "converted": False,
        "rates_as_of": None,
    }
    assert "matches goal collegiate-athletes" in first["reasons"]


def test_seed_cpt_holder_without_degree_gets_pes_first_and_cscs_later(cli: Runner) -> None:
    doc = recommend_json(cli, "--have", "NASM-CPT", "--goal", "athletes", "--budget", "1000")
    assert ranked_ids(doc)[0] == "NASM-PES"
    later = {e["id"]: e for e in doc["later"]}
    assert later["CSCS"]["steps"][0]["kind"] == "degree"
    assert any("bachelor's degree" in r for r in later["CSCS"]["reasons"])


def test_seed_tactical_with_degree_and_cpr_gets_tsac_f_first(cli: Runner) -> None:
    doc = recommend_json(cli, "--goal", "tactical", "--degree", "bachelor", "--have", "CPR")
    assert ranked_ids(doc)[:2] == ["TSAC-F", "CSCS"]


def test_seed_small_budget_recommends_no_verified_price_over_it(cli: Runner) -> None:
    result = cli(
        "recommend", "--budget", "200", "--goal", "personal training", "--all", "-f", "json"
    )
    doc = result.json()
    for rec in doc["recommendations"]:
        assert rec["cost"]["minimum_usd"] is None or rec["cost"]["minimum_usd"] <= 200
        assert "price not verified" in rec["warnings"]
    assert "no certification with a verified price fits your budget of $200" in doc["messages"]
    assert "the nearest is ACSM-CPT at $349 ($149 over budget)" in doc["messages"]
    over = {e["id"]: e.get("over_by_usd") for e in doc["excluded"]}
    assert over["ACSM-CPT"] == 149
    assert over["COOPER-CPT"] is None  # retired in 2019: left out as retired, not over budget


def test_nothing_fits_exits_1_and_says_what_comes_closest(cli: Runner) -> None:
    result = cli("recommend", "--goal", "tactical", "--budget", "100")
    assert result.code == 1
    assert result.lines[0] == "nothing is in reach now for this profile"
    assert "the nearest is TSAC-F at $435 ($335 over budget)" in result.lines
    assert "Near misses: over your budget" in result.lines


def test_json_shape_follows_the_contract(cli: Runner) -> None:
    doc = recommend_json(cli, *GRADUATE_COACH)
    assert doc["profile"] == {  # CLI.md's keys, and the dated credentials and currency
        "goals": ["collegiate-athletes"],
        "degree": "bachelor",
        "have": ["CPR-AED"],
        "budget_usd": 600,
        "budget": {"amount": 600, "currency": "USD"},
        "credentials": [{"id": "CPR-AED", "expires": None, "state": "active"}],
    }
    assert "no age given: assumed 18 or older" in doc["assumptions"]
    rec = doc["recommendations"][0]
    assert {"rank", "id", "name", "organization", "score", "cost", "reasons", "warnings"} <= set(
        rec
    )
    assert 0 < rec["score"] <= 1
    sections = [*doc["recommendations"], *doc["later"], *doc["excluded"]]
    assert len(sections) + len(doc["not_shown"]) == len(list((REPO / "catalog").glob("*/*.yaml")))
    assert all(e["reasons"] for e in doc["excluded"])
    assert all(
        step.keys() >= {"kind", "text", "cost_usd", "cost_verified", "duration"}
        for item in [*doc["recommendations"], *doc["later"]]
        for step in item["steps"]
    )
    later = doc["later"][0]
    assert {"id", "name", "organization", "steps", "total_cost", "months", "reasons"} <= set(later)


def test_every_point_of_score_has_a_reason(cli: Runner) -> None:
    doc = recommend_json(cli, "--goal", "athletes", "--have", "NASM-CPT")
    for rec in doc["recommendations"]:
        assert all(c["reason"] for c in rec["score_components"])


def test_unknown_prices_rank_below_otherwise_equal_known_prices(cli: Runner) -> None:
    doc = recommend_json(cli, "--goal", "group-fitness", "--have", "CPR")
    ids = ranked_ids(doc)
    assert ids.index("ACE-GFI") < ids.index("AFAA-GFI")  # AFAA-GFI: price not verified


def test_no_goal_ranks_every_eligible_certification(cli: Runner) -> None:
    doc = recommend_json(cli, "--degree", "bachelor", "--have", "CPR")
    assert len(doc["recommendations"]) > 10
    assert "no goal given: every eligible certification is ranked" in doc["assumptions"]


def test_top_all_and_not_shown(cli: Runner) -> None:
    top2 = cli("recommend", "--degree", "bachelor", "--top", "2", "-f", "json").json()
    assert len(top2["recommendations"]) == 2
    every = recommend_json(cli, "--degree", "bachelor")
    assert ranked_ids(every)[2:] == top2["not_shown"]


def test_table_shows_rank_id_cost_and_reasons_and_assumptions_on_stderr(cli: Runner) -> None:
    result = cli("recommend", *GRADUATE_COACH)
    assert result.code == 0
    assert result.lines[0] == "Recommended now"
    header, first = result.lines[1], result.lines[2]
    assert header.split()[:3] == ["#", "ID", "Name"]
    assert first.split()[:2] == ["1", "CSCS"] and "$475" in first
    assert "assumption: no age given: assumed 18 or older" in result.err
    assert "warning: CSCS: from 2030-01-01" not in result.err  # sat long before it applies


def test_a_rule_change_is_a_warning_when_it_falls_before_the_person_gets_there(
    cli: Runner,
) -> None:
    # A junior graduating in 2029 reaches the CSCS (final year, then study) in 2028-2029:
    # NSCA's 2030 degree rule is not theirs. A first-year graduating in 2030-05 meets it.
    junior = ("--goal", "collegiate-athletes", "--studying", "bachelor", "-H", "CPR")
    soon = cli("recommend", *junior, "--graduating", "2028-05", "--all")
    assert "warning: CSCS: from 2030-01-01" not in soon.err
    late = cli("recommend", *junior, "--graduating", "2030-05", "--all")
    assert "warning: CSCS: from 2030-01-01" in late.err


def test_show_excluded_adds_a_table_of_what_was_left_out(cli: Runner) -> None:
    result = cli("recommend", "--goal", "tactical", "--show-excluded")
    assert "Excluded" in result.lines
    row = next(line for line in result.lines if line.startswith("ACSM-RCEP"))
    assert "retired in 2018: replaced by ACSM-CEP" in row


def test_why_lists_every_rule_passed_or_failed(cli: Runner) -> None:
    doc = cli("recommend", "--degree", "high-school", "--why", "cscs", "-f", "json").json()
    assert doc["id"] == "CSCS" and doc["eligible"] is False and doc["section"] == "later"
    rules = {v["rule"]: v["outcome"] for v in doc["verdicts"]}
    assert rules["prerequisites"] == "later" and rules["retired"] == "pass"
    assert [s["kind"] for s in doc["steps"]] == ["degree", "cpr-aed"]
    assert doc["gaps"][0] == {
        "kind": "degree",
        "need": "a bachelor's degree",
        "have": "you have a high-school diploma",
    }
    table = cli("recommend", "--degree", "bachelor", "--have", "CPR", "--why", "CSCS")
    assert table.lines[0].startswith("CSCS: recommended, #")
    assert any(
        line.startswith("score: goal-fit") or line.startswith("prerequisites")
        for line in table.lines
    )


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_csv_and_tsv_have_the_contract_columns(cli: Runner, fmt: str) -> None:
    out = cli("recommend", "--goal", "tactical", "--degree", "bachelor", "-f", fmt).out
    rows = list(csv.DictReader(io.StringIO(out), delimiter="," if fmt == "csv" else "\t"))
    assert {"rank", "id", "name", "organization", "score", "minimum_usd"} <= set(rows[0])
    assert rows[0]["id"] == "TSAC-F" and rows[0]["minimum_usd"] == "435"


def test_jsonl_and_ids_and_markdown(cli: Runner) -> None:
    args = ("recommend", "--goal", "tactical", "--degree", "bachelor")
    lines = [json.loads(line) for line in cli(*args, "-f", "jsonl").lines]
    assert [line["id"] for line in lines] == ["TSAC-F", "CSCS"]
    assert cli(*args, "-f", "ids").lines == ["TSAC-F", "CSCS"]
    md = cli(*args, "-f", "markdown").lines
    assert md[0] == "### Recommended now"
    assert md[2].startswith("| # | ID |") and md[4].startswith("| 1 | TSAC-F |")


def test_profile_file_and_options_that_override_it(cli: Runner, tmp_path: Path) -> None:
    profile = write(
        tmp_path / "me.yaml",
        "goals: [tactical]\ndegree: bachelor\nhave: [CPR-AED]\nbudget_usd: 100\n",
    )
    assert cli("recommend", "--profile", str(profile)).code == 1  # $100 fits nothing tactical
    result = cli("recommend", "--profile", str(profile), "--budget", "500", "-f", "ids")
    assert result.code == 0 and result.lines[0] == "TSAC-F"


def test_profile_from_standard_input_as_json(cli: Runner) -> None:
    result = cli(
        "recommend",
        "--profile",
        "-",
        "-f",
        "ids",
        stdin='{"goals": ["military"], "degree": "bachelor"}',
    )
    assert result.code == 0 and result.lines[0] == "TSAC-F"


@pytest.mark.parametrize(
    ("phrase", "first"),
    [
        ("coach college athletes", "CSCS"),
        ("military", "TSAC-F"),
        ("bodybuilding", "NASM-PBC"),
        ("cardiac rehab", "ACSM-CEP"),
    ],
)
def test_everyday_goal_phrases(cli: Runner, phrase: str, first: str) -> None:
    args = [
        "--goal",
        phrase,
        "--degree",
        "master",
        "--field",
        "exercise science",
        "--hours",
        "clinical=600",
        "--have",
        "CPR",
    ]
    assert cli("recommend", *args, "-f", "ids").lines[0] == first


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--goal", "juggling"], "unknown goal 'juggling'"),
        (["--have", "CPT"], "certification 'CPT' is ambiguous"),
        (["--have", "CSCSS"], "did you mean CSCS"),
        (["--degree", "college"], "--degree: expected an education level (none, high-school,"),
        (["--hours", "clinical"], "--hours: expected KIND=N"),
        (
            ["--hours", "clinical=-1"],
            "--hours: expected whole hours from 0 to 100,000, got clinical=-1",
        ),
        (["--hours", "swimming=10"], "unknown kind of experience (--hours) 'swimming'"),
        (["--budget", "-5"], "--budget: expected an amount from 0 to 1,000,000"),
        (["--budget", "nan"], "--budget: expected an amount from 0 to 1,000,000"),
        (["--budget", "inf"], "--budget: expected an amount from 0 to 1,000,000"),
        (["--budget", "1e9"], "--budget: expected an amount from 0 to 1,000,000"),
        (["--hours", "sport-science=3"], "--hours: sport-science experience is counted in years"),
        (["--experience", "clinical=3"], "--experience: clinical experience is counted in hours"),
        (["--age", "300"], "--age: expected a whole number of years from 10 to 100, got '300'"),
        (["--member", "NCSA"], "did you mean NSCA"),
        (["--why", "NOPE"], "unknown certification 'NOPE'"),
    ],
)
def test_bad_profile_input_is_one_line_exit_2(cli: Runner, args: list[str], message: str) -> None:
    result = cli("recommend", *args)
    assert result.code == 2, result.err
    assert result.out == ""
    assert len(result.err.splitlines()) == 1
    assert message in result.err


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "goals: [tactical]\nbudgte: 5\n",
            "me.yaml:2: unknown field 'budgte'; did you mean budget?",
        ),
        (
            "age: old\n",
            "me.yaml:1: age: expected a whole number of years from 10 to 100, got 'old'",
        ),
        (
            'age: "nan"\n',  # a number in quotes is read as one; this is not a number
            "me.yaml:1: age: expected a whole number of years from 10 to 100, got 'nan'",
        ),
        (
            'budget_usd: "1e9"\n',
            "me.yaml:1: budget_usd: expected an amount of US dollars from 0 to 1,000,000",
        ),
        ("", "me.yaml: the profile is empty"),
        ("- a\n- list\n", "me.yaml:1: a profile is a mapping"),
        ("goals: [tactical\n", "me.yaml:2:1: "),
    ],
)
def test_bad_profile_files_name_file_and_line(
    cli: Runner, tmp_path: Path, text: str, message: str
) -> None:
    write(tmp_path / "me.yaml", text)
    result = cli("recommend", "--profile", str(tmp_path / "me.yaml"))
    assert result.code == 2
    assert message in result.err.replace(str(tmp_path) + "/", "")
    assert len(result.err.splitlines()) == 1


def test_numbers_a_spreadsheet_wrote_in_quotes_are_read_as_numbers(
    cli: Runner, tmp_path: Path
) -> None:
    """Spreadsheets and form tools export numbers as text: `age: "30"` is an age, in a
    profile file and in a JSON line of a batch, with the answer the number gives."""
    quoted = 'goals: [tactical]\nage: "30"\nbudget_usd: "500"\nexperience: {sc-coaching: "2.5"}\n'
    plain = "goals: [tactical]\nage: 30\nbudget_usd: 500\nexperience: {sc-coaching: 2.5}\n"
    answers = []
    for name, text in (("quoted.yaml", quoted), ("plain.yaml", plain)):
        result = cli("recommend", "--profile", str(write(tmp_path / name, text)), "-f", "json")
        assert result.code == 0, result.err
        answers.append(result.json())
    assert answers[0] == answers[1]
    assert answers[0]["profile"]["age"] == 30 and answers[0]["profile"]["budget_usd"] == 500
    line = '{"goals": ["tactical"], "age": "30", "budget_usd": "500"}\n'
    batch = cli("recommend", "--batch", str(write(tmp_path / "b.jsonl", line)), "-f", "jsonl")
    assert batch.code == 0, batch.err
    assert json.loads(batch.out)["profile"] == {
        k: v for k, v in answers[0]["profile"].items() if k != "experience"
    }


def test_missing_profile_file(cli: Runner, tmp_path: Path) -> None:
    result = cli("recommend", "--profile", str(tmp_path / "nope.yaml"))
    assert result.code == 2 and "No such file or directory" in result.err


def test_no_prompt_when_stdin_is_not_a_terminal(cli: Runner) -> None:
    result = cli("recommend", "-f", "ids")  # bare recommend, piped: rank everything, never ask
    assert result.code == 0 and result.lines
    assert "?" not in result.err


def test_any_degree_field_is_a_real_answer(cli: Runner) -> None:
    result = cli("recommend", "--degree", "bachelor", "--field", "astrology", "-f", "json")
    assert result.code == 0
    doc = result.json()
    assert any(
        a.startswith(
            "degree field 'astrology' is not one the rules name: counted as unrelated to "
            "exercise science"
        )
        for a in doc["assumptions"]
    )
    later = {e["id"]: e for e in doc["later"]}
    assert later["ACSM-EP"]["steps"][0]["kind"] == "degree-field"
    nurse = cli("recommend", "--degree", "bachelor", "--field", "Nursing", "-f", "json").json()
    assert nurse["profile"]["field"] == "nursing"
    assert not any("not one the rules name" in a for a in nurse["assumptions"])


def test_a_stale_price_says_its_year_and_json_says_stale(cli: Runner) -> None:
    # ACSM-EP's $275 comes from a c. 2014 page (facts): older than two years on 2026-11-26.
    args = ("recommend", "--goal", "clinical", "--degree", "bachelor", "--field", "kinesiology")
    doc = cli(*args, "--have", "CPR", "-f", "json").json()
    ep = next(r for r in doc["recommendations"] if r["id"] == "ACSM-EP")
    assert ep["cost"]["stale"] is True and "2014" in ep["cost"]["as_of"]
    row = next(line for line in cli(*args, "--have", "CPR").lines if " ACSM-EP " in line)
    assert "$275 (2014)" in row


def test_years_adds_the_holding_cost_to_the_table(cli: Runner) -> None:
    args = ("recommend", "--goal", "tactical", "--degree", "bachelor", "--have", "CPR")
    assert "Holding" not in cli(*args).lines[1]
    table = cli(*args, "--years", "5").lines
    assert "Holding 5 years" in table[1]
    row = next(line for line in table if line.startswith("1 "))
    assert "TSAC-F" in row and "at least $525" in row


def test_an_organization_given_as_a_credential_suggests_its_certifications(cli: Runner) -> None:
    result = cli("recommend", "--have", "NASM")
    assert result.code == 2
    assert "did you mean NASM-CPT, NASM-CES or NASM-CNC?" in result.err


def test_a_country_the_catalog_does_not_cover_is_said(cli: Runner) -> None:
    doc = cli("recommend", "--country", "DE", "--goal", "personal-training", "-f", "json").json()
    assert doc["messages"][0].startswith("the catalog knows no certification recognized in DE")
    assert cli("recommend", "--country", "XX").code == 2


def test_quiet_markdown_has_no_notes(cli: Runner) -> None:
    args = ("recommend", "--goal", "tactical", "--degree", "bachelor", "-f", "markdown")
    assert any(line.startswith("> assumption") for line in cli(*args).lines)
    assert not any(line.startswith(">") for line in cli(*args, "-q").lines)


def test_a_budget_in_the_countrys_currency_compares_prices_in_any_currency(cli: Runner) -> None:
    # A bare budget in GB is pounds; a US price is converted roughly, and said so, next to
    # the price its source states; JSON keeps both.
    args = ("--country", "GB", "--goal", "personal-training", "--degree", "high-school")
    result = cli("recommend", *args, "--have", "CPR", "--budget", "2500")
    assert "assumption: budget 2500 read as GBP, the currency of GB" in result.err
    rows = {line.split()[1]: line for line in result.lines[2:7]}
    assert result.lines[2].split()[1] == "UK-L3-PT"  # the local one first
    assert "$435 (≈ £323 at the 2025-10 rate)" in rows["NSCA-CPT"]
    doc = cli("recommend", *args, "--have", "CPR", "--budget", "£2500", "-f", "json").json()
    assert doc["profile"]["budget"] == {"amount": 2500, "currency": "GBP"}
    assert round(doc["profile"]["budget_usd"]) == round(2500 * 1.3453)
    uk = next(r for r in doc["recommendations"] if r["id"] == "UK-L3-PT")
    assert uk["cost"]["price"] == {"amount": 2225, "currency": "GBP"}  # with the Level 2
    assert uk["cost"]["converted"] and uk["cost"]["rates_as_of"] == "2025-10"


def test_a_yoga_beginner_is_not_told_they_meet_the_training_they_have_not_done(
    cli: Runner,
) -> None:
    """The RYT-200's 200-hour training is its own first stage, not a prerequisite someone
    meets: --why says there is none, and the path starts with the training."""
    why = cli("recommend", "--goal", "yoga", "--why", "RYT-200").out
    prerequisites = next(line for line in why.splitlines() if line.startswith("prerequisites"))
    assert "no mandatory prerequisites" in prerequisites and "meets" not in prerequisites
    path = cli("path", "RYT-200").out.splitlines()
    assert path[2].split()[1] == "course" and "200-hour" in path[2]


def test_a_graduation_date_that_has_passed_counts_as_the_degree(cli: Runner) -> None:
    """A profile saved as a student outlives the graduation: after it, the person holds the
    degree (said as an assumption), so a CSCS is in reach and no student price is offered."""
    args = ("--goal", "athletes", "--studying", "bachelor", "--graduating", "2026-05")
    doc = cli("recommend", *args, "--no-profile", "-f", "json").json()
    assert doc["assumptions"][0].startswith(
        "graduating 2026-05 has passed: counted as holding a bachelor's degree"
    )
    assert "CSCS" in [r["id"] for r in doc["recommendations"]]
    assert not any("student" in r["cost"]["route"] for r in doc["recommendations"])
    alone = cli("recommend", "--graduating", "2028-05", "--no-profile", "-f", "json").json()
    assert (  # a date without the degree it ends is not counted, and said so
        "graduating 2028-05 without a degree in progress: not counted (give --studying LEVEL)"
    ) in alone["assumptions"]
