"""`recommend` asks questions on a real terminal: driven in tmux as a person would.

The tmux server is a private one (its own socket in the test's folder), started with an
explicit environment: never the user's running tmux, never the user's cache or config.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from .conftest import TODAY

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")

# A typo first: the question is asked again, with the reason.
ANSWERS = ["juggling", "coach college athletes", "bachelor", "business", "CPR-AED", "600"]


class Tmux:
    """A tmux server of our own, on a socket in a temporary folder."""

    def __init__(self, socket: Path) -> None:
        self.socket = socket

    def __call__(self, *args: str, env: dict[str, str] | None = None) -> str:
        done = subprocess.run(
            ["tmux", "-S", str(self.socket), "-f", os.devnull, *args],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        return done.stdout


def screen_after(tmux: Tmux, session: str, wanted: str, timeout: float = 15) -> str:
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
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path / "home"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "NO_COLOR": "1",
        "CERTADVISE_CACHE_DIR": str(tmp_path / "cache"),
        "CERTADVISE_CONFIG_DIR": str(tmp_path / "config"),
        "CERTADVISE_TODAY": TODAY,
        "XDG_CACHE_HOME": str(tmp_path / "xdg-cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"),
        "TMUX_TMPDIR": str(tmp_path),
    }
    tmux = Tmux(tmp_path / "tmux.sock")
    command = f"{exe} recommend; echo EXIT=$?; sleep 30"
    tmux("new-session", "-d", "-s", session, "-x", "160", "-y", "50", command, env=env)
    try:
        screen_after(tmux, session, "What do you want to do?")
        for answer in ANSWERS:
            tmux("send-keys", "-t", session, answer, "Enter")
            time.sleep(0.2)
        shown = screen_after(tmux, session, "EXIT=")
        assert "unknown goal 'juggling'" in shown
        assert "Highest education" in shown and "Most you will spend now" in shown
        assert "│ 1 │ CSCS │" in shown
        assert "EXIT=0" in shown
        assert not (tmp_path / "home").exists()  # nothing written outside the test's folders
    finally:
        subprocess.run(
            ["tmux", "-S", str(tmux.socket), "kill-server"], check=False, capture_output=True
        )
