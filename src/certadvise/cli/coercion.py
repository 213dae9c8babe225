"""Typer's coercion of option values, built only for the values that need it.

Typer coerces each value through a pydantic TypeAdapter, and builds one for every
parameter of the command on every run, even for those left unset (about a millisecond
each; `recommend` has 24). `defer` puts a stand-in in each parameter that builds typer's
own coercion when a value first needs it: an unset option (None) never does, and a given
one is coerced exactly as typer coerces it. It leans on typer's runtime-parameter seam
(`_runtime_param`, typer 0.29); a typer without it is left to coerce as it always does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from typer._click import Context
from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
from typer.core import TyperGroup, _TyperParameter


@dataclass(frozen=True)
class DeferredRuntimeParam(RuntimeParam):
    """Typer's runtime coercion for one parameter, built on its first value."""

    descriptor: TypeDescriptor

    def _coerce_value(self, value: Any, param: Any, ctx: Context) -> Any:
        built = build_runtime_param(self.descriptor)
        param._runtime_param = built  # later values go straight to typer's own
        return built._coerce_value(value, param=param, ctx=ctx)


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
