"""Help and completion: quick, grouped, in words, with examples that run; all in the README."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer

from certadvise.cli import coercion, quick
from certadvise.cli.app import app
from certadvise.cli.help import EXAMPLES

from .conftest import REPO, Runner, write
from .test_catalog_validation import VALID

README = (REPO / "README.md").read_text(encoding="utf-8")
EXE = Path(sys.executable).parent / "certadvise"
UPDATE_VAR = "CERTADVISE_UPDATE_GOLDEN"  # the same switch as the golden tables
UPDATE = bool(os.environ.get(UPDATE_VAR))  # read before the fixtures clear CERTADVISE_*


def commands(group: Any = None, path: tuple[str, ...] = ()) -> Iterator[tuple[str, Any]]:
    """Every (command path, click command) of the app, groups included."""
    group = group or typer.main.get_command(app)
    for name, command in group.commands.items():
        yield " ".join((*path, name)), command
        if hasattr(command, "commands"):
            yield from commands(command, (*path, name))


LEAVES = [path for path, command in commands() if not hasattr(command, "commands")]


def imported_by(*args: str) -> set[str]:
    code = (
        "import sys\nfrom certadvise.cli import main\n"
        f"main({list(args)!r})\n"
        "sys.stderr.write(' '.join(sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return {name.split(".")[0] for name in done.stderr.split()} | set(done.stderr.split())


@pytest.mark.parametrize("args", [["--help"], ["-h"], [], ["--version"]], ids=str)
def test_root_help_and_version_import_no_parser_nor_the_core(args: list[str]) -> None:
    modules = imported_by(*args)
    heavy = {"typer", "rich", "pydantic", "yaml", "jinja2", "certadvise.catalog"}
    assert not (heavy | {"certadvise.advice", "certadvise.views"}) & modules


def test_a_warm_recommend_parses_no_yaml(tmp_path: Path) -> None:
    """The cache answers; the YAML parser is for catalog files and profile files only."""
    assert "yaml" in imported_by("list", "-f", "ids")  # cold: builds the cache
    modules = imported_by("recommend", "-g", "athletes", "--budget", "600", "--age", "24")
    assert not {"yaml", "jinja2"} & modules
    profile = tmp_path / "me.yaml"
    profile.write_text("goals: [athletes]\n", encoding="utf-8")
    assert "yaml" in imported_by("recommend", "--profile", str(profile))


@pytest.mark.parametrize(
    "args",
    [
        ["recommend", "-g", "athletes", "--degree", "bachelor", "--have", "CPR", "--budget", "60"],
        ["recommend", "-g", "athletes", "-f", "json", "--top", "3", "--catalog", "."],
        ["compare", "CSCS", "NASM-PES", "-f", "csv"],
        ["list", "--org", "NSCA"],
    ],
    ids=" ".join,
)
def test_plain_options_and_profiles_import_no_pydantic(args: list[str], tmp_path: Path) -> None:
    """Text, digits, a format and a folder are taken as typer takes them, and a profile
    from options as pydantic would, without importing it (a tenth of a second a run)."""
    write(tmp_path / "bucket" / "TEST-CERT.yaml", VALID)
    args = [str(tmp_path / "bucket") if a == "." else a for a in args]
    assert "pydantic" in imported_by(*args)  # cold: the catalog's files are validated
    assert "pydantic" not in imported_by(*args)  # warm: the cache answers
    assert "pydantic" in imported_by("recommend", "-g", "athletes", "--top", "+3")  # typer reads it


@pytest.mark.parametrize("columns", ["80", "200", None])
@pytest.mark.parametrize("args", [["--help"], ["-h"], [], ["--version"]], ids=str)
def test_the_quick_answers_are_what_typer_prints(
    cli: Runner, monkeypatch: pytest.MonkeyPatch, args: list[str], columns: str | None
) -> None:
    """The kept root help cannot drift: it is compared with typer's own output."""
    if columns is not None:
        monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.setattr(os, "get_terminal_size", lambda *_: os.terminal_size((80, 24)))
    assert quick.answer(args, os.environ) is not None
    kept = cli(*args)
    monkeypatch.setattr(quick, "answer", lambda *_: None)
    typer_s = cli(*args)
    if UPDATE and args in quick.HELP_ARGS:
        Path(quick.ROOT_HELP).write_text(typer_s.out, encoding="utf-8")
        kept = cli(*args)  # the help as it is now kept
    assert kept == typer_s, (
        f"{quick.ROOT_HELP} differs from typer's help; if a command changed: "
        f"{UPDATE_VAR}=1 python -m pytest tests/test_help.py"
    )


