"""What reading a catalog produces: problems with their lines, and each entry file as read.

A problem is one line, `file:line: field: message`; line numbers are looked up only when a
problem needs one (on a valid catalog, never).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from certadvise.catalog.index import Summary

if TYPE_CHECKING:
    from certadvise.catalog import yamlsource

M = TypeVar("M")
Loc = tuple[str | int, ...]


@dataclass
class Problems:
    """Problems across files, each as `file:line: field: message`."""

    found: list[str] = field(default_factory=list)

    def add(self, path: Path, line: int, where: str, message: str) -> None:
        location = f"{path}:{line}" if line else str(path)
        self.found.append(f"{location}: {where}: {message}" if where else f"{location}: {message}")

    def document(self, path: Path) -> yamlsource.Document | None:
        from certadvise.catalog import yamlsource

        try:
            return yamlsource.read_document(path)
        except yamlsource.YamlProblem as exc:
            self.add(path, exc.line, "", exc.message)
            return None

    def model(self, cls: type[M], data: Any, path: Path, doc: Any, prefix: Loc = ()) -> M | None:
        """`data` validated as `cls`, or None with its problems recorded."""
        from certadvise.catalog import validation

        try:
            return validation.validate(cls, data)
        except validation.ValidationError as exc:
            for problem in validation.problems(exc):
                loc = (*prefix, *problem.loc)
                self.add(path, doc.line_of(loc), ".".join(map(str, loc)), problem.message)
            return None

    def records(self, cls: type[M], path: Path, key: str) -> list[M]:
        """A `key:` list of records from a vocabulary-style file."""
        doc = self.document(path)
        if doc is None:
            return []
        if not isinstance(doc.data, dict) or not isinstance(doc.data.get(key), list):
            self.add(path, 1, key, f"expected a mapping with a `{key}:` list")
            return []
        found = [self.model(cls, item, path, doc, (key, i)) for i, item in enumerate(doc.data[key])]
        return [item for item in found if item is not None]


class Lines:
    """Line numbers of a file, read again only when a problem needs one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._doc: yamlsource.Document | None = None

    def line_of(self, loc: Loc) -> int:
        from certadvise.catalog import yamlsource

        if self._doc is None:
            try:
                self._doc = yamlsource.read_document(self.path)
            except yamlsource.YamlProblem:
                return 1
        return self._doc.line_of(loc)


@dataclass(frozen=True)
class ReadEntry:
    """One entry file, read: what the rest of loading needs to know about it."""

    path: Path
    summary: Summary | None = None
    plain: bytes = b""  # the entry in plain form, as JSON
    references: tuple[tuple[Loc, str], ...] = ()  # other entries it names, and where
    requires: frozenset[str] = frozenset()  # what every route needs (for loops)
    problems: tuple[str, ...] = ()
    patch: dict[str, Any] | None = None  # an `extends: ID` file: applied once the base is known
