"""Load YAML safely, fast, and find the line of any value when a problem needs it.

Only plain data is ever built (a safe loader, libyaml's when available). A repeated key is
an error, and so is a key that is not a plain value (a list or a mapping). Dates stay text
(the models check them, with a line number), integers longer than `MAX_DIGITS` digits are
refused. Values are counted as they are built, so that aliases cannot expand a document
into a huge tree; nesting is bounded. libyaml composes the nodes and `_data` builds the
plain data from them in one pass, which is quicker than PyYAML's own constructor. Files
are read only when they are regular files, and never more than `MAX_BYTES` plus one byte.
Line numbers are worked out only when a caller asks for one, which on a valid catalog is
never.
"""

from __future__ import annotations

import json
import operator
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from certadvise.limits import MAX_FILE_BYTES

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAX_NODES = 200_000
MAX_DEPTH = 64
MAX_BYTES = MAX_FILE_BYTES
MAX_DIGITS = 100  # longer integers are not amounts of anything (and Python refuses 4,300)

Path_ = tuple[str | int, ...]


class YamlProblem(Exception):
    """A document that cannot be read; `line` and `column` are 1-based, 0 when unknown."""

    def __init__(self, message: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_MERGE = "tag:yaml.org,2002:merge"
#: PyYAML's implicit types, but dates stay text (the models check them, with a line).
_IMPLICIT = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
_CONSTRUCT = yaml.constructor.SafeConstructor()  # for the rare scalar that is not text
_SCALARS: dict[str, Any] = {
    "tag:yaml.org,2002:int": _CONSTRUCT.construct_yaml_int,
    "tag:yaml.org,2002:float": _CONSTRUCT.construct_yaml_float,
    "tag:yaml.org,2002:bool": _CONSTRUCT.construct_yaml_bool,
    "tag:yaml.org,2002:null": _CONSTRUCT.construct_yaml_null,
}


class _Composer(_BaseLoader):
    """libyaml's parser and composer, resolving tags with no more work than plain data needs.

    The composer asks these methods about every node: path resolvers are never used, so
    `descend_resolver` and `ascend_resolver` are C functions whose answer is ignored
    (PyYAML's are Python calls that find nothing to do), and `resolve` knows that only a
    plain scalar can be anything but text, a list or a mapping.
    """

    descend_resolver = staticmethod(operator.is_)  # type: ignore[assignment]
    ascend_resolver = staticmethod(tuple)  # type: ignore[assignment]

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in _IMPLICIT.get(value[:1], ()):
                    if regexp.match(value):
                        return str(tag)
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP


def _data(node: yaml.Node, budget: list[int], depth: int) -> Any:
    """The plain data of a composed node: dicts, lists, text, numbers, booleans and None.

    A repeated key, a key that is a list or a mapping, and an integer longer than
    `MAX_DIGITS` are refused; `budget` bounds the values an alias may expand to, and
    `depth` the nesting (an alias may even point at its own ancestor). Tags other than
    plain data's go to PyYAML's safe constructor, which builds or refuses them.
    """
    kind = type(node)
    if kind is yaml.ScalarNode:
        return node.value if node.tag == _STR else _scalar(node)
    budget[0] -= len(node.value)
    if budget[0] < 0:
        raise YamlProblem(f"document expands to more than {MAX_NODES:,} values", _line(node))
    if depth > MAX_DEPTH:
        raise YamlProblem(f"document nests deeper than {MAX_DEPTH} levels", _line(node))
    if kind is yaml.SequenceNode and node.tag == _SEQ:
        return [_data(item, budget, depth + 1) for item in node.value]
    if kind is not yaml.MappingNode or node.tag != _MAP:
        return yaml.constructor.SafeConstructor().construct_object(node, deep=True)
    found: dict[Any, Any] = {}
    merges: list[yaml.Node] = []
    for key_node, value_node in node.value:
        if type(key_node) is not yaml.ScalarNode:
            raise YamlProblem("a key must be a plain value, not a list or mapping", _line(key_node))
        if key_node.tag == _MERGE:  # `<<: *defaults`: keys written here win
            merges += value_node.value if type(value_node) is yaml.SequenceNode else [value_node]
            continue
        key = key_node.value if key_node.tag == _STR else _scalar(key_node)
        if key in found:
            raise YamlProblem(f"duplicate key {key_node.value!r}", _line(key_node))
        found[key] = _data(value_node, budget, depth + 1)
    for merged in merges:  # the first mapping named wins over later ones
        values = _data(merged, budget, depth + 1)
        if not isinstance(values, dict):
            raise YamlProblem("a merge (<<) takes a mapping or a list of mappings", _line(merged))
        for key, value in values.items():
            found.setdefault(key, value)
    return found


def _scalar(node: yaml.Node) -> Any:
    construct = _SCALARS.get(node.tag)
    if construct is None:  # !!binary, !!timestamp, a custom tag: built or refused by PyYAML
        return yaml.constructor.SafeConstructor().construct_object(node)
    if node.tag == "tag:yaml.org,2002:int" and len(node.value) > MAX_DIGITS:
        raise YamlProblem(f"a number longer than {MAX_DIGITS} digits", _line(node))
    return construct(node)


@dataclass
class Document:
    """Parsed data; `line_of` finds where a value stands in the text."""

    data: Any
    text: str = ""
    _lines: dict[Path_, int] | None = field(default=None, repr=False)

    def line_of(self, path: Path_) -> int:
        """Line of the deepest known value on `path` (1 when nothing matches)."""
        if self._lines is None:
            try:
                self._lines = _lines_of(self.text)
            except YamlProblem:  # too deep or too large to walk: the first line it is
                self._lines = {}
        for end in range(len(path), -1, -1):
            line = self._lines.get(tuple(path[:end]))
            if line:
                return line
        return 1


def read_text(path: Path) -> str:
    """Read a UTF-8 text file, bounded in size; errors become YamlProblem.

    Only a regular file is read (a FIFO, a device such as /dev/zero or a folder is refused
    without waiting), and never more than `MAX_BYTES` plus one byte.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise YamlProblem(exc.strerror or str(exc)) from exc
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise YamlProblem("is a directory, not a file")
        if not stat.S_ISREG(mode):
            raise YamlProblem("not a regular file (a device, pipe or socket)")
        raw = read_bounded(fd, MAX_BYTES + 1)
    except OSError as exc:
        raise YamlProblem(exc.strerror or str(exc)) from exc
    finally:
        os.close(fd)
    return decode(raw)


def read_bounded(fd: int, most: int) -> bytes:
    """At most `most` bytes from a file descriptor, reading until its end."""
    chunks: list[bytes] = []
    total = 0
    while total < most:
        chunk = os.read(fd, min(most - total, 1024 * 1024))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


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
    composer = _Composer(text)
    try:
        node = composer.get_single_node()
        return Document(None if node is None else _data(node, [MAX_NODES], 0), text)
    except yaml.MarkedYAMLError as exc:
        raise _problem(exc) from exc
    except yaml.YAMLError as exc:
        raise YamlProblem(str(exc).splitlines()[0]) from exc
    except RecursionError as exc:
        raise YamlProblem(f"document nests deeper than {MAX_DEPTH} levels") from exc
    except (ValueError, TypeError, OverflowError) as exc:  # a value no constructor can build
        raise YamlProblem(f"invalid value: {str(exc).splitlines()[0]}") from exc
    finally:
        composer.dispose()


def parse_json(text: str) -> Document:
    """Parse strict JSON (no trailing commas, no duplicate keys), with line numbers."""

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for key, value in pairs:
            if key in found:
                raise YamlProblem(f"duplicate key {key!r}")
            found[key] = value
        return found

    def integer(digits: str) -> int:
        if len(digits) > MAX_DIGITS:
            raise YamlProblem(f"a number longer than {MAX_DIGITS} digits")
        return int(digits)

    def not_a_number(name: str) -> Any:
        raise YamlProblem(f"{name} is not JSON")

    try:
        data = json.loads(
            text,
            object_pairs_hook=no_duplicates,
            parse_int=integer,
            parse_constant=not_a_number,
        )
    except json.JSONDecodeError as exc:
        raise YamlProblem(exc.msg, exc.lineno, exc.colno) from exc
    except RecursionError as exc:
        raise YamlProblem(f"document nests deeper than {MAX_DEPTH} levels") from exc
    except (ValueError, OverflowError) as exc:
        raise YamlProblem(f"invalid value: {str(exc).splitlines()[0]}") from exc
    return Document(data, text)  # JSON is YAML: line_of reads its lines the YAML way


def read_document(path: Path) -> Document:
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
