"""The typer application: one small module per command, registered here, one line each.

A run builds only the command it names (`build("recommend")` imports no other command's
module, and typer lays out no other command's options); help, completion and a name
that is not a command get the whole application (`app`).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Annotated, Any, NamedTuple

import typer

from certadvise import __version__
from certadvise.cli.coercion import DeferringGroup
from certadvise.cli.quick import COMPLETE_VAR


class Command(NamedTuple):
    """A command: the function that runs it (module:function, in certadvise.cli) and the
    output options it takes besides --color and --quiet."""

    function: str
    pager: bool = False  # --no-pager: its output can be long (show, compare)
    prompts: bool = False  # --no-input: it can ask questions (recommend)


#: Every command, in the order `certadvise --help` lists them.
COMMANDS: dict[str, Command] = {
    "recommend": Command("recommend_cmd:recommend", prompts=True),
    "compare": Command("compare_cmd:compare", pager=True),
    "path": Command("path_cmd:path"),
    "renewals": Command("renewals_cmd:renewals"),
    "list": Command("list_cmd:list_certifications"),
    "show": Command("show_cmd:show", pager=True),
    "goals": Command("goals_cmd:goals"),
    "fields": Command("fields_cmd:fields"),
}
#: Every group of commands: the module whose `app` holds them.
GROUPS: dict[str, str] = {"profile": "profile_cmd", "catalog": "catalog_cmd"}

ROOT_OPTIONS = ("--version", "--debug", "--install-completion", "--show-completion")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"certadvise {__version__}")
        raise typer.Exit(0)


def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show Python tracebacks of internal errors.")
    ] = False,
) -> None:
    """Explainable advice on fitness, strength-and-conditioning and exercise-science
    certifications."""


def build(only: str | None = None) -> typer.Typer:
    """The application with every command, or with only the command or group `only`."""
    from certadvise.cli.help import PanelledCommand
    from certadvise.cli.options import with_output_options

    root = typer.Typer(
        name="certadvise",
        cls=DeferringGroup,
        help="Explainable advice on fitness, strength-and-conditioning and exercise-science "
        "certifications.",
        no_args_is_help=True,
        add_completion=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,  # plain help text: quick, and the same in a pipe as on a terminal
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    root.callback()(_root)
    for name, command in COMMANDS.items():
        if only in (None, name):
            module, function = command.function.split(":")
            run = getattr(importlib.import_module(f"certadvise.cli.{module}"), function)
            wrapped = with_output_options(run, pager=command.pager, prompts=command.prompts)
            root.command(name, cls=PanelledCommand)(wrapped)
    for name, module in GROUPS.items():
        if only in (None, name):
            root.add_typer(importlib.import_module(f"certadvise.cli.{module}").app, name=name)
    return root


def for_args(args: list[str], environ: Mapping[str, str]) -> typer.Typer:
    """The application a run with `args` needs: only the command it names, when it names
    one after nothing but the root's options (no --help of the root's own), and the shell
    is not asking for completions (any command may come next)."""
    if COMPLETE_VAR in environ:
        return build()
    for arg in args:
        if arg in COMMANDS or arg in GROUPS:
            return build(arg)
        if arg not in ROOT_OPTIONS:
            break
    return build()


def __getattr__(name: str) -> Any:
    """`app`: the whole application (tests, and tools that walk every command)."""
    if name == "app":
        return build()
    raise AttributeError(name)
