"""`certadvise show ID`: everything the catalog knows about one certification."""

from __future__ import annotations

from typing import Annotated

import typer

from certadvise.cli import completion, runtime
from certadvise.cli.options import CatalogOpt, FormatOpt, YearsOpt
from certadvise.cli.profile_options import NO_PROFILE_OPTION
from certadvise.cli.settings import Run
from certadvise.limits import HOLDING_YEARS


def show(
    name: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            autocompletion=completion.certification_ids,
            help="Certification id or alias.",
        ),
    ],
    member: Annotated[
        list[str] | None,
        typer.Option(
            "--member",
            metavar="ORG",
            autocompletion=completion.organizations,
            help="Organizations you belong to (repeatable).",
        ),
    ] = None,
    years: YearsOpt = HOLDING_YEARS,
    no_profile: NO_PROFILE_OPTION = False,
    fmt: FormatOpt = None,
    catalog: CatalogOpt = None,
    *,
    run: Run,
) -> None:
    """Everything the catalog knows about one certification.

    Every fact with its source and as-of date; unknown facts read "not verified". Prices
    for members follow --member, or the saved profile's memberships.
    """
    from certadvise.advice.judgement import Judgement
    from certadvise.advice.profile import Profile
    from certadvise.cli import saved_profile
    from certadvise.views.catalog_views import show_report

    cat = runtime.read_catalog(run, catalog)
    entry = cat.resolve(name)
    if member is None and not no_profile:
        stored = saved_profile.read_saved()
        if stored is not None:
            member = list(stored.member or ())
            runtime.assume(run, saved_profile.assumption(saved_profile.profile_path()))
    memberships = [cat.resolve_organization(m) for m in member or ()]
    judged = Judgement(cat, Profile(member=tuple(memberships)), runtime.today(), years=years)
    runtime.output(run, show_report(entry, judged), fmt, page=True)
