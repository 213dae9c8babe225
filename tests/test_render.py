"""Renderers: safe text, numbers as people and programs expect them, aligned plain tables."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from certadvise.render.machine import json_text, write_json
from certadvise.render.plain import width, write_plain
from certadvise.render.report import Column, Report, SharedDocument, SharedList
from certadvise.render.text import clean, escape_json_controls, human, raw


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


# JSON-like values with unsafe characters, whole floats and nesting; `shared` wraps some
# of their parts as shared sub-documents, as a batch's views do.
_FLOATS = st.floats(allow_nan=False, allow_infinity=False)
_SCALARS = st.none() | st.booleans() | st.integers() | _FLOATS
_TEXT = st.text(alphabet=st.sampled_from('ab \n\t\x00\x1b\x85\u200b\u202e\u00e9\u2603\\"'))
_VALUES = st.recursive(
    _SCALARS | _TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=25,
)


def _shared(value: Any, draw: Callable[[st.SearchStrategy[bool]], bool]) -> Any:
    if isinstance(value, dict):
        inner = {k: _shared(v, draw) for k, v in value.items()}
        return SharedDocument(inner) if draw(st.booleans()) else inner
    if isinstance(value, list):
        items = [_shared(v, draw) for v in value]
        return SharedList(items) if draw(st.booleans()) else items
    return value


@settings(max_examples=300, deadline=None)
@given(_VALUES, st.data(), st.sampled_from([None, 2]), st.booleans())
def test_shared_sub_documents_are_written_as_if_written_each_time(
    value: Any, data: st.DataObject, indent: int | None, ascii_only: bool
) -> None:
    wrapped = _shared(value, data.draw)
    alone = json_text(value, indent, ascii_only)
    assert json_text(wrapped, indent, ascii_only) == alone
    assert json_text(wrapped, indent, ascii_only) == alone  # its kept text, the second time
    assert json_text({"in": [wrapped]}, indent, ascii_only) == json_text(
        {"in": [value]}, indent, ascii_only
    )


def test_json_text_escapes_del_and_c1_controls_that_json_leaves_raw() -> None:
    assert escape_json_controls('"a\x7fb"') == '"a\\u007fb"'  # DEL is ASCII too
    assert escape_json_controls('"\x85é"') == '"\\u0085é"'
    assert escape_json_controls('{"plain": 1}') == '{"plain": 1}'


def test_a_value_written_as_a_nul_beside_shared_parts_is_still_written_as_itself() -> None:
    class Odd:
        def __str__(self) -> str:
            return "\x000"

    plain = {"odd": Odd(), "part": {"a": 1}, "odd again": Odd()}
    shared = {**plain, "part": SharedDocument(a=1)}
    assert (
        json_text(shared, None)
        == json_text(plain, None)
        == ('{"odd": "\\u00000", "part": {"a": 1}, "odd again": "\\u00000"}')
    )
