"""Bad input, broken catalogs and hostile text: a clear line on stderr, never a traceback."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from certadvise.catalog import yamlsource
from certadvise.cli.profile_files import read_profile
from certadvise.errors import InputError

from .conftest import Runner, write
from .test_catalog_validation import VALID

CERTADVISE = str(Path(sys.executable).parent / "certadvise")

# (case, file bytes or None for "no file", expected message fragment)
PROFILE_CASES: list[tuple[str, bytes | None, str]] = [
    (
        "unknown key",
        b"goals: [tactical]\nbudjet: 4\n",
        "me:2: unknown field 'budjet'; did you mean budget?",
    ),
    (
        "wrong type",
        b"age: [1, 2]\n",
        "me:1: age: expected a whole number of years from 10 to 100, got [1, 2]",
    ),
    (
        "negative budget",
        b"budget_usd: -5\n",
        "me:1: budget_usd: expected an amount of US dollars from 0 to 1,000,000",
    ),
    (
        "absurd age",
        b"age: 300\n",
        "me:1: age: expected a whole number of years from 10 to 100, got 300",
    ),
    (
        "negative hours",
        b"hours: {clinical: -1}\n",
        "me:1: hours.clinical: expected whole hours from 0 to 100,000, got clinical=-1",
    ),
    ("empty file", b"", "me: the profile is empty"),
    ("only a comment", b"# nothing\n", "me: the profile is empty"),
    ("binary garbage", b"\x00\x01\x02garbage", "me: binary data, not text"),
    ("not UTF-8", "age: 30 # café\n".encode("latin-1"), "me: not UTF-8 text"),
    ("JSON trailing comma", b'{"goals": ["tactical"],}', "me:1:24: Expecting property name"),
    ("JSON duplicate key", b'{"age": 30, "age": 31}', "me: duplicate key 'age'"),
    ("YAML duplicate key", b"age: 30\nage: 31\n", "me:2: duplicate key 'age'"),
    ("invalid YAML", b"goals: [tactical\n", "me:2:1: did not find expected"),
    ("a list, not a mapping", b"- tactical\n", "me:1: a profile is a mapping of fields"),
    ("unknown goal in file", b"goals: [juggling]\n", "unknown goal 'juggling'"),
    (
        "alias bomb",
        b"a: &a [x, x, x, x, x, x, x, x, x]\n"
        + b"".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n".encode()
            for i in range(9)
        ),
        "me:1: document expands to more than 200,000 values",
    ),
    ("deep nesting", b"a: " + b"[" * 5000 + b"]" * 5000, "nesting depth"),
    ("missing file", None, "No such file or directory"),
]


@pytest.mark.parametrize(
    ("case", "content", "message"), PROFILE_CASES, ids=[c[0] for c in PROFILE_CASES]
)
def test_bad_profiles(
    cli: Runner, tmp_path: Path, case: str, content: bytes | None, message: str
) -> None:
    path = tmp_path / "me"
    if content is not None:
        path.write_bytes(content)
    result = cli("recommend", "--profile", str(path))
    assert result.code == 2, result.err
    assert result.out == ""
    assert len(result.err.splitlines()) == 1
    assert message in result.err.replace(str(tmp_path) + "/", "")
    assert "Traceback" not in result.err


def test_a_directory_is_not_a_profile(cli: Runner, tmp_path: Path) -> None:
    result = cli("recommend", "--profile", str(tmp_path))
    assert (result.code, result.err.strip()) == (
        2,
        f"certadvise: error: {tmp_path}: is a directory, not a file",
    )


def test_empty_standard_input(cli: Runner) -> None:
    result = cli("recommend", "--profile", "-", stdin="")
    assert (result.code, result.err.strip()) == (
        2,
        "certadvise: error: <stdin>: the profile is empty",
    )


CATALOG_CASES = [
    ("not a mapping", "TEST-CERT.yaml", "just text\n", "expected a mapping of fields"),
    ("empty file", "TEST-CERT.yaml", "", "expected a mapping of fields"),
    (
        "wrong type",
        "TEST-CERT.yaml",
        VALID.replace("goals: [athletes]", "goals: athletes"),
        "goals: Input should be",
    ),
    ("unreadable binary", "TEST-CERT.yaml", "\x00\x01", "binary data, not text"),
    (
        "alias bomb",
        "TEST-CERT.yaml",
        PROFILE_CASES[15][1].decode(),
        "document expands to more than",
    ),  # type: ignore[union-attr]
]


@pytest.mark.parametrize(
    ("case", "name", "text", "message"), CATALOG_CASES, ids=[c[0] for c in CATALOG_CASES]
)
def test_broken_catalog_files(
    cli: Runner, tmp_path: Path, case: str, name: str, text: str, message: str
) -> None:
    write(tmp_path / "o" / "x" / name, text)
    result = cli("list", "--catalog", str(tmp_path / "o"))
    assert result.code == 3 and result.out == ""
    assert message in result.err and "Traceback" not in result.err


def test_an_empty_catalog_folder_is_reported(cli: Runner, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = cli("catalog", "validate", str(tmp_path / "empty"))
    assert result.code == 3 and "catalog folder holds no YAML files" in result.err


def test_an_unreadable_file_is_reported(cli: Runner, tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    path = write(tmp_path / "o" / "x" / "TEST-CERT.yaml", VALID)
    path.chmod(0)
    result = cli("catalog", "validate", str(tmp_path / "o"))
    assert result.code == 3 and "Permission denied" in result.err


def test_duplicate_ids_in_one_folder_are_reported(cli: Runner, tmp_path: Path) -> None:
    write(tmp_path / "o" / "a" / "TEST-CERT.yaml", VALID)
    write(tmp_path / "o" / "b" / "TEST-CERT.yaml", VALID)
    result = cli("catalog", "validate", str(tmp_path / "o"))
    assert result.code == 3 and "TEST-CERT is also defined in" in result.err


def test_internal_errors_are_one_line_unless_debugging(
    cli: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    import certadvise.advice.listing

    def broken(*args: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(certadvise.advice.listing, "filter_entries", broken)
    result = cli("list")
    assert result.code == 70
    assert result.err.startswith("certadvise: internal error: ZeroDivisionError: boom")
    assert len(result.err.splitlines()) == 1
    with pytest.raises(ZeroDivisionError):
        cli("--debug", "list")


def run_real(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = dict(os.environ)  # already pinned by conftest: a fixed day, a private cache
    full.update(env or {})
    return subprocess.run(
        [CERTADVISE, *args], capture_output=True, text=True, env=full, timeout=60, check=False
    )


def test_a_closed_pipe_exits_quietly() -> None:
    done = subprocess.run(
        f"{CERTADVISE} list | head -1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.stdout.startswith("ID ")
    assert done.stderr == ""


@pytest.mark.parametrize("env", [{"NO_COLOR": "1"}, {"TERM": "dumb"}, {"COLUMNS": "40"}])
def test_plain_environments_render_without_escapes(env: dict[str, str]) -> None:
    done = run_real("compare", "CSCS", "NASM-PES", env=env)
    assert done.returncode == 0
    assert "\x1b[" not in done.stdout
    if "COLUMNS" in env:  # only a word longer than the width (a URL) may pass it, unsplit
        long = [line for line in done.stdout.splitlines() if len(line) > 40]
        assert all(len(line.split()) == 1 for line in long), long


def test_non_ascii_names_render(cli: Runner, tmp_path: Path) -> None:
    write(
        tmp_path / "o" / "t" / "TEST-CERT.yaml",
        VALID.replace("Test Certification", "Entraîneur 認定 Ünïcode"),
    )
    result = cli("list", "--catalog", str(tmp_path / "o"), "--org", "NSCA")
    assert result.code == 0 and "Entraîneur 認定 Ünïcode" in result.out


def test_control_characters_never_reach_any_format(cli: Runner, tmp_path: Path) -> None:
    hostile = VALID.replace("name: Test Certification", 'name: "Bad\\e[2J\\e]0;title\\aName\\x9b"')
    write(tmp_path / "o" / "t" / "TEST-CERT.yaml", hostile)
    for fmt in ("table", "csv", "tsv", "markdown", "json", "jsonl"):
        out = cli("show", "TEST-CERT", "--catalog", str(tmp_path / "o"), "-f", fmt).out
        assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out, fmt


# ----------------------------------------------------------------------------- fuzzing

fuzz = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@fuzz
@given(st.binary(max_size=400))
def test_profile_reader_never_crashes_on_random_bytes(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "p.yaml"
    path.write_bytes(data)
    try:
        read_profile(str(path))
    except InputError as exc:
        assert "\n" not in str(exc)


yaml_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)


plain_yaml = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)


@fuzz
@given(plain_yaml, st.booleans())
def test_yaml_is_read_as_pyyaml_reads_it(data: object, flow: bool) -> None:
    """The quick reader of plain data gives what PyYAML's safe loader gives."""
    import yaml

    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True)
    assert yamlsource.parse(text).data == yaml.safe_load(text)


