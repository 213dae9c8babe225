"""Option declarations shared by every command (declared once, reused everywhere)."""

from __future__ import annotations

import dataclasses
import functools
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from certadvise.cli.settings import Run
from certadvise.limits import HOLDING_YEARS
from certadvise.render.context import ColorMode
from certadvise.render.formats import OutputFormat

OUTPUT_PANEL = "Output"
CATALOG_PANEL = "Catalog"
PROFILE_PANEL = "Profile"

FormatOpt = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        metavar="FORMAT",
        help="table (the default: plain, without colour or boxes, when piped), json, jsonl, "
        "csv, tsv, markdown, ids or html (a self-contained report).",
        rich_help_panel=OUTPUT_PANEL,
    ),
]
CatalogOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--catalog",
        metavar="DIR",
        help="Extra catalog folder layered over the built-in one (repeatable; "
        "also CERTADVISE_CATALOG). Same id: the later entry wins.",
        rich_help_panel=CATALOG_PANEL,
    ),
]
YearsOpt = Annotated[
    int,
    typer.Option(
        "--years",
        min=1,
        max=50,
        metavar="N",
        help=f"Years for the total cost of ownership (1 to 50; default {HOLDING_YEARS}).",
        show_default=False,
    ),
]


#: What each typed option takes, in words: usage errors say this, not the parser's words.
EXPECTED = {
    "--format": "one of " + ", ".join(f.value for f in OutputFormat),
    "--top": "a whole number, 1 or more",
    "--years": "a whole number of years from 1 to 50",
    "--by": "a date as YYYY-MM-DD, or YYYY-MM (the month's last day)",
    "--max-cost": "an amount of US dollars, 0 or more, as a bare number such as 300 "
    "(for a budget in another currency: certadvise recommend --budget £300)",
}


OUTPUT_OPTIONS: dict[str, tuple[Any, Any]] = {
    "color": (
        Annotated[
            ColorMode,
            typer.Option(
                "--color",
                case_sensitive=False,
                metavar="WHEN",
                show_default=False,
                help="Colour and boxes: auto (on a terminal, unless NO_COLOR or TERM=dumb), "
                "always or never.",
                rich_help_panel=OUTPUT_PANEL,
            ),
        ],
        ColorMode.AUTO,
    ),
    "quiet": (
        Annotated[
            bool,
            typer.Option(
                "--quiet",
                "-q",
                help="No assumptions or warnings on stderr (JSON keeps them).",
                rich_help_panel=OUTPUT_PANEL,
            ),
        ],
        False,
    ),
}
PAGER_OPTION = (
    Annotated[
        bool,
        typer.Option(
            "--no-pager",
            help="Never page long output through $PAGER (less -FRX by default) on a terminal.",
            rich_help_panel=OUTPUT_PANEL,
        ),
    ],
    False,
)
NO_INPUT_OPTION = (
    Annotated[
        bool,
        typer.Option(
            "--no-input",
            help="Never ask questions, even on a terminal.",
            rich_help_panel=PROFILE_PANEL,
        ),
    ],
    False,
)


#: Parameters certadvise hands a command itself; never options on the command line.
INJECTED = ("run", "profile_options")


def add_options(
    command: Callable[..., Any],
    options: dict[str, tuple[Any, Any]],
    take: Callable[[dict[str, Any]], dict[str, Any]],
) -> Callable[..., Any]:
    """`command` with `options` (name: (annotation, default)) added to its signature.

    `take` receives their values and returns keyword arguments for the command.
    """
    signature = inspect.signature(command, eval_str=True)
    own = [p for p in signature.parameters.values() if p.name not in INJECTED]
    extra = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=hint)
        for name, (hint, default) in options.items()
    ]
    params = [*own, *extra]

    @functools.wraps(command)
    def wrapper(**kwargs: Any) -> Any:
        given = {name: kwargs.pop(name) for name in options}
        return command(**kwargs, **take(given))

    del wrapper.__wrapped__  # typer must see the new signature, not the command's
    wrapper.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in params}
    return wrapper


def with_output_options(
    command: Callable[..., Any], *, pager: bool = False, prompts: bool = False
) -> Callable[..., Any]:
    """Add --color and --quiet (and --no-pager, --no-input) to `command`, which receives
    the run's settings they make as its `run` parameter."""
    options = {**OUTPUT_OPTIONS, "context": (typer.Context, None)}  # typer hands it in
    if pager:
        options["no_pager"] = PAGER_OPTION
    if prompts:
        options["no_input"] = NO_INPUT_OPTION

    def take(given: dict[str, Any]) -> dict[str, Any]:
        started = given["context"].obj  # what main decided: --debug
        run = started if isinstance(started, Run) else Run()
        settings = dataclasses.replace(
            run,
            color=given["color"],
            quiet=given["quiet"],
            page=not given.get("no_pager", False),
            no_input=given.get("no_input", False),
        )
        return {"run": settings}

    return add_options(command, options, take)
