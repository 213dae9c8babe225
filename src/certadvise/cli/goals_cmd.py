"""`certadvise goals`: the goal vocabulary."""

from __future__ import annotations

from certadvise.cli import runtime
from certadvise.cli.options import CatalogOpt, FormatOpt


def goals(fmt: FormatOpt = None, catalog: CatalogOpt = None) -> None:
    """List the goals --goal understands, with what each means."""
    from certadvise.views.catalog_views import goals_report

    runtime.output(goals_report(runtime.load(catalog)), fmt)
