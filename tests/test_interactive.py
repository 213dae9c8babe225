"""The wizard on a real terminal, driven in tmux as a person would.

The tmux server is a private one (its own socket, no config file), started with a clean
environment, so a running tmux of the user's cannot leak its environment in; certadvise
writes only into the test's folder (config and cache).
"""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from .conftest import TODAY

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")

# Answers by the words of the question; any other question takes its default (Enter).
# A typo first: the question is asked again, with the reason.
ANSWERS = {
    "What do you want to do": ["juggling", "coach college athletes"],
    "Highest education": ["bachelor"],
    "Field of that degree": ["business"],
    "CPR/AED": ["yes"],
    "Your age": ["30"],
    "studying for a degree": ["no"],
    "The most you will spend": ["600"],
    "default profile": ["no"],
}


def capture(tmux: list[str]) -> str:
    return subprocess.run(
        [*tmux, "capture-pane", "-p", "-S", "-", "-t", "wizard"], capture_output=True, text=True
    ).stdout


def screen_after(tmux: list[str], wanted: str, timeout: float = 20) -> str:
    deadline = time.monotonic() + timeout
    shown = ""
    while time.monotonic() < deadline:
        shown = capture(tmux)
        if wanted in shown:
            return shown
        time.sleep(0.1)
    raise AssertionError(f"{wanted!r} never appeared:\n{shown}")


def answer_until_done(tmux: list[str], timeout: float = 60) -> str:
    """Answer each question as it appears (by its words), until the command ends."""
    answers = {key: list(values) for key, values in ANSWERS.items()}
    prompts = 0
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        shown = capture(tmux)
        if "EXIT=" in shown:
            return shown
        lines = shown.rstrip("\n").splitlines()
        waiting = [i for i, line in enumerate(lines) if line.startswith(">")]
        if len(waiting) > prompts and lines[-1].startswith(">"):
            prompts = len(waiting)
            start = max((i for i, line in enumerate(lines) if not line.strip()), default=0)
            asked = " ".join(lines[start:])  # the question's block: from its blank line on
            key = next((k for k in answers if k in asked and answers[k]), None)
            reply = answers[key].pop(0) if key else ""
            subprocess.run([*tmux, "send-keys", "-t", "wizard", reply, "Enter"], check=True)
        time.sleep(0.1)
    raise AssertionError(f"the wizard never finished:\n{capture(tmux)}")


def test_wizard_talks_to_the_terminal_with_output_redirected(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "certadvise"
    out, err = tmp_path / "out.json", tmp_path / "err.txt"
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path / "home"),
        "TERM": "xterm",
        "LANG": "C.UTF-8",
        "NO_COLOR": "1",
        "CERTADVISE_CONFIG_DIR": str(tmp_path / "config"),
        "CERTADVISE_CACHE_DIR": str(tmp_path / "cache"),
        "CERTADVISE_TODAY": TODAY,
        "XDG_CACHE_HOME": str(tmp_path / "xdg-cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"),
    }
    command = (
        " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        + f" {exe} recommend -f json > {out} 2> {err}; echo EXIT=$?; sleep 30"
    )
    tmux = [
        "env",
        "-i",
        f"PATH={env['PATH']}",
        f"TMUX_TMPDIR={tmp_path}",
        "tmux",
        "-L",
        f"certadvise-{uuid.uuid4().hex[:8]}",
        "-f",
        "/dev/null",
    ]
    subprocess.run(
        [*tmux, "new-session", "-d", "-s", "wizard", "-x", "160", "-y", "50", command],
        check=True,
    )
    try:
        screen_after(tmux, "The country where you will work")  # on the terminal, not err.txt
        shown = answer_until_done(tmux)
        assert "unknown goal 'juggling'" in shown
        assert "EXIT=0" in shown
        document = json.loads(out.read_text(encoding="utf-8"))
        assert document["profile"]["goals"] == ["collegiate-athletes"]
        assert document["profile"]["age"] == 30
        assert document["recommendations"][0]["id"] == "CSCS"
        assert not (tmp_path / "config").exists()  # not saved: the answer was no
        assert "What do you want" not in err.read_text(encoding="utf-8")
        assert not (tmp_path / "home").exists()  # nothing written outside the test's folders
    finally:
        subprocess.run([*tmux, "kill-server"], check=False, capture_output=True)
