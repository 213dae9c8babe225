"""Renderers: each takes a Report and writes one format. They decide nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from certadvise.render.formats import OutputFormat

if TYPE_CHECKING:
    from certadvise.render.context import OutputContext
    from certadvise.render.report import Report

__all__ = ["OutputFormat", "emit"]


def emit(report: Report, fmt: OutputFormat, ctx: OutputContext) -> None:
    """Write `report` to `ctx.out` in `fmt`; notes for people go to `ctx.err`.

    On a stream that cannot carry every character, JSON escapes the others (exact data),
    and text for people is transliterated before it is laid out (`charset.fitted`).
    """
    from certadvise.render import charset

    ascii_only = not charset.carries_all(ctx.charset)
    if ascii_only and fmt in (OutputFormat.TABLE, OutputFormat.MARKDOWN):
        report = charset.fitted(report, ctx.charset)
    if fmt is OutputFormat.TABLE:
        from certadvise.render.table import write_table

        write_table(report, ctx)
        return
    from certadvise.render import machine
    from certadvise.render.notes import write_notes

    out = ctx.out
    if fmt is OutputFormat.JSON:
        machine.write_json(report, out, ascii_only)
    elif fmt is OutputFormat.JSONL:
        machine.write_jsonl(report, out, ascii_only)
    elif fmt is OutputFormat.CSV:
        machine.write_delimited(report, out, ",")
    elif fmt is OutputFormat.TSV:
        machine.write_delimited(report, out, "\t")
    elif fmt is OutputFormat.IDS:
        machine.write_ids(report, out)
    elif fmt is OutputFormat.HTML:
        from certadvise.render.html import write_html  # jinja2 is imported for html only

        write_html(report, out)
    else:
        from certadvise.render.markdown import write_markdown

        write_markdown(report, out, notes=not ctx.quiet)
        return
    write_notes(report.notes, ctx)  # machine formats carry notes in the document too
