"""Typer's coercion of option values, built only for the values that need it.

Typer coerces each value through a pydantic TypeAdapter, and builds one for every
parameter of the command on every run, even for those left unset (about a millisecond
each; `recommend` has 24). `defer` puts a stand-in in each parameter that builds typer's
own coercion when a value first needs it: an unset option (None) never does, and a given
one is coerced exactly as typer coerces it. The plainest values (text, digits within the
option's range, a choice of an enum, a folder name) are taken as typer would take them
without importing pydantic at all (a third of the time of a typer app's start); anything
else, and every refusal, is left to typer, which words it. It leans on typer's runtime-
parameter seam (`_runtime_param`, typer 0.29); a typer without it coerces as it always does.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

from typer._click import Context
from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
from typer._param_types import coerce_cli_choice, coerce_cli_path
from typer.core import TyperGroup, _TyperParameter
from typer.models import ParameterInfo

#: The most digits taken as a number without typer (pydantic refuses past 4,300).
MAX_DIGITS = 18


class _Typers(Exception):
    """A value only typer's own coercion may take, or refuse in its words."""


@dataclass(frozen=True)
class DeferredRuntimeParam(RuntimeParam):
    """Typer's runtime coercion for one parameter, built on its first value."""

    descriptor: TypeDescriptor

    def _coerce_value(self, value: Any, param: Any, ctx: Context) -> Any:
        try:
            return plain_value(self.descriptor, value, param, ctx)
        except _Typers:
            pass
        built = build_runtime_param(self.descriptor)
        param._runtime_param = built  # later values go straight to typer's own
        return built._coerce_value(value, param=param, ctx=ctx)


def plain_value(descriptor: TypeDescriptor, value: Any, param: Any, ctx: Context) -> Any:
    """`value` as typer would coerce it, where that needs no pydantic; else `_Typers`."""
    info, annotation = descriptor.parameter_info, descriptor.annotation
    origin: Any = get_origin(annotation)
    if info.parser is not None or descriptor.file_annotation is not None:
        raise _Typers
    if origin is list and len(get_args(annotation)) == 1:
        if type(value) not in (list, tuple):
            raise _Typers
        return [_leaf(get_args(annotation)[0], info, item, param, ctx) for item in value]
    return _leaf(annotation, info, value, param, ctx)


def _leaf(annotation: Any, info: ParameterInfo, value: Any, param: Any, ctx: Context) -> Any:
    if annotation is str and type(value) is str:
        return value
    if annotation is bool and type(value) is bool:
        return value
    if annotation is int and type(value) in (int, str) and not info.clamp:
        if type(value) is str and not (
            value.isascii() and value.isdigit() and len(value) <= MAX_DIGITS
        ):
            raise _Typers  # a sign, a space, other digits, a huge number: typer's to judge
        number = int(value)  # a default, or plain digits
        if (info.min is not None and number < info.min) or (
            info.max is not None and number > info.max
        ):
            raise _Typers  # out of range: typer says so
        return number
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        try:
            return coerce_cli_choice(
                value, choices=tuple(annotation), case_sensitive=info.case_sensitive, ctx=ctx
            )
        except ValueError:
            raise _Typers from None
    if annotation is Path and info.path_type is None and type(value) is str:
        try:
            return coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)
        except ValueError:  # a name the system refuses ("embedded null byte")
            raise _Typers from None
    raise _Typers


def defer(params: list[Any]) -> None:
    """Give each of typer's `params` a coercion built on its first value, not up front."""
    if not hasattr(_TyperParameter, "get_runtime_param"):  # not the seam this relies on
        return
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is not None and getattr(param, "_runtime_param", False) is None:
            param._runtime_param = DeferredRuntimeParam(
                parameter_info=descriptor.parameter_info,
                annotation=descriptor.annotation,
                descriptor=descriptor,
            )


class DeferringGroup(TyperGroup):
    """A group of commands (certadvise itself, `profile`, `catalog`) whose own options
    (--version, --debug, completion) are coerced only when given."""

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        defer(self.get_params(ctx))  # with the help and completion options typer adds
        return super().parse_args(ctx, args)