def test_yaml_merge_keys_aliases_and_tags() -> None:
    text = (
        "base: &base {a: 1, b: [x, y]}\n"
        "more: &more {b: 2, c: 3}\n"
        "one: {<<: *base, a: 9}\n"
        "two: {<<: [*more, *base], d: 4}\n"
        "text: !!str 12\n"
        "date: 2026-12-03\n"
        "int: !!int '7'\n"
    )
    assert yamlsource.parse(text).data == {
        "base": {"a": 1, "b": ["x", "y"]},
        "more": {"b": 2, "c": 3},
        "one": {"a": 9, "b": ["x", "y"]},  # the key written here wins
        "two": {"b": 2, "c": 3, "a": 1, "d": 4},  # the first mapping named wins
        "text": "12",
        "date": "2026-12-03",  # dates stay text: the models check them
        "int": 7,
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: 1\nb: 2\na: 3\n", "3: duplicate key 'a'"),
        ("a: {<<: 5}\n", "1: a merge (<<) takes a mapping or a list of mappings"),
        ("a: &a [*a]\n", "1: document nests deeper than 64 levels"),
        ("a: !!python/object/apply:os.system [ls]\n", "1: could not determine a constructor"),
        ("a: !!python/name:os.system x\n", "1: could not determine a constructor"),
        ("a: !custom x\n", "1: could not determine a constructor"),
        ("? [1]\n: 2\n", "1: a key must be a plain value"),
        ("n: " + "1" * 101 + "\n", "1: a number longer than 100 digits"),
    ],
)
def test_yaml_refusals_say_what_and_where(text: str, message: str) -> None:
    with pytest.raises(yamlsource.YamlProblem) as refused:
        yamlsource.parse(text)
    line, what = message.split(": ", 1)
    assert (refused.value.line, what in refused.value.message) == (int(line), True), (
        refused.value.line,
        refused.value.message,
    )