@pytest.mark.parametrize(("columns", "width"), [("70", 68), ("60", 58), ("20", 50)])
def test_a_narrow_terminal_gets_typer_s_help_wrapped_to_it(
    cli: Runner, monkeypatch: pytest.MonkeyPatch, columns: str, width: int
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    assert quick.answer(["--help"], os.environ) is None
    shown = cli("--help").out
    assert shown != Path(quick.ROOT_HELP).read_text(encoding="utf-8")
    assert max(len(line) for line in shown.splitlines()) <= width


@pytest.mark.parametrize("path", ["recommend", "list", "profile save"])
def test_command_help_imports_neither_rich_nor_yaml_nor_the_core(path: str) -> None:
    modules = imported_by(*path.split(), "--help")
    assert not {"rich", "yaml", "jinja2", "certadvise.catalog", "certadvise.advice"} & modules


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_only_the_html_format_imports_the_template_engine(fmt: str) -> None:
    assert "jinja2" not in imported_by("show", "CSCS", "-f", fmt, "--no-pager")
    assert "jinja2" in imported_by("show", "CSCS", "-f", "html")


@pytest.mark.parametrize("path", LEAVES)
def test_every_command_help_has_examples_from_the_readme_that_run(cli: Runner, path: str) -> None:
    shown = cli(*path.split(), "--help")
    assert shown.code == 0
    examples = [line.strip()[2:] for line in shown.lines if line.strip().startswith("$ ")]
    assert examples, f"{path} --help has no example"
    for example in examples:
        assert f"$ {example}" in README, f"not in the README: {example}"
        result = cli(*shlex.split(example)[1:])
        assert result.code == 0, f"{example}: {result.err}"


@pytest.mark.parametrize("path", LEAVES)
def test_help_speaks_in_words(cli: Runner, path: str) -> None:
    text = cli(*path.split(), "--help").out
    for leak in ("<int", "<str>", "<list", "<float", "{ID", "x>=", "<=x", "<text>", "Value error"):
        assert leak not in text, f"{path} --help shows {leak!r}"


def test_options_are_grouped_by_panel(cli: Runner) -> None:
    text = cli("recommend", "--help").out
    profile, output, catalog = (
        text.index("Profile options:"),
        text.index("Output options:"),
        text.index("Catalog options:"),
    )
    assert profile < output < catalog
    assert "--budget AMOUNT" in text[profile:output]
    assert "--quiet" in text[output:catalog] and "--color WHEN" in text[output:catalog]


def test_list_help_lists_categories_and_organizations(cli: Runner) -> None:
    text = " ".join(cli("list", "--help").out.split())
    assert "strength-and- conditioning" in text or "strength-and-conditioning" in text
    assert "NSCA" in text and "ACSM" in text and "tactical" in text


def test_every_help_example_is_listed() -> None:
    assert set(EXAMPLES) == set(LEAVES)


def complete(line: str) -> list[str]:
    """What bash completion offers for `line` (the last word being completed)."""
    words = line.split(" ")
    env = {
        **os.environ,
        "_CERTADVISE_COMPLETE": "complete_bash",
        "COMP_WORDS": line,
        "COMP_CWORD": str(len(words) - 1),
    }
    done = subprocess.run([str(EXE)], capture_output=True, text=True, env=env, timeout=60)
    return done.stdout.split()


@pytest.mark.parametrize(
    ("line", "wanted"),
    [
        ("certadvise show CS", {"CSCS", "CSPS", "CSCCA-SCCC"}),
        ("certadvise compare CSCS NASM-P", {"NASM-PES", "NASM-PBC"}),
        ("certadvise recommend --goal tac", {"tactical"}),
        ("certadvise list --org NS", {"NSCA"}),
        ("certadvise list --category str", {"strength-and-conditioning"}),
        ("certadvise list --format js", {"json", "jsonl"}),
        ("certadvise compare CSCS PES --rows cost.exam,pass", {"cost.exam,pass_rate"}),
        ("certadvise path TS", {"TSAC-F"}),
    ],
)
def test_completion_offers_names(line: str, wanted: set[str]) -> None:
    assert wanted <= set(complete(line))


def test_completion_can_be_installed(cli: Runner) -> None:
    text = cli("--help").out
    assert "--install-completion" in text and "--show-completion" in text


def test_every_command_and_option_is_in_the_readme() -> None:
    missing = []
    for path, command in commands():
        if f"certadvise {path}" not in README and f"`{path}`" not in README:
            missing.append(path)
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--") and opt not in README:
                    missing.append(f"{path} {opt}")
    assert not missing, f"not in the README: {missing}"


def test_only_the_options_given_are_coerced(cli: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    """Typer's coercion is built for a value that needs it, never for an unset option."""
    built: list[object] = []
    real = coercion.build_runtime_param

    def counted(descriptor: Any) -> Any:
        built.append(descriptor.annotation)
        return real(descriptor)

    monkeypatch.setattr(coercion, "build_runtime_param", counted)
    monkeypatch.setattr(typer.core, "build_runtime_param", counted)  # typer's own, up front
    assert cli("recommend", "-g", "athletes", "--top", "2").code == 0
    assert len(built) <= 3, built  # --goal, --top, --color's default: not the other 25
    failed = cli("recommend", "--top", "x")  # a given value is still typer's to refuse
    assert failed.code == 2
    assert "--top: expected a whole number, 1 or more, got 'x'" in failed.err


@pytest.mark.parametrize("args", [["recommend", "-g", "athletes"], ["--debug", "list"]], ids=str)
def test_a_run_imports_only_the_command_it_names(args: list[str]) -> None:
    modules = imported_by(*args)
    named = next(a for a in args if not a.startswith("-"))
    commands = {n for n in modules if n.startswith("certadvise.cli.") and n.endswith("_cmd")}
    assert commands == {f"certadvise.cli.{named}_cmd"}


def test_help_and_completion_see_every_command() -> None:
    from certadvise.cli.app import COMMANDS, GROUPS, for_args

    every = set(COMMANDS) | set(GROUPS)
    for args in (["--help", "recommend"], ["lst"], ["--debug", "--help"]):
        assert set(typer.main.get_command(for_args(args, {})).commands) == every  # type: ignore[attr-defined]
    completing = for_args(["recommend"], {quick.COMPLETE_VAR: "complete_bash"})
    assert set(typer.main.get_command(completing).commands) == every  # type: ignore[attr-defined]


def test_without_the_kept_help_typer_answers(
    cli: Runner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    kept = cli("--help")
    monkeypatch.setattr(quick, "ROOT_HELP", str(tmp_path / "gone.txt"))
    assert quick.answer(["--help"], os.environ) is None
    assert cli("--help") == kept
