"""`recommend` asks questions on a real terminal: driven in tmux as a person would."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")

# A typo first: the question is asked again, with the reason.
ANSWERS = ["juggling", "coach college athletes", "bachelor", "business", "CPR-AED", "600"]


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=True).stdout


def screen_after(session: str, wanted: str, timeout: float = 15) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        shown = tmux("capture-pane", "-p", "-S", "-500", "-t", session)  # with scrollback
        if wanted in shown:
            return shown
        time.sleep(0.1)
    raise AssertionError(f"{wanted!r} never appeared:\n{shown}")


def test_bare_recommend_on_a_terminal_asks_and_ranks(tmp_path: Path) -> None:
    session = f"certadvise-{uuid.uuid4().hex[:8]}"
    exe = Path(sys.executable).parent / "certadvise"
    command = f"env NO_COLOR=1 {exe} recommend; echo EXIT=$?; sleep 30"
    tmux("new-session", "-d", "-s", session, "-x", "160", "-y", "50", command)
    try:
        screen_after(session, "What do you want to do?")
        for answer in ANSWERS:
            tmux("send-keys", "-t", session, answer, "Enter")
            time.sleep(0.2)
        shown = screen_after(session, "EXIT=")
        assert "unknown goal 'juggling'" in shown
        assert "Highest education" in shown and "Most you will spend now" in shown
        assert "│ 1 │ CSCS │" in shown
        assert "EXIT=0" in shown
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False, capture_output=True)
