"""The catalog cache: rebuilt when a file changes, ignored when broken, never different."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from certadvise.catalog import cache
from certadvise.catalog.index import builtin_dir, catalog_dirs

from .conftest import Runner, write
from .test_catalog_validation import VALID


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.DIR_VAR, str(folder))
    return folder


def cached_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("catalog-*.json"))


def test_a_command_writes_one_cache_file_and_reuses_it(cli: Runner, cache_dir: Path) -> None:
    first = cli("list", "-f", "json")
    files = cached_files(cache_dir)
    assert len(files) == 1
    inode = files[0].stat().st_ino
    second = cli("list", "-f", "json")
    assert second.out == first.out
    assert cached_files(cache_dir) == files
    assert files[0].stat().st_ino == inode  # read, not rewritten


def test_cached_and_uncached_results_are_identical(
    cli: Runner, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ("recommend", "--goal", "athletes", "--have", "NASM-CPT", "--all", "-f", "json")
    cli(*args)  # fills the cache
    cached = cli(*args)
    monkeypatch.setenv(cache.DISABLE_VAR, "1")
    uncached = cli(*args)
    assert cached.out == uncached.out and cached.err == uncached.err


def test_changing_a_catalog_file_rebuilds_the_cache(
    cli: Runner, cache_dir: Path, tmp_path: Path
) -> None:
    overlay = tmp_path / "overlay"
    entry = write(overlay / "t" / "TEST-CERT.yaml", VALID)
    assert (
        cli("show", "TEST-CERT", "--catalog", str(overlay), "-f", "json").json()["cost"][
            "exam_non_member"
        ]
        == 100
    )
    entry.write_text(
        VALID.replace("exam_non_member: 100", "exam_non_member: 150"), encoding="utf-8"
    )
    os.utime(entry, ns=(entry.stat().st_atime_ns, entry.stat().st_mtime_ns + 1_000_000_000))
    assert (
        cli("show", "TEST-CERT", "--catalog", str(overlay), "-f", "json").json()["cost"][
            "exam_non_member"
        ]
        == 150
    )
    assert len(cached_files(cache_dir)) == 2  # side by side, until pruned


def test_adding_a_file_changes_the_fingerprint(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay"
    write(overlay / "t" / "TEST-CERT.yaml", VALID)
    dirs = [builtin_dir(), overlay]
    before = cache.fingerprint(dirs)
    write(overlay / "t" / "OTHER-CERT.yaml", VALID.replace("TEST-CERT", "OTHER-CERT"))
    assert cache.fingerprint(dirs) != before


def test_a_corrupted_cache_is_ignored_and_rebuilt(cli: Runner, cache_dir: Path) -> None:
    expected = cli("list", "-f", "ids").out
    for path in cached_files(cache_dir):
        path.write_bytes(b"not a cache at all")
    result = cli("list", "-f", "ids")
    assert (result.code, result.out, result.err) == (0, expected, "")
    assert f'"format":{cache.FORMAT}'.encode() in cached_files(cache_dir)[0].read_bytes()  # rebuilt


def test_an_unwritable_cache_folder_is_ignored(
    cli: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = write(tmp_path / "file-not-folder", "x")
    monkeypatch.setenv(cache.DIR_VAR, str(blocker / "cache"))
    result = cli("list", "-f", "ids")
    assert result.code == 0 and "CSCS" in result.lines and result.err == ""


def test_an_invalid_catalog_is_never_cached(cli: Runner, cache_dir: Path, tmp_path: Path) -> None:
    write(tmp_path / "o" / "t" / "TEST-CERT.yaml", VALID + "colour: red\n")
    assert cli("list", "--catalog", str(tmp_path / "o")).code == 3
    assert cli("list", "--catalog", str(tmp_path / "o")).code == 3
    assert cached_files(cache_dir) == []


def test_the_cache_lives_in_the_user_cache_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(cache.DIR_VAR, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if os.name == "posix" and not shutil.which("sw_vers"):
        assert cache.cache_dir() == tmp_path / "xdg" / "certadvise"


def test_the_cache_is_a_valid_catalog(cache_dir: Path) -> None:
    dirs = catalog_dirs(environ={})
    loaded = cache.load(dirs)
    again = cache.load(dirs)
    assert sorted(again.entries) == sorted(loaded.entries)
    assert again.resolve("PES").id == "NASM-PES"


def test_warm_runs_clear_temporary_files_of_killed_writes(cli: Runner, cache_dir: Path) -> None:
    assert cli("list", "-f", "ids").code == 0  # the cache is written
    killed = write(cache_dir / f"{cache.TEMP_PREFIX}killed{cache.SUFFIX}", "half a catalog")
    old = killed.stat().st_mtime - cache.STALE_TEMP_SECONDS - 5
    os.utime(killed, (old, old))
    running = write(cache_dir / f"{cache.TEMP_PREFIX}running{cache.SUFFIX}", "being written")
    before = {p.name for p in cached_files(cache_dir)}
    assert cli("list", "-f", "ids").code == 0  # warm: nothing is written
    assert {p.name for p in cached_files(cache_dir)} == before
    assert not killed.exists() and running.exists()


def test_settled_files_are_found_by_their_stamps_and_an_edit_is_still_seen(
    cli: Runner, cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    overlay = tmp_path / "overlay"
    entry = write(overlay / "t" / "TEST-CERT.yaml", VALID)
    args = ("show", "TEST-CERT", "--catalog", str(overlay), "-f", "json")
    monkeypatch.setattr(cache, "SETTLED_SECONDS", 3600.0)  # just written: no stamp record
    assert cli(*args).json()["cost"]["exam_non_member"] == 100
    assert list(cache_dir.glob(f"{cache.STAMP_PREFIX}*")) == []
    monkeypatch.setattr(cache, "SETTLED_SECONDS", -1.0)  # as if written long ago
    assert cli(*args).json()["cost"]["exam_non_member"] == 100
    assert len(list(cache_dir.glob(f"{cache.STAMP_PREFIX}*"))) == 1

    def no_reading(files: object) -> str:
        raise AssertionError("the files were read: the stamp record was not used")

    with monkeypatch.context() as patched:
        patched.setattr(cache, "_content_key", no_reading)
        assert cli(*args).json()["cost"]["exam_non_member"] == 100
    before = entry.stat()
    entry.write_text(VALID.replace("exam_non_member: 100", "exam_non_member: 150"))
    os.utime(entry, ns=(before.st_atime_ns, before.st_mtime_ns))  # touch -r, cp -p, rsync -t
    assert (entry.stat().st_size, entry.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert cli(*args).json()["cost"]["exam_non_member"] == 150  # the ctime moved


def test_a_forged_stamp_record_is_not_trusted(
    cli: Runner, cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    overlay = tmp_path / "overlay"
    write(overlay / "t" / "TEST-CERT.yaml", VALID)
    args = ("show", "TEST-CERT", "--catalog", str(overlay), "-f", "json")
    monkeypatch.setattr(cache, "SETTLED_SECONDS", -1.0)
    expected = cli(*args).out
    (record,) = cache_dir.glob(f"{cache.STAMP_PREFIX}*")
    record.write_bytes(record.read_bytes().replace(b'"key":"', b'"key":"0'))  # checksum fails
    result = cli("--debug", *args)
    assert (result.code, result.out) == (0, expected) and "is damaged" in result.err


def _fields(value: object) -> object:
    """The plain form, the slow way: every value asked what it is."""
    import dataclasses
    import datetime as dt
    from enum import Enum

    if isinstance(value, Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [_fields(getattr(value, f.name)) for f in dataclasses.fields(value)]
    if isinstance(value, (tuple, list)):
        return [_fields(item) for item in value]
    if isinstance(value, dict):
        return {key: _fields(item) for key, item in value.items()}
    return value.isoformat() if isinstance(value, dt.date) else value


def test_every_model_is_stored_field_by_field_and_built_back_the_same() -> None:
    from certadvise.catalog.loading import load_catalog
    from certadvise.catalog.plain import build, to_plain

    catalog = load_catalog([builtin_dir()])
    models = [
        *catalog.certifications,
        *catalog.organizations.values(),
        *catalog.goals.values(),
        catalog.vocabulary,
        catalog.rates,
    ]
    for model in models:
        assert to_plain(model) == _fields(model), model
        assert _fields(build(type(model), to_plain(model))) == _fields(model)
