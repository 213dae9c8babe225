"""`certadvise show ID`: everything the catalog knows about one certification."""

from __future__ import annotations

from typing import Annotated

import typer

from certadvise.cli import shell
from certadvise.cli.options import CatalogOpt, FormatOpt, YearsOpt


def show(
    name: Annotated[str, typer.Argument(metavar="ID", help="Certification id or alias.")],
    member: Annotated[
        list[str] | None, typer.Option("--member", help="Organizations you belong to.")
    ] = None,
    years: YearsOpt = 3,
    fmt: FormatOpt = None,
    catalog: CatalogOpt = None,
) -> None:
    """Everything the catalog knows about one certification.

    Every fact with its source and as-of date; unknown facts read "not verified".
    """
    from certadvise.catalog.facts import FactContext
    from certadvise.views.catalog_views import show_report

    cat = shell.load(catalog)
    entry = cat.resolve(name)
    memberships = [cat.resolve_organization(m) for m in member or ()]
    shell.output(show_report(entry, FactContext(cat, memberships, years, shell.today())), fmt)
