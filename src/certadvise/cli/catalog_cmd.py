"""`certadvise catalog validate|schema`: tools for people who edit catalogs."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from certadvise.cli import runtime
from certadvise.cli.help import PanelledCommand
from certadvise.cli.options import CatalogOpt, FormatOpt, with_output_options
from certadvise.cli.settings import Run
from certadvise.render.formats import OutputFormat

app = typer.Typer(
    help="Validate catalog folders, list stale facts, or print the JSON Schema of an entry.",
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
    *,
    run: Run,
) -> None:
    """Validate catalog folders.

    Every problem is printed as file:line: field: message, and the exit code is 3.
    Overlay entries that replace or patch a built-in one are listed as notes.
    """
    from certadvise.catalog.index import builtin_dir
    from certadvise.catalog.loading import load_catalog
    from certadvise.errors import CatalogError
    from certadvise.render.safety import strip_unsafe

    for folder in dirs or ():
        runtime.require_folder(folder)
    folders = [builtin_dir(), *dirs] if dirs else runtime.checked_dirs(None)
    try:
        catalog = load_catalog(folders)
    except CatalogError as exc:
        if fmt is OutputFormat.JSON:
            runtime.write_json(run, {"valid": False, "problems": list(exc.problems)})
        raise
    summary = {
        "valid": True,
        "certifications": len(catalog.entries),
        "organizations": len(catalog.organizations),
        "goals": len(catalog.goals),
        "folders": [str(f) for f in folders],
        "notices": list(catalog.notices),
    }
    if fmt is OutputFormat.JSON:
        runtime.write_json(run, summary)
    else:
        for notice in catalog.notices:
            sys.stdout.write(f"note: {strip_unsafe(notice)}\n")
        sys.stdout.write(
            f"catalog OK: {summary['certifications']} certifications, "
            f"{summary['organizations']} organizations, {summary['goals']} goals "
            f"in {len(folders)} folder(s)\n"
        )


def schema(fmt: FormatOpt = None, *, run: Run) -> None:
    """Print the JSON Schema of one catalog entry (for editors and CI; JSON in any case)."""
    from certadvise.catalog.models import Certification
    from certadvise.catalog.validation import json_schema

    runtime.format_among(fmt, (OutputFormat.TABLE, OutputFormat.JSON), "catalog schema")
    document = json_schema(Certification)
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["title"] = "certadvise catalog entry"
    runtime.write_json(run, document)


def stale(
    older_than: Annotated[
        int,
        typer.Option(
            "--older-than",
            min=0,
            max=100,
            metavar="YEARS",
            help="List facts whose source is more than YEARS years old (default 2).",
        ),
    ] = 2,
    fmt: FormatOpt = None,
    catalog: CatalogOpt = None,
    *,
    run: Run,
) -> None:
    """List the facts to re-check: sources older than YEARS, oldest first, then undated ones.

    For whoever maintains a catalog: each row names the certification, the fact, the
    source it cites, that source's date and confidence, and its address.
    """
    from certadvise.catalog.freshness import stale_facts
    from certadvise.views.catalog_views import stale_report

    cat = runtime.read_catalog(run, catalog)
    today = runtime.today()
    found = stale_facts(
        cat.certifications, today, older_than, list(cat.organizations.values()), cat.rates
    )
    runtime.output(run, stale_report(found, today, older_than), fmt)


app.command("validate", cls=PanelledCommand)(with_output_options(validate))
app.command("schema", cls=PanelledCommand)(with_output_options(schema))
app.command("stale", cls=PanelledCommand)(with_output_options(stale))
