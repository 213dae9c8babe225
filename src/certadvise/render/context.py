"""The output context: where output goes and what the terminal can show, decided once.

The shell builds it from the streams, NO_COLOR, TERM, COLUMNS, LINES, PAGER and --color;
renderers read only this object, never the environment, so tests build one and get the
same output anywhere.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TextIO

from certadvise.limits import MAX_SCREEN_SIZE

DEFAULT_PAGER = "less -FRX"


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
    pager: str | None = None  # the command line to page long output through ($PAGER)
    charset: str | None = None  # the encoding of `out`: what it can carry (render.charset)

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
    terminal = _isatty(out)
    dumb = environ.get("TERM") == "dumb"
    if color is ColorMode.AUTO:
        colour = terminal and "NO_COLOR" not in environ and not dumb
    else:
        colour = color is ColorMode.ALWAYS
    width = _number(environ.get("COLUMNS"))
    height = _number(environ.get("LINES"))
    if terminal:
        columns, lines = _screen_size(out)
        width, height = width or columns, height or lines
    pager = (environ.get("PAGER") or DEFAULT_PAGER) if terminal and page and not dumb else None
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
        charset=getattr(out, "encoding", None),
    )


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _screen_size(out: TextIO) -> tuple[int, int]:
    """The terminal's own size, asked of the terminal (not of COLUMNS and LINES, which
    `_number` has read: `shutil.get_terminal_size` would take `COLUMNS=٣` for 3)."""
    for stream in (out, sys.__stdout__):
        try:
            size = os.get_terminal_size(stream.fileno())  # type: ignore[union-attr]
        except (AttributeError, OSError, ValueError):
            continue
        if size.columns > 0 and size.lines > 0:
            return size.columns, size.lines
    return 80, 24


def _number(text: str | None) -> int | None:
    """A screen size from COLUMNS or LINES: ASCII digits, 1 or more (at most
    MAX_SCREEN_SIZE); anything else (`-5`, `1e3`, `²`) counts as not set."""
    if not text or not text.isascii() or not text.isdigit() or not text.lstrip("0"):
        return None
    digits = text.lstrip("0")  # never int() of thousands of digits
    return MAX_SCREEN_SIZE if len(digits) > 6 else min(int(digits), MAX_SCREEN_SIZE)
