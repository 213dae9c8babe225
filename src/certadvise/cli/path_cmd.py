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
        str | None,
        typer.Option(
            "--by",
            metavar="DATE",
            help="When you plan to sit the exam (YYYY-MM-DD, or YYYY-MM: the month's last day).",
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

    today = runtime.today()
    exam_day = None if by is None else planned_day(by, today)
    cat = runtime.read_catalog(run, catalog)
    entry = cat.resolve(target)
    profile, assumptions = build_profile(profile_options, cat, today)
    runtime.assume(run, *said_by_every_command(profile, assumptions))
    judged = Judgement(cat, profile, today, pace=pace, years=years)
    plan = plan_path(judged, entry, exam_day)
    runtime.output(run, path_report(plan, judged, assumptions), fmt)


def planned_day(text: str, today: dt.date) -> dt.date:
    """`--by` as a day: YYYY-MM-DD, or YYYY-MM as that month's last day; never a past one."""
    from certadvise.advice.cycles import card_date
    from certadvise.cli.options import EXPECTED
    from certadvise.errors import InputError

    try:
        day = card_date(text)
    except ValueError:
        raise InputError(f"--by: expected {EXPECTED['--by']}, got {text!r}") from None
    if day < today:
        raise InputError(
            f"--by: {text} is already past (today is {today.isoformat()}): "
            "give a date from today on"
        )
    return day
