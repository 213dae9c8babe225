"""A GitHub-flavoured Markdown table, pasteable into a document or a chat."""

from __future__ import annotations

from typing import TextIO

from certadvise.render.report import Report
from certadvise.render.safety import markdown_text
from certadvise.render.text import clean, human


def _cell(text: str) -> str:
    return " ".join(markdown_text(clean(text)).split())


def write_markdown(report: Report, out: TextIO, notes: bool = True) -> None:
    """The tables, then the notes as quotes (part of the document: `--quiet` drops them)."""
    for line in report.preface:
        out.write(f"{_cell(line)}\n\n")
    for index, part in enumerate(p for p in (report, *report.extra) if p.rows or p is report):
        if index:
            out.write("\n")
        if part.title:
            out.write(f"### {_cell(part.title)}\n\n")
        out.write("| " + " | ".join(_cell(c.title) for c in part.people_columns) + " |\n")
        out.write("|" + "|".join("---" for _ in part.people_columns) + "|\n")
        for row in part.rows:
            cells = [_cell((c.human or human)(row.get(c.key))) for c in part.people_columns]
            out.write("| " + " | ".join(cells) + " |\n")
    if report.footer:
        out.write("\n" + "".join(f"{_cell(line)}  \n" for line in report.footer))
    for note in report.notes if notes else ():
        out.write(f"\n> {_cell(note)}\n")
