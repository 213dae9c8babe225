"""`certadvise list`: the catalog, filtered."""

from __future__ import annotations

from typing import Annotated

import typer

from certadvise.cli import completion, runtime
from certadvise.cli.options import CatalogOpt, FormatOpt
from certadvise.cli.settings import Run


def list_certifications(
    org: Annotated[
        str | None,
        typer.Option(
            "--org",
            metavar="ORG",
            autocompletion=completion.organizations,
            help="Only this organization: {organizations}.",
        ),
    ] = None,
    category: Annotated[
        str | None,
        typer.Option(
            "--category",
            metavar="CATEGORY",
            autocompletion=completion.categories,
            help="Only this category: {categories}.",
        ),
    ] = None,
    goal: Annotated[
        str | None,
        typer.Option(
            "--goal",
            "-g",
            metavar="GOAL",
            autocompletion=completion.goals,
            help="Only those serving this goal (see `certadvise goals`).",
        ),
    ] = None,
    max_cost: Annotated[
        float | None,
        typer.Option(
            "--max-cost",
            min=0,
            metavar="USD",
            help="Only those whose cheapest verified price is at most USD, a number of US dollars "
            "(a price in another currency is converted at the catalog's rates).",
        ),
    ] = None,
    fmt: FormatOpt = None,
    catalog: CatalogOpt = None,
    *,
    run: Run,
) -> None:
    """List the catalog's certifications, optionally filtered."""
    from certadvise.advice.judgement import Judgement
    from certadvise.advice.listing import Filters, filter_entries
    from certadvise.advice.profile import Profile
    from certadvise.views.catalog_views import list_report

    cat = runtime.read_catalog(run, catalog)
    judged = Judgement(cat, Profile(), runtime.today())
    entries, notes = filter_entries(judged, Filters(org, category, goal, max_cost))
    runtime.output(run, list_report(judged, entries, notes), fmt)
