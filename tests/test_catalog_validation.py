"""Broken catalogs: every defect is caught, located (file:line: field) and reported at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import Runner, write

VALID = """\
id: TEST-CERT
name: Test Certification
organization: NSCA
category: strength-and-conditioning
goals: [athletes]
sources:
  - {key: s, url: "https://example.org", as_of: "2025"}
cost:
  source: s
  exam_non_member: 100
"""

# (defect, file name, text, expected line, expected "field: message" part)
DEFECTS = [
    ("unknown field", "TEST-CERT.yaml", VALID + "colour: red\n", 11, "colour: unknown field"),
    (
        "wrong type",
        "TEST-CERT.yaml",
        VALID.replace("exam_non_member: 100", "exam_non_member: lots"),
        10,
        "cost.exam_non_member: Input should be a valid number",
    ),
    (
        "missing field",
        "TEST-CERT.yaml",
        VALID.replace("name: Test Certification\n", ""),
        1,
        "name: required field is missing",
    ),
    (
        "id does not match file",
        "OTHER.yaml",
        VALID,
        1,
        "id: id TEST-CERT does not match the file name",
    ),
    (
        "unknown goal",
        "TEST-CERT.yaml",
        VALID.replace("[athletes]", "[athletes, juggling]"),
        5,
        "goals.1: unknown goal 'juggling'",
    ),
    (
        "unknown organization",
        "TEST-CERT.yaml",
        VALID.replace("NSCA", "NOPE"),
        3,
        "organization: unknown organization 'NOPE'",
    ),
    (
        "uncited source",
        "TEST-CERT.yaml",
        VALID.replace("  source: s", "  source: nowhere"),
        9,
        "cost.source: cites source 'nowhere'",
    ),
    ("invalid yaml", "TEST-CERT.yaml", VALID + "goals: [unclosed\n", 12, "did not find expected"),
    ("duplicate key", "TEST-CERT.yaml", VALID + "name: Again\n", 11, "duplicate key 'name'"),
    ("not a mapping", "TEST-CERT.yaml", "- just\n- a list\n", 1, "expected a mapping"),
    (
        "negative price",
        "TEST-CERT.yaml",
        VALID.replace("100", "-5"),
        10,
        "cost.exam_non_member: Input should be greater than or equal to 0",
    ),
    (
        "alias shadows an id",
        "TEST-CERT.yaml",
        VALID + "aliases: [CSCS]\n",
        11,
        "aliases: 'CSCS' is the id of CSCS",
    ),
    (
        "unknown credential",
        "TEST-CERT.yaml",
        VALID
        + """\
prerequisites:
  source: s
  routes:
    - {text: needs a unicorn, credentials: [UNICORN]}
