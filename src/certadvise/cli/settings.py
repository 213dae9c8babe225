"""The settings of one run, decided before the command runs and handed to it explicitly.

`main` decides `debug` (from argv and $CERTADVISE_DEBUG); the output options of each
command (`--color`, `--quiet`, `--no-pager`, `--no-input`) decide the rest, and the command
receives the whole as its `run` parameter. No module keeps run state of its own.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from certadvise.render.context import ColorMode

DEBUG_VAR = "CERTADVISE_DEBUG"


@dataclasses.dataclass(frozen=True)
class Run:
    """How this run talks to people: colour, notes, paging, questions, tracebacks."""

    color: ColorMode = ColorMode.AUTO
    quiet: bool = False  # no assumptions or warnings on stderr
    page: bool = True  # long tables may go through a pager (not with --no-pager)
    no_input: bool = False  # never ask questions
    debug: bool = False  # tracebacks of internal errors; why a cache was not used


def debug_wanted(args: Sequence[str], environ: Mapping[str, str]) -> bool:
    """`--debug` anywhere on the command line, or $CERTADVISE_DEBUG set to anything."""
    return "--debug" in args or bool(environ.get(DEBUG_VAR))
