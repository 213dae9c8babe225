"""`certadvise renewals`: deadlines, CE, fees and the way back for every credential held."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from certadvise.cli import runtime
from certadvise.cli.options import OUTPUT_PANEL, CatalogOpt, YearsOpt
from certadvise.cli.profile_options import with_profile_options
from certadvise.cli.settings import Run
from certadvise.limits import HOLDING_YEARS
from certadvise.render.formats import RenewalsFormat

NOTHING_HELD = (
    "no credentials given: state them with --have ID@YYYY-MM (good through), e.g. "
    "--have CSCS@2026-12, or save them with `certadvise profile save --have ...`"
)


RenewalsFormatOpt = Annotated[
    RenewalsFormat | None,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        metavar="FORMAT",
        help="table (the default), json, jsonl, csv, tsv, markdown, ids, html, or ics (an "
        "iCalendar file of the deadlines, with reminders 90 and 30 days before).",
        rich_help_panel=OUTPUT_PANEL,
    ),
]


@with_profile_options
def renewals(
    years: YearsOpt = HOLDING_YEARS,
    fmt: RenewalsFormatOpt = None,
    catalog: CatalogOpt = None,
    *,
    profile_options: dict[str, Any],
    run: Run,
) -> None:
    """Deadlines, continuing education, fees and the way back for what you hold.

    One row a credential (--have ID@DATE, or the saved profile), the soonest deadline first,
    and what keeping them all costs over --years.
    """
    from certadvise.advice.judgement import Judgement
    from certadvise.advice.renewals import renewals as work_out
    from certadvise.cli.profile_options import build_profile, said_by_every_command
    from certadvise.views.renewals_view import renewals_report

    cat = runtime.read_catalog(run, catalog)
    today = runtime.today()
    profile, assumptions = build_profile(profile_options, cat, today)
    judged = Judgement(cat, profile, today, years=years)
    result = work_out(judged, years)
    if not result.renewals:
        runtime.say(run, NOTHING_HELD)
    report = renewals_report(result, judged, said_by_every_command(profile, assumptions))
    if fmt is RenewalsFormat.ICS:
        from certadvise.render.ics import calendar_bytes

        runtime.write_bytes(calendar_bytes(report.json_document()))
        return
    runtime.output(run, report, fmt.as_output() if fmt else None)
