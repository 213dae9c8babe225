"""Output for people: golden tables, words never split, colour that means something, --quiet,
and paging, each built in-process from the output context a terminal would give."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

from certadvise.render import context

from .conftest import REPO, Runner

GOLDEN = REPO / "tests" / "golden"
UPDATE_VAR = "CERTADVISE_UPDATE_GOLDEN"
UPDATE = bool(os.environ.get(UPDATE_VAR))  # read before the fixtures clear CERTADVISE_*
ANSI = re.compile(r"\x1b\[[0-9;]*m")

EXAMPLES = {
    "list": ["list", "--org", "NSCA"],
    "recommend": ["recommend", "-g", "athletes", "-H", "NASM-CPT", "--budget", "1000"],
    "compare": [
        "compare",
        "CSCS",
        "NASM-PES",
        "--rows",
        "cost.exam,prerequisites.required,exam.length,pass_rate",
    ],
    "show": ["show", "CSCS"],
    "path": ["path", "CSPS", "--have", "CPR-AED"],
    "renewals": [
        *("renewals", "--no-profile", "-H", "CSCS@2026-12", "-H", "ACSM-EP@2026-10"),
        *("-H", "NASM-CPT@2026-06", "-H", "CPR-AED@2026-12-15"),
    ],
}


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Standard output is a terminal (the one the test captures)."""
    monkeypatch.setattr(context, "_isatty", lambda stream: stream is sys.stdout)
    monkeypatch.setenv("LINES", "40")
    monkeypatch.delenv("PAGER", raising=False)


@pytest.mark.usefixtures("terminal")
@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_golden_table(cli: Runner, monkeypatch: pytest.MonkeyPatch, name: str, width: int) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    result = cli(
        *EXAMPLES[name], "--color", "always", "--no-pager" if name in ("show", "compare") else "-q"
    )
    assert result.code == 0, result.err
    golden = GOLDEN / f"{name}-{width}.txt"
    if UPDATE:
        golden.write_text(result.out, encoding="utf-8")
    assert result.out == golden.read_text(encoding="utf-8"), (
        f"{golden.name} differs; if the change is intended: {UPDATE_VAR}=1 python -m pytest "
        "tests/test_output.py"
    )


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_no_word_is_split_at_80_columns(name: str) -> None:
    golden = ANSI.sub("", (GOLDEN / f"{name}-80.txt").read_text(encoding="utf-8"))
    words = set(re.findall(r"[A-Za-z][\w./:-]*[\w/]", golden))
    for line in golden.splitlines():
        if len(line) > 80:  # only a word longer than the screen may pass its edge
            assert len(line.split()) == 1, line
    assert "personal-trainin" not in words and "Certifie" not in words


def test_colour_repeats_the_words(cli: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    result = cli("list", "--org", "ISSA", "--color", "always")
    assert "\x1b[33mnot verified" in result.out  # yellow, and it still says so
    assert "\x1b[32m$" in cli("list", "--org", "NSCA", "--color", "always").out  # verified
    plain = cli("list", "--org", "ISSA", "--color", "never")
    assert "\x1b[" not in plain.out and "not verified" in plain.out


def test_color_never_on_a_terminal_has_boxes_but_no_colour(
    cli: Runner, terminal: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    result = cli("list", "--org", "NSCA", "--color", "never")
    assert "╭" in result.out and "\x1b[" not in result.out


def test_no_color_and_dumb_terminals_are_plain(
    cli: Runner, terminal: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    assert "\x1b[" not in cli("list").out  # NO_COLOR is set by the fixture
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "dumb")
    dumb = cli("list").out
    assert "\x1b[" not in dumb and "╭" not in dumb


@pytest.mark.parametrize(
    "args",
    [
        ["recommend", "-g", "athletes"],
        ["recommend", "-g", "athletes", "-f", "csv"],
        ["path", "CSCS"],
        ["list", "--max-cost", "100"],
    ],
)
def test_quiet_silences_stderr(cli: Runner, args: list[str]) -> None:
    assert cli(*args).err != ""
    quiet = cli(*args, "--quiet")
    assert quiet.err == ""
    assert quiet.out == cli(*args).out


def test_quiet_json_keeps_the_assumptions(cli: Runner) -> None:
    result = cli("recommend", "-g", "athletes", "-f", "json", "-q")
    assert result.err == ""
    assert result.json()["assumptions"]


def test_long_output_pages_on_a_terminal(
    cli: Runner, terminal: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    paged = tmp_path / "paged.txt"
    pager = f"{sys.executable} -c 'import sys; open(sys.argv[1], \"w\").write(sys.stdin.read())'"
    monkeypatch.setenv("PAGER", f"{pager} {paged}")
    result = cli("show", "CSCS")
    assert result.code == 0
    assert result.out == ""
    assert "Certified Strength and Conditioning Specialist" in paged.read_text(encoding="utf-8")
    paged.unlink()
    unpaged = cli("show", "CSCS", "--no-pager")
    assert "Certified Strength and Conditioning Specialist" in unpaged.out
    assert not paged.exists()


def test_short_output_and_pipes_never_page(
    cli: Runner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PAGER", "false")
    assert "CSCS" in cli("show", "CSCS").out  # not a terminal
    assert "CSCS" in cli("compare", "CSCS", "PES", "--rows", "cost.exam").out
