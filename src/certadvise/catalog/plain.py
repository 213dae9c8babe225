"""Models as plain data and back: the form entries travel in between processes and rest in.

A dataclass (or named tuple) becomes the list of its fields' values in field order; enums
become their values, dates ISO text, tuples lists: nothing but JSON types, which pickle
and `json` handle at C speed. `build` turns that form back into the same frozen models, by
small builder functions written once from the models' type hints (never from the data).
`PlainEntries` keeps a catalog's entries in that form and builds each on first use.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from enum import Enum
from typing import Any

from certadvise.catalog.models import Certification

Convert = Callable[[Any], Any]


def to_plain(value: Any) -> Any:
    """A model as JSON data: dataclasses and named tuples as lists of their fields."""
    plainer = _PLAINERS.get(type(value))
    if plainer is not None:
        return plainer(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (str, int, float)) or value is None:
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _plainer(type(value))(value)
    if isinstance(value, (tuple, list)):
        return [to_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_plain(item) for key, item in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"no plain form for a {type(value).__name__}")


def plain_json(value: Any) -> bytes:
    """The plain form as compact JSON (UTF-8): the form entries travel and rest in."""
    text = json.dumps(to_plain(value), ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return text.encode("utf-8")


class PlainEntries(Mapping[str, Certification]):
    """Entries kept plain (lists, or the JSON text of lists), each built on first use.

    A large catalog is mostly entries a command never looks at (`compare` reads two, and
    `recommend` only those that serve the person's goals): they stay plain.
    """

    def __init__(
        self,
        plain: dict[str, Any],
        on_damage: Callable[[], Mapping[str, Certification]] | None = None,
        check: Callable[[Any], bytes] | None = None,
    ) -> None:
        self._plain = plain
        self._built: dict[str, Certification] = {}
        self._on_damage = on_damage  # where to get entries when a plain one does not fit
        self._check = check  # a stored value to its JSON text (ValueError when damaged)

    def plain(self, key: str) -> Any:
        """An entry's plain form (a list, or JSON text of one), without building it."""
        value = self._plain[key]
        return value if self._check is None else self._check(value)

    def __getitem__(self, key: str) -> Certification:
        entry = self._built.get(key)
        if entry is None:
            value = self._plain[key]
            try:
                if self._check is not None:
                    value = self._check(value)
                entry = build(
                    Certification, json.loads(value) if isinstance(value, bytes) else value
                )
            except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
                if self._on_damage is None:
                    raise
                entry = self._on_damage()[key]
            self._built[key] = entry
        return entry

    def __contains__(self, key: object) -> bool:
        return key in self._plain

    def __iter__(self) -> Iterator[str]:
        return iter(self._plain)

    def __len__(self) -> int:
        return len(self._plain)


_NAMES: dict[type[Any], tuple[str, ...]] = {}
_BUILDERS: dict[type[Any], Convert] = {}
_PLAINERS: dict[type[Any], Convert] = {}


def _names(cls: type[Any]) -> tuple[str, ...]:
    names = _NAMES.get(cls)
    if names is None:
        if dataclasses.is_dataclass(cls):
            names = tuple(f.name for f in dataclasses.fields(cls))
        else:
            names = tuple(cls._fields)
        _NAMES[cls] = names
    return names


def build(cls: type[Any], values: Any) -> Any:
    """An instance of the dataclass or named tuple `cls` from its stored list of values."""
    builder = _BUILDERS.get(cls) or _builder(cls)
    return builder(values)


def _builder(cls: type[Any]) -> Convert:
    """Write the function that builds `cls` from its stored list of values."""
    hints = typing.get_type_hints(cls)
    names = _names(cls)
    scope: dict[str, Any] = {"cls": cls, "new": object.__new__, "ValueError": ValueError}
    fields = [_expression(hints[name], f"v[{i}]", scope) for i, name in enumerate(names)]
    if dataclasses.is_dataclass(cls):  # frozen: values go straight into __dict__
        pairs = ", ".join(f"{n!r}: {e}" for n, e in zip(names, fields, strict=True))
        body = ["o = new(cls)", f"o.__dict__.update({{{pairs}}})", "return o"]
    else:
        body = [f"return cls({', '.join(fields)})"]
    source = (
        "def build(v):\n"
        f"    if type(v) is not list or len(v) != {len(names)}:\n"
        f"        raise ValueError('a stored {cls.__name__} has the wrong shape')\n"
        + "".join(f"    {line}\n" for line in body)
    )
    exec(source, scope)  # code written above from the model's type hints, never from data
    builder: Convert = scope["build"]
    _BUILDERS[cls] = builder
    return builder


def _expression(hint: Any, value: str, scope: dict[str, Any]) -> str:
    """Python text that turns the JSON form `value` of a `hint`-typed value into it."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Annotated:
        return _expression(args[0], value, scope)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) != 1:
            return value
        converted = _expression(inner[0], value, scope)
        return value if converted == value else f"(None if {value} is None else {converted})"
    if origin is tuple:
        each = _expression(args[0], "x", scope)
        return f"tuple({value})" if each == "x" else f"tuple([{each} for x in {value}])"
    if origin is dict:
        each = _expression(args[1], "y", scope)
        return f"dict({value})" if each == "y" else f"{{k: {each} for k, y in {value}.items()}}"
    if isinstance(hint, type) and (
        dataclasses.is_dataclass(hint) or issubclass(hint, (tuple, Enum)) or hint is dt.date
    ):
        name = f"c{len(scope)}"
        if dataclasses.is_dataclass(hint) or issubclass(hint, tuple):
            scope[name] = _BUILDERS.get(hint) or _builder(hint)  # models nest without loops
        elif hint is dt.date:
            scope[name] = dt.date.fromisoformat
        else:  # an enum: the member by its stored value (a KeyError when there is none)
            scope[name] = typing.cast(type[Enum], hint)._value2member_map_.__getitem__
        return f"{name}({value})"
    return value


def _plainer(cls: type[Any]) -> Convert:
    """Write the function that gives the plain form of a dataclass `cls`, field by field
    from its type hints (five times quicker than asking each value what it is)."""
    hints = typing.get_type_hints(cls)
    scope: dict[str, Any] = {"to_plain": to_plain}
    fields = [_plain_expression(hints[name], f"o.{name}", scope) for name in _names(cls)]
    source = f"def plain(o):\n    return [{', '.join(fields)}]\n"
    exec(source, scope)  # code written above from the model's type hints, never from data
    plainer: Convert = scope["plain"]
    _PLAINERS[cls] = plainer
    return plainer


def _plain_expression(hint: Any, value: str, scope: dict[str, Any]) -> str:
    """Python text that turns `value`, typed `hint`, into its plain form."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Annotated:
        return _plain_expression(args[0], value, scope)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) != 1:
            return f"to_plain({value})"
        converted = _plain_expression(inner[0], value, scope)
        return value if converted == value else f"(None if {value} is None else {converted})"
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        each = _plain_expression(args[0], "x", scope)
        return f"list({value})" if each == "x" else f"[{each} for x in {value}]"
    if origin is typing.Literal or hint in (str, int, float, bool):
        return value
    if isinstance(hint, type) and (dataclasses.is_dataclass(hint) or issubclass(hint, tuple)):
        name = f"p{len(scope)}"
        scope[name] = _PLAINERS.get(hint) or _plainer(hint)  # models nest without loops
        return f"{name}({value})"
    if isinstance(hint, type) and issubclass(hint, Enum):
        return f"{value}.value"
    return f"to_plain({value})"  # dates, mappings and anything else: found out as it comes
