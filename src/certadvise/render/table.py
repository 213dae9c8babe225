"""Tables for people, drawn by rich: boxes and colour only where the output context allows.

A table never splits a word, an id or a URL: when its columns cannot fit the width with
every word whole, each row is stacked instead (one field a line). Colour repeats what the
words say (not verified, excluded, stale, warning), so it is never the only carrier.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

from certadvise.render.context import OutputContext
from certadvise.render.notes import write_notes
from certadvise.render.plain import width as text_width
from certadvise.render.report import Column, Report
from certadvise.render.text import clean, human

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

#: Words in a cell, and the colour that repeats them (a verified price, "$475", is green).
STYLES = (
    ("not verified", "yellow"),
    ("excluded", "red"),
    ("retired", "red"),
    ("stale", "magenta"),
)
#: Whole cells that are a state needing attention (renewals), and their colour.
STATE_STYLES = {"due soon": "yellow", "overdue": "magenta", "lapsed": "bold red"}


def write_table(report: Report, ctx: OutputContext) -> None:
    width = ctx.width or report.pipe_width if ctx.terminal or ctx.width else None
    _write_lines(report.preface, ctx, width)
    if report.preface and any(part.rows for part in (report, *report.extra)):
        ctx.out.write("\n")
    if not ctx.terminal and report.pipe_width is None and ctx.width is None:
        _write_plain_parts(report, ctx)  # the common scripted case: no rich needed
    else:
        _write_rich(report, ctx)
    _write_lines(report.footer, ctx, width)
    write_notes(report.notes, ctx)


def _write_lines(lines: Sequence[str], ctx: OutputContext, width: int | None) -> None:
    """Lines of data for people, wrapped between words at `width` (None: never)."""
    for line in lines:
        wrapped = textwrap.wrap(
            clean(line),
            width=width or 1_000_000,
            subsequent_indent="  ",
            break_long_words=False,
            break_on_hyphens=False,
        ) or [""]
        ctx.out.write("".join(part + "\n" for part in wrapped))


def _write_plain_parts(report: Report, ctx: OutputContext) -> None:
    from certadvise.render.plain import write_plain

    for index, part in enumerate(p for p in (report, *report.extra) if p.rows):
        if index:
            ctx.out.write("\n")
        write_plain(part, ctx.out)


def _console(ctx: OutputContext, width: int | None) -> Console:
    from rich.console import Console

    return Console(
        file=ctx.out,
        force_terminal=ctx.colour,
        no_color=not ctx.colour,
        color_system="standard" if ctx.colour else None,
        highlight=False,
        markup=False,
        emoji=False,
        width=width or 80,
        legacy_windows=False,
        _environ={},
    )


def _write_rich(report: Report, ctx: OutputContext) -> None:
    width = ctx.width or report.pipe_width or 80
    console = _console(ctx, width)
    parts = [part for part in (report, *report.extra) if part.rows]  # no empty tables
    for index, part in enumerate(parts):
        if index:
            console.print()
        narrow = _narrowed(part, ctx, width)
        if _needed(narrow, ctx) > width:  # stacked, a row has room for every column
            _print_stacked(console, part, ctx, width)
            continue
        table = _build(narrow, ctx, _widths(narrow, ctx, width))
        if ctx.boxes:
            console.print(table)
        else:
            _print_plain(console, table)
        left_out = [c.title for c in part.people_columns if c not in narrow.columns]
        if left_out:
            _write_lines([_left_out(left_out)], ctx, width)


def _cells(report: Report, column: Column) -> list[str]:
    return [clean((column.human or human)(row.get(column.key))) for row in report.rows]


def _narrowed(report: Report, ctx: OutputContext, width: int) -> Report:
    """`report` without its optional columns (those kept least first, then the last first)
    until every word fits whole."""
    import dataclasses

    columns = list(report.columns)
    while _needed(report, ctx) > width:  # drop optional columns, last first
        optional = [c for c in columns if c.optional and c.for_people]
        if not optional:
            break
        columns.remove(min(reversed(optional), key=lambda c: c.keep))
        report = dataclasses.replace(report, columns=columns)
    return report


def _left_out(titles: Sequence[str]) -> str:
    """The line under a table that had to leave columns out to fit the terminal."""
    them = "it" if len(titles) == 1 else "them"
    return (
        f"not shown at this width: {', '.join(titles)} (a wider terminal, or -f json, shows {them})"
    )


def _needed(report: Report, ctx: OutputContext) -> int:
    """The narrowest width that shows every word of every cell whole (rich's own measure)."""
    from rich.console import Console
    from rich.measure import Measurement

    console = Console(width=100_000, color_system=None, _environ={})
    narrowest = [least for least, _ in _content(report)]
    return Measurement.get(console, console.options, _build(report, ctx, narrowest)).minimum


def _content(report: Report) -> list[tuple[int, int]]:
    """Each people column's narrowest width (its longest word; a no-wrap column's longest
    line) and widest (its longest line), header included."""
    found = []
    for column in report.people_columns:
        texts = [*_cells(report, column), column.title]
        lines = [line for text in texts for line in text.splitlines() or [""]]
        widest = max(text_width(line) for line in lines)
        words = [word for line in lines for word in line.split()] or [""]
        found.append((widest if column.no_wrap else max(map(text_width, words)), widest))
    return found


def _widths(report: Report, ctx: OutputContext, width: int) -> list[int]:
    """Column widths that fit `width` and keep every word whole: each column starts at its
    narrowest and grows towards its widest, in proportion to what it lacks.

    rich's own collapsing can squeeze a column below its longest word; this never does.
    """
    content = _content(report)
    spare = width - _needed(report, ctx)
    lacking = [most - least for least, most in content]
    total = sum(lacking)
    if spare <= 0 or total == 0:
        return [least for least, _ in content]
    grow = [min(lack, spare * lack // total) for lack in lacking]
    return [least + extra for (least, _), extra in zip(content, grow, strict=True)]


def _style(text: str, ctx: OutputContext, report: Report) -> str:
    if not ctx.colour:
        return ""
    if report.title == "Excluded":
        return "red"
    lowered = text.lower()
    if lowered in STATE_STYLES:
        return STATE_STYLES[lowered]
    found = next((style for words, style in STYLES if words in lowered), "")
    if not found and text.startswith("$"):  # a price is shown as dollars only when verified
        return "green"
    return found


def _text(text: str, ctx: OutputContext, report: Report, style: str = "") -> Text:
    from rich.text import Text

    return Text(text, style=" ".join(filter(None, (style, _style(text, ctx, report)))))


def _build(report: Report, ctx: OutputContext, widths: list[int] | None = None) -> Table:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(
        title=Text(clean(report.title)) if report.title else None,
        title_justify="left",
        box=box.ROUNDED if ctx.boxes else None,
        show_edge=ctx.boxes,
        pad_edge=ctx.boxes,
        show_lines=ctx.boxes and report.pipe_width is not None,
        padding=(0, 1) if ctx.boxes or report.pipe_width is None else (0, 1, 1, 0),
        header_style="bold" if ctx.colour else "",
        title_style="bold" if ctx.colour else "",
    )
    for index, column in enumerate(report.people_columns):
        table.add_column(
            Text(column.title),
            no_wrap=column.no_wrap,
            overflow="fold",
            width=widths[index] if widths else None,
        )
    for row in report.rows:
        table.add_row(
            *(
                _text(clean((c.human or human)(row.get(c.key))), ctx, report)
                for c in report.people_columns
            )
        )
    return table


def _print_stacked(console: Console, report: Report, ctx: OutputContext, width: int) -> None:
    """Too narrow for a table: each row a block (its leading short columns as a heading,
    then one field a line), words never split."""
    from rich.text import Text

    columns = report.people_columns
    lead = 0
    while lead < len(columns) - 1 and columns[lead].no_wrap:
        lead += 1
    heads, fields = columns[:lead], columns[lead:]
    head_widths = [max(text_width(t) for t in _cells(report, c)) for c in heads]
    label = max((text_width(c.title) for c in fields), default=0) + 2
    bold = "bold" if ctx.colour else ""
    if report.title:
        console.print(Text(clean(report.title), style=bold), crop=False)
    for index, row in enumerate(report.rows):
        if index or report.title:
            console.print()
        cells = [clean((c.human or human)(row.get(c.key))) for c in heads]
        heading = " ".join(
            t + " " * (w - text_width(t)) for t, w in zip(cells, head_widths, strict=True)
        )
        if heading.strip():
            console.print(_text(heading.rstrip(), ctx, report, bold), crop=False, no_wrap=True)
        for column in fields:
            value = " ".join(clean((column.human or human)(row.get(column.key))).split())
            lines = textwrap.wrap(
                value,
                width=max(width - label - 2, 20),
                break_long_words=False,
                break_on_hyphens=False,
            ) or [""]
            for number, line in enumerate(lines):
                title = column.title if number == 0 else ""
                text = Text("  " + title.ljust(label), style=bold)
                if text_width(line) > width - label - 2:  # one long word (a URL): own line
                    if title:
                        console.print(Text("  " + title, style=bold), crop=False, no_wrap=True)
                    text = Text("")
                text.append(_text(line, ctx, report))
                console.print(text, crop=False, overflow="ignore", no_wrap=True)


def _print_plain(console: Console, table: Table) -> None:
    """Print without the trailing spaces (and blank last line) rich pads tables with."""
    lines = [
        "".join(seg.text for seg in line).rstrip()
        for line in console.render_lines(table, pad=False)
    ]
    while lines and not lines[-1]:
        lines.pop()
    console.file.write("".join(line + "\n" for line in lines))
