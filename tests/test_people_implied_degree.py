"""Holding a credential counts as having the degree it required.

Each row is someone who gives what they hold but not their degree (or who does give one, or
a degree in progress), with a certification an adviser would look at for them: whether
its plan still asks them to earn a degree, and what is said as assumed. A credential whose
every route asks for a degree means its holder has at least the lowest of them (lapsed
too: a degree does not lapse). The field is assumed only where every route to a credential
held accepts it (an athletic trainer studied athletic training), and said, so a person who
studied something else can say so. What a person says of their education (`--degree`,
`--studying`, `--final-year`) and field (`--field`) stands. The comment on each
row says why, from the catalog's own routes (`catalog/<org>/<id>.yaml`). The day is the
pinned one (`tests/conftest.py`, 2026-11-26).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from certadvise.advice.profile import RawProfile, degree_required, normalise
from certadvise.catalog.index import Catalog
from certadvise.levels import DegreeLevel

from .conftest import Runner, write

DIPLOMA = "no degree given: assumed a high-school diploma"
IMPLIED = "no degree given: assumed {}, as every {} holder has"
NO_FIELD = "no degree field given: routes that need a specific field are not met"
FIELD = (
    "no degree field given: assumed {}, which every route to {} accepts "
    "(give --field if yours differs)"
)


@dataclass(frozen=True)
class Person:
    who: str
    given: dict[str, Any]  # the person as a batch line; `args` gives the same as options
    target: str  # a certification an adviser would look at for them
    section: str  # where `recommend --why TARGET` puts it: recommended, later
    degree_step: bool  # the plan to TARGET still asks them to earn a degree
    assumed: str  # the assumption said of their education ("" when they gave a degree)
    why: str = ""  # words in what `recommend --why TARGET` says of its prerequisites
    code: int = 0  # `recommend`'s exit code (1: nothing is in reach now)
    field_said: str = ""  # the field assumed from a credential held, as said

    def __str__(self) -> str:
        return self.who

    @property
    def args(self) -> list[str]:
        flags = {"goals": "--goal", "have": "--have"}
        found: list[str] = []
        for key, value in self.given.items():
            for item in value if isinstance(value, list) else [value]:
                found += [flags.get(key, f"--{key.replace('_', '-')}"), str(item)]
        return found


def person(
    who: str, target: str, section: str, degree_step: bool, assumed: str, **given: Any
) -> Person:
    why, code = given.pop("why", ""), given.pop("code", 0)
    field_said = given.pop("field_said", "")
    return Person(who, given, target, section, degree_step, assumed, why, code, field_said)


PEOPLE = [
    # The CSCS asks for a bachelor's degree (any field) or a college senior's standing
    # (CSCS.yaml): its holder has finished one. The CSCCa SCCC asks for a bachelor's and
    # 640 internship hours (CSCCA-SCCC.yaml): only the hours are left, never 4 years.
    person(
        "CSCS holder who gives no degree",
        "CSCCA-SCCC",
        "later",
        False,
        IMPLIED.format("a bachelor's degree", "CSCS"),
        have=["CSCS"],
    ),
    # The BOC exam is open only to graduates (or final-semester students) of a CAATE
    # professional programme, a master's since 2022, a bachelor's before; ATs certified
    # then need not add one (ATC.yaml, holders_degree): every ATC holder has a bachelor's,
    # the CSCS's requirement, so an athletic trainer can sit it now.
    person(
        "athletic trainer who wants to train athletes",
        "CSCS",
        "recommended",
        False,
        IMPLIED.format("a bachelor's degree", "ATC"),
        goals=["athletes"],
        have=["ATC"],
        why="meets: a bachelor's degree or higher (any field)",
        field_said=FIELD.format("athletic training", "ATC"),
    ),
    # A PT licence asks for a doctorate (PT.yaml): an athletic trainer has at least a
    # bachelor's, and the DPT is still ahead.
    person(
        "athletic trainer who looks at physical therapy",
        "PT",
        "later",
        True,
        IMPLIED.format("a bachelor's degree", "ATC"),
        goals=["physical-therapy"],
        have=["ATC"],
        why="missing: a doctorate (you have a bachelor's degree)",
        code=1,  # no physical-therapy credential is open without the DPT
        field_said=FIELD.format("athletic training", "ATC"),
    ),
    # A US physical therapist's licence asks for a CAPTE-accredited DPT today, and asked
    # for a bachelor's or master's before 2016 (PT.yaml, holders_degree): every PT has at
    # least a bachelor's. The CSCS accepts any major, so it is in reach now.
    person(
        "physical therapist who wants the CSCS",
        "CSCS",
        "recommended",
        False,
        IMPLIED.format("a bachelor's degree", "PT"),
        have=["PT"],
        field_said=FIELD.format("physical therapy", "PT"),
    ),
    # The ACSM-EP asks for a degree in exercise science, kinesiology or clinical exercise
    # physiology (ACSM-EP.yaml): a PT's degree is a degree, in physical therapy (every
    # route to the licence asks for one), so what is left is the field, never a bachelor's.
    person(
        "physical therapist who looks at the ACSM-EP",
        "ACSM-EP",
        "later",
        False,
        IMPLIED.format("a bachelor's degree", "PT"),
        have=["PT"],
        why="your field: physical therapy",
        field_said=FIELD.format("physical therapy", "PT"),
    ),
    # A registered kinesiologist in Ontario studied kinesiology (or a degree the College
    # accepted as its equal): every route to RKIN accepts kinesiology (RKIN.yaml), so the
    # CSEP-CEP's degree in kinesiology is met and only its practical hours are ahead.
    person(
        "registered kinesiologist who looks at the CSEP-CEP",
        "CSEP-CEP",
        "later",
        False,
        IMPLIED.format("a bachelor's degree", "RKIN"),
        have=["RKIN"],
        country="CA",
        why="missing: 100 h of documented practical experience delivering exercise to clients",
        field_said=FIELD.format("kinesiology", "RKIN"),
    ),
    # What a person says of their field stands: a kinesiologist who says psychology is
    # told the CSEP-CEP's degree field is missing.
    person(
        "registered kinesiologist who says psychology",
        "CSEP-CEP",
        "later",
        False,
        IMPLIED.format("a bachelor's degree", "RKIN"),
        have=["RKIN"],
        country="CA",
        field="psychology",
        why="your field: psychology",
    ),
    # A CSCS that lapsed at the end of 2025: NSCA has no late window (CSCS.yaml), so the
    # exam again; the bachelor's it was earned with has not lapsed.
    person(
        "CSCS holder whose CSCS lapsed in 2025",
        "CSCS",
        "recommended",
        False,
        IMPLIED.format("a bachelor's degree", "CSCS"),
        have=["CSCS@2025-12"],
    ),
    # ACE-CPT asks for a high-school diploma (ACE-CPT.yaml): nothing beyond what is
    # assumed anyway; the CSCS's degree is still ahead.
    person(
        "ACE-CPT holder who wants to train athletes",
        "CSCS",
        "later",
        True,
        DIPLOMA,
        goals=["athletes"],
        have=["ACE-CPT"],
        why="missing: a bachelor's degree (no degree given)",
    ),
    # A registered nurse may have qualified by a route with no degree (RN.yaml): the
    # licence implies none, and the CSCS's bachelor's is still ahead.
    person("registered nurse who gives no degree", "CSCS", "later", True, DIPLOMA, have=["RN"]),
    # CPSS routes: a doctorate or a master's in a sport field, or a bachelor's (any field)
    # with more experience (CPSS.yaml): the lowest, a bachelor's, is what holding it means.
    person(
        "CPSS holder who gives no degree",
        "CSCCA-SCCC",
        "later",
        False,
        IMPLIED.format("a bachelor's degree", "CPSS"),
        have=["CPSS"],
    ),
    # A CSCS and an ATC both mean a bachelor's: the first held that means it is named.
    person(
        "athletic trainer who also holds the CSCS",
        "CSCCA-SCCC",
        "later",
        False,
        IMPLIED.format("a bachelor's degree", "CSCS"),
        have=["CSCS", "ATC"],
        field_said=FIELD.format("athletic training", "ATC"),
    ),
    # Their own master's stands: nothing is assumed of their education.
    person(
        "CSCS holder with a master's degree",
        "CSCCA-SCCC",
        "later",
        False,
        "",
        have=["CSCS"],
        degree="master",
    ),
    # What a person says stands, even below what their credential asked for: the
    # bachelor's the SCCC asks for is still a step for them.
    person(
        "CSCS holder who says a high-school diploma",
        "CSCCA-SCCC",
        "later",
        True,
        "",
        have=["CSCS"],
        degree="high-school",
        why="missing: a bachelor's degree (you have a high-school diploma)",
    ),
    # NSCA-CPT asks for a high-school diploma (NSCA-CPT.yaml): nothing is implied, and the
    # bachelor's in progress is what opens the CSCS (its final year).
    person(
        "bachelor's student who holds the NSCA-CPT",
        "CSCS",
        "later",
        True,
        DIPLOMA,
        have=["NSCA-CPT"],
        studying="bachelor",
        graduating="2028-05",
    ),
    # A college senior may sit the CSCS (CSCS.yaml): a final-year student who says so is
    # still finishing, and the SCCC's bachelor's (no seniors) waits for graduation.
    person(
        "final-year student who holds the CSCS",
        "CSCCA-SCCC",
        "later",
        True,
        DIPLOMA,
        have=["CSCS"],
        final_year="bachelor",
    ),
]


def degree_lines(assumptions: list[str]) -> list[str]:
    """The assumptions said of the person's education."""
    return [a for a in assumptions if a.startswith("no degree given")]


