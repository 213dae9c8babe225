"""`certadvise goals`: the goal vocabulary."""

from __future__ import annotations

from certadvise.cli import runtime
from certadvise.cli.options import CatalogOpt, FormatOpt
from certadvise.cli.settings import Run


def goals(fmt: FormatOpt = None, catalog: CatalogOpt = None, *, run: Run) -> None:
    """List the goals --goal understands, with what each means."""
    from certadvise.views.catalog_views import goals_report

    runtime.output(run, goals_report(runtime.read_catalog(run, catalog)), fmt)
