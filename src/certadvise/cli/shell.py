"""What every command does at the edge: load the catalog, pick a format, write a report."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from certadvise.render import OutputFormat, emit

if TYPE_CHECKING:
    from certadvise.catalog.index import Catalog
    from certadvise.render.report import Report


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
    """A bare `recommend` on a terminal asks questions; never when stdin is not a terminal."""
    if sys.stdin is None or sys.stdout is None:  # closed: nobody to ask
        return False
    return not any(profile_options.values()) and sys.stdin.isatty() and sys.stdout.isatty()


def output(report: Report, fmt: OutputFormat | None) -> None:
    """Write a report to stdout (notes to stderr) in the chosen or default format."""
    from certadvise.cli import ClosedOutput

    try:
        emit(report, fmt or OutputFormat.TABLE, sys.stdout, sys.stderr, sys.stdout.isatty())
        sys.stdout.flush()
    except BrokenPipeError as exc:  # not an OSError from here on: click would exit 1
        raise ClosedOutput from exc
