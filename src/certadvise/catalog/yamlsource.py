"""Load YAML safely, fast, and find the line of any value when a problem needs it.

Only plain data is ever built (a safe loader, libyaml's when available). A repeated key is
an error. Documents with anchors are first checked, node by node, so that aliases cannot
expand them into huge trees; nesting is bounded. Line numbers are worked out only when a
caller asks for one, which on a valid catalog is never.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAX_NODES = 200_000
MAX_DEPTH = 64
MAX_BYTES = 8 * 1024 * 1024

Path_ = tuple[str | int, ...]


class YamlProblem(Exception):
    """A document that cannot be read; `line` and `column` are 1-based, 0 when unknown."""

    def __init__(self, message: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


class _Loader(_BaseLoader):
    """The safe loader, refusing repeated keys (the plain one keeps the last silently)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        keys = [key.value for key, _ in node.value]
        if len(keys) != len(set(keys)):
            seen: set[Any] = set()
            for key_node, _ in node.value:
                if key_node.value in seen:
                    raise YamlProblem(f"duplicate key {key_node.value!r}", _line(key_node))
                seen.add(key_node.value)
        return super().construct_mapping(node, deep)


@dataclass
class Document:
    """Parsed data; `line_of` finds where a value stands in the text."""

    data: Any
    text: str = ""
    _lines: dict[Path_, int] | None = field(default=None, repr=False)

    def line_of(self, path: Path_) -> int:
        """Line of the deepest known value on `path` (1 when nothing matches)."""
        if self._lines is None:
            self._lines = _lines_of(self.text)
        for end in range(len(path), -1, -1):
            line = self._lines.get(tuple(path[:end]))
            if line:
                return line
        return 1


def read_text(path: Path) -> str:
    """Read a UTF-8 text file, bounded in size; errors become YamlProblem."""
    try:
        if path.is_dir():
            raise YamlProblem("is a directory, not a file")
        raw = path.read_bytes()
    except OSError as exc:
        raise YamlProblem(exc.strerror or str(exc)) from exc
    return decode(raw)


def decode(raw: bytes) -> str:
    """Bytes as UTF-8 text, bounded in size; binary data and other encodings are refused."""
    if len(raw) > MAX_BYTES:
        raise YamlProblem(f"larger than {MAX_BYTES // (1024 * 1024)} MiB")
    if b"\x00" in raw:
        raise YamlProblem("binary data, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise YamlProblem(f"not UTF-8 text (byte {exc.start})") from exc


def parse(text: str) -> Document:
    """Parse one YAML (or JSON) document."""
    try:
        if "&" in text:  # anchors: check the expanded size before building anything
            _lines_of(text)
        return Document(yaml.load(text, Loader=_Loader), text)
    except yaml.MarkedYAMLError as exc:
        raise _problem(exc) from exc
    except yaml.YAMLError as exc:
        raise YamlProblem(str(exc).splitlines()[0]) from exc
    except RecursionError as exc:
        raise YamlProblem(f"document nests deeper than {MAX_DEPTH} levels") from exc


def parse_json(text: str) -> Document:
    """Parse strict JSON (no trailing commas, no duplicate keys), with line numbers."""

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for key, value in pairs:
            if key in found:
                raise YamlProblem(f"duplicate key {key!r}")
            found[key] = value
        return found

    try:
        data = json.loads(text, object_pairs_hook=no_duplicates)
    except json.JSONDecodeError as exc:
        raise YamlProblem(exc.msg, exc.lineno, exc.colno) from exc
    except RecursionError as exc:
        raise YamlProblem(f"document nests deeper than {MAX_DEPTH} levels") from exc
    return Document(data, text)  # JSON is YAML: line_of reads its lines the YAML way


def load(path: Path) -> Document:
    """Read and parse a file."""
    return parse(read_text(path))


def _problem(exc: yaml.MarkedYAMLError) -> YamlProblem:
    mark = exc.problem_mark or exc.context_mark
    message = exc.problem or exc.context or "invalid YAML"
    return YamlProblem(message, (mark.line + 1) if mark else 0, (mark.column + 1) if mark else 0)


def _lines_of(text: str) -> dict[Path_, int]:
    """The line of every value in `text`, keyed by its path; bounded in size and depth."""
    loader = _BaseLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise _problem(exc) from exc
    except yaml.YAMLError:
        return {}
    finally:
        loader.dispose()
    lines: dict[Path_, int] = {}
    if node is not None:
        _walk(node, (), lines, [0], 0)
    return lines


def _walk(
    node: yaml.Node, path: Path_, lines: dict[Path_, int], count: list[int], depth: int
) -> None:
    count[0] += 1
    if count[0] > MAX_NODES:
        raise YamlProblem(f"document expands to more than {MAX_NODES:,} values", _line(node))
    if depth > MAX_DEPTH:
        raise YamlProblem(f"document nests deeper than {MAX_DEPTH} levels", _line(node))
    lines.setdefault(path, _line(node))
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = (*path, str(key_node.value))
            lines.setdefault(key, _line(key_node))
            _walk(value_node, key, lines, count, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), lines, count, depth + 1)


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1
