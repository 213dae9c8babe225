"""What every command does at the edge: read the catalog, pick a format, write a report.

Each function is handed the run's settings (`Run`, from the output options); the output
context is built here from the streams, the environment and those settings, and renderers
get it and read nothing else.
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
from certadvise.render.context import OutputContext, build

if TYPE_CHECKING:
    from certadvise.catalog.index import Catalog
    from certadvise.cli.settings import Run
    from certadvise.render.report import Report


def context(run: Run, page: bool = False) -> OutputContext:
    """The output context for stdout and stderr as they are now."""
    return build(sys.stdout, sys.stderr, os.environ, run.color, run.quiet, page and run.page)


def read_catalog(run: Run, extra_dirs: Sequence[Path] | None) -> Catalog:
    """The built-in catalog with the environment's and the command line's overlays, through
    the cache; with --debug, why a cache was not used."""
    from certadvise.catalog import cache
    from certadvise.cli.streams import stderr_line
    from certadvise.render.safety import visible

    def explain(text: str) -> None:
        stderr_line(f"certadvise: debug: {text}")

    catalog = cache.load(checked_dirs(extra_dirs), explain if run.debug else None)
    for notice in catalog.notices:  # paths: shown, never acted on by the terminal
        sys.stderr.write(f"note: {visible(notice)}\n")
    return catalog


def checked_dirs(extra_dirs: Sequence[Path] | None) -> list[Path]:
    """Every catalog folder in layering order; a folder that is not there is bad input (2)."""
    from certadvise.catalog.index import ENV_VAR, catalog_dirs

    dirs = catalog_dirs(list(extra_dirs or ()))
    for folder in dirs[1:]:
        require_folder(folder, "--catalog: " if folder in (extra_dirs or ()) else f"{ENV_VAR}: ")
    return dirs


def require_folder(folder: Path, where: str = "") -> None:
    """A catalog folder named by the user is there and can be read, or it is bad input (2)."""
    from certadvise.errors import InputError

    try:
        found = folder.is_dir()
    except OSError as exc:  # a name too long, a folder above it that cannot be entered
        raise InputError(f"{where}catalog folder {folder}: {exc.strerror or exc}") from exc
    if not found:
        raise InputError(f"{where}catalog folder {folder} does not exist")


TODAY_VAR = "CERTADVISE_TODAY"


def today() -> dt.date:
    """The day of the run, which decides what is stale and which rule changes are ahead:
    $CERTADVISE_TODAY (YYYY-MM-DD, years FIRST_YEAR to LAST_YEAR, so that date arithmetic
    decades ahead stays in the calendar) when set, for tests and reproducible examples,
    else the clock. Only the shell reads either; the core is handed the day.
    """
    from certadvise.errors import InputError
    from certadvise.limits import FIRST_YEAR, LAST_YEAR

    given = os.environ.get(TODAY_VAR)
    if not given:
        return dt.date.today()
    try:
        day = dt.date.fromisoformat(given.strip())
    except ValueError as exc:
        raise InputError(f"{TODAY_VAR}: expected a date as YYYY-MM-DD, got {given!r}") from exc
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise InputError(
            f"{TODAY_VAR}: expected a year from {FIRST_YEAR} to {LAST_YEAR}, got {given!r}"
        )
    return day


def assume(run: Run, *lines: str) -> None:
    """Say assumptions on stderr (not with --quiet)."""
    from certadvise.render.notes import write_notes

    write_notes([f"assumption: {line}" for line in lines], context(run))


def say(run: Run, line: str) -> None:
    """Tell people what was done, on stderr (not with --quiet); control characters (in a
    path) shown as escapes, as in error lines."""
    from certadvise.render.safety import visible

    if not run.quiet:
        sys.stderr.write(visible(line) + "\n")


def output(run: Run, report: Report, fmt: OutputFormat | None, page: bool = False) -> None:
    """Write a report to stdout (notes to stderr) in the chosen or default format.

    With `page`, a table taller than the terminal goes through $PAGER (or `less -FRX`).
    """
    from certadvise.cli.exits import ClosedOutput

    try:
        _output(run, report, fmt or OutputFormat.TABLE, context(run, page))
        sys.stdout.flush()
    except BrokenPipeError as exc:  # not an OSError from here on: click would exit 1
        raise ClosedOutput from exc


def write_bytes(data: bytes) -> None:
    """Bytes on stdout as they are (a calendar's CRLF line ends kept on every platform)."""
    from certadvise.cli.exits import ClosedOutput

    try:
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is not None:
            buffer.write(data)
            buffer.flush()
        else:
            sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
    except BrokenPipeError as exc:
        raise ClosedOutput from exc


def write_json(run: Run, document: object) -> None:
    """A JSON document on stdout, through the same safety as every format's JSON."""
    from certadvise.render.charset import carries_all
    from certadvise.render.machine import json_text

    ctx = context(run)
    ctx.out.write(json_text(document, 2, ascii_only=not carries_all(ctx.charset)) + "\n")


def format_among(
    fmt: OutputFormat | None, accepted: Sequence[OutputFormat], command: str
) -> OutputFormat:
    """The chosen format (table when none), refused as bad input when `command` has no
    such output (`profile path -f csv`)."""
    from certadvise.errors import InputError

    chosen = fmt or OutputFormat.TABLE
    if chosen not in accepted:
        names = " or ".join(f.value for f in accepted)
        raise InputError(f"--format: {command} prints {names}, not {chosen.value}")
    return chosen


def _output(run: Run, report: Report, fmt: OutputFormat, ctx: OutputContext) -> None:
    if fmt is not OutputFormat.TABLE or ctx.pager is None or ctx.height is None:
        emit(report, fmt, ctx)
        return
    buffer = io.StringIO()
    emit(report, fmt, dataclasses.replace(ctx, out=buffer))
    text = buffer.getvalue()
    if text.count("\n") < ctx.height or not _page(run, ctx.pager, text, ctx.charset):
        sys.stdout.write(text)


def _page(run: Run, pager: str, text: str, charset: str | None) -> bool:
    """Show `text` through the pager; False when it cannot show it (a command line that
    does not parse, a program that is not there, or one that fails: exit status not 0)."""
    import shlex

    from certadvise.render import charset as charsets

    try:
        words = shlex.split(pager)
    except ValueError as exc:
        say(run, f"warning: PAGER: cannot read {pager!r} as a command ({exc}): not paging")
        return False
    if not words:
        return False
    data = text.encode(charset or "utf-8", errors=charsets.ERROR_HANDLER)
    try:
        done = subprocess.run(words, input=data, check=False)
    except OSError:
        return False
    return done.returncode <= 0  # killed by a signal (Ctrl-C in the pager): it was shown
