"""`certadvise recommend`: rank the certifications that fit a profile, with reasons."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from certadvise.cli import completion, runtime
from certadvise.cli.exits import Outcome
from certadvise.cli.options import CatalogOpt, FormatOpt
from certadvise.cli.profile_options import with_profile_options
from certadvise.cli.settings import Run


@with_profile_options
def recommend(
    top: Annotated[
        int, typer.Option("--top", min=1, metavar="N", help="How many to show (default 5).")
    ] = 5,
    show_all: Annotated[
        bool, typer.Option("--all", help="Show every certification in reach, and every later one.")
    ] = False,
    show_excluded: Annotated[
        bool, typer.Option("--show-excluded", help="Also show what was left out, and why.")
    ] = False,
    why: Annotated[
        str | None,
        typer.Option(
            "--why",
            metavar="ID",
            autocompletion=completion.certification_ids,
            help="Every rule that fired for one certification.",
        ),
    ] = None,
    interactive: Annotated[
        bool,
        typer.Option("--interactive", "-i", help="Answer questions instead of giving options."),
    ] = False,
    years: Annotated[
        int | None,
        typer.Option(
            "--years",
            min=1,
            max=50,
            metavar="N",
            help="Add what holding each costs over N years (exam, dues, recertification).",
        ),
    ] = None,
    batch: Annotated[
        str | None,
        typer.Option(
            "--batch",
            metavar="FILE",
            help="Advise a cohort: JSON lines or CSV (profile fields as columns, lists split "
            "on ';', an optional person column), one person a line; '-' reads standard input. "
            "Each line is a whole person (the saved profile is not read); profile options "
            "given here are defaults a line overrides.",
        ),
    ] = None,
    fmt: FormatOpt = None,
    catalog: CatalogOpt = None,
    *,
    profile_options: dict[str, Any],
    run: Run,
) -> Outcome:
    """Rank the certifications that fit a profile, with reasons.

    Reads goals, education, credentials, hours, age, memberships and budget; excludes what
    does not fit (--show-excluded says why) and ranks the rest, every point with a reason.
    """

    from certadvise.advice.judgement import Judgement
    from certadvise.advice.ranking import advise
    from certadvise.cli.profile_options import build_profile
    from certadvise.errors import InputError
    from certadvise.limits import HOLDING_YEARS
    from certadvise.views.recommend_view import recommend_report, why_report

    cat = runtime.read_catalog(run, catalog)
    if batch is not None:
        from certadvise.cli.batch import run_batch

        for name, used in (("--why", why), ("--interactive", interactive)):
            if used:
                raise InputError(f"{name} is for one person: not with --batch")
        if show_excluded:
            raise InputError("--show-excluded: not with --batch (each JSON answer lists them)")
        return run_batch(run, cat, batch, profile_options, None if show_all else top, years, fmt)
    if interactive and run.no_input:
        raise InputError("--interactive asks questions and --no-input forbids them: pick one")
    if interactive or should_interview(run, profile_options):
        from certadvise.cli.interview import interview

        profile_options = interview(cat, profile_options)
    profile, assumptions = build_profile(profile_options, cat, runtime.today())
    explain = cat.resolve(why).id if why is not None else None
    judged = Judgement(cat, profile, runtime.today(), years=years or HOLDING_YEARS)
    advice = advise(judged, assumptions, explain=explain)
    if explain is not None:
        evaluation = advice.find(explain)
        assert evaluation is not None
        runtime.output(run, why_report(advice, evaluation), fmt)
        return Outcome.SUCCESS
    shown = None if show_all else top
    report = recommend_report(advice, shown, show_excluded, show_all, years is not None)
    runtime.output(run, report, fmt)
    return Outcome.SUCCESS if advice.ranked else Outcome.NOTHING_IN_REACH


def should_interview(run: Run, profile_options: dict[str, Any]) -> bool:
    """A bare `recommend` on a terminal asks questions; never when stdin is not a terminal
    (or closed), with --no-input, nor when a saved profile answers them."""
    from certadvise.cli.profile_options import given, saved

    if sys.stdin is None or run.no_input or given(profile_options):
        return False
    if not sys.stdin.isatty():
        return False
    return saved(profile_options) is None
