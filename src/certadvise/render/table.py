"""Tables for people, drawn by rich: boxes and colour only on a colour-capable terminal."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, TextIO

from certadvise.render.report import Report
from certadvise.render.text import clean, human

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table


def colour_allowed(is_terminal: bool) -> bool:
    """Colour only on a terminal, and never with NO_COLOR set or TERM=dumb."""
    return is_terminal and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def write_table(report: Report, out: TextIO, err: TextIO, is_terminal: bool) -> None:
    for line in report.preface:
        out.write(clean(line) + "\n")
    if report.preface and any(part.rows for part in (report, *report.extra)):
        out.write("\n")
    if not is_terminal and report.pipe_width is None and "COLUMNS" not in os.environ:
        _write_plain_parts(report, out)  # the common scripted case: no rich needed
    else:
        _write_rich(report, out, is_terminal)
    for note in report.notes:
        err.write(clean(note) + "\n")


def _write_plain_parts(report: Report, out: TextIO) -> None:
    from certadvise.render.plain import write_plain

    for index, part in enumerate(p for p in (report, *report.extra) if p.rows):
        if index:
            out.write("\n")
        write_plain(part, out)


def _write_rich(report: Report, out: TextIO, is_terminal: bool) -> None:
    from rich.console import Console

    colour = colour_allowed(is_terminal)
    decorate = is_terminal and os.environ.get("TERM") != "dumb"
    # A terminal's own width; in a pipe COLUMNS, or the width a report of prose asks for.
    width = None if is_terminal or "COLUMNS" in os.environ else report.pipe_width
    console = Console(
        file=out,
        force_terminal=colour,
        no_color=not colour,
        highlight=False,
        markup=False,
        emoji=False,
        width=width,
    )
    parts = [part for part in (report, *report.extra) if part.rows]  # no empty tables
    for index, part in enumerate(parts):
        if index:
            console.print()
        table = _build(part, colour, decorate)
        if decorate:
            console.print(table)
        else:
            _print_plain(console, table)


def _build(report: Report, colour: bool, decorate: bool) -> Table:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(
        title=Text(clean(report.title)) if report.title else None,
        title_justify="left",
        box=box.ROUNDED if decorate else None,
        show_edge=decorate,
        pad_edge=decorate,
        show_lines=decorate and report.pipe_width is not None,
        padding=(0, 1) if decorate or report.pipe_width is None else (0, 1, 1, 0),
        header_style="bold" if colour else "",
        title_style="bold" if colour else "",
    )
    for column in report.people_columns:
        table.add_column(Text(column.title), no_wrap=column.no_wrap, overflow="fold")
    for row in report.rows:
        table.add_row(*(Text((c.human or human)(row.get(c.key))) for c in report.people_columns))
    return table


def _print_plain(console: Console, table: Table) -> None:
    """Print without the trailing spaces (and blank last line) rich pads tables with."""
    lines = [
        "".join(seg.text for seg in line).rstrip()
        for line in console.render_lines(table, pad=False)
    ]
    while lines and not lines[-1]:
        lines.pop()
    console.file.write("".join(line + "\n" for line in lines))
