"""Validation of catalog and profile data with pydantic, imported only when needed.

The models are plain dataclasses; pydantic checks raw YAML/JSON data against their
annotations, and turns them into a JSON Schema. A cached catalog never comes here, and
data that already has the annotated types (a profile from command-line options) is taken
as it is, without importing pydantic: it is a tenth of a second of every `recommend`.
"""

from __future__ import annotations

import dataclasses
import math
import types
import typing
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

from annotated_types import Ge, Le

from certadvise.catalog.models import Doc

if TYPE_CHECKING:
    from pydantic import TypeAdapter, ValidationError

__all__ = ["Problem", "ValidationError", "json_schema", "validate"]

T = TypeVar("T")


def __getattr__(name: str) -> Any:
    """`validation.ValidationError`, imported from pydantic when an `except` asks for it."""
    if name == "ValidationError":
        from pydantic import ValidationError

        return ValidationError
    raise AttributeError(name)


_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {}


def _adapter(cls: type[Any]) -> TypeAdapter[Any]:
    from pydantic import TypeAdapter

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
    taken: T | None = already_valid(cls, data)
    if taken is not None:
        return taken
    result: T = _adapter(cls).validate_python(data)
    return result


# ----------------------------------------------------------------------------- data as it is
#
# pydantic would return the same instance for data whose every value already is of its
# field's type (numbers strict and finite, as `Strict` asks, an int for a float as that
# float; text; an enum's member or value; lists of those; mappings of text to those) within
# its `Ge`/`Le` bounds. Anything else, or a refusal by the model's own checks, goes to
# pydantic, which words the problem.

Read = Callable[[Any], Any]


class _NotAsIs(Exception):
    """The value needs pydantic: to convert it, or to say why it is refused."""


def already_valid(cls: type[T], data: Any) -> T | None:
    """`cls` built from `data` when pydantic would take it unchanged; else None."""
    readers = _readers(cls)
    if not isinstance(data, dict) or readers is None:
        return None
    try:
        values = {name: readers[name](value) for name, value in data.items()}
        return cls(**values)
    except (_NotAsIs, KeyError, TypeError, ValueError):  # pydantic says what is wrong
        return None


_READERS: dict[type[Any], dict[str, Read] | None] = {}


def _readers(cls: type[Any]) -> dict[str, Read] | None:
    """A reader for each field of a dataclass, or None when one would need pydantic."""
    if cls not in _READERS:
        readers: dict[str, Read] | None = None
        if dataclasses.is_dataclass(cls):
            hints = typing.get_type_hints(cls, include_extras=True)
            fields = [f for f in dataclasses.fields(cls) if f.init]
            found = {f.name: _reader(hints[f.name]) for f in fields}
            readers = {k: r for k, r in found.items() if r is not None}  # others: pydantic's
            if any(found[f.name] is None and _required(f) for f in fields):
                readers = None  # data always holds a field only pydantic reads (an entry's)
        _READERS[cls] = readers
    return _READERS[cls]


def _required(field: dataclasses.Field[Any]) -> bool:
    return field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING


def _reader(hint: Any) -> Read | None:
    """A function that returns a value of type `hint` unchanged (or an enum's value as its
    member), and raises `_NotAsIs` for any other; None for a type it does not know."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Annotated:
        inner = _reader(args[0])
        bounds = [m for m in args[1:] if isinstance(m, (Ge, Le))]
        if inner is None or any(not isinstance(m, (Ge, Le, str, Doc)) for m in args[1:]):
            return None
        return _bounded(inner, bounds)
    if origin in (typing.Union, types.UnionType):
        optional = type(None) in args
        readers = [_reader(a) for a in args if a is not type(None)]
        if any(r is None for r in readers):
            return None
        return _either([r for r in readers if r is not None], optional)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _reader(args[0])
        return None if item is None else (lambda v: tuple(item(x) for x in _listed(v)))
    if origin is dict and args and args[0] is str:
        each = _reader(args[1])
        return None if each is None else (lambda v: {_text(k): each(x) for k, x in _mapped(v)})
    if hint is str:
        return _text
    if hint is int:
        return _whole
    if hint is float:
        return _real
    if isinstance(hint, type) and issubclass(hint, Enum):
        return lambda v: _member(hint, v)
    return None


def _either(readers: list[Read], optional: bool) -> Read:
    """The first of `readers` that takes the value as it is (their types never overlap:
    each takes its exact type only, as pydantic's unions prefer)."""

    def either(value: Any) -> Any:
        if value is None and optional:
            return None
        for read in readers:
            try:
                return read(value)
            except _NotAsIs:
                continue
        raise _NotAsIs

    return either


def _bounded(read: Read, bounds: list[Ge | Le]) -> Read:
    def bounded(value: Any) -> Any:
        value = read(value)
        if value is not None and not all(
            value >= b.ge if isinstance(b, Ge) else value <= b.le for b in bounds
        ):
            raise _NotAsIs
        return value

    return bounded


def _text(value: Any) -> str:
    if type(value) is not str:
        raise _NotAsIs
    return value


def _whole(value: Any) -> int:
    if type(value) is not int:  # not a bool, not "475"
        raise _NotAsIs
    return value


def _real(value: Any) -> float:
    if type(value) is int and abs(value) <= _EXACT:  # pydantic's strict float takes an int
        return float(value)
    if type(value) is not float or not math.isfinite(value):
        raise _NotAsIs
    return value


_EXACT = 2**53  # every int up to this is a float exactly; pydantic says what a bigger one is


def _member(enum: type[Enum], value: Any) -> Enum:
    if isinstance(value, enum):
        return value
    member = enum._value2member_map_.get(value) if type(value) is str else None
    if member is None:
        raise _NotAsIs
    return member


def _listed(value: Any) -> Any:
    if type(value) not in (list, tuple):
        raise _NotAsIs
    return value


def _mapped(value: Any) -> Any:
    if type(value) is not dict:
        raise _NotAsIs
    return value.items()


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
