"""Formats for programs written as they come, one item at a time (`recommend --batch`):
JSON lines, one JSON array, CSV and TSV rows. The same safety as `render.machine`."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TextIO

from certadvise.render.formats import OutputFormat
from certadvise.render.machine import delimited_writer, json_text
from certadvise.render.report import Column, Row

STREAMED = (OutputFormat.JSONL, OutputFormat.JSON, OutputFormat.CSV, OutputFormat.TSV)


class Stream:
    """Write `fmt` to `out` item by item, then `close`: each item a JSON record (jsonl,
    json) or its rows (csv, tsv, as `writes_rows` says). JSON is one array, `[` first and
    `]` last."""

    def __init__(
        self, fmt: OutputFormat, out: TextIO, columns: Sequence[Column], ascii_only: bool
    ) -> None:
        self.fmt, self.out, self.ascii_only = fmt, out, ascii_only
        self.count = 0
        self._row: Callable[[Row], None] | None = None
        if fmt in (OutputFormat.CSV, OutputFormat.TSV):
            delimiter = "," if fmt is OutputFormat.CSV else "\t"
            self._row = delimited_writer(out, delimiter, columns)
        elif fmt is OutputFormat.JSON:
            out.write("[")

    @property
    def writes_rows(self) -> bool:
        return self._row is not None

    def add_rows(self, rows: Sequence[Row]) -> None:
        assert self._row is not None, "rows are written by csv and tsv only"
        for row in rows:
            self._row(row)
        self.count += 1

    def add_record(self, record: Mapping[str, Any]) -> None:
        if self.fmt is OutputFormat.JSONL:
            self.out.write(json_text(record, None, self.ascii_only) + "\n")
        else:
            assert self.fmt is OutputFormat.JSON, "records are written by jsonl and json only"
            text = json_text(record, 2, self.ascii_only).replace("\n", "\n  ")
            self.out.write(("," if self.count else "") + "\n  " + text)
        self.count += 1

    def close(self) -> None:
        if self.fmt is OutputFormat.JSON:
            self.out.write("\n]\n" if self.count else "]\n")
