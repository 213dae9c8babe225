"""`certadvise fields`: the degree-field vocabulary `--field` understands."""

from __future__ import annotations

from certadvise.cli import runtime
from certadvise.cli.options import CatalogOpt, FormatOpt
from certadvise.cli.settings import Run


def fields(fmt: FormatOpt = None, catalog: CatalogOpt = None, *, run: Run) -> None:
    """List the degree fields --field understands, the names each answers to, and the
    certifications whose routes accept it. Any other field is accepted and counted as
    unrelated to exercise science."""
    from certadvise.views.catalog_views import fields_report

    runtime.output(run, fields_report(runtime.read_catalog(run, catalog)), fmt)
