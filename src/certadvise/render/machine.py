"""Formats for programs: json, jsonl, csv, tsv and ids. They never pass through rich."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from certadvise.render.report import Column, Report, Row
from certadvise.render.safety import spreadsheet_cell, strip_unsafe
from certadvise.render.text import clean, escape_json_controls, raw


def _safe(value: Any) -> Any:
    """Every string (keys too) without the unsafe characters, and whole-number floats as
    integers ($475, not 475.0), in one walk of the document (the exact types first: a
    batch walks thousands of documents)."""
    kind = type(value)
    if kind is str:
        return strip_unsafe(value)
    if kind is dict:
        return {(strip_unsafe(k) if isinstance(k, str) else k): _safe(v) for k, v in value.items()}
    if kind is list or kind is tuple:
        return [_safe(item) for item in value]
    if kind is int or kind is bool or value is None:
        return value
    if isinstance(value, str):
        return strip_unsafe(value)
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, dict):
        return {(strip_unsafe(k) if isinstance(k, str) else k): _safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_safe(item) for item in value]
    return value


def json_text(value: Any, indent: int | None, ascii_only: bool = False) -> str:
    """`value` as JSON without the unsafe characters; with `ascii_only` (a stream that
    cannot carry every character), the rest written as \\u escapes: the data stays exact."""
    text = json.dumps(
        _safe(value), indent=indent, ensure_ascii=ascii_only, default=str, allow_nan=False
    )
    return escape_json_controls(text)


def write_json(report: Report, out: TextIO, ascii_only: bool = False) -> None:
    out.write(json_text(report.json_document(), 2, ascii_only) + "\n")


def write_jsonl(report: Report, out: TextIO, ascii_only: bool = False) -> None:
    records = report.records if report.records is not None else report.rows
    for record in records:
        out.write(json_text(record, None, ascii_only) + "\n")


def write_delimited(report: Report, out: TextIO, delimiter: str) -> None:
    write_row = delimited_writer(out, delimiter, report.program_columns)
    for row in (*report.rows, *report.more_rows):
        write_row(row)


def delimited_writer(
    out: TextIO, delimiter: str, columns: Sequence[Column]
) -> Callable[[Row], None]:
    """Write the header row of `columns` now; the function returned writes one row."""
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow([c.key for c in columns])

    def write_row(row: Row) -> None:
        cells = [raw(row.get(c.key)) for c in columns]
        if delimiter == "\t":  # TSV has no quoting: tabs and newlines inside cells become spaces
            cells = [" ".join(cell.split()) for cell in cells]
        writer.writerow([spreadsheet_cell(cell) for cell in cells])

    return write_row


def write_ids(report: Report, out: TextIO) -> None:
    """One id a line, each once; rows without an id (a plan's degree step) have none."""
    ids = report.ids if report.ids is not None else (row.get(report.id_key) for row in report.rows)
    for value in dict.fromkeys(str(v) for v in ids if v is not None):
        out.write(clean(value) + "\n")