def expected_lines(p: Person) -> list[str]:
    return [p.assumed] if p.assumed else []


def kinds(steps: list[dict[str, Any]]) -> list[str]:
    return [s["kind"] for s in steps]


@pytest.mark.parametrize("p", PEOPLE, ids=str)
def test_recommend_counts_the_degree_a_credential_held_required(cli: Runner, p: Person) -> None:
    why = cli("recommend", *p.args, "--why", p.target, "-f", "json")
    assert why.code == 0, why.err
    doc = why.json()
    assert doc["section"] == p.section, doc["verdicts"]
    assert ("degree" in kinds(doc["steps"])) is p.degree_step, doc["steps"]
    assert degree_lines(doc["assumptions"]) == expected_lines(p)
    college = p.assumed not in ("", DIPLOMA) or p.given.get("degree") == "master"
    if p.field_said:  # a field assumed from a credential held, and said
        assert p.field_said in doc["assumptions"] and NO_FIELD not in doc["assumptions"]
    else:  # a degree, its field given or not known
        assert (NO_FIELD in doc["assumptions"]) is (college and "field" not in p.given)
    reasons = [v["reason"] for v in doc["verdicts"] if v["rule"] == "prerequisites"]
    assert p.why in reasons[0], reasons
    table = cli("recommend", *p.args, "--all")
    assert table.code == p.code, table.err
    said = [line.removeprefix("assumption: ") for line in table.err.splitlines()]
    assert degree_lines(said) == expected_lines(p), table.err


