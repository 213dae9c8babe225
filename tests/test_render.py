"""Renderers: safe text, numbers as people and programs expect them, aligned plain tables."""

from __future__ import annotations

import io

from certadvise.render.machine import write_json
from certadvise.render.plain import width, write_plain
from certadvise.render.report import Column, Report
from certadvise.render.text import clean, human, raw


def test_unknown_is_not_verified_for_people_and_empty_for_programs() -> None:
    assert human(None) == "not verified"
    assert raw(None) == ""


def test_numbers_never_use_exponents_or_trailing_zeros() -> None:
    assert [human(475.0), human(49.3), human(1_500_000.0)] == ["475", "49.3", "1500000"]
    assert [raw(475.0), raw(0.5)] == ["475", "0.5"]


def test_json_writes_whole_amounts_as_integers() -> None:
    out = io.StringIO()
    write_json(Report([], [], {"usd": 475.0, "rate": 49.3, "list": [2.0]}), out)
    assert out.getvalue() == '{\n  "usd": 475,\n  "rate": 49.3,\n  "list": [\n    2\n  ]\n}\n'


def test_control_characters_are_removed() -> None:
    assert clean("a\x1b[31mb\x07c\u202ed\ne") == "a[31mbcd\ne"


def test_plain_tables_align_wide_characters() -> None:
    report = Report(
        [Column("a", "A"), Column("b", "B")], [{"a": "認定", "b": "x"}, {"a": "ab", "b": "y"}], None
    )
    out = io.StringIO()
    write_plain(report, out)
    lines = out.getvalue().splitlines()
    assert lines[1].endswith("x") and lines[2].endswith("y")
    assert [width(line[:-1]) for line in lines[1:]] == [6, 6]  # both start at column 6
