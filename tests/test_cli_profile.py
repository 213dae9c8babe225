"""The saved profile: `certadvise profile save|show|clear|path`, and the commands that use it."""

from __future__ import annotations

import os
from pathlib import Path

from .conftest import Runner

SAVED_LINE = "assumption: using the saved profile"


def saved_file() -> Path:
    return Path(os.environ["CERTADVISE_CONFIG_DIR"]) / "profile.yaml"


def test_profile_path_is_in_the_config_folder(cli: Runner) -> None:
    result = cli("profile", "path")
    assert result.code == 0
    assert result.out.strip() == str(saved_file())


def test_save_writes_canonical_ids_and_show_prints_them(cli: Runner) -> None:
    saved = cli("profile", "save", "-g", "coach college athletes", "-H", "cpr", "--budget", "600")
    assert saved.code == 0, saved.err
    assert str(saved_file()) in saved.err
    shown = cli("profile", "show", "-f", "json")
    assert shown.json() == {
        "goals": ["collegiate-athletes"],
        "have": ["CPR-AED"],
        "budget_usd": 600,
    }
    assert "budget_usd: 600\n" in cli("profile", "show").out


def test_save_without_options_is_refused(cli: Runner) -> None:
    result = cli("profile", "save")
    assert result.code == 2
    assert "nothing to save" in result.err
    assert not saved_file().exists()


def test_save_refuses_bad_names_and_keeps_nothing(cli: Runner) -> None:
    result = cli("profile", "save", "--have", "CSCSS")
    assert result.code == 2
    assert "did you mean CSCS" in result.err
    assert not saved_file().exists()


def test_recommend_uses_the_saved_profile_and_says_so(cli: Runner) -> None:
    cli("profile", "save", "-g", "athletes", "-H", "NASM-CPT", "--budget", "1000")
    result = cli("recommend", "--top", "1", "-f", "json")
    assert result.code == 0
    document = result.json()
    assert document["profile"]["goals"] == ["athletes"]
    assert document["profile"]["have"] == ["NASM-CPT"]
    assert any(str(saved_file()) in a for a in document["assumptions"])
    table = cli("recommend", "--top", "1")
    assert f"{SAVED_LINE} {saved_file()}" in table.err
    assert "NASM-PES" in table.out


def test_command_line_options_win_over_the_saved_profile(cli: Runner) -> None:
    cli("profile", "save", "-g", "athletes", "--budget", "1000")
    document = cli("recommend", "--budget", "50", "-f", "json").json()
    assert document["profile"]["budget_usd"] == 50
    assert document["profile"]["goals"] == ["athletes"]


def test_no_profile_ignores_the_saved_profile(cli: Runner) -> None:
    cli("profile", "save", "-g", "athletes")
    result = cli("recommend", "--no-profile", "-f", "json")
    assert "goals" not in result.json()["profile"]
    assert SAVED_LINE not in result.err


def test_compare_path_and_show_use_the_saved_profile(cli: Runner) -> None:
    cli("profile", "save", "--member", "NSCA", "--degree", "bachelor")
    compared = cli("compare", "CSCS", "NASM-PES", "--rows", "eligible", "-f", "json")
    assert compared.json()["eligibility"]["CSCS"].startswith("yes")
    assert SAVED_LINE in compared.err
    planned = cli("path", "CSCS", "-f", "json")
    assert planned.json()["steps"][-1]["cost_usd"] == 340  # the NSCA member price
    assert SAVED_LINE in planned.err
    shown = cli("show", "CSCS", "-f", "csv")
    assert SAVED_LINE in shown.err
    assert SAVED_LINE not in cli("show", "CSCS", "--no-profile").err


def test_broken_saved_profile_names_file_and_line(cli: Runner) -> None:
    path = saved_file()
    path.parent.mkdir(parents=True)
    path.write_text("goals: [athletes]\nbudjet: 5\n", encoding="utf-8")
    result = cli("recommend")
    assert result.code == 2
    assert result.err.startswith(f"certadvise: error: {path}:2: unknown field 'budjet'")
    assert "Traceback" not in result.err
    assert cli("recommend", "--no-profile", "-g", "athletes").code == 0


def test_clear_removes_the_saved_profile(cli: Runner) -> None:
    cli("profile", "save", "-g", "athletes")
    assert cli("profile", "clear").code == 0
    assert not saved_file().exists()
    result = cli("profile", "show")
    assert result.code == 0
    assert result.out == ""
    assert "no saved profile" in result.err
