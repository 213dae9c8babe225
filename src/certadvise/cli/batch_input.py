"""The input of `recommend --batch`: JSON lines or CSV, one person a line, read at the edge.

Each line becomes plain profile data checked by the same path as a profile file
(`advice/profile_checks.check`), so a line is refused in the same words; a bad line is a
`LineError` naming its field, and never stops the others. What is wrong with the whole
input (unreadable, too large, an unknown CSV column, no people) is an InputError (exit 2).
"""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path
from typing import Any

from certadvise.advice.profile import PROFILE_KEYS, RawProfile
from certadvise.advice.profile_checks import OPTIONS, check, describe, field_of, pairs, typed
from certadvise.catalog import yamlsource
from certadvise.cli.profile_files import LIST_FIELDS
from certadvise.errors import AmbiguousNameError, InputError, UnknownNameError
from certadvise.limits import MAX_BATCH_LINE_CHARS, MAX_BATCH_PEOPLE, MAX_LIST_ITEMS

PERSON = "person"  # the optional name of a line's person (a key, or a CSV column)
LIST_SEPARATOR = ";"  # between the items of a list field in a CSV cell
SYNONYMS = {"goal": "goals"}  # as in profile files


@dataclasses.dataclass(frozen=True)
class LineError:
    """Why one line got no answer: the field at fault (None: the line as a whole)."""

    field: str | None
    message: str


@dataclasses.dataclass(frozen=True)
class Line:
    """One person: the line it starts on, the name given, and the profile or the problem."""

    number: int
    person: str | None
    profile: RawProfile | None = None
    error: LineError | None = None


class LineProblem(Exception):
    def __init__(self, field: str | None, message: str) -> None:
        super().__init__(message)
        self.error = LineError(field, message)


def read_batch(source: str) -> tuple[str, str]:
    """The label (file name, or <stdin> for '-') and text of a batch, read bounded."""
    from certadvise.cli.profile_files import _read_stdin

    label = "<stdin>" if source == "-" else source
    try:
        text = _read_stdin() if source == "-" else yamlsource.read_text(Path(source))
    except yamlsource.YamlProblem as exc:
        raise InputError(f"--batch: {label}: {exc.message}") from exc
    return label, text


def is_jsonl(source: str, text: str) -> bool:
    """JSON lines by the file's extension (.jsonl, .json; .csv is CSV), else by content:
    a first non-blank character `{`."""
    suffix = Path(source).suffix.lower() if source != "-" else ""
    if suffix in (".jsonl", ".json"):
        return True
    if suffix == ".csv":
        return False
    return text.lstrip().startswith("{")


def parse_batch(source: str, label: str, text: str) -> list[Line]:
    """Every person in the batch, in order, each checked; empty lines are not people."""
    lines = _jsonl(label, text) if is_jsonl(source, text) else _csv(label, text)
    if not lines:
        raise InputError(
            f"--batch: {label}: no people in it (one JSON object or CSV row after the "
            "header a person)"
        )
    return lines


def _bounded(label: str, count: int) -> None:
    if count > MAX_BATCH_PEOPLE:
        raise InputError(f"--batch: {label}: at most {MAX_BATCH_PEOPLE:,} people, got {count:,}")


def _jsonl(label: str, text: str) -> list[Line]:
    numbered = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    _bounded(label, len(numbered))
    found = []
    for number, line in numbered:
        person = None
        try:
            if len(line) > MAX_BATCH_LINE_CHARS:
                raise LineProblem(None, f"longer than {MAX_BATCH_LINE_CHARS:,} characters")
            try:
                data = yamlsource.parse_json(line).data
            except yamlsource.YamlProblem as exc:
                raise LineProblem(None, f"not a JSON object: {exc.message}") from exc
            if not isinstance(data, dict):
                raise LineProblem(None, _NOT_A_MAPPING)
            person = data.pop(PERSON, None)
            if person is not None and not isinstance(person, str):
                person = None
                raise LineProblem(PERSON, "expected a name as text")
            data = {SYNONYMS.get(k, k): v for k, v in data.items()}
            for key in LIST_FIELDS:
                if isinstance(data.get(key), str):
                    data[key] = [data[key]]
            found.append(Line(number, person, checked(typed(data))))
        except LineProblem as problem:
            found.append(Line(number, person, error=problem.error))
    return found


_NOT_A_MAPPING = f"a line is a JSON object of profile fields ({', '.join(PROFILE_KEYS)})"


