"""What every command does at the edge: load the catalog, pick a format, write a report.

The output context is built here, once per run, from the streams, the environment and the
output options (--color, --quiet, --no-pager); renderers get it and read nothing else.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from certadvise.render import OutputFormat, emit
from certadvise.render.context import ColorMode, OutputContext, build

if TYPE_CHECKING:
    from certadvise.catalog.index import Catalog
    from certadvise.render.report import Report


@dataclasses.dataclass
class Run:
    """The settings of this run, set by the output options before the command runs."""

    color: ColorMode = ColorMode.AUTO
    quiet: bool = False
    page: bool = True
    no_input: bool = False


RUN = Run()


def configure(
    color: ColorMode = ColorMode.AUTO,
    quiet: bool = False,
    page: bool = True,
    no_input: bool = False,
) -> None:
    """Set this run's output settings (each run starts from the defaults)."""
    RUN.color, RUN.quiet, RUN.page, RUN.no_input = color, quiet, page, no_input


def context(page: bool = False) -> OutputContext:
    """The output context for stdout and stderr as they are now."""
    return build(sys.stdout, sys.stderr, os.environ, RUN.color, RUN.quiet, page and RUN.page)


def load(extra_dirs: Sequence[Path] | None) -> Catalog:
    """The built-in catalog with the environment's and the command line's overlays."""
    from certadvise.catalog import cache
    from certadvise.cli import debug_note, debugging

    explain = debug_note if debugging() else None
    catalog = cache.load(checked_dirs(extra_dirs), explain)
    from certadvise.render.safety import visible

    for notice in catalog.notices:  # paths: shown, never acted on by the terminal
        sys.stderr.write(f"note: {visible(notice)}\n")
    return catalog


def checked_dirs(extra_dirs: Sequence[Path] | None) -> list[Path]:
    """Every catalog folder in layering order; a folder that is not there is bad input (2)."""
    from certadvise.catalog.index import ENV_VAR, catalog_dirs
    from certadvise.errors import InputError

    dirs = catalog_dirs(list(extra_dirs or ()))
    for folder in dirs[1:]:
        if not folder.is_dir():
            where = "--catalog" if folder in (extra_dirs or ()) else ENV_VAR
            raise InputError(f"{where}: catalog folder {folder} does not exist")
    return dirs


TODAY_VAR = "CERTADVISE_TODAY"


def today() -> dt.date:
    """The day of the run, which decides what is stale and which rule changes are ahead:
    $CERTADVISE_TODAY (YYYY-MM-DD) when set, for tests and reproducible examples, else the
    clock. Only the shell reads either; the core is handed the day.
    """
    from certadvise.errors import InputError

    given = os.environ.get(TODAY_VAR)
    if not given:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(given.strip())
    except ValueError as exc:
        raise InputError(f"{TODAY_VAR}: expected a date as YYYY-MM-DD, got {given!r}") from exc


def should_interview(profile_options: dict[str, object]) -> bool:
    """A bare `recommend` on a terminal asks questions; never when stdin is not a terminal,
    with --no-input, nor when a saved profile answers them."""
    from certadvise.cli.profile_options import given, saved

    if sys.stdin is None or sys.stdout is None:  # closed: nobody to ask
        return False
    if RUN.no_input or given(profile_options) or not sys.stdin.isatty():
        return False
    return saved(profile_options) is None


def assume(*lines: str) -> None:
    """Say assumptions on stderr (not with --quiet)."""
    from certadvise.render.notes import write_notes

    write_notes([f"assumption: {line}" for line in lines], context())


def say(line: str) -> None:
    """Tell people what was done, on stderr (not with --quiet)."""
    if not RUN.quiet:
        sys.stderr.write(line + "\n")


def output(report: Report, fmt: OutputFormat | None, page: bool = False) -> None:
    """Write a report to stdout (notes to stderr) in the chosen or default format.

    With `page`, a table taller than the terminal goes through $PAGER (or `less -FRX`).
    """
    from certadvise.cli import ClosedOutput

    try:
        _output(report, fmt or OutputFormat.TABLE, context(page))
        sys.stdout.flush()
    except BrokenPipeError as exc:  # not an OSError from here on: click would exit 1
        raise ClosedOutput from exc


def _output(report: Report, fmt: OutputFormat, ctx: OutputContext) -> None:
    if fmt is not OutputFormat.TABLE or ctx.pager is None or ctx.height is None:
        emit(report, fmt, ctx)
        return
    buffer = io.StringIO()
    emit(report, fmt, dataclasses.replace(ctx, out=buffer))
    text = buffer.getvalue()
    if text.count("\n") < ctx.height or not _page(ctx.pager, text):
        sys.stdout.write(text)


def _page(pager: Sequence[str], text: str) -> bool:
    """Show `text` through the pager; False when it cannot be started."""
    try:
        subprocess.run(list(pager), input=text, text=True, check=False)
    except OSError:
        return False
    return True
