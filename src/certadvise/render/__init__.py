"""Renderers: each takes a Report and writes one format. They decide nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from certadvise.render.formats import OutputFormat

if TYPE_CHECKING:
    from certadvise.render.report import Report

__all__ = ["OutputFormat", "emit"]


def emit(report: Report, fmt: OutputFormat, out: TextIO, err: TextIO, is_terminal: bool) -> None:
    """Write `report` to `out` in `fmt`; notes for people go to `err`."""
    if fmt is OutputFormat.TABLE:
        from certadvise.render.table import write_table

        write_table(report, out, err, is_terminal)
        return
    from certadvise.render import machine

    if fmt is OutputFormat.JSON:
        machine.write_json(report, out)
    elif fmt is OutputFormat.JSONL:
        machine.write_jsonl(report, out)
    elif fmt is OutputFormat.CSV:
        machine.write_delimited(report, out, ",")
    elif fmt is OutputFormat.TSV:
        machine.write_delimited(report, out, "\t")
    elif fmt is OutputFormat.IDS:
        machine.write_ids(report, out)
    else:
        from certadvise.render.markdown import write_markdown

        write_markdown(report, out)
        return
    from certadvise.render.text import clean

    for note in report.notes:  # machine formats carry notes in the document; people see stderr
        err.write(clean(note) + "\n")
