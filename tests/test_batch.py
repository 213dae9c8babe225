"""`recommend --batch`: a cohort in one run, each line a whole person, every format parsed,
bad lines answered with an error record, the exit code that says so, goldens for people."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from certadvise.cli import batch as batch_cmd
from certadvise.cli.exits import EXIT_CODES, Outcome
from certadvise.cli.settings import Run

from .conftest import REPO, Runner, write

GOLDEN = REPO / "tests" / "golden"
UPDATE_VAR = "CERTADVISE_UPDATE_GOLDEN"
UPDATE = bool(os.environ.get(UPDATE_VAR))  # read before the fixtures clear CERTADVISE_*
SOME_FAILED = EXIT_CODES[Outcome.SOME_LINES_FAILED]

ANA = {
    "person": "Ana",
    "goals": ["collegiate-athletes"],
    "degree": "bachelor",
    "field": "kinesiology",
    "have": ["CPR-AED"],
    "budget_usd": 600,
}
BO = {"person": "Bo", "goals": ["athletes"], "have": ["NASM-CPT"], "budget_usd": 1000}
CY = {"goals": "personal trainer", "age": 17}  # no name; a goal as a single phrase
ANA_ARGS = [
    *("--goal", "collegiate-athletes", "--degree", "bachelor", "--field", "kinesiology"),
    *("--have", "CPR-AED", "--budget", "600"),
]
BO_ARGS = ["--goal", "athletes", "--have", "NASM-CPT", "--budget", "1000"]
CY_ARGS = ["--goal", "personal trainer", "--age", "17"]

CSV_TEXT = (
    "person,goals,degree,field,have,budget_usd,hours\n"
    "Ana,collegiate-athletes,bachelor,kinesiology,CPR-AED,600,\n"
    "Bo,athletes,,,NASM-CPT;CPR-AED,1000,\n"
    "Dee,clinical;special populations,bachelor,exercise science,CPR-AED,,clinical=600\n"
)


def jsonl(*people: dict[str, Any]) -> str:
    return "".join(json.dumps(p) + "\n" for p in people)


def records(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


def single(cli: Runner, *args: str) -> dict[str, Any]:
    result = cli("recommend", *args, "--no-profile", "-f", "json")
    assert result.code in (0, 1), result.err
    doc: dict[str, Any] = result.json()
    return doc


# ------------------------------------------------------------------ input


def test_jsonl_lines_agree_with_recommend_json_for_the_same_person(
    cli: Runner, tmp_path: Path
) -> None:
    people = write(tmp_path / "class.jsonl", jsonl(ANA, BO, CY))
    result = cli("recommend", "--batch", str(people), "-f", "jsonl")
    assert result.code == 0, result.err
    got = records(result.out)
    assert [(r["person"], r["line"]) for r in got] == [("Ana", 1), ("Bo", 2), (None, 3)]
    for record, args in zip(got, (ANA_ARGS, BO_ARGS, CY_ARGS), strict=True):
        alone = single(cli, *args)
        assert list(record)[:2] == ["person", "line"]
        assert {k: v for k, v in record.items() if k not in ("person", "line")} == alone
    assert "answered 3 of 3 people" in result.err


# People in a few shared situations (education, credentials, age, membership) with
# different goals, budgets and countries, in an order where one's plans could leak into
# the next one's: a batch shares what does not depend on the person (plans, verdicts).
KINESIOLOGY = {"field": "kinesiology"}
COHORT_OF_SITUATIONS = [
    {"goals": ["corrective-exercise"], "degree": "bachelor", "field": "kinesiology"},
    {"goals": ["tactical"], "degree": "bachelor", "field": "kinesiology"},
    {"goals": ["personal-training", "weight-loss"], "degree": "bachelor", "field": "kinesiology"},
    {"goals": ["special-populations"], "have": ["NASM-CPT"], "budget_usd": 300},
    {"goals": ["special-populations"], "have": ["NASM-CPT"], "budget_usd": 2000},
    {"goals": ["clinical", "nutrition"], "have": ["NASM-CPT"], "country": "GB"},
    {"goals": ["group-fitness"], "age": 17},
    {"goals": ["athletes"], "age": 17, "budget_usd": 450},
    {"goals": ["collegiate-athletes"], "degree": "master", "have": ["CSCS", "CPR-AED"]},
    {"goals": ["sport-science"], "degree": "master", "have": ["CSCS", "CPR-AED"]},
    {"goals": ["special-populations", "clinical"], "degree": "master", **KINESIOLOGY},
    {"goals": ["special-populations", "corrective-exercise"], "degree": "master", **KINESIOLOGY},
    {"goals": ["clinical"], "degree": "master", **KINESIOLOGY, "budget_usd": 1007},
    {"goals": ["group-fitness", "nutrition"]},
    {"goals": ["wellness", "special-populations"], "budget_usd": 615},
    {"goals": ["personal-training"], "have": ["NASM-CPT@2026-09"]},  # lapsed: a way back
    {"goals": ["personal-training"]},
    {"goals": ["wellness"], "member": ["NSCA"], "have": ["CPR-AED"]},
    {"goals": ["athletes"], "member": ["NSCA"], "have": ["CPR-AED"], "budget_usd": 600},
    # the same credentials, told apart by what the situation's verdicts read: dates held,
    # the date of graduating (a rule change in between), the country, an age given
    {"goals": ["personal-training"], "have": ["NASM-CPT@2024-01"]},  # lapsed longer ago
    {"goals": ["collegiate-athletes"], "studying": "bachelor", "graduating": "2029-09"},
    {"goals": ["collegiate-athletes"], "studying": "bachelor", "graduating": "2030-05"},
    {"goals": ["personal-training"], "have": ["NASM-CPT"], "country": "AU"},
    {"goals": ["personal-training"], "have": ["NASM-CPT"]},
    {"goals": ["personal-training"], "age": 30},
]


def _options(person: dict[str, Any]) -> list[str]:
    """The options of `recommend` that give the same person as a batch line."""
    flags = {"goals": "--goal", "have": "--have", "member": "--member"}
    args: list[str] = []
    for key, value in person.items():
        for item in value if isinstance(value, list) else [value]:
            args += [flags.get(key, "--" + key.removesuffix("_usd")), str(item)]
    return args


def test_each_of_a_cohort_gets_the_answer_they_get_alone(cli: Runner, tmp_path: Path) -> None:
    people = write(tmp_path / "cohort.jsonl", jsonl(*COHORT_OF_SITUATIONS))
    result = cli("recommend", "--batch", str(people), "-f", "jsonl")
    assert result.code == 0, result.err
    got = records(result.out)
    for person, record in zip(COHORT_OF_SITUATIONS, got, strict=True):
        alone = single(cli, *_options(person))
        assert {k: v for k, v in record.items() if k not in ("person", "line")} == alone, person


def test_csv_header_names_profile_fields_and_lists_split_on_semicolons(
    cli: Runner, tmp_path: Path
) -> None:
    people = write(tmp_path / "class.csv", CSV_TEXT)
    got = records(cli("recommend", "--batch", str(people), "-f", "jsonl").out)
    assert [r["person"] for r in got] == ["Ana", "Bo", "Dee"]
    assert [r["line"] for r in got] == [2, 3, 4]  # the header is line 1
    assert got[1]["profile"]["have"] == ["NASM-CPT", "CPR-AED"]
    assert got[2]["profile"]["goals"] == ["clinical", "special-populations"]
    assert got[2]["profile"]["hours"] == {"clinical": 600}
    assert got[0] == {"person": "Ana", "line": 2, **single(cli, *ANA_ARGS)}


def test_standard_input_is_read_with_a_dash_and_its_kind_told_by_content(cli: Runner) -> None:
    from_jsonl = cli("recommend", "--batch", "-", "-f", "jsonl", stdin=jsonl(ANA))
    from_csv = cli("recommend", "--batch", "-", "-f", "jsonl", stdin=CSV_TEXT)
    assert from_jsonl.code == 0 and from_csv.code == 0, from_jsonl.err + from_csv.err
    assert records(from_jsonl.out)[0]["recommendations"][0]["id"] == "CSCS"
    assert len(records(from_csv.out)) == 3


def test_command_line_options_are_defaults_a_line_overrides(cli: Runner) -> None:
    text = jsonl({"person": "here"}, {"person": "there", "country": "GB"})
    got = records(
        cli("recommend", "--batch", "-", "--country", "CA", "-f", "jsonl", stdin=text).out
    )
    assert got[0]["profile"]["country"] == "CA" and got[1]["profile"]["country"] == "GB"


def test_the_saved_profile_is_not_read_for_a_batch(cli: Runner) -> None:
    assert cli("profile", "save", "--goal", "tactical", "-q").code == 0
    got = records(cli("recommend", "--batch", "-", "-f", "jsonl", stdin=jsonl(BO)).out)
    assert got[0]["profile"]["goals"] == ["athletes"]
    assert not any("saved profile" in a for a in got[0]["assumptions"])


# ------------------------------------------------------------------ bad lines


def test_a_bad_line_gets_an_error_record_and_the_others_are_answered(cli: Runner) -> None:
    text = jsonl(ANA, {"person": "Bad", "goals": ["athletes"], "budget_usd": -5}, BO)
    result = cli("recommend", "--batch", "-", "-f", "jsonl", stdin=text)
    assert result.code == SOME_FAILED == 65
    first, bad, last = records(result.out)
    assert first["recommendations"] and last["recommendations"]
    assert bad["line"] == 2 and bad["person"] == "Bad"
    assert bad["error"]["field"] == "budget_usd" and "got -5" in bad["error"]["message"]
    assert set(bad) == {"person", "line", "error"}
    err = result.err.splitlines()
    assert err[0].startswith("certadvise: error: <stdin>:2: budget_usd: expected")
    assert err[-1] == "answered 2 of 3 people; 1 line failed"


@pytest.mark.parametrize(
    ("line", "field", "words"),
    [
        ({"goals": ["athletes"], "budjet": 5}, "budjet", "did you mean budget?"),
        ({"have": ["CSCSS"]}, "have", "unknown certification 'CSCSS'"),
        ({"goals": ["underwater basket weaving"]}, "goals", "unknown goal"),
        ({"country": "XX"}, "country", "two-letter country code"),
        ({"age": "twenty"}, "age", "got 'twenty'"),
        ({"goals": ["athletes"] * 101}, "goals", "at most 100 goals"),
        ({"person": 5}, "person", "a name as text"),
    ],
)
def test_each_bad_field_is_named_in_its_record(
    cli: Runner, line: dict[str, Any], field: str, words: str
) -> None:
    result = cli("recommend", "--batch", "-", "-f", "jsonl", stdin=jsonl(ANA, line))
    assert result.code == SOME_FAILED, result.err
    error = records(result.out)[1]["error"]
    assert error["field"] == field and words in error["message"]


def test_a_line_that_is_not_json_is_named_by_its_line(cli: Runner) -> None:
    text = jsonl(ANA) + '{"goals": [\n' + "[1, 2]\n"
    result = cli("recommend", "--batch", "-", "-f", "jsonl", stdin=text)
    _, broken, listed = records(result.out)
    assert broken["line"] == 2 and broken["error"]["field"] is None
    assert broken["error"]["message"].startswith("not a JSON object")
    assert listed["line"] == 3 and "JSON object of profile fields" in listed["error"]["message"]


def test_a_csv_row_of_the_wrong_width_is_a_bad_line(cli: Runner) -> None:
    text = "goals,budget_usd\nathletes,100,extra\nathletes,100\n"
    result = cli("recommend", "--batch", "-", "-f", "jsonl", stdin=text)
    assert result.code == SOME_FAILED
    bad, good = records(result.out)
    assert "expected 2 cells" in bad["error"]["message"] and "profile" in good


def test_many_bad_lines_are_said_in_bounded_lines(cli: Runner) -> None:
    text = jsonl(*({"age": 5} for _ in range(30)))
    result = cli("recommend", "--batch", "-", "-f", "jsonl", stdin=text)
    assert result.code == SOME_FAILED and len(records(result.out)) == 30
    err = result.err.splitlines()
    assert len(err) == batch_cmd.ERRORS_SAID + 2
    assert "20 more bad lines" in err[-2]


@pytest.mark.parametrize(
    ("stdin", "words"),
    [
        ("", "no people in it"),
        ("\n\n  \n", "no people in it"),
        ("goals,degree\n", "no people in it"),
        ("goals,budjet\nathletes,5\n", "<stdin>:1: unknown field 'budjet'; did you mean budget?"),
        ("goals,goals\nathletes,athletes\n", "column 'goals' appears twice"),
    ],
)
def test_a_batch_without_people_or_with_a_bad_header_is_bad_input(
    cli: Runner, stdin: str, words: str
) -> None:
    result = cli("recommend", "--batch", "-", stdin=stdin)
    assert result.code == 2 and result.out == ""
    assert result.err.count("\n") == 1 and words in result.err, result.err


def test_a_batch_is_bounded(cli: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("certadvise.cli.batch_input.MAX_BATCH_PEOPLE", 3)
    result = cli("recommend", "--batch", "-", stdin=jsonl(*[BO] * 4))
    assert result.code == 2 and "at most 3 people, got 4" in result.err
    long_line = json.dumps({"goals": ["athletes"], "field": "x" * 20_000})
    result = cli("recommend", "--batch", "-", "-f", "jsonl", stdin=jsonl(BO) + long_line + "\n")
    assert result.code == SOME_FAILED
    assert "longer than 16,384 characters" in records(result.out)[1]["error"]["message"]


@pytest.mark.parametrize(
    "extra", [["--why", "CSCS"], ["--show-excluded"], ["-f", "ids"], ["--profile", "-"]]
)
def test_options_for_one_person_are_refused_with_a_batch(cli: Runner, extra: list[str]) -> None:
    result = cli("recommend", "--batch", "-", *extra, stdin=jsonl(BO))
    assert result.code == 2 and result.err.startswith("certadvise: error:"), result.err


# ------------------------------------------------------------------ formats


def test_json_is_one_array_of_the_jsonl_records(cli: Runner) -> None:
    text = jsonl(ANA, {"age": 5}, BO)
    as_json = cli("recommend", "--batch", "-", "-f", "json", stdin=text)
    as_jsonl = cli("recommend", "--batch", "-", "-f", "jsonl", stdin=text)
    assert as_json.code == as_jsonl.code == SOME_FAILED
    assert json.loads(as_json.out) == records(as_jsonl.out)


@pytest.mark.parametrize(("fmt", "delimiter"), [("csv", ","), ("tsv", "\t")])
def test_csv_and_tsv_give_a_row_per_person_and_recommendation(
    cli: Runner, fmt: str, delimiter: str
) -> None:
    text = jsonl(ANA, {"person": "Bad", "age": 5}, BO)
    result = cli("recommend", "--batch", "-", "-f", fmt, stdin=text)
    rows = list(csv.DictReader(io.StringIO(result.out), delimiter=delimiter))
    alone = cli("recommend", *ANA_ARGS, "--no-profile", "-f", fmt).out
    header = next(csv.reader(io.StringIO(alone), delimiter=delimiter))
    assert list(rows[0]) == ["person", "line", *header, "error_field", "error"]
    ana = [r for r in rows if r["person"] == "Ana"]
    assert [r["id"] for r in ana] == [r["id"] for r in single(cli, *ANA_ARGS)["recommendations"]]
    (bad,) = [r for r in rows if r["person"] == "Bad"]
    assert bad["line"] == "2" and bad["error_field"] == "age" and bad["id"] == ""
    assert [r["person"] for r in rows][-1] == "Bo"


def test_a_person_with_nothing_in_reach_keeps_a_row(cli: Runner) -> None:
    text = jsonl({"person": "Broke", "goals": ["tactical"], "budget_usd": 100})
    result = cli("recommend", "--batch", "-", "-f", "csv", stdin=text)
    assert result.code == 0  # the answer says nothing is in reach: that is an answer
    (row,) = csv.DictReader(io.StringIO(result.out))
    assert row["person"] == "Broke" and row["id"] == "" and row["error"] == ""


def test_summary_counts_how_often_each_certification_is_advised(cli: Runner) -> None:
    from certadvise.views.batch_view import Answer, advised

    def rec(cert: str, usd: float | None) -> dict[str, Any]:
        return {
            "id": cert,
            "name": cert,
            "organization": "O",
            "cost": {
                "minimum_usd": usd,
                "verified": usd is not None,
                "price": {"amount": usd, "currency": "USD"},
            },
        }

    answers = [
        Answer(1, "a", {"recommendations": [rec("CSCS", 475), rec("X", None)]}),
        Answer(2, "b", {"recommendations": [rec("CSCS", 340)]}),
        Answer(3, "c", {"recommendations": [rec("CSCS", 600), rec("X", 100)]}),
        Answer(4, "d", error_field="age", error="no"),
    ]
    cscs, x = advised(answers)
    assert (cscs["id"], cscs["people"], cscs["share"]) == ("CSCS", 3, 1.0)
    assert cscs["cost"] == {
        **{"min_usd": 340, "median_usd": 475, "max_usd": 600, "unknown": 0},
        **{"currency": "USD", "min": 340, "median": 475, "max": 600},  # as stated
    }
    assert x["people"] == 2 and x["cost"] == {
        "min_usd": 100,
        "median_usd": 100,
        "max_usd": 100,
        "unknown": 1,  # unknown is counted as unknown, never as $0
        **{"currency": "USD", "min": 100, "median": 100, "max": 100},
    }


# ------------------------------------------------------------------ progress


def test_progress_only_for_a_large_batch_on_a_terminal_and_not_quiet() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert batch_cmd.wants_progress(Run(), 50, Tty())
    assert not batch_cmd.wants_progress(Run(), 49, Tty())
    assert not batch_cmd.wants_progress(Run(quiet=True), 500, Tty())
    assert not batch_cmd.wants_progress(Run(), 500, io.StringIO())  # piped


def test_progress_is_silent_when_piped(cli: Runner) -> None:
    result = cli("recommend", "--batch", "-", "-f", "jsonl", stdin=jsonl(*[BO] * 60))
    assert result.code == 0 and len(records(result.out)) == 60
    assert result.err == "answered 60 of 60 people\n"
    assert cli("recommend", "--batch", "-", "-q", "-f", "jsonl", stdin=jsonl(BO)).err == ""


def test_the_exit_code_of_failed_lines_is_its_own() -> None:
    codes = [code for outcome, code in EXIT_CODES.items() if outcome is not Outcome.NO_ANSWER]
    assert len(set(codes)) == len(codes)  # one code, one meaning (1 is shared by design)
    assert sys.modules["certadvise.cli.exits"].outcome_of(Outcome.SOME_LINES_FAILED) is (
        Outcome.SOME_LINES_FAILED
    )


# ------------------------------------------------------------------ pages for people

#: The cohort of the goldens: three people, one bad line, one with nothing in reach.
COHORT = jsonl(
    ANA,
    {"person": "Bad", "age": 5},
    BO,
    {"person": "Broke", "goals": ["tactical"], "budget_usd": 100},
    CY,
)
HOSTILE = "Eve <script>alert(1)</script> <img src=x onerror=alert(2)>\u202e\x1b[31m[bold]x"


def batch_page(cli: Runner, text: str = COHORT) -> str:
    result = cli("recommend", "--batch", "-", "-f", "html", "-q", stdin=text)
    assert result.code in (0, SOME_FAILED), result.err
    return result.out


def test_html_summary_counts_people_and_each_person_has_a_section(cli: Runner) -> None:
    from .test_html import outline

    html = batch_page(cli)
    page = outline(html)
    words = page.words
    assert "5 people: 4 answered, 1 with errors (line 2); 1 with nothing in reach now" in words
    summary = html.split('id="summary"')[1].split("</section>")[0]
    rows = summary.split('<table class="stack advised">')[1].split("</table>")[0]
    docs = [single(cli, *args) for args in (ANA_ARGS, BO_ARGS, CY_ARGS)]
    advised = [r["id"] for d in docs for r in d["recommendations"]]
    for cert in set(advised):  # each certification with how many people it is advised to
        cell = rows.split(f"<strong>{cert}</strong>")[1].split('data-label="People" class="num">')[
            1
        ]
        assert cell.startswith(f"{advised.count(cert)}<"), cert
    sections = [s["id"] for s in page.all("section") if s.get("class") == "person"]
    assert sections == ["line-1", "line-2", "line-3", "line-4", "line-5"]
    ids = [attrs["id"] for _, attrs in page.elements if "id" in attrs]
    assert len(ids) == len(set(ids))  # many people, no id twice
    assert "This line was not answered: age: expected a whole number of years" in words


def test_hostile_person_names_stay_text_in_html_and_the_terminal(cli: Runner) -> None:
    from .test_html import outline

    text = jsonl({**BO, "person": HOSTILE})
    html = batch_page(cli, text)
    page = outline(html)
    assert not page.all("script") and not page.all("img")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "\u202e" not in html and "\x1b" not in html
    table = cli("recommend", "--batch", "-", "--color", "always", stdin=text).out
    assert "\u202e" not in table and "\x1b[31m" not in table
    assert "[bold]x" in table  # no markup: the name as written
    markdown = cli("recommend", "--batch", "-", "-f", "markdown", stdin=text).out
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown


def test_table_has_the_summary_everyone_and_a_section_a_person(cli: Runner) -> None:
    result = cli("recommend", "--batch", "-", stdin=COHORT)
    assert result.code == SOME_FAILED
    out = result.out
    assert out.startswith("5 people in <stdin>: 4 answered, 1 with errors")
    assert "Advised now, by certification" in out and "\nPeople\n" in out
    for title in ("line 1 · Ana: recommended now", "line 3 · Bo: recommended now"):
        assert title in out
    assert "error: age: expected a whole number of years" in out
    assert "line 4 · Broke" not in out  # nothing in reach: a row of People, no section


@pytest.mark.parametrize(
    ("name", "fmt", "width"), [("batch.html", "html", None), ("batch-80.txt", "table", 80)]
)
def test_golden_batch(
    cli: Runner, monkeypatch: pytest.MonkeyPatch, name: str, fmt: str, width: int | None
) -> None:
    if width:
        from certadvise.render import context

        monkeypatch.setattr(context, "_isatty", lambda stream: stream is sys.stdout)
        monkeypatch.setenv("COLUMNS", str(width))
    result = cli("recommend", "--batch", "-", "-f", fmt, "-q", stdin=COHORT)
    assert result.code == SOME_FAILED, result.err
    golden = GOLDEN / name
    if UPDATE:
        golden.write_text(result.out, encoding="utf-8")
    assert result.out == golden.read_text(encoding="utf-8"), (
        f"{golden.name} differs; if the change is intended: {UPDATE_VAR}=1 python -m pytest "
        "tests/test_batch.py"
    )


def test_a_profile_file_gives_defaults_too_and_options_win_over_it(
    cli: Runner, tmp_path: Path
) -> None:
    defaults = write(tmp_path / "defaults.yaml", "country: AU\ndegree: bachelor\n")
    text = jsonl({"person": "a"}, {"person": "b", "degree": "master"})
    result = cli(
        "recommend", "--batch", "-", "--profile", str(defaults), "--country", "CA",
        "-f", "jsonl", stdin=text,
    )  # fmt: skip
    a, b = (r["profile"] for r in records(result.out))
    assert (a["country"], a["degree"]) == ("CA", "bachelor")
    assert (b["country"], b["degree"]) == ("CA", "master")


def test_markdown_has_the_summary_the_people_and_a_section_a_person(cli: Runner) -> None:
    result = cli("recommend", "--batch", "-", "-f", "markdown", stdin=COHORT)
    assert result.code == SOME_FAILED
    headings = [line for line in result.lines if line.startswith("### ")]
    assert headings[:2] == [
        "### Advised now, by certification: how many people, and the cost now",
        "### People",
    ]
    assert headings[2:] == [
        "### line 1 · Ana: recommended now",
        "### line 3 · Bo: recommended now",
        "### line 5: recommended now",
    ]
    people = result.out.split("### People")[1].split("###")[0]
    assert people.count("\n| ") == 1 + 5  # the header row, and a row for each of the five