""",
        14,
        "unknown certification 'UNICORN'",
    ),
    (
        "market not a country code",
        "TEST-CERT.yaml",
        VALID + "markets: [US, UK]\n",
        11,
        "markets.1: 'UK' is not an ISO 3166-1 alpha-2 country code",
    ),
    (
        "market listed twice",
        "TEST-CERT.yaml",
        VALID + "markets: [GB, GB]\n",
        11,
        "markets: a market is listed twice",
    ),
    (
        "markets cite an unknown source",
        "TEST-CERT.yaml",
        VALID + "markets: [GB]\nmarkets_source: nowhere\n",
        12,
        "markets_source: cites source 'nowhere'",
    ),
    (
        "currency not an ISO 4217 code",
        "TEST-CERT.yaml",
        VALID.replace("  source: s\n", "  source: s\n  currency: pounds\n"),
        8,
        "currency 'pounds' must be an ISO 4217 code",
    ),
    (
        "study hours upside down",
        "TEST-CERT.yaml",
        VALID + "study_hours: {source: s, low: 200, high: 100}\n",
        11,
        "study_hours: low (200) is above high (100)",
    ),
    (
        "study hours cite an unknown source",
        "TEST-CERT.yaml",
        VALID + "study_hours: {source: nowhere, low: 100}\n",
        11,
        "study_hours.source: cites source 'nowhere'",
    ),
    (
        "unknown continuing-education unit",
        "TEST-CERT.yaml",
        VALID + "recertification: {source: s, ceus: 2, ce_unit: credits}\n",
        11,
        "recertification.ce_unit: Input should be 'CEU', 'CEC', 'hours' or 'points'",
    ),
    (
        "a price whose source states no year",
        "TEST-CERT.yaml",
        VALID.replace('as_of: "2025"', "as_of: undated"),
        9,
        "cost.source: a price needs a dated source: 's' is 'undated'",
    ),
    (
        "an amount keyed usd in a cost in pounds",
        "TEST-CERT.yaml",
        VALID.replace(
            "  exam_non_member: 100", "  currency: GBP\n  tiers: [{name: Course, usd: 500}]"
        ),
        8,
        "cost: tiers[0].usd: an amount keyed `usd` in a GBP cost; write it as `amount`",
    ),
    (
        "shared continuing education citing an unknown source",
        "TEST-CERT.yaml",
        VALID + "recertification:\n  source: s\n  ce_shared: {source: nowhere, text: one set}\n",
        13,
        "recertification.ce_shared.source: cites source 'nowhere'",
    ),
    (
        "a price that includes dues without a membership stage",
        "TEST-CERT.yaml",
        VALID.replace(
            "  exam_non_member: 100", "  tiers: [{name: Fee, amount: 260, includes_dues: true}]"
        ),
        1,
        "tier 'Fee' includes the membership dues, but no stage is a membership",
    ),
    (
        "a covered id the catalog does not hold",
        "TEST-CERT.yaml",
        VALID + "covers:\n  - {ids: [NOPE-CERT], why: it teaches less}\n",
        12,
        "covers.0.ids: unknown certification 'NOPE-CERT'",
    ),
    (
        "the price paid at two stages",
        "TEST-CERT.yaml",
        VALID
        + "stages:\n  - {kind: course, text: the course, pays: true}\n"
        + "  - {kind: exam, text: the exam, pays: true}\n",
        1,
        "the price is paid at one stage: at most one has `pays: true`",
    ),
    (
        "a route paying a tier the cost lacks",
        "TEST-CERT.yaml",
        VALID + "prerequisites:\n  source: s\n  routes:\n    - {text: none, tier: Combined}\n",
        1,
        "a route pays the tier 'Combined', which `cost` lacks",
    ),
    (
        "a stage naming a route the entry lacks",
        "TEST-CERT.yaml",
        VALID
        + "prerequisites:\n  source: s\n  routes:\n    - {text: at home, key: home}\n"
        + "stages:\n  - {kind: exam, text: the exam abroad, routes: [abroad]}\n",
        16,
        "stages.0.routes: no route has the key 'abroad'",
    ),
    (
        "a route key used twice",
        "TEST-CERT.yaml",
        VALID
        + "prerequisites:\n  source: s\n  routes:\n    - {text: at home, key: home}\n"
        + "    - {text: at home too, key: home}\n",
        15,
        "prerequisites.routes.1.key: route key 'home' is used twice",
    ),
]


@pytest.mark.parametrize(
    ("defect", "name", "text", "line", "message"), DEFECTS, ids=[d[0] for d in DEFECTS]
)
def test_each_defect_is_reported_with_file_line_and_field(
    cli: Runner, tmp_path: Path, defect: str, name: str, text: str, line: int, message: str
) -> None:
    path = write(tmp_path / "overlay" / "test" / name, text)
    result = cli("catalog", "validate", str(tmp_path / "overlay"))
    assert result.code == 3, result.err
    assert result.out == ""
    first = result.err.splitlines()[0]
    assert first.startswith(f"{path}:{line}: "), first
    assert message in first
    assert "Traceback" not in result.err


def test_every_problem_is_reported_in_one_run(cli: Runner, tmp_path: Path) -> None:
    write(tmp_path / "o" / "a" / "TEST-CERT.yaml", VALID + "colour: red\n")
    write(
        tmp_path / "o" / "b" / "OTHER-CERT.yaml",
        VALID.replace("TEST-CERT", "OTHER-CERT").replace("NSCA", "NOPE"),
    )
    result = cli("catalog", "validate", str(tmp_path / "o"))
    assert result.code == 3
    problems = [line for line in result.err.splitlines() if not line.startswith("certadvise:")]
    assert len(problems) == 2
    assert "and 1 more problem" in result.err.splitlines()[-1]


def test_a_requirement_loop_is_a_catalog_error(cli: Runner, tmp_path: Path) -> None:
    needs = """\
