"""Answers that need no parser: `certadvise`, `certadvise --help` (`-h`) and `--version`.

They are written without importing typer or the core: the root help is typer's own output,
kept in `root_help.txt` beside this module (tests/test_help.py checks that it is exactly
what typer prints, and rewrites it with CERTADVISE_UPDATE_GOLDEN=1 when a command changes).
Anything else, or a terminal too narrow for the kept text, goes through typer.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

#: Typer wraps help at min(terminal columns, 80) - 2: from 80 columns on, the kept text.
WIDEST_FROM = 80
#: Set by the shell when it asks for completions: typer answers those, even for no words.
COMPLETE_VAR = "_CERTADVISE_COMPLETE"
#: os.path, not pathlib: the quick path imports as little as it can.
ROOT_HELP = os.path.join(os.path.dirname(__file__), "root_help.txt")  # noqa: PTH118, PTH120
HELP_ARGS: tuple[list[str], ...] = ([], ["--help"], ["-h"])


def answer(args: Sequence[str], environ: Mapping[str, str]) -> str | None:
    """What to print for `args` without typer, or None when typer must answer."""
    if COMPLETE_VAR in environ:
        return None
    if list(args) == ["--version"]:
        from certadvise import __version__

        return f"certadvise {__version__}\n"
    if list(args) in HELP_ARGS:
        import shutil

        if shutil.get_terminal_size().columns < WIDEST_FROM:  # as typer measures it
            return None
        try:
            with open(ROOT_HELP, encoding="utf-8") as kept:  # noqa: PTH123
                return kept.read()
        except OSError:  # not installed with it: typer says the same
            return None
    return None
