"""Hostile input: planted and damaged caches, odd data, odd files, closed streams, output
meant to trick a spreadsheet, a browser or a reader. Each case is one row of a table; each
expects what a user would see: an exit code, one clear stderr line, intact output."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import pickle
import re
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from certadvise.catalog import cache
from certadvise.catalog.index import catalog_dirs

from .conftest import Runner, write
from .test_catalog_validation import VALID

CERTADVISE = str(Path(sys.executable).parent / "certadvise")


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.DIR_VAR, str(folder))
    return folder


def cache_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{cache.PREFIX}*{cache.SUFFIX}"))


def builtin_cache_path(folder: Path) -> Path:
    """Where the built-in catalog's cache is, or will be."""
    return folder / f"{cache.PREFIX}{cache.fingerprint(catalog_dirs(environ={}))}{cache.SUFFIX}"


class Payload:
    """A pickle that, if ever loaded, leaves a file behind: proof that code ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


# ----------------------------------------------------------------------------- the cache


@pytest.mark.parametrize("name", ["current", "old pickle"])
def test_a_planted_pickle_never_runs(
    cli: Runner, cache_dir: Path, tmp_path: Path, name: str
) -> None:
    marker = tmp_path / "code-ran"
    cache_dir.mkdir(mode=0o700)
    target = builtin_cache_path(cache_dir)
    if name == "old pickle":
        target = cache_dir / "catalog-0123456789abcdef.pickle"
    target.write_bytes(pickle.dumps(Payload(marker)))
    result = cli("show", "CSCS", "-f", "json")
    assert result.code == 0 and result.json()["id"] == "CSCS"
    assert not marker.exists()


def test_a_cache_of_someone_else_is_refused(
    cli: Runner, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = cli("show", "CSCS", "-f", "json").out
    (path,) = cache_files(cache_dir)
    forged = path.read_bytes().replace(b"Strength and Conditioning", b"Strength and Candlelight")
    path.write_bytes(forged)  # checksums now wrong too, but ownership is checked first
    monkeypatch.setattr(os, "getuid", lambda: path.stat().st_uid + 1)
    result = cli("--debug", "show", "CSCS", "-f", "json")
    assert result.code == 0 and result.out == expected
    assert "cache not used: the folder" in result.err and "not by you" in result.err


@pytest.mark.parametrize(
    ("what", "mode", "reason"),
    [
        ("folder", 0o777, "writable by group or others (mode 777)"),
        ("folder", 0o720, "writable by group or others (mode 720)"),
        ("file", 0o666, "writable by group or others (mode 666)"),
    ],
)
def test_a_cache_others_can_write_is_ignored_and_debug_says_why(
    cli: Runner, cache_dir: Path, what: str, mode: int, reason: str
) -> None:
    expected = cli("list", "-f", "ids").out
    (path,) = cache_files(cache_dir)
    (cache_dir if what == "folder" else path).chmod(mode)
    loud = cli("--debug", "list", "-f", "ids")
    assert (loud.code, loud.out) == (0, expected)
    assert reason in loud.err and loud.err.startswith("certadvise: debug: cache not ")
    quiet = cli("list", "-f", "ids")
    assert (quiet.code, quiet.out, quiet.err) == (0, expected, "")
    if what == "file":  # replaced by a private one of our own
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    else:  # never written into
        assert cache_files(cache_dir) == [path]


def test_the_cache_folder_is_created_private(cli: Runner, cache_dir: Path) -> None:
    cli("list")
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in cache_files(cache_dir))


@pytest.mark.parametrize("kind", ["symlink", "fifo", "folder"])
def test_a_cache_file_that_is_not_a_regular_file_is_refused(
    cli: Runner, cache_dir: Path, tmp_path: Path, kind: str
) -> None:
    cache_dir.mkdir(mode=0o700)
    target = builtin_cache_path(cache_dir)
    if kind == "symlink":
        elsewhere = write(tmp_path / "elsewhere.json", "x")
        target.symlink_to(elsewhere)
    elif kind == "fifo":
        os.mkfifo(target)
    else:
        target.mkdir()
    result = run_with_timeout(cli, "list", "-f", "ids")
    assert result.code == 0 and "CSCS" in result.lines


def run_with_timeout(cli: Runner, *args: str, seconds: float = 30) -> object:
    """`cli(*args)`, failing the test (not hanging it) if it blocks."""
    found: list[object] = []
    thread = threading.Thread(target=lambda: found.append(cli(*args)), daemon=True)
    thread.start()
    thread.join(seconds)
    assert found, f"certadvise {' '.join(args)} hung"
    return found[0]


def flip_offsets(size: int) -> list[int]:
    """Twelve offsets spread over a file, first and last bytes included."""
    return sorted(
        {0, 1, size // 3, size // 2, size - 2, size - 1} | {size * k // 7 for k in range(7)}
    )


def test_a_bit_flip_anywhere_rebuilds_and_never_changes_the_answer(
    cli: Runner, cache_dir: Path
) -> None:
    expected = cli("show", "CSCS", "-f", "json").out
    ids = cli("list", "-f", "ids").out
    (path,) = cache_files(cache_dir)
    good = path.read_bytes()
    price = good.index(b"475")
    for offset in [*flip_offsets(len(good)), price + 2]:  # $475 must never become $474
        damaged = bytearray(good)
        damaged[offset] ^= 0x01
        path.write_bytes(bytes(damaged))
        shown = cli("show", "CSCS", "-f", "json")
        assert (shown.code, shown.out, shown.err) == (0, expected, ""), offset
        assert cli("list", "-f", "ids").out == ids
        assert path.read_bytes() == good, offset  # rebuilt, as it was


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: b"",  # empty
        lambda data: data + data,  # twice
        lambda data: data.replace(
            f'"format":{cache.FORMAT}'.encode(), b'"format":2', 1
        ),  # another format
        lambda data: b"\xff\xfe" + data,  # garbage in front
    ],
    ids=["truncated", "empty", "doubled", "other format", "garbage"],
)
def test_a_damaged_cache_is_rebuilt(cli: Runner, cache_dir: Path, damage: object) -> None:
    expected = cli("list", "-f", "json").out
    (path,) = cache_files(cache_dir)
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    result = cli("list", "-f", "json")
    assert (result.code, result.out, result.err) == (0, expected, "")


def test_an_entry_that_does_not_fit_despite_its_checksum_is_read_from_yaml(
    cli: Runner, cache_dir: Path
) -> None:
    from hashlib import blake2b

    expected = cli("show", "CSCS", "-f", "json").out
    (path,) = cache_files(cache_dir)
    lines = path.read_bytes().split(b"\n")
    meta = json.loads(lines[1].partition(b" ")[2])
    index = [summary[0] for summary in meta[3]].index("CSCS") + 2
    forged = b"[1, 2, 3]"  # valid JSON, a valid checksum, not a certification
    forged += b" " * (len(lines[index].partition(b" ")[2]) - len(forged))  # the line's length
    lines[index] = blake2b(forged, digest_size=cache.DIGEST).hexdigest().encode() + b" " + forged
    path.write_bytes(b"\n".join(lines))
    result = cli("--debug", "show", "CSCS", "-f", "json")
    assert (result.code, result.out) == (0, expected)
    assert "does not fit the models" in result.err
    assert cli("show", "CSCS", "-f", "json").out == expected  # and the next run is right too


def test_an_edit_keeping_size_and_time_is_seen(
    cli: Runner, cache_dir: Path, tmp_path: Path
) -> None:
    overlay = tmp_path / "overlay"
    entry = write(overlay / "t" / "TEST-CERT.yaml", VALID)
    args = ("show", "TEST-CERT", "--catalog", str(overlay), "-f", "json")
    assert cli(*args).json()["cost"]["exam_non_member"] == 100
    before = entry.stat()
    entry.write_text(VALID.replace("exam_non_member: 100", "exam_non_member: 150"))
    os.utime(entry, ns=(before.st_atime_ns, before.st_mtime_ns))  # touch -r, cp -p, rsync -t
    assert entry.stat().st_size == before.st_size
    assert entry.stat().st_mtime_ns == before.st_mtime_ns
    assert cli(*args).json()["cost"]["exam_non_member"] == 150


def test_catalogs_are_cached_side_by_side_and_pruned(
    cli: Runner, cache_dir: Path, tmp_path: Path
) -> None:
    overlay = tmp_path / "overlay"
    write(overlay / "t" / "TEST-CERT.yaml", VALID)
    cli("list")
    cli("list", "--catalog", str(overlay))
    files = cache_files(cache_dir)
    inodes = [p.stat().st_ino for p in files]
    cli("list")
    cli("list", "--catalog", str(overlay))
    assert [p.stat().st_ino for p in cache_files(cache_dir)] == inodes  # both reused
    for price in range(101, 101 + cache.KEEP + 2):
        entry = overlay / "t" / "TEST-CERT.yaml"
        entry.write_text(VALID.replace("exam_non_member: 100", f"exam_non_member: {price}"))
        assert cli("show", "TEST-CERT", "--catalog", str(overlay), "-f", "json").code == 0
    assert len(cache_files(cache_dir)) == cache.KEEP


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_failed_cache_write_leaves_no_temporary_file(
    cli: Runner, cache_dir: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    def fail(self: Path, target: Path) -> None:
        raise failure

    monkeypatch.setattr(Path, "replace", fail)
    result = cli("list", "-f", "ids")
    if isinstance(failure, OSError):
        assert result.code == 0 and "CSCS" in result.lines and result.err == ""
    else:
        assert result.code == 130
    assert list(cache_dir.iterdir()) == []


def test_old_temporary_files_and_old_pickles_are_cleared(cli: Runner, cache_dir: Path) -> None:
    cache_dir.mkdir(mode=0o700)
    stale = write(cache_dir / f"{cache.TEMP_PREFIX}abc{cache.SUFFIX}", "half")
    os.utime(stale, (1, 1))
    fresh = write(cache_dir / f"{cache.TEMP_PREFIX}def{cache.SUFFIX}", "another run's")
    old = write(cache_dir / "catalog-0011.pickle", "x")
    cli("list")
    assert not stale.exists() and not old.exists() and fresh.exists()


# ----------------------------------------------------------------------------- bad input

DEEP_YAML = "goals: " + "[" * 60 + "x" + "]" * 60 + "\n"
DEEP_JSON = '{"goals": ' + "[" * 200 + '"x"' + "]" * 200 + "}"
HUGE = "9" * 5000

# (case, file content, expected stderr fragment): every one exits 2 with one line
BAD_PROFILES: list[tuple[str, str, str]] = [
    ("impossible date", "age: 2026-02-30\n", "me.yaml:1: age: expected a whole number of years"),
    ("huge integer", f"age: {HUGE}\n", "me.yaml:1: a number longer than 100 digits"),
    ("huge integer in JSON", f'{{"age": {HUGE}}}', "me.yaml: a number longer than 100 digits"),
    ("huge negative", f"budget_usd: -{HUGE}\n", "a number longer than 100 digits"),
    ("deep nesting in a field", DEEP_YAML, "goals.0: expected goal ids or phrases, got [[[...]]]"),
    ("deep nesting in JSON", DEEP_JSON, "goals.0: expected goal ids or phrases, got [[[...]]]"),
    ("list as a key", "? [a, b]\n: 1\n", "me.yaml:1: a key must be a plain value"),
    ("mapping as a key", "? {a: 1}\n: 2\n", "me.yaml:1: a key must be a plain value"),
    ("number as a key", "1: 2\n", "me.yaml:1: 1: Keys should be strings"),
    ("yes as a number", "budget_usd: yes\n", "budget_usd: expected an amount of US dollars"),
    ("true as a number", "age: true\n", "age: expected a whole number of years"),
    ("text as a number", "budget_usd: '600 USD'\n", "budget_usd: expected an amount of US"),
    ("infinite budget", "budget_usd: .inf\n", "budget_usd: expected an amount of US dollars"),
    ("NaN budget", "budget_usd: .nan\n", "budget_usd: expected an amount of US dollars"),
    ("1e999 in JSON", '{"budget_usd": 1e999}', "budget_usd: expected an amount of US dollars"),
    ("Infinity in JSON", '{"budget_usd": Infinity}', "Infinity is not JSON"),
    ("NaN in JSON", '{"budget_usd": NaN}', "NaN is not JSON"),
    ("hours as yes", "hours: {clinical: yes}\n", "hours.clinical: expected whole hours"),
    ("explicit timestamp", "age: !!timestamp 2026-02-30\n", "me.yaml: invalid value"),
    ("python object tag", "age: !!python/object/apply:os.system [ls]\n", "me.yaml:1:"),
]


@pytest.mark.parametrize(
    ("case", "text", "message"), BAD_PROFILES, ids=[c[0] for c in BAD_PROFILES]
)
def test_bad_profile_values(
    cli: Runner, tmp_path: Path, case: str, text: str, message: str
) -> None:
    path = write(tmp_path / "me.yaml", text)
    result = cli("recommend", "--profile", str(path))
    err = result.err.replace(str(tmp_path) + "/", "")
    assert (result.code, result.out) == (2, ""), result.err
    assert len(err.splitlines()) == 1 and err.startswith("certadvise: error: "), err
    assert message in err


# (case, change to the valid entry, expected "field: message" fragment): each exits 3
BAD_ENTRIES: list[tuple[str, tuple[str, str], str]] = [
    (
        "impossible date",
        ("cost:", "rule_changes: [{source: s, effective: 2026-02-30, text: t}]\ncost:"),
        "TEST-CERT.yaml:8: rule_changes.0.effective: Input should be a valid date",
    ),
    ("huge integer", ("exam_non_member: 100", f"exam_non_member: {HUGE}"), "longer than 100"),
    ("infinite price", ("exam_non_member: 100", "exam_non_member: .inf"), "finite number"),
    ("NaN price", ("exam_non_member: 100", "exam_non_member: .nan"), "finite number"),
    ("yes as a price", ("exam_non_member: 100", "exam_non_member: yes"), "valid number"),
    ("list as a key", ("cost:", "? [a]\n: 1\ncost:"), "a key must be a plain value"),
    (
        "deep nesting",
        ("goals: [athletes]", "goals: " + "[" * 60 + "]" * 60),
        "goals.0: Input should be a valid string",
    ),
]


@pytest.mark.parametrize(
    ("case", "change", "message"), BAD_ENTRIES, ids=[c[0] for c in BAD_ENTRIES]
)
def test_bad_catalog_values(
    cli: Runner, tmp_path: Path, case: str, change: tuple[str, str], message: str
) -> None:
    write(tmp_path / "o" / "t" / "TEST-CERT.yaml", VALID.replace(*change))
    result = cli("list", "--catalog", str(tmp_path / "o"))
    assert (result.code, result.out) == (3, ""), result.err
    assert message in result.err and "internal error" not in result.err


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "too big", "folder"])
def test_odd_files_are_refused_without_waiting(cli: Runner, tmp_path: Path, kind: str) -> None:
    profile = tmp_path / "me.yaml"
    entry = tmp_path / "o" / "t" / "TEST-CERT.yaml"
    entry.parent.mkdir(parents=True)
    if kind == "fifo":
        os.mkfifo(profile)
        os.mkfifo(entry)
        message = "not a regular file"
    elif kind == "dev-zero":
        profile.symlink_to("/dev/zero")
        entry.symlink_to("/dev/zero")
        message = "not a regular file"
    elif kind == "too big":
        for path in (profile, entry):
            with path.open("wb") as stream:
                stream.truncate(9 * 1024 * 1024)  # sparse: no disk used
        message = "larger than 8 MiB"
    else:
        profile.mkdir()
        entry.mkdir()
        message = "is a directory"
    result = run_with_timeout(cli, "recommend", "--profile", str(profile))
    assert result.code == 2 and message in result.err and len(result.err.splitlines()) == 1  # type: ignore[attr-defined]
    result = run_with_timeout(cli, "catalog", "validate", str(tmp_path / "o"))
    assert result.code == 3 and message in result.err  # type: ignore[attr-defined]


def test_an_error_line_shows_control_characters_in_a_path_escaped(
    cli: Runner, tmp_path: Path
) -> None:
    result = cli("recommend", "--profile", str(tmp_path / "x\x1b[31mred\u202eevil\nline"))
    assert result.code == 2 and len(result.err.splitlines()) == 1
    assert "\x1b" not in result.err and "\u202e" not in result.err
    assert "x\\x1b[31mred\\u202eevil\\x0aline: No such file or directory" in result.err


# ----------------------------------------------------------------------------- streams


def real(command: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, timeout=60, check=False, **kwargs
    )  # type: ignore[call-overload]


def test_a_closed_pipe_exits_141_silently() -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first byte
    try:
        done = subprocess.run(
            [CERTADVISE, "list", "-f", "json"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (141, b"")


def test_a_pipe_into_true_never_exits_1() -> None:
    done = real(f"set -o pipefail; {CERTADVISE} list | true; echo $?")
    assert done.stdout.strip() in ("0", "141") and done.stderr == ""


def test_a_full_disk_is_one_line_and_exit_74() -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    done = real(f"{CERTADVISE} list > /dev/full")
    assert done.returncode == 74
    assert done.stderr == "certadvise: error: cannot write the output: No space left on device\n"


@pytest.mark.parametrize(
    ("command", "code", "message"),
    [
        ("recommend --profile - <&-", 2, "certadvise: error: <stdin>: standard input is closed"),
        ("recommend --goal tactical -f ids <&-", 0, ""),
        ("recommend <&-", 0, ""),
    ],
)
def test_closed_or_unreadable_standard_input(command: str, code: int, message: str) -> None:
    notes = "grep -v -e '^assumption' -e '^warning' -e 'more fit'"
    done = real(f"{CERTADVISE} {command} 2>&1 >/dev/null | {notes}")
    lines = done.stdout.splitlines()
    assert lines == ([message] if message else []) or message in done.stdout
    assert "Traceback" not in done.stdout


# ----------------------------------------------------------------------------- output

HOSTILE_NAMES = {
    "formula": '=HYPERLINK("http://evil","x")',
    "plus": "+1+cmd|' /C calc'!A0",
    "minus": "-2+3",
    "at": "@SUM(1+1)",
}
INVISIBLE = (
    "\u202e\u2066\u200b\u200d\u2028\u2029\ufeff\u00ad\u061c\u2060"
    # tags (hidden ASCII), fillers, joiners and variation selectors: Default_Ignorable
    "\U000e0001\U000e0041\U000e007f\u115f\u1160\u3164\uffa0\u034f\u17b4\u17b5"
    "\u180b\u180f\ufe0f\U000e0100\U0001d173\U0001bca0"
)


def overlay_named(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / "o"
    quoted = "".join(f"\\U{ord(c):08x}" if ord(c) > 0xFFFF else json.dumps(c)[1:-1] for c in name)
    text = VALID.replace("name: Test Certification", f'name: "{quoted}"')  # YAML escapes
    write(folder / "t" / "TEST-CERT.yaml", text)
    return folder


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
@pytest.mark.parametrize("case", sorted(HOSTILE_NAMES))
def test_spreadsheet_cells_never_start_a_formula(
    cli: Runner, tmp_path: Path, fmt: str, case: str
) -> None:
    folder = overlay_named(tmp_path, HOSTILE_NAMES[case])
    out = cli("list", "--catalog", str(folder), "--org", "NSCA", "-f", fmt).out
    rows = list(csv.reader(io.StringIO(out), delimiter="," if fmt == "csv" else "\t"))
    names = [row[rows[0].index("name")] for row in rows[1:]]
    assert "'" + HOSTILE_NAMES[case] in names
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "markdown", "json", "jsonl", "ids", "html"])
def test_invisible_and_direction_characters_never_reach_any_format(
    cli: Runner, tmp_path: Path, fmt: str
) -> None:
    folder = overlay_named(tmp_path, f"Test{INVISIBLE}Name")
    for command in (["list", "--org", "NSCA"], ["show", "TEST-CERT"]):
        out = cli(*command, "--catalog", str(folder), "-f", fmt).out
        assert not set(INVISIBLE) & set(out), (fmt, command)
        if fmt == "json":
            assert "\\u202e" not in out.lower() and "TestName" in out


def test_markdown_escapes_html_and_links(cli: Runner, tmp_path: Path) -> None:
    name = "<img src=x onerror=alert(1)> [click](javascript:alert(1)) ![i](http://x/t.png)"
    folder = overlay_named(tmp_path, name)
    out = cli("list", "--catalog", str(folder), "--org", "NSCA", "-f", "markdown").out
    assert "<img" not in out and not re.search(r"(?<!\\)\]\(", out) and "![i](" not in out
    assert "&lt;img src=x onerror=alert(1)&gt; \\[click\\](javascript:alert(1))" in out


# ----------------------------------------------------------------------------- fuzzing

fuzz = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
WORDS = [
    *("recommend", "compare", "path", "list", "show", "goals", "catalog", "validate", "schema"),
    *("--goal", "--degree", "--have", "--budget", "--age", "--hours", "--member", "--top"),
    *("--why", "--years", "--by", "--rows", "--org", "--max-cost", "--format", "-f", "--all"),
    *("--profile", "--catalog", "--only-differences", "--show-excluded", "--debug", "--help"),
    *("CSCS", "NASM-PES", "CPT", "tactical", "bachelor", "json", "csv", "markdown", "ids"),
    *("2026-02-30", "9" * 400, "-1", "nan", "inf", "1e999", "=1+1", "\u202e", "", "-", "/"),
]


@fuzz
@given(st.lists(st.sampled_from(WORDS) | st.text(max_size=8), min_size=1, max_size=7))
def test_random_command_lines_never_end_in_an_internal_error(cli: Runner, args: list[str]) -> None:
    args = [a for a in args if a != "--debug" and "\x00" not in a]
    result = cli(*args)
    assert result.code in (0, 1, 2, 3), (args, result.err)
    assert "Traceback" not in result.err and "internal error" not in result.err


entry_keys = st.sampled_from(
    ["id", "name", "organization", "category", "goals", "cost", "sources", "exam", "aliases"]
)
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(["2026-02-30", ".inf", ".nan", "yes", "9" * 200, "{a: 1}: 2", "? [a]"])
)


@fuzz
@given(
    st.lists(
        st.tuples(entry_keys, scalars | st.lists(scalars, max_size=3)), min_size=1, max_size=6
    ),
    st.binary(max_size=60),
)
def test_random_catalog_files_are_reported_never_crash(
    cli: Runner,
    tmp_path_factory: pytest.TempPathFactory,
    fields: list[tuple[str, object]],
    noise: bytes,
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    text = "".join(
        f"{key}: {json.dumps(value) if not isinstance(value, str) else value}\n"
        for key, value in fields
    )
    write(folder / "t" / "TEST-CERT.yaml", VALID)
    (folder / "t" / "FUZZ.yaml").write_bytes(text.encode("utf-8", "surrogatepass") + noise)
    result = cli("catalog", "validate", str(folder))
    assert result.code in (0, 3), result.err
    assert "Traceback" not in result.err and "internal error" not in result.err


# ----------------------------------------------------------------------------- the day


def test_the_day_is_pinned_and_can_be_moved(cli: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    args = (
        "recommend",
        "--goal",
        "collegiate-athletes",
        "--degree",
        "bachelor",
        "--have",
        "CPR-AED",
    )
    monkeypatch.setenv("CERTADVISE_TODAY", "2029-12-20")  # before the CSCS can be sat
    assert "warning: CSCS: from 2030-01-01" in cli(*args).err  # still ahead
    monkeypatch.setenv("CERTADVISE_TODAY", "2030-01-02")
    assert "warning: CSCS: from 2030-01-01" not in cli(*args).err  # in force: no warning


@pytest.mark.parametrize("day", ["2026-02-30", "tomorrow", "26/11/2026"])
def test_a_bad_day_is_a_clear_error(cli: Runner, monkeypatch: pytest.MonkeyPatch, day: str) -> None:
    monkeypatch.setenv("CERTADVISE_TODAY", day)
    result = cli("recommend", "--goal", "tactical")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"certadvise: error: CERTADVISE_TODAY: expected a date as YYYY-MM-DD, got {day!r}\n"
    )


# ----------------------------------------------------------------------------- the walk


def test_a_lock_symlink_is_skipped_with_a_note(cli: Runner, tmp_path: Path) -> None:
    overlay = tmp_path / "o"
    write(overlay / "t" / "TEST-CERT.yaml", VALID)
    (overlay / "t" / ".#NEW-ONE.yaml").symlink_to("someone@host.4242:1700000000")  # dangling
    result = cli("list", "-f", "ids", "--catalog", str(overlay))
    assert result.code == 0 and "TEST-CERT" in result.lines
    assert f"note: {overlay / 't' / '.#NEW-ONE.yaml'}: skipped: a hidden file" in result.err


@pytest.mark.parametrize("name", ["OTHER.yml", "OTHER.YAML"])
def test_a_yml_file_is_named_in_a_note(cli: Runner, tmp_path: Path, name: str) -> None:
    overlay = tmp_path / "o"
    write(overlay / "t" / "TEST-CERT.yaml", VALID)
    write(overlay / "t" / name, VALID.replace("TEST-CERT", "OTHER"))
    result = cli("list", "-f", "ids", "--catalog", str(overlay))
    assert result.code == 0 and "OTHER" not in result.lines
    expected = f"{overlay / 't' / name}: skipped: catalog files end in .yaml (rename it OTHER.yaml)"
    assert f"note: {expected}\n" in result.err


def test_a_symlinked_folder_is_followed_and_a_loop_ends(cli: Runner, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    write(elsewhere / "TEST-CERT.yaml", VALID)
    overlay = tmp_path / "o"
    overlay.mkdir()
    (overlay / "t").symlink_to(elsewhere, target_is_directory=True)
    (elsewhere / "again").symlink_to(overlay, target_is_directory=True)  # a loop
    result = run_with_timeout(cli, "list", "-f", "ids", "--catalog", str(overlay))
    assert result.code == 0 and "TEST-CERT" in result.lines  # type: ignore[attr-defined]
    assert "skipped: a link to a folder already read" in result.err  # type: ignore[attr-defined]


def test_a_deep_tree_stops_the_walk_with_one_line(cli: Runner, tmp_path: Path) -> None:
    from certadvise.catalog import walk

    deep = tmp_path / "deep"
    write(deep.joinpath(*[f"d{i}" for i in range(walk.MAX_DEPTH + 3)], "X.yaml"), VALID)
    result = cli("catalog", "validate", str(deep))
    assert result.code == 3 and "Traceback" not in result.err
    assert f"more than {walk.MAX_DEPTH} folders deep: stopped (is {deep} a catalog folder?)" in (
        result.err
    )


def test_a_wide_tree_stops_the_walk_and_problems_are_bounded(
    cli: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from certadvise.catalog import loading, walk

    monkeypatch.setattr(walk, "MAX_FOLDERS", 50)
    wide = tmp_path / "wide"
    for index in range(60):
        (wide / f"f{index}").mkdir(parents=True)
    result = cli("catalog", "validate", str(wide))
    assert result.code == 3 and f"{wide}: more than 50 folders: stopped" in result.err
    bad = tmp_path / "bad"
    for index in range(loading.MAX_SHOWN + 20):
        write(bad / "t" / f"B{index}.yaml", "id: [\n")
    result = cli("catalog", "validate", str(bad))
    assert result.code == 3
    assert "... and 20 more problems not shown" in result.err
    assert result.err.count("B") < loading.MAX_SHOWN + 10


def test_a_folder_removed_during_the_walk_is_not_an_output_error(
    cli: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from certadvise.catalog import walk

    overlay = tmp_path / "o"
    write(overlay / "t" / "TEST-CERT.yaml", VALID)
    write(overlay / "gone" / "GONE.yaml", VALID.replace("TEST-CERT", "GONE"))
    real_scandir = os.scandir

    def racing_scandir(path: object) -> object:
        if (
            isinstance(path, (str, Path)) and Path(path).name == "gone"
        ):  # another process removes it just now
            shutil.rmtree(path)
        return real_scandir(path)

    monkeypatch.setattr(walk.os, "scandir", racing_scandir)
    result = cli("list", "-f", "ids", "--catalog", str(overlay))
    assert result.code == 0 and "TEST-CERT" in result.lines and "GONE" not in result.lines


def test_a_catalog_name_too_long_is_bad_input(cli: Runner, tmp_path: Path) -> None:
    name = tmp_path / ("a" * 300)
    result = cli("list", "--catalog", str(name))
    assert (result.code, result.out) == (2, "")
    assert result.err.endswith(": File name too long\n") and len(result.err.splitlines()) == 1
    result = cli("catalog", "validate", str(name))
    assert result.code == 2 and result.err.endswith(": File name too long\n")


# ----------------------------------------------------------------------------- the workers


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        with contextlib.suppress(OSError):
            found |= {int(child) for child in task.read_text().split()}
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux's /proc")
@pytest.mark.parametrize("signal_name", ["SIGKILL", "SIGTERM"])
def test_a_killed_cold_run_leaves_no_worker_and_its_pipe_ends(
    tmp_path: Path, signal_name: str
) -> None:
    from certadvise.catalog import loading

    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: no workers")
    big = tmp_path / "big"
    text = (Path(__file__).parent.parent / "catalog" / "nsca" / "CSCS.yaml").read_text()
    for index in range(loading.PARALLEL_FROM + 100):
        new = f"W{index:04d}"
        write(big / "w" / f"{new}.yaml", text.replace("id: CSCS", f"id: {new}", 1))
    env = {**os.environ, "CERTADVISE_NO_CACHE": "1"}
    process = subprocess.Popen(
        [CERTADVISE, "list", "--catalog", str(big)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while not workers and process.poll() is None and time.monotonic() < deadline:
        workers = _children(process.pid)
        time.sleep(0.01)
    assert workers, "no worker was started"
    os.kill(process.pid, getattr(signal, signal_name))
    ended = threading.Event()
    threading.Thread(target=lambda: (process.stdout.read(), ended.set()), daemon=True).start()  # type: ignore[union-attr]
    assert ended.wait(10), "the pipe is still held open"
    process.wait(10)
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers)