@pytest.mark.parametrize("p", PEOPLE, ids=str)
def test_path_asks_for_no_degree_a_credential_held_required(cli: Runner, p: Person) -> None:
    result = cli("path", p.target, *p.args, "-f", "json")
    assert result.code == 0, result.err
    assert ("degree" in kinds(result.json()["steps"])) is p.degree_step, result.json()["steps"]
    said = [line.removeprefix("assumption: ") for line in result.err.splitlines()]
    implied = [line for line in expected_lines(p) if line != DIPLOMA]  # path says no other
    assert degree_lines(said) == implied, result.err


@pytest.mark.parametrize("p", PEOPLE, ids=str)
def test_compare_judges_the_same_education(cli: Runner, p: Person) -> None:
    other = "NSCA-CPT" if p.target != "NSCA-CPT" else "ACE-CPT"
    result = cli("compare", p.target, other, *p.args, "--rows", "eligible", "-f", "json")
    assert result.code == 0, result.err
    said = result.json()["eligibility"][p.target]
    assert said.startswith({"recommended": "yes", "later": "later"}[p.section]), said
    assert ("bachelor's degree (" in said or "a doctorate (" in said) is p.degree_step, said


@pytest.mark.parametrize("p", [p for p in PEOPLE if "@" in " ".join(p.given["have"])], ids=str)
def test_renewals_asks_no_degree_to_sit_a_lapsed_exam_again(cli: Runner, p: Person) -> None:
    result = cli("renewals", *p.args, "-f", "json")
    assert result.code == 0, result.err
    row = {r["id"]: r for r in result.json()["renewals"]}[p.target]
    assert row["way_back"]["prerequisites_again"] == [  # a card to renew; no degree
        "take a CPR/AED course with a hands-on skills check"
    ]
    assert "first meet again: take a CPR/AED course" in row["next_step"], row["next_step"]
    assert degree_lines(result.json()["assumptions"]) == expected_lines(p)
    assert not any("judged without one" in a for a in result.json()["assumptions"])


