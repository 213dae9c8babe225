"""The typer application: one small module per command, registered here."""

from __future__ import annotations

from typing import Annotated

import typer

from certadvise import __version__
from certadvise.cli import (
    catalog_cmd,
    compare_cmd,
    fields_cmd,
    goals_cmd,
    list_cmd,
    path_cmd,
    profile_cmd,
    recommend_cmd,
    renewals_cmd,
    show_cmd,
)
from certadvise.cli.help import PanelledCommand
from certadvise.cli.options import with_output_options

app = typer.Typer(
    name="certadvise",
    help="Explainable advice on fitness, strength-and-conditioning and exercise-science "
    "certifications.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help text: quick, and the same in a pipe as on a terminal
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"certadvise {__version__}")
        raise typer.Exit(0)


@app.callback()
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


app.command("recommend", cls=PanelledCommand)(
    with_output_options(recommend_cmd.recommend, prompts=True)
)
app.command("compare", cls=PanelledCommand)(with_output_options(compare_cmd.compare, pager=True))
app.command("path", cls=PanelledCommand)(with_output_options(path_cmd.path))
app.command("renewals", cls=PanelledCommand)(with_output_options(renewals_cmd.renewals))
app.command("list", cls=PanelledCommand)(with_output_options(list_cmd.list_certifications))
app.command("show", cls=PanelledCommand)(with_output_options(show_cmd.show, pager=True))
app.command("goals", cls=PanelledCommand)(with_output_options(goals_cmd.goals))
app.command("fields", cls=PanelledCommand)(with_output_options(fields_cmd.fields))
app.add_typer(profile_cmd.app, name="profile")
app.add_typer(catalog_cmd.app, name="catalog")