prerequisites:
  source: s
  routes:
    - {{text: needs {other}, credentials: [{other}]}}
"""
    write(
        tmp_path / "o" / "x" / "LOOP-A.yaml",
        VALID.replace("TEST-CERT", "LOOP-A") + needs.format(other="LOOP-B"),
    )
    write(
        tmp_path / "o" / "x" / "LOOP-B.yaml",
        VALID.replace("TEST-CERT", "LOOP-B") + needs.format(other="LOOP-A"),
    )
    result = cli("catalog", "validate", str(tmp_path / "o"))
    assert result.code == 3
    assert "requirement loop: LOOP-A -> LOOP-B -> LOOP-A" in result.err


def test_a_valid_overlay_validates(cli: Runner, tmp_path: Path) -> None:
    write(tmp_path / "o" / "test" / "TEST-CERT.yaml", VALID)
    result = cli("catalog", "validate", str(tmp_path / "o"), "-f", "json")
    assert result.code == 0
    builtin = len(list((Path(__file__).parents[1] / "catalog").glob("*/*.yaml")))
    assert result.json()["certifications"] == builtin + 1


def test_an_overlay_entry_replaces_the_built_in_one(cli: Runner, tmp_path: Path) -> None:
    cscs = (Path(__file__).parents[1] / "catalog" / "nsca" / "CSCS.yaml").read_text()
    write(
        tmp_path / "o" / "nsca" / "CSCS.yaml",
        cscs.replace("exam_non_member: 475", "exam_non_member: 500"),
    )
    result = cli("show", "CSCS", "--catalog", str(tmp_path / "o"), "-f", "json")
    assert result.code == 0
    assert result.json()["cost"]["exam_non_member"] == 500


def test_an_invalid_catalog_stops_every_command_with_exit_3(cli: Runner, tmp_path: Path) -> None:
    write(tmp_path / "o" / "t" / "TEST-CERT.yaml", VALID + "colour: red\n")
    result = cli("list", "--catalog", str(tmp_path / "o"))
    assert result.code == 3
    assert result.out == ""
    assert "colour: unknown field" in result.err


def test_a_missing_catalog_folder_is_bad_input(
    cli: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = cli("list", "--catalog", str(tmp_path / "nowhere"))
    assert result.code == 2
    assert result.err.startswith("certadvise: error: --catalog: catalog folder")
    assert "does not exist" in result.err
    assert cli("catalog", "validate", str(tmp_path / "nowhere")).code == 2
    monkeypatch.setenv("CERTADVISE_CATALOG", str(tmp_path / "gone"))
    result = cli("list")
    assert result.code == 2 and "CERTADVISE_CATALOG: catalog folder" in result.err


def test_the_environment_variable_layers_folders(
    cli: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "o" / "test" / "TEST-CERT.yaml", VALID)
    monkeypatch.setenv("CERTADVISE_CATALOG", str(tmp_path / "o"))
    result = cli("list", "-f", "ids")
    assert "TEST-CERT" in result.lines


CSCS_FILE = Path(__file__).parents[1] / "catalog" / "nsca" / "CSCS.yaml"


def test_an_overlay_that_replaces_a_built_in_entry_is_reported(cli: Runner, tmp_path: Path) -> None:
    write(tmp_path / "o" / "nsca" / "CSCS.yaml", CSCS_FILE.read_text())
    result = cli("catalog", "validate", str(tmp_path / "o"))
    assert result.code == 0
    assert f"note: CSCS: {tmp_path / 'o' / 'nsca' / 'CSCS.yaml'} replaces" in result.out
    shown = cli("show", "CSCS", "--catalog", str(tmp_path / "o"), "-f", "json")
    assert shown.code == 0 and "note: CSCS:" in shown.err and "replaces" in shown.err
    assert "note:" not in cli("show", "CSCS", "-f", "json").err  # the built-in alone: quiet


PATCH = """\
extends: CSCS
cost:
  exam_non_member: 500
