"""`certadvise catalog validate|schema`: tools for people who edit catalogs."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from certadvise.cli.help import PanelledCommand
from certadvise.cli.options import FormatOpt, with_output_options

app = typer.Typer(
    help="Validate catalog folders or print the JSON Schema of an entry.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def validate(
    dirs: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="[DIR]...", help="Folders to validate, layered over the built-in catalog."
        ),
    ] = None,
    fmt: FormatOpt = None,
) -> None:
    """Validate catalog folders.

    Every problem is printed as file:line: field: message, and the exit code is 3.
    """
    from certadvise.catalog.index import builtin_dir, catalog_dirs
    from certadvise.catalog.loading import load_catalog
    from certadvise.errors import CatalogError
    from certadvise.render import OutputFormat

    folders = [builtin_dir(), *dirs] if dirs else catalog_dirs()
    try:
        catalog = load_catalog(folders)
    except CatalogError as exc:
        if fmt is OutputFormat.JSON:
            print(json.dumps({"valid": False, "problems": list(exc.problems)}, indent=2))
        raise
    summary = {
        "valid": True,
        "certifications": len(catalog.entries),
        "organizations": len(catalog.organizations),
        "goals": len(catalog.goals),
        "folders": [str(f) for f in folders],
    }
    if fmt is OutputFormat.JSON:
        print(json.dumps(summary, indent=2))
    else:
        sys.stdout.write(
            f"catalog OK: {summary['certifications']} certifications, "
            f"{summary['organizations']} organizations, {summary['goals']} goals "
            f"in {len(folders)} folder(s)\n"
        )


def schema() -> None:
    """Print the JSON Schema of one catalog entry (for editors and CI)."""
    from certadvise.catalog.models import Certification
    from certadvise.catalog.validation import json_schema

    document = json_schema(Certification)
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["title"] = "certadvise catalog entry"
    print(json.dumps(document, indent=2))


app.command("validate", cls=PanelledCommand)(with_output_options(validate))
app.command("schema", cls=PanelledCommand)(with_output_options(schema))
