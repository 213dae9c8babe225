"""Validation of catalog and profile data with pydantic, imported only when needed.

The models are plain dataclasses; pydantic checks raw YAML/JSON data against their
annotations, and turns them into a JSON Schema. A cached catalog never comes here.
"""

from __future__ import annotations

import dataclasses
import typing
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

from certadvise.catalog.models import Doc

__all__ = ["Problem", "ValidationError", "json_schema", "validate"]

T = TypeVar("T")


_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {}


def _adapter(cls: type[Any]) -> TypeAdapter[Any]:
    if cls not in _ADAPTERS:
        _ADAPTERS[cls] = TypeAdapter(cls)
    return _ADAPTERS[cls]


@dataclasses.dataclass(frozen=True)
class Problem:
    """One validation problem: where (a path into the data) and what, in words."""

    loc: tuple[str | int, ...]
    message: str


def validate(cls: type[T], data: Any) -> T:
    """`data` as an instance of the dataclass `cls`; raises ValidationError."""
    result: T = _adapter(cls).validate_python(data)
    return result


def problems(error: ValidationError) -> list[Problem]:
    """A ValidationError's problems, worded for people who edit YAML."""
    found = []
    for item in error.errors():
        loc = tuple(item["loc"])
        kind = item["type"]
        if kind in ("unexpected_keyword_argument", "extra_forbidden"):
            message = "unknown field"
        elif kind in ("missing_argument", "missing"):
            message = "required field is missing"
        elif kind == "dataclass_type" or kind == "dataclass_args_type":
            message = "expected a mapping of fields"
        else:
            message = str(item["msg"]).removeprefix("Value error, ")
        found.append(Problem(loc, message))
    return found


def json_schema(cls: type[Any]) -> dict[str, Any]:
    """The JSON Schema of `cls`, with each field's `Doc` as its description."""
    schema: dict[str, Any] = _adapter(cls).json_schema()
    definitions = schema.get("$defs", {})
    for model in _dataclasses(cls):
        target = schema if model is cls else definitions.get(model.__name__)
        if target is None:
            continue
        target.setdefault("additionalProperties", False)
        hints = typing.get_type_hints(model, include_extras=True)
        for name, prop in target.get("properties", {}).items():
            doc = next(
                (m for m in getattr(hints.get(name), "__metadata__", ()) if isinstance(m, Doc)),
                None,
            )
            if doc is not None:
                prop["description"] = doc.text
    return schema


def _dataclasses(cls: type[Any], seen: set[type[Any]] | None = None) -> list[type[Any]]:
    """`cls` and every dataclass reachable from its fields."""
    seen = set() if seen is None else seen
    if cls in seen or not dataclasses.is_dataclass(cls):
        return []
    seen.add(cls)
    found = [cls]
    for hint in typing.get_type_hints(cls).values():
        for inner in _flatten(hint):
            found += _dataclasses(inner, seen)
    return found


def _flatten(hint: Any) -> list[Any]:
    args = typing.get_args(hint)
    return [hint] if not args else [leaf for arg in args for leaf in _flatten(arg)]