sources:
  - {key: my-check, url: "https://example.org/cscs", as_of: "2026-11", confidence: high}
"""


def test_an_overlay_may_patch_a_built_in_entry_field_by_field(cli: Runner, tmp_path: Path) -> None:
    write(tmp_path / "o" / "mine" / "CSCS.yaml", PATCH)
    result = cli("show", "CSCS", "--catalog", str(tmp_path / "o"), "-f", "json")
    assert result.code == 0, result.err
    entry = result.json()
    assert entry["cost"]["exam_non_member"] == 500
    assert entry["cost"]["exam_member"] == 340  # untouched fields stay
    assert entry["accreditation"]["bodies"] == ["NCCA"]  # the route it opens is not lost
    assert {s["key"] for s in entry["sources"]} >= {"nsca-nasm-2025", "my-check"}
    assert "note: CSCS: patched by" in result.err
    validated = cli("catalog", "validate", str(tmp_path / "o"), "-f", "json").json()
    assert any("patched by" in n for n in validated["notices"])


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (PATCH.replace("500", "lots"), 3, "cost.exam_non_member: Input should be a valid number"),
        ("extends: NOPE\n", 1, "extends: must name the entry it patches"),
        ("extends: CSCS\ncolour: red\n", 2, "colour: unknown field"),
        ("extends: CSCS\nid: OTHER\n", 2, "id: a patch cannot change the id"),
    ],
)
def test_a_bad_patch_is_a_catalog_error(
    cli: Runner, tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = write(tmp_path / "o" / "mine" / "CSCS.yaml", text)
    result = cli("catalog", "validate", str(tmp_path / "o"))
    assert result.code == 3
    first = result.err.splitlines()[0]
    assert first.startswith(f"{path}:{line}: ") and message in first, first


def test_a_patch_needs_an_entry_to_patch(cli: Runner, tmp_path: Path) -> None:
    path = write(tmp_path / "o" / "mine" / "NEW-THING.yaml", "extends: NEW-THING\n")
    result = cli("catalog", "validate", str(tmp_path / "o"))
    assert result.code == 3
    assert f"{path}:1: extends: extends NEW-THING, which no earlier catalog folder defines" in (
        result.err
    )


def test_two_entries_with_the_same_organization_and_name_are_an_error(
    cli: Runner, tmp_path: Path
) -> None:
    cnc = (Path(__file__).parents[1] / "catalog" / "nasm" / "NASM-CNC.yaml").read_text()
    path = write(tmp_path / "o" / "nasm" / "NASM-CNS.yaml", cnc.replace("NASM-CNC", "NASM-CNS"))
    result = cli("catalog", "validate", str(tmp_path / "o"))
    assert result.code == 3
    assert any(
        line.startswith(f"{path}:") and "same organization and name as NASM-CNC" in line
        for line in result.err.splitlines()
    ), result.err


def test_the_example_overlay_validates(cli: Runner) -> None:
    example = Path(__file__).parents[1] / "examples" / "overlay"
    result = cli("catalog", "validate", str(example), "-f", "json")
    assert result.code == 0, result.err
    document = result.json()
    assert any("patched by" in n for n in document["notices"])
    shown = cli("show", "GYM-COACH", "--catalog", str(example), "-f", "json")
    assert shown.code == 0, shown.err
    assert shown.json()["organization"] == "EXAMPLE-ORG"
