"""`certadvise list`: the catalog, filtered."""

from __future__ import annotations

from typing import Annotated

import typer

from certadvise.cli import shell
from certadvise.cli.options import CatalogOpt, FormatOpt


def list_certifications(
    org: Annotated[
        str | None, typer.Option("--org", help="Only this organization (e.g. NSCA).")
    ] = None,
    category: Annotated[str | None, typer.Option("--category", help="Only this category.")] = None,
    goal: Annotated[
        str | None, typer.Option("--goal", "-g", help="Only those serving this goal.")
    ] = None,
    max_cost: Annotated[
        float | None,
        typer.Option(
            "--max-cost",
            min=0,
            metavar="USD",
            help="Only those whose cheapest verified price is at most USD.",
        ),
    ] = None,
    fmt: FormatOpt = None,
    catalog: CatalogOpt = None,
) -> None:
    """List the catalog's certifications, optionally filtered."""
    from certadvise.catalog.listing import Filters, filter_entries
    from certadvise.views.catalog_views import list_report

    cat = shell.load(catalog)
    entries, notes = filter_entries(cat, Filters(org, category, goal, max_cost))
    shell.output(list_report(cat, entries, notes, shell.today()), fmt)
