"""Plain aligned text for pipes: one row a line, no colour, no boxes, no rich import."""

from __future__ import annotations

import unicodedata
from typing import TextIO

from certadvise.render.report import Report
from certadvise.render.text import clean, human


def width(text: str) -> int:
    """Columns `text` takes on a terminal (East Asian wide characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def write_plain(report: Report, out: TextIO) -> None:
    """Title, header and rows, columns two spaces apart; cells never wrap."""
    columns = report.people_columns
    cells = [[c.title for c in columns]] + [
        [" ".join(clean((c.human or human)(row.get(c.key))).split()) for c in columns]
        for row in report.rows
    ]
    widths = [max(width(line[i]) for line in cells) for i in range(len(columns))]
    if report.title:
        out.write(clean(report.title) + "\n")
    for line in cells:
        padded = [
            cell + " " * (size - width(cell)) for cell, size in zip(line, widths, strict=True)
        ]
        out.write("  ".join(padded).rstrip() + "\n")
