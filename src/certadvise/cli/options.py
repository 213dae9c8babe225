"""Option declarations shared by every command (declared once, reused everywhere)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from certadvise.render.formats import OutputFormat

FormatOpt = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        help="Output format. Default: table (plain, without colour or boxes, when piped).",
    ),
]
CatalogOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--catalog",
        metavar="DIR",
        help="Extra catalog folder layered over the built-in one (repeatable; "
        "also CERTADVISE_CATALOG). Same id: the later entry wins.",
    ),
]
YearsOpt = Annotated[
    int,
    typer.Option(
        "--years", min=1, max=50, metavar="N", help="Years for the total cost of ownership."
    ),
]


#: What each typed option takes, in words: usage errors say this, not the parser's words.
EXPECTED = {
    "--format": "one of " + ", ".join(f.value for f in OutputFormat),
    "--top": "a whole number, 1 or more",
    "--years": "a whole number of years from 1 to 50",
    "--by": "a date as YYYY-MM-DD",
    "--max-cost": "an amount of US dollars, 0 or more",
}
