"""Formats for programs: json, jsonl, csv, tsv and ids. They never pass through rich."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from certadvise.render.report import Column, Report, Row, SharedDocument, SharedList
from certadvise.render.safety import spreadsheet_cell, strip_unsafe
from certadvise.render.text import clean, escape_json_controls, raw

# Where a shared sub-document's text goes: a NUL and its number in the document's list of
# shared parts, as a JSON string; no string cleaned by `_safe` holds a NUL.
_SHARED_PLACE = '"\\u0000'
_AS_IS = (int, bool, type(None))  # written as they are


def _safe(value: Any, shared: list[Any]) -> Any:
    """Every string (keys too) without the unsafe characters, and whole-number floats as
    integers ($475, not 475.0), in one walk of the document (the exact types first: a
    batch walks thousands of documents). A shared sub-document is left out, its place
    held by a number in `shared`."""
    kind = type(value)
    if kind is str:
        return strip_unsafe(value)
    if kind is dict:  # its strings and plain values here, not in a call each
        return {
            (strip_unsafe(k) if isinstance(k, str) else k): (
                strip_unsafe(v) if (t := type(v)) is str else v if t in _AS_IS else _safe(v, shared)
            )
            for k, v in value.items()
        }
    if kind is list or kind is tuple:
        return [
            strip_unsafe(v) if (t := type(v)) is str else v if t in _AS_IS else _safe(v, shared)
            for v in value
        ]
    if kind in _AS_IS:
        return value
    if kind is SharedDocument or kind is SharedList:
        shared.append(value)
        return f"\x00{len(shared) - 1}"
    if isinstance(value, str):
        return strip_unsafe(value)
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, dict):
        return {
            (strip_unsafe(k) if isinstance(k, str) else k): _safe(v, shared)
            for k, v in value.items()
        }
    if isinstance(value, (list, tuple)):
        return [_safe(item, shared) for item in value]
    return value


def json_text(value: Any, indent: int | None, ascii_only: bool = False) -> str:
    """`value` as JSON without the unsafe characters; with `ascii_only` (a stream that
    cannot carry every character), the rest written as \\u escapes: the data stays exact.

    A shared sub-document (`SharedDocument`, `SharedList`) is written once and its text
    kept: the same text, in the same place, as if it were written each time."""
    shared: list[Any] = []
    text = json.dumps(
        _safe(value, shared), indent=indent, ensure_ascii=ascii_only, default=str, allow_nan=False
    )
    text = escape_json_controls(text)  # the shared parts' texts are escaped already
    if shared:
        between = text.split(_SHARED_PLACE)
        if len(between) != len(shared) + 1:  # a value written as its str() was a NUL
            return json_text(_unshared(value), indent, ascii_only)
        text = _with_shared(between, shared, indent, ascii_only)
    return text


def _with_shared(
    between: list[str], shared: list[Any], indent: int | None, ascii_only: bool
) -> str:
    """The text around the places of the shared parts, each filled with its kept text
    (indented as deep as its place is)."""
    key = (indent, ascii_only)
    out = [between[0]]
    for place in between[1:]:
        number, after = place.split('"', 1)
        part: SharedDocument | SharedList = shared[int(number)]
        text: str | None = part.made.get(key)
        if text is None:
            text = part.made[key] = _shared_text(part, indent, ascii_only)
        if indent is not None and "\n" in text:
            line = out[-1][out[-1].rfind("\n") + 1 :]
            text = text.replace("\n", "\n" + " " * (len(line) - len(line.lstrip(" "))))
        out += (text, after)
    return "".join(out)


def _shared_text(part: SharedDocument | SharedList, indent: int | None, ascii_only: bool) -> str:
    """A shared part's text. A list on one line is its items' texts joined, each shared
    item's text made once: the text `json.dumps` gives, without walking the list again."""
    if type(part) is SharedDocument:
        return json_text(dict(part), indent, ascii_only)
    if indent is not None:
        return json_text(list(part), indent, ascii_only)
    key = (None, ascii_only)
    texts = []
    for item in part:
        if type(item) is SharedDocument:
            text = item.made.get(key)
            if text is None:
                text = item.made[key] = json_text(dict(item), None, ascii_only)
        else:
            text = json_text(item, None, ascii_only)
        texts.append(text)
    return "[" + ", ".join(texts) + "]"


def _unshared(value: Any) -> Any:
    """`value` with plain dicts and lists for its shared parts."""
    if isinstance(value, dict):
        return {k: _unshared(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_unshared(item) for item in value]
    return value


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
