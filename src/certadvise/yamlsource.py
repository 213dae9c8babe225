"""Load YAML safely and remember the line each value stands on.

Only plain data is ever built (SafeLoader, libyaml's when available). Documents that
would expand into huge trees through aliases, nest too deeply or repeat a key are
rejected with the line of the problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader  # type: ignore[assignment]

MAX_NODES = 200_000
MAX_DEPTH = 64
MAX_BYTES = 8 * 1024 * 1024

Path_ = tuple[str | int, ...]


class YamlProblem(Exception):
    """A document that cannot be read; `line` is 1-based, 0 when unknown."""

    def __init__(self, message: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


@dataclass
class Document:
    """Parsed data plus the 1-based line of every value, keyed by its path."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int:
        """Line of the deepest known value on `path` (1 when nothing matches)."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
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
    loader = SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Document(None)
        lines: dict[Path_, int] = {}
        _walk(node, (), lines, [0], 0)
        return Document(loader.construct_document(node), lines)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = exc.problem or exc.context or "invalid YAML"
        raise YamlProblem(
            message, (mark.line + 1) if mark else 0, (mark.column + 1) if mark else 0
        ) from exc
    except yaml.YAMLError as exc:
        raise YamlProblem(str(exc).splitlines()[0]) from exc
    finally:
        loader.dispose()


def parse_json(text: str) -> Document:
    """Parse strict JSON (no trailing commas, no duplicate keys), with line numbers."""
    import json

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
    try:  # JSON is (nearly always) YAML: borrow the YAML parser's line numbers
        lines = parse(text).lines
    except YamlProblem:
        lines = {}
    return Document(data, lines)


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
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in seen:
                raise YamlProblem(f"duplicate key {key!r}", _line(key_node))
            seen.add(key)
            lines[(*path, key)] = _line(key_node)
            _walk(value_node, (*path, key), lines, count, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), lines, count, depth + 1)


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def load(path: Path) -> Document:
    """Read and parse a file; problems carry the file's line."""
    return parse(read_text(path))
