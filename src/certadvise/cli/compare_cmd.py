"""`certadvise compare ID ID [ID...]`: side by side, one column per certification."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from certadvise.cli import completion, runtime
from certadvise.cli.options import CatalogOpt, FormatOpt, YearsOpt
from certadvise.cli.profile_options import with_profile_options
from certadvise.cli.settings import Run
from certadvise.limits import HOLDING_YEARS


@with_profile_options
def compare(
    names: Annotated[
        list[str],
        typer.Argument(
            metavar="ID",
            autocompletion=completion.certification_ids,
            help="2 to 6 certification ids or aliases.",
        ),
    ],
    only_differences: Annotated[
        bool, typer.Option("--only-differences", help="Hide the rows where all agree.")
    ] = False,
    rows: Annotated[
        str | None,
        typer.Option(
            "--rows",
            metavar="KEY,KEY",
            autocompletion=completion.compare_rows,
            help="Show only these rows, in this order (keys as in -f csv).",
        ),
    ] = None,
    years: YearsOpt = HOLDING_YEARS,
    fmt: FormatOpt = None,
    catalog: CatalogOpt = None,
    *,
    profile_options: dict[str, Any],
    run: Run,
) -> None:
    """Compare 2 to 6 certifications side by side, one column each.

    With profile options, a row says whether each is open to you, and why not.
    """

    from certadvise.advice.comparison import check_selection, compare, pick_rows
    from certadvise.advice.judgement import Judgement
    from certadvise.advice.profile import Profile
    from certadvise.cli.profile_options import build_profile, given, said_by_every_command, saved
    from certadvise.views.compare_view import compare_report

    cat = runtime.read_catalog(run, catalog)
    entries = [cat.resolve(name) for name in names]
    check_selection(names, entries)
    wanted = pick_rows(rows)
    today = runtime.today()
    profile, assumptions = Profile(), list[str]()
    with_profile = given(profile_options) or saved(profile_options) is not None
    if with_profile:
        profile, assumptions = build_profile(profile_options, cat, today)
        runtime.assume(run, *said_by_every_command(profile, assumptions))
    judged = Judgement(cat, profile, today, years=years)
    comparison = compare(entries, judged, with_profile, wanted, only_differences)
    report = compare_report(comparison, judged, assumptions, with_profile)
    runtime.output(run, report, fmt, page=True)
