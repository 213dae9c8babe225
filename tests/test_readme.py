"""Every `$ certadvise ...` example in the README runs and prints what the README shows."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO, TODAY

UPDATE_VAR = "CERTADVISE_UPDATE_GOLDEN"  # the same switch as the golden tables
UPDATE = bool(os.environ.get(UPDATE_VAR))  # read before the fixtures clear CERTADVISE_*
BLOCK = re.compile(r"```console\n(.*?)```", re.DOTALL)


def examples() -> list[tuple[str, str]]:
    found = []
    for block in BLOCK.findall((REPO / "README.md").read_text(encoding="utf-8")):
        command, output = None, []
        for line in block.splitlines():
            if line.startswith("$ "):
                if command:
                    found.append((command, "\n".join(output)))
                command, output = line[2:], []
            else:
                output.append(line)
        if command:
            found.append((command, "\n".join(output)))
    runnable = ("certadvise ", "COLUMNS=")
    return [(c, o) for c, o in found if c.startswith(runnable) and "--install-completion" not in c]


@pytest.mark.parametrize(("command", "expected"), examples(), ids=lambda v: v[:40])
def test_readme_example(command: str, expected: str, tmp_path: Path) -> None:
    if "| jq" in command and shutil.which("jq") is None:
        pytest.skip("jq is not installed")
    bin_dir = Path(sys.executable).parent
    env = {k: v for k, v in os.environ.items() if not k.startswith("CERTADVISE_")}
    env.update(
        PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}",
        NO_COLOR="1",
        CERTADVISE_TODAY=TODAY,  # the README's examples are true on this day
        CERTADVISE_CACHE_DIR=str(tmp_path / "cache"),
    )
    env.pop("COLUMNS", None)
    env["CERTADVISE_CONFIG_DIR"] = str(tmp_path / "config")  # never the user's saved profile
    done = subprocess.run(
        ["bash", "-c", command],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
        check=False,
    )
    shown = (done.stdout + done.stderr).rstrip("\n")
    if UPDATE and shown != expected.rstrip("\n"):
        readme = REPO / "README.md"
        old = f"$ {command}\n{expected.rstrip(chr(10))}\n"
        text = readme.read_text(encoding="utf-8")
        assert old in text, f"cannot find the example of {command!r} to update"
        readme.write_text(text.replace(old, f"$ {command}\n{shown}\n", 1), encoding="utf-8")
        return
    assert shown == expected.rstrip("\n"), (
        f"the README's example differs; if the change is intended: {UPDATE_VAR}=1 python -m "
        "pytest tests/test_readme.py tests/test_output.py"
    )


def test_readme_has_examples_of_every_command() -> None:
    commands = {c.split()[1] for c, _ in examples()}
    assert {"recommend", "compare", "path", "list", "show"} <= commands