def _csv(label: str, text: str) -> list[Line]:
    rows = csv.reader(text.splitlines(keepends=True), strict=True)
    try:
        header, header_line = next((r, rows.line_num) for r in rows if any(c.strip() for c in r))
    except StopIteration:
        return []
    except csv.Error as exc:
        raise InputError(f"--batch: {label}:{rows.line_num}: {exc}") from exc
    names = [SYNONYMS.get(c.strip(), c.strip()) for c in header]
    for name in names:
        if name != PERSON and name not in PROFILE_KEYS:
            from certadvise.catalog.validation import Problem

            said = describe(Problem((name,), "unknown field"), {})
            raise InputError(f"--batch: {label}:{header_line}: {said} (or {PERSON})")
        if names.count(name) > 1:
            raise InputError(f"--batch: {label}:{header_line}: column {name!r} appears twice")
    found: list[Line] = []
    while True:
        start = rows.line_num + 1
        try:
            cells = next(rows)
        except StopIteration:
            break
        except csv.Error as exc:
            found.append(Line(start, None, error=LineError(None, f"not a CSV row: {exc}")))
            break  # the reader cannot go on after a broken quote
        if not any(c.strip() for c in cells):
            continue
        _bounded(label, len(found) + 1)
        values = dict(zip(names, (c.strip() for c in cells), strict=False))
        person = values.pop(PERSON, "") or None
        try:
            if sum(map(len, cells)) > MAX_BATCH_LINE_CHARS:
                raise LineProblem(None, f"longer than {MAX_BATCH_LINE_CHARS:,} characters")
            if len(cells) != len(names):
                raise LineProblem(
                    None, f"expected {len(names)} cells, as the header has, got {len(cells)}"
                )
            found.append(Line(start, person, checked(_csv_data(values), shown=values)))
        except LineProblem as problem:
            found.append(Line(start, person, error=problem.error))
    return found


def _csv_data(cells: dict[str, str]) -> dict[str, Any]:
    """A CSV row's cells as profile data: empty cells not given, lists split on `;`,
    KIND=N pairs as mappings, numbers where a field takes one."""
    from certadvise.advice.profile_checks import LISTS

    data: dict[str, Any] = {}
    for name, cell in cells.items():
        if not cell:
            continue
        if name in LISTS:
            items = [item.strip() for item in cell.split(LIST_SEPARATOR) if item.strip()]
            if name in ("hours", "experience"):
                if len(items) > MAX_LIST_ITEMS:  # bounded before it is read, as in check
                    data[name] = dict.fromkeys(map(str, range(len(items))))
                    continue
                try:
                    data[name] = pairs(name, items)
                except InputError as exc:
                    raise LineProblem(name, str(exc).removeprefix(f"{name}: ")) from exc
            else:
                data[name] = items
        elif name == "budget_usd":
            data[name] = _number(cell)
        else:
            data[name] = cell
    return typed(data)


def _number(cell: str) -> float | str:
    try:
        return float(cell.replace(",", ""))
    except ValueError:
        return cell  # refused in words by the check


def checked(data: dict[str, Any], shown: dict[str, Any] | None = None) -> RawProfile:
    """A line's profile data, checked as a profile file's is; LineProblem names the field.
    `shown`: the text as written, which a refusal quotes (a CSV cell, before conversion)."""
    fields: list[str] = []

    def where(problem: Any) -> str:
        fields.append(field_of(problem) or ".".join(map(str, problem.loc)))
        return ""

    try:
        return check(data, where, shown)
    except InputError as exc:
        raise LineProblem(fields[-1] if fields else None, str(exc).removeprefix(": ")) from exc


#: The field of an option a message starts with ('--country: expected ...').
_FIELD_OF_OPTION = {option: name for name, option in reversed(OPTIONS.items())}
#: The field behind each kind of name that normalising resolves.
_FIELD_OF_NAME = {
    "certification": "have",
    "goal": "goals",
    "organization": "member",
    "kind of experience (--hours)": "hours",
    "kind of experience (--experience)": "experience",
}


def line_error(exc: InputError) -> LineError:
    """A refusal met while normalising a line's profile (an unknown goal, a bad country),
    as a LineError naming the field rather than the option."""
    message = str(exc)
    if isinstance(exc, (UnknownNameError, AmbiguousNameError)):
        return LineError(_FIELD_OF_NAME.get(exc.kind), message)
    head, sep, rest = message.partition(": ")
    if sep and head in _FIELD_OF_OPTION:
        return LineError(_FIELD_OF_OPTION[head], rest)
    if sep and head in PROFILE_KEYS:
        return LineError(head, rest)
    return LineError(None, message)