@fuzz
@given(st.text(max_size=300))
def test_yaml_parser_only_raises_yaml_problems(text: str) -> None:
    with contextlib.suppress(yamlsource.YamlProblem):
        yamlsource.parse(text)


@fuzz
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "id",
                "name",
                "organization",
                "category",
                "goals",
                "cost",
                "prerequisites",
                "sources",
                "exam",
                "aliases",
                "status",
            ]
        ),
        yaml_like,
        max_size=8,
    )
)
def test_random_catalog_entries_are_rejected_cleanly(
    tmp_path_factory: pytest.TempPathFactory, data: dict
) -> None:  # type: ignore[type-arg]
    import yaml

    from certadvise.catalog.index import builtin_dir
    from certadvise.catalog.loading import load_catalog
    from certadvise.errors import CatalogError

    folder = tmp_path_factory.mktemp("cat")
    write(folder / "x" / "TEST-CERT.yaml", yaml.safe_dump(data))
    try:
        load_catalog([builtin_dir(), folder])
    except CatalogError as exc:
        assert exc.problems and all(p.startswith(str(folder)) for p in exc.problems)


option_values = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12
)
profile_options = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "--goal",
                "--degree",
                "--field",
                "--have",
                "--hours",
                "--experience",
                "--age",
                "--budget",
                "--member",
                "--final-year",
                "--top",
                "--why",
            ]
        ),
        option_values
        | st.sampled_from(["tactical", "bachelor", "CSCS", "clinical=600", "30", "-1"]),
    ),
    max_size=5,
)


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(profile_options, st.sampled_from(["recommend", "path CSCS", "compare CSCS TSAC-F"]))
def test_random_command_lines_never_crash(
    cli: Runner, options: list[tuple[str, str]], command: str
) -> None:
    args = [*command.split(), *(part for pair in options for part in pair)]
    if args[0] != "recommend":
        args = [a for a in args if a not in ("--top", "--why")]
    result = cli(*args, "-f", "json")
    assert result.code in (0, 1, 2), result.err
    assert "Traceback" not in result.err
    if result.code == 2:
        assert result.out == "" and len(result.err.splitlines()) == 1, result.err