def test_batch_lines_agree_with_recommend_person_by_person(cli: Runner, tmp_path: Path) -> None:
    """A batch's people share plans: a CSCS holder's (no degree step) never leaks into an
    ACE-CPT holder's, nor the other way, in whichever order they come."""
    cohort = [p for p in PEOPLE for _ in range(2)][::-1] + PEOPLE
    lines = "".join(json.dumps({"person": p.who, **p.given}) + "\n" for p in cohort)
    result = cli("recommend", "--batch", str(write(tmp_path / "c.jsonl", lines)), "-f", "jsonl")
    assert result.code == 0, result.err
    by_person = [json.loads(line) for line in result.out.splitlines()]
    alone = {}
    for p in PEOPLE:
        single = cli("recommend", *p.args, "--no-profile", "-f", "json")
        alone[p.who] = single.json()
        assert degree_lines(alone[p.who]["assumptions"]) == expected_lines(p)
    for record in by_person:
        answer = {k: v for k, v in record.items() if k not in ("person", "line")}
        assert answer == alone[record["person"]], record["person"]


# ---------------------------------------------------------------------- properties

IDS = sorted(
    [
        "ACE-CPT",
        "ATC",
        "CPSS",
        "CSCS",
        "CSCCA-SCCC",
        "NSCA-CPT",
        "PT",
        "PTA",
        "RDN",
        "RN",
        "NBC-HWC",
        "ACSM-EP",
        "CSPS",
    ]
)
held = st.tuples(st.sampled_from(IDS), st.sampled_from(["", "@2020-06", "@2030-06"])).map("".join)
levels = st.none() | st.sampled_from(list(DegreeLevel))
quick = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@quick
@given(st.lists(held, max_size=4), levels, levels, st.none() | st.integers(13, 70))
def test_an_implied_degree_never_changes_the_education_a_person_gave(
    catalog: Catalog,
    have: list[str],
    degree: DegreeLevel | None,
    studying: DegreeLevel | None,
    age: int | None,
) -> None:
    raw = RawProfile(have=tuple(have), degree=degree, studying=studying, age=age)
    profile, said = normalise(raw, catalog, dt.date(2026, 11, 26))
    required = [degree_required(catalog.resolve(h.partition("@")[0])) for h in have]
    if degree is not None:  # theirs stands, whatever they hold
        assert profile.education is degree
        assert profile.implied_degree is None  # none recorded beside theirs
        assert not degree_lines(said)
    elif studying is not None:  # a degree in progress: nothing implied
        assert profile.implied_degree is None
    else:  # the highest degree a credential held (lapsed too) required, and said so
        wanted = [r for r in required if r is not None]
        implied = profile.implied_degree
        if wanted:  # a holder is past school, whatever age they give
            highest = max(wanted, key=lambda level: level.rank)
            assert profile.education is highest
            assert implied is not None and implied.level is highest
            assert degree_lines(said) == [implied.said]
        else:
            assert implied is None and profile.education.rank <= DegreeLevel.HIGH_SCHOOL.rank
            assert len(degree_lines(said)) == 1
