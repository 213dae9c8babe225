"""`certadvise path TARGET`: the steps, money and time to a certification."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import typer

from certadvise.cli import completion, runtime
from certadvise.cli.options import CatalogOpt, FormatOpt, YearsOpt
from certadvise.cli.profile_options import with_profile_options
from certadvise.cli.settings import Run
from certadvise.limits import HOLDING_YEARS


@with_profile_options
def path(
    target: Annotated[
        str,
        typer.Argument(
            metavar="TARGET",
            autocompletion=completion.certification_ids,
            help="The certification you want (an id or alias).",
        ),
    ],
    by: Annotated[
        dt.datetime | None,
        typer.Option(
            "--by",
            formats=["%Y-%m-%d"],
            metavar="DATE",
            help="When you plan to sit the exam (YYYY-MM-DD).",
        ),
    ] = None,
    pace: Annotated[
        float,
        typer.Option(
            "--pace",
            min=1,
            max=80,
            metavar="HOURS",
            help="Hours of study a week, for how long each exam takes to prepare (default 6).",
        ),
    ] = 6,
    years: YearsOpt = HOLDING_YEARS,
    fmt: FormatOpt = None,
    catalog: CatalogOpt = None,
    *,
    profile_options: dict[str, Any],
    run: Run,
) -> None:
    """Plan the steps, cost and time from where you stand to TARGET."""
    from certadvise.advice.judgement import Judgement
    from certadvise.advice.paths import plan_path
    from certadvise.cli.profile_options import build_profile, said_by_every_command
    from certadvise.views.path_view import path_report

    cat = runtime.read_catalog(run, catalog)
    entry = cat.resolve(target)
    today = runtime.today()
    profile, assumptions = build_profile(profile_options, cat, today)
    runtime.assume(run, *said_by_every_command(profile, assumptions))
    judged = Judgement(cat, profile, today, pace=pace, years=years)
    plan = plan_path(judged, entry, by.date() if by else None)
    runtime.output(run, path_report(plan, judged, assumptions), fmt)
