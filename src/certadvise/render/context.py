"""The output context: where output goes and what the terminal can show, decided once.

The shell builds it from the streams, NO_COLOR, TERM, COLUMNS, LINES and --color; renderers
read only this object, never the environment, so tests build one and get the same output
anywhere.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TextIO


class ColorMode(StrEnum):
    AUTO = "auto"
    ALWAYS = "always"
    NEVER = "never"


@dataclass(frozen=True)
class OutputContext:
    """Streams and what they can show."""

    out: TextIO
    err: TextIO
    terminal: bool = False  # stdout is a terminal: tables for people, paging possible
    colour: bool = False
    boxes: bool = False  # box drawing (a terminal that is not TERM=dumb)
    width: int | None = None  # columns to fit; None: one row a line, however long
    height: int | None = None  # lines on the screen (paging); None: never page
    quiet: bool = False  # no assumptions and warnings on stderr (JSON keeps them)
    pager: tuple[str, ...] | None = None  # the command to page long output through

    @property
    def err_colour(self) -> bool:
        return self.colour and _isatty(self.err)


def build(
    out: TextIO,
    err: TextIO,
    environ: Mapping[str, str],
    color: ColorMode = ColorMode.AUTO,
    quiet: bool = False,
    page: bool = True,
) -> OutputContext:
    """The context for these streams and this environment (the only place that reads them)."""
    import shlex

    terminal = _isatty(out)
    dumb = environ.get("TERM") == "dumb"
    if color is ColorMode.AUTO:
        colour = terminal and "NO_COLOR" not in environ and not dumb
    else:
        colour = color is ColorMode.ALWAYS
    width = _number(environ.get("COLUMNS"))
    height = _number(environ.get("LINES"))
    if terminal:
        size = shutil.get_terminal_size()
        width, height = width or size.columns, height or size.lines
    pager = None
    if terminal and page and not dumb:
        pager = tuple(shlex.split(environ.get("PAGER") or "less -FRX")) or None
    return OutputContext(
        out=out,
        err=err,
        terminal=terminal,
        colour=colour,
        boxes=(terminal or color is ColorMode.ALWAYS) and not dumb,
        width=width,
        height=height if terminal else None,
        quiet=quiet,
        pager=pager,
    )


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _number(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() and int(text) > 0 else None
