"""The edges found by the hostile round of 2026-11-29, each as a user meets it: closed and
failing streams, encodings that cannot carry every character, odd COLUMNS, LINES, PAGER
and CERTADVISE_TODAY, concurrent and misplaced saved profiles, huge profile lists, and the
formats every command takes. Each expects an exit code, one clear line, intact output."""

from __future__ import annotations

import io
import json
import os
import re
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from certadvise.cli import interview, saved_profile
from certadvise.cli.exits import EXIT_CODES

from .conftest import REPO, Runner, write
from .test_catalog_validation import VALID

CERTADVISE = str(Path(sys.executable).parent / "certadvise")


def real(
    command: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """`certadvise COMMAND` through bash, so redirections such as `>&-` are real."""
    return subprocess.run(
        ["bash", "-c", f"{CERTADVISE} {command}"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=120,
        check=False,
        env={**os.environ, **(env or {})},
        cwd=cwd,
    )


def real_bytes(command: str, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [CERTADVISE, *command.split()],
        capture_output=True,
        timeout=120,
        check=False,
        env={**os.environ, **env},
    )


# ----------------------------------------------------------------------------- streams


def test_a_closed_standard_output_is_one_line_and_exit_74() -> None:
    done = real("list >&-")
    assert done.returncode == 74
    assert done.stderr == "certadvise: error: cannot write the output: standard output is closed\n"


def test_closed_standard_output_and_error_is_exit_74_in_silence() -> None:
    done = real("list >&- 2>&-")
    assert (done.returncode, done.stderr) == (74, "")


def test_a_closed_standard_error_discards_the_notes_and_keeps_the_output() -> None:
    discarded = real("recommend -g athletes --top 2 2>/dev/null")
    done = real("recommend -g athletes --top 2 2>&-")
    assert done.returncode == discarded.returncode == 0
    assert done.stdout == discarded.stdout and "Recommended now" in done.stdout


def test_a_closed_standard_error_does_not_stop_a_save(tmp_path: Path) -> None:
    done = real("profile save -g athletes 2>&-", env={"CERTADVISE_CONFIG_DIR": str(tmp_path)})
    assert done.returncode == 0
    assert (tmp_path / "profile.yaml").is_file()


def test_a_failing_standard_error_is_exit_74() -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    done = real("recommend -g athletes 2>/dev/full >/dev/null")
    assert done.returncode == 74


PROBE = """
import os, sys
from certadvise.cli import streams
streams.prepare()
opened = os.open(sys.argv[1], os.O_CREAT | os.O_WRONLY)
null = [os.path.samefile(f"/proc/self/fd/{fd}", os.devnull) for fd in (0, 1, 2)]
os.write(opened, f"{opened} {null}".encode())
"""


def test_a_file_the_run_opens_never_takes_a_closed_stream_s_number(tmp_path: Path) -> None:
    """With 0, 1 and 2 closed, what the run opens next would become its stdin, stdout or
    stderr (a child such as the pager would write into it): each is /dev/null first."""
    probe, seen = write(tmp_path / "probe.py", PROBE), tmp_path / "seen.txt"
    command = f"{sys.executable} {probe} {seen} <&- >&- 2>&-"
    assert subprocess.run(["bash", "-c", command], check=False).returncode == 0
    opened, null = seen.read_text(encoding="utf-8").split(" ", 1)
    assert int(opened) > 2 and null == "[True, True, True]"


def test_the_wizard_with_standard_input_closed_is_bad_input() -> None:
    done = real("recommend -i <&-")
    assert done.returncode == 2
    assert done.stderr == (
        "certadvise: error: the questions need a terminal; "
        "give profile options or --profile instead\n"
    )
    assert real("recommend -i <&- 2>&-").returncode == 2  # and nowhere to say it


# ----------------------------------------------------------------------------- encodings

ENCODINGS = {
    "ascii": {"PYTHONIOENCODING": "ascii"},
    "latin-1": {"PYTHONIOENCODING": "latin-1"},
    "cp1252": {"PYTHONIOENCODING": "cp1252"},
    "C locale": {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""},
}
NON_ASCII_COMMANDS = ["show UK-L3-PT", "recommend --country GB --all"]


CASES = [
    *(("ascii", fmt) for fmt in ("table", "csv", "tsv", "markdown", "jsonl")),
    ("latin-1", "table"),
    ("cp1252", "markdown"),
    ("C locale", "table"),
    ("C locale", "csv"),
]


@pytest.mark.parametrize(("encoding", "fmt"), CASES)
def test_output_fits_a_stream_that_cannot_carry_every_character(encoding: str, fmt: str) -> None:
    charset = "ascii" if encoding in ("ascii", "C locale") else encoding
    for command in NON_ASCII_COMMANDS:
        done = real_bytes(f"{command} -f {fmt}", ENCODINGS[encoding])
        assert done.returncode == 0, done.stderr
        assert b"internal error" not in done.stderr and b"Traceback" not in done.stderr
        text = done.stdout.decode(charset)  # every byte is the stream's own
        if charset == "ascii" and (fmt in ("table", "markdown") or command.startswith("show")):
            assert "GBP 2,225" in text, command  # UK-L3-PT for a beginner


NON_ASCII_NAME = "Entra\u00eeneur \u2014 niveau 2 (\u00a3300, \u20ac350, \u2603)"


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_json_under_any_encoding_holds_the_same_data(tmp_path: Path, encoding: str) -> None:
    folder = tmp_path / "overlay"
    write(folder / "t" / "TEST-CERT.yaml", VALID.replace("Test Certification", NON_ASCII_NAME))
    for command in (f"show TEST-CERT --catalog {folder}", f"list --org NSCA --catalog {folder}"):
        narrow = real_bytes(f"{command} -f json", ENCODINGS[encoding])
        assert narrow.returncode == 0, narrow.stderr
        narrow.stdout.decode("ascii")  # escaped: \u00a3, exact once parsed
        assert NON_ASCII_NAME in json.dumps(json.loads(narrow.stdout), ensure_ascii=False)


def test_an_ascii_table_keeps_its_columns_aligned() -> None:
    done = real_bytes("recommend --country GB --all -q", {"PYTHONIOENCODING": "ascii"})
    lines = done.stdout.decode("ascii").splitlines()
    header = next(line for line in lines if line.startswith("#"))
    row = next(line for line in lines if "UKSCA-ASCC" in line)
    priced = next(line for line in lines if "UK-L3-PT" in line)
    at = header.index("To do first")
    assert priced.index("GBP 2,225 (2021;") < at and priced[at - 2 : at] == "  "
    assert row[at:].startswith("take a CPR/AED course")


# ----------------------------------------------------------------------------- the wizard


def on_a_real_terminal(args: list[str], typed: list[bytes], env: dict[str, str]) -> tuple[int, str]:
    """Run certadvise on a pseudo-terminal of its own (its /dev/tty), typing each of
    `typed` after a prompt; what the terminal showed, and the exit code."""
    import fcntl
    import select
    import termios

    main, side = os.openpty()
    run = subprocess.Popen(
        [CERTADVISE, *args],
        stdin=side,
        stdout=side,
        stderr=side,
        env={**os.environ, **env},
        start_new_session=True,
        preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0),
    )
    os.close(side)
    shown, prompts = b"", 0
    try:
        while run.poll() is None or select.select([main], [], [], 0)[0]:
            if not select.select([main], [], [], 30)[0]:
                raise AssertionError(f"no prompt in 30 s:\n{shown.decode(errors='replace')}")
            try:
                chunk = os.read(main, 65536)
            except OSError:  # the terminal closed: the run ended
                break
            shown += chunk
            if shown.count(b"\n> ") > prompts:  # a new question waits for its answer
                prompts = shown.count(b"\n> ")
                os.write(main, typed.pop(0) if typed else b"\x04")  # then Ctrl-D
    finally:
        os.close(main)
    return run.wait(timeout=60), shown.decode("utf-8", errors="replace")


def test_the_wizard_on_a_terminal_refuses_latin1_bytes_and_asks_again(tmp_path: Path) -> None:
    env = {"CERTADVISE_CONFIG_DIR": str(tmp_path), "NO_COLOR": "1", "TERM": "dumb"}
    typed = [b"\n", b"entra\xeeneur\n", b"athletes\n"]  # the country's default, then goals
    code, shown = on_a_real_terminal(["recommend", "-i"], typed, env)
    assert "that answer is not UTF-8 text (is the terminal set to another encoding?)" in shown
    assert "Highest education" in shown  # the second answer was taken
    assert "internal error" not in shown and "Traceback" not in shown
    assert code == 1  # then Ctrl-D: no answer


def test_the_wizard_refuses_an_answer_that_is_not_utf8_and_asks_again(catalog: object) -> None:
    said = io.StringIO()
    typed = io.BytesIO(b"caf\xe9\nathletes\n")
    terminal = interview.Terminal(io.TextIOWrapper(typed, encoding="utf-8", errors="replace"), said)
    assert interview.Wizard(catalog, terminal).goals() == ["athletes"]  # type: ignore[arg-type]
    assert "that answer is not UTF-8 text" in said.getvalue()


class TerminalInput(io.TextIOWrapper):
    """Standard input from a terminal that sends Latin-1 bytes (strict UTF-8, as Python
    opens standard input)."""

    def isatty(self) -> bool:
        return True


def test_without_dev_tty_the_wizard_still_refuses_latin1_and_asks_again(
    catalog: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    typed = TerminalInput(io.BytesIO(b"caf\xe9\nathletes\n"), encoding="utf-8")
    said = io.StringIO()
    real_open = Path.open

    def no_tty(self: Path, *args: object, **kwargs: object) -> object:
        if str(self) == "/dev/tty":
            raise OSError(6, "No such device or address", "/dev/tty")
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", no_tty)
    monkeypatch.setattr(sys, "stdin", typed)
    monkeypatch.setattr(sys, "stderr", said)
    terminal = interview.Terminal.open()
    assert interview.Wizard(catalog, terminal).goals() == ["athletes"]  # type: ignore[arg-type]
    assert "that answer is not UTF-8 text" in said.getvalue()


# ----------------------------------------------------------------------------- environment

SIZES = ["²", "³", "\u0663", "-5", "1e3", "0", "", " 80", "8O", "9" * 5000, "100001"]
EVERY_COMMAND = [
    ["list"],
    ["show", "CSCS"],
    ["compare", "CSCS", "NASM-PES"],
    ["recommend", "-g", "athletes"],
    ["path", "CSCS"],
    ["goals"],
    ["catalog", "stale"],
    ["catalog", "validate"],
    ["catalog", "schema"],
    ["profile", "show"],
    ["profile", "path"],
    ["--help"],
]


@pytest.mark.parametrize("value", SIZES)
def test_odd_columns_and_lines_are_ignored_on_every_command(
    cli: Runner, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("COLUMNS", value)
    monkeypatch.setenv("LINES", value)
    for command in EVERY_COMMAND:
        result = cli(*command)
        assert result.code in (0, 1), (command, result.err)
        assert "internal error" not in result.err


def test_a_columns_value_that_is_not_a_size_is_as_if_unset(
    cli: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    unset = cli("list", "--org", "NSCA").out
    monkeypatch.setenv("COLUMNS", "²")
    assert cli("list", "--org", "NSCA").out == unset
    monkeypatch.setenv("COLUMNS", "80")
    assert cli("list", "--org", "NSCA").out != unset


class FakeTerminal(io.StringIO):
    """Standard output that says it is a terminal."""

    encoding = "utf-8"

    def isatty(self) -> bool:
        return True


def on_a_terminal(cli: Runner, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[str, str]:
    """Run with stdout a (fake) 5-line terminal, so `show` is taller than the screen."""
    screen = FakeTerminal()
    monkeypatch.setenv("LINES", "5")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setattr(sys, "stdout", screen)
    result = cli(*args)
    assert result.code == 0, result.err
    return screen.getvalue(), result.err


@pytest.mark.parametrize("value", ["\u0663", "\uff11\uff12", "²"])  # Arabic-Indic 3, fullwidth 12
def test_a_columns_value_that_is_not_ascii_digits_is_ignored_on_a_terminal(
    cli: Runner, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    def on_screen() -> str:
        screen = FakeTerminal()
        monkeypatch.setattr(sys, "stdout", screen)
        assert cli("list", "--org", "NSCA").code == 0
        return screen.getvalue()

    monkeypatch.delenv("COLUMNS", raising=False)
    unset = on_screen()
    monkeypatch.setenv("COLUMNS", value)
    assert on_screen() == unset


def test_a_pager_that_does_not_parse_prints_directly_with_one_warning(
    cli: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAGER", 'less "')
    for command in (["show", "CSCS"], ["compare", "CSCS", "NASM-PES"]):
        shown, said = on_a_terminal(cli, monkeypatch, *command)
        assert "CSCS" in shown and shown.count("\n") > 5
        warning = "warning: PAGER: cannot read 'less \"' as a command (No closing quotation)"
        assert [line for line in said.splitlines() if "PAGER" in line] == [f"{warning}: not paging"]


@pytest.mark.parametrize("pager", ["false", "no-such-pager-anywhere"])
def test_a_pager_that_fails_or_is_missing_prints_directly(
    cli: Runner, monkeypatch: pytest.MonkeyPatch, pager: str
) -> None:
    monkeypatch.setenv("PAGER", pager)
    shown, said = on_a_terminal(cli, monkeypatch, "show", "CSCS")
    assert "Certified Strength and Conditioning Specialist" in shown and said == ""


def test_a_working_pager_gets_the_text(
    cli: Runner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    paged = tmp_path / "paged.txt"
    monkeypatch.setenv("PAGER", f"sh -c 'cat > {paged}'")
    shown, _ = on_a_terminal(cli, monkeypatch, "show", "CSCS")
    assert shown == ""
    assert "Certified Strength and Conditioning Specialist" in paged.read_text(encoding="utf-8")


@pytest.mark.parametrize("day", ["9999-01-01", "9995-06-01", "1899-12-31", "0001-01-01"])
def test_a_day_out_of_the_calendar_s_reach_is_bad_input(
    cli: Runner, monkeypatch: pytest.MonkeyPatch, day: str
) -> None:
    monkeypatch.setenv("CERTADVISE_TODAY", day)
    result = cli("path", "CSCS")
    assert result.code == 2
    assert result.err == (
        f"certadvise: error: CERTADVISE_TODAY: expected a year from 1900 to 9000, got {day!r}\n"
    )


@pytest.mark.parametrize("day", ["1900-01-01", "9000-12-31"])
def test_the_last_days_in_reach_still_plan(
    cli: Runner, monkeypatch: pytest.MonkeyPatch, day: str
) -> None:
    monkeypatch.setenv("CERTADVISE_TODAY", day)
    for command in (["path", "CSCS"], ["recommend", "-g", "athletes"], ["catalog", "stale"]):
        assert cli(*command).code in (0, 1)


# ----------------------------------------------------------------------------- saved profile


def config_dir() -> Path:
    return Path(os.environ["CERTADVISE_CONFIG_DIR"])


def test_concurrent_saves_all_succeed_and_the_last_wins() -> None:
    barrier = threading.Barrier(16)
    failures: list[BaseException] = []

    def save(budget: int) -> None:
        barrier.wait()
        try:
            for _ in range(10):
                saved_profile.save({"goals": ["athletes"], "budget_usd": budget})
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=save, args=(100 + n,)) for n in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert sorted(p.name for p in config_dir().iterdir()) == ["profile.yaml"]
    text = (config_dir() / "profile.yaml").read_text(encoding="utf-8")
    assert re.search(r"^budget_usd: 1(0\d|1[0-5])$", text, re.MULTILINE)


def test_concurrent_save_commands_all_succeed(tmp_path: Path) -> None:
    env = {**os.environ, "CERTADVISE_CONFIG_DIR": str(tmp_path / "config")}
    runs = [
        subprocess.Popen(
            [CERTADVISE, "profile", "save", "-g", "athletes", "--budget", str(500 + n), "-q"],
            env=env,
            stderr=subprocess.PIPE,
        )
        for n in range(8)
    ]
    codes = [run.wait(timeout=120) for run in runs]
    assert codes == [0] * 8, [run.stderr.read() for run in runs if run.stderr]
    assert sorted(p.name for p in (tmp_path / "config").iterdir()) == ["profile.yaml"]


PROFILE_COMMANDS = [
    ["recommend", "-g", "athletes"],
    ["show", "CSCS"],
    ["compare", "CSCS", "NASM-PES"],
    ["path", "CSCS"],
    ["renewals", "-H", "CSCS@2026-12"],
    ["profile", "show"],
    ["profile", "save", "-g", "athletes"],
    ["profile", "clear"],
]


@pytest.mark.parametrize("command", PROFILE_COMMANDS, ids=" ".join)
def test_a_profile_yaml_that_is_a_folder_is_bad_input_naming_it(
    cli: Runner, command: list[str]
) -> None:
    (config_dir() / "profile.yaml").mkdir(parents=True)
    result = cli(*command)
    assert result.code == 2
    assert result.err == (
        f"certadvise: error: {config_dir() / 'profile.yaml'}: the saved profile is a folder; "
        "remove it or set CERTADVISE_CONFIG_DIR\n"
    )
    assert sorted(p.name for p in config_dir().iterdir()) == ["profile.yaml"]  # nothing left
    assert cli(*command, *([] if command[0] == "profile" else ["--no-profile"])).code in (
        (0, 1) if command[0] != "profile" else (2,)
    )


def denied(monkeypatch: pytest.MonkeyPatch) -> None:
    """Act as a user who cannot enter the config folder (as root, chmod does not stop us)."""
    folder = config_dir()
    real_stat = Path.stat
    real_mkstemp = saved_profile.tempfile.mkstemp

    def stat_denied(self: Path, *args: object, **kwargs: object) -> os.stat_result:
        if self.parent == folder:
            raise PermissionError(13, "Permission denied", str(self))
        return real_stat(self, *args, **kwargs)  # type: ignore[arg-type]

    def mkstemp_denied(*args: object, **kwargs: object) -> tuple[int, str]:
        if Path(str(kwargs.get("dir"))) == folder:
            raise PermissionError(13, "Permission denied", str(folder))
        return real_mkstemp(*args, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(Path, "stat", stat_denied)
    monkeypatch.setattr(saved_profile.tempfile, "mkstemp", mkstemp_denied)


@pytest.mark.parametrize("command", PROFILE_COMMANDS, ids=" ".join)
def test_a_config_folder_that_cannot_be_entered_is_bad_input(
    cli: Runner, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    config_dir().mkdir(parents=True)
    denied(monkeypatch)
    result = cli(*command)
    assert result.code == 2, result.err
    assert result.err.startswith(f"certadvise: error: {config_dir()}")
    assert result.err.endswith(": Permission denied\n") and len(result.err.splitlines()) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root enters any folder")
def test_a_config_folder_without_permissions_is_bad_input(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    (folder / "inner").mkdir(parents=True)
    folder.chmod(0)
    try:
        env = {"CERTADVISE_CONFIG_DIR": str(folder / "inner")}
        for command in ("recommend -g athletes", "profile show", "profile save -g athletes"):
            assert real(command, env=env).returncode == 2
    finally:
        folder.chmod(stat.S_IRWXU)


def test_a_config_folder_one_cannot_write_to_is_bad_input_for_save(
    cli: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    config_dir().mkdir(parents=True)
    real_mkstemp = saved_profile.tempfile.mkstemp

    def read_only(*args: object, **kwargs: object) -> tuple[int, str]:
        if Path(str(kwargs.get("dir"))) == config_dir():
            raise PermissionError(13, "Permission denied", str(config_dir()))
        return real_mkstemp(*args, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(saved_profile.tempfile, "mkstemp", read_only)
    result = cli("profile", "save", "-g", "athletes")
    assert result.code == 2
    assert result.err == (
        f"certadvise: error: {config_dir()}: cannot save the profile there: Permission denied\n"
    )


@pytest.mark.parametrize("command", PROFILE_COMMANDS, ids=" ".join)
def test_a_config_folder_that_is_a_file_is_bad_input(
    cli: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    a_file = write(tmp_path / "not-a-folder", "")
    monkeypatch.setenv("CERTADVISE_CONFIG_DIR", str(a_file))
    result = cli(*command)
    assert result.code == 2
    assert result.err == (
        f"certadvise: error: {a_file / 'profile.yaml'}: {a_file} is not a folder "
        "(see CERTADVISE_CONFIG_DIR)\n"
    )


def test_a_save_that_fails_half_way_leaves_nothing_behind(
    cli: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(self: Path, target: object) -> Path:
        raise OSError(28, "No space left on device", str(target))

    monkeypatch.setattr(Path, "replace", full_disk)
    result = cli("profile", "save", "-g", "athletes")
    assert result.code == 74
    assert result.err.endswith("profile.yaml: No space left on device\n")
    assert list(config_dir().iterdir()) == []


def test_what_was_done_shows_a_strange_path_as_escapes(
    cli: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "a\x1b[31mb"
    monkeypatch.setenv("CERTADVISE_CONFIG_DIR", str(folder))
    for command in (["profile", "save", "-g", "athletes"], ["profile", "clear"]):
        result = cli(*command)
        assert result.code == 0
        assert "\x1b" not in result.err and f"{tmp_path}/a\\x1b[31mb/profile.yaml" in result.err


HIDDEN = "\u202e\u2066\U000e0041\U000e0042\u115f\u3164\uffa0\u034f\u17b4\u180b\ufe0f"


def test_profile_show_strips_what_every_format_strips(cli: Runner) -> None:
    write(config_dir() / "profile.yaml", f"goals: [ath{HIDDEN}letes]\nfield: kin{HIDDEN}\n")
    table = cli("profile", "show")
    assert table.code == 0, table.err
    assert "goals: [athletes]\nfield: kin\n" in table.out
    as_json = cli("profile", "show", "-f", "json")
    assert as_json.code == 0, as_json.err
    assert as_json.json() == {"goals": ["athletes"], "field": "kin"}
    for out in (table.out, as_json.out):
        assert not set(HIDDEN) & set(out) and "\\u" not in out


@pytest.mark.parametrize(
    ("field", "text", "words"),
    [
        ("goals", "goals:\n" + "- athletes\n" * 101, "goals"),
        ("have", "have:\n" + "- CPR-AED\n" * 101, "credentials"),
        ("member", "member:\n" + "- NSCA\n" * 101, "memberships"),
        ("hours", "hours:\n" + "".join(f"  k{n}: 1\n" for n in range(101)), "kinds of hours"),
        ("experience", "experience:\n" + "".join(f"  k{n}: 1\n" for n in range(101)), "kinds of"),
    ],
)
def test_a_profile_list_longer_than_100_is_refused_naming_the_field(
    cli: Runner, tmp_path: Path, field: str, text: str, words: str
) -> None:
    me = write(tmp_path / "me.yaml", text)
    result = cli("recommend", "--profile", str(me))
    assert result.code == 2
    assert result.err.startswith(f"certadvise: error: {me}:1: {field}: at most 100 {words}")
    assert result.err.endswith(", got 101\n")


def test_a_saved_profile_of_100000_goals_is_refused(cli: Runner) -> None:
    write(config_dir() / "profile.yaml", "goals:\n" + "".join(f"- g{n}\n" for n in range(100_000)))
    result = cli("recommend")
    assert result.code == 2
    assert result.err.endswith(": goals: at most 100 goals, got 100,000\n")


def test_101_goal_options_are_refused(cli: Runner) -> None:
    result = cli("recommend", *["-g", "athletes"] * 101)
    assert result.code == 2
    assert result.err == "certadvise: error: --goal: at most 100 goals, got 101\n"


# ----------------------------------------------------------------------------- formats


def test_catalog_schema_takes_format_json(cli: Runner) -> None:
    plain, as_json = cli("catalog", "schema"), cli("catalog", "schema", "-f", "json")
    assert plain.code == as_json.code == 0
    assert as_json.json()["title"] == "certadvise catalog entry" and plain.out == as_json.out


def test_profile_path_takes_format_json(cli: Runner) -> None:
    result = cli("profile", "path", "-f", "json")
    assert result.code == 0
    assert result.json() == {"path": str(config_dir() / "profile.yaml"), "exists": False}


@pytest.mark.parametrize(
    "command", [["catalog", "schema"], ["profile", "path"], ["profile", "show"]], ids=" ".join
)
def test_a_format_a_command_has_no_output_in_is_a_clear_error(
    cli: Runner, command: list[str]
) -> None:
    result = cli(*command, "-f", "csv")
    assert result.code == 2
    assert result.err == (
        f"certadvise: error: --format: {' '.join(command)} prints table or json, not csv\n"
    )


# ----------------------------------------------------------------------------- exit codes


@pytest.mark.parametrize("asked", [["--debug"], []], ids=["--debug", "CERTADVISE_DEBUG"])
def test_debugging_says_why_the_cache_was_not_used(
    cli: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, asked: list[str]
) -> None:
    shared = tmp_path / "shared-cache"
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)
    monkeypatch.setenv("CERTADVISE_CACHE_DIR", str(shared))
    quiet = cli("list", "-f", "ids")
    assert quiet.code == 0 and "debug" not in quiet.err
    if not asked:
        monkeypatch.setenv("CERTADVISE_DEBUG", "1")
    told = cli(*asked, "list", "-f", "ids")
    assert told.code == 0 and told.out == quiet.out
    assert told.err == (
        f"certadvise: debug: cache not used: the folder {shared} is writable by group or "
        "others (mode 777)\n"
    )


def test_the_exit_code_table_is_the_readme_s() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Exit codes", 1)[1].split("\n### ", 1)[0]
    documented = {int(code) for code in re.findall(r"^\| (\d+) \|", section, re.MULTILINE)}
    assert documented == set(EXIT_CODES.values())
