"""The profile options (--goal, --degree, ...) shared by every command that takes a profile.

`with_profile_options` adds them to a command's signature once, so each command stays a
few lines long and every command spells them the same way (see CLI.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import typer

from certadvise.cli import completion
from certadvise.cli.options import PROFILE_PANEL, add_options
from certadvise.levels import DegreeLevel
from certadvise.limits import MAX_AGE, MAX_BUDGET_USD, MIN_AGE

if TYPE_CHECKING:
    from certadvise.advice.profile import Profile, RawProfile
    from certadvise.catalog.index import Catalog

_LEVELS = ", ".join(level.value for level in DegreeLevel)

PROFILE_OPTIONS: dict[str, Any] = {
    "goal": Annotated[
        list[str] | None,
        typer.Option(
            "--goal",
            "-g",
            autocompletion=completion.goals,
            metavar="GOAL",
            help="What you want to do: a goal id from `certadvise goals` or a phrase such as "
            "'college athletes' (repeatable).",
            rich_help_panel=PROFILE_PANEL,
        ),
    ],
    "degree": Annotated[
        str | None,
        typer.Option(
            "--degree",
            autocompletion=completion.levels,
            metavar="LEVEL",
            help=f"Highest education: {_LEVELS} (not given: the degree a credential held asked "
            "for, else high-school).",
            rich_help_panel=PROFILE_PANEL,
        ),
    ],
    "field": Annotated[
        str | None,
        typer.Option(
            "--field",
            autocompletion=completion.degree_fields,
            metavar="FIELD",
            help="Field of that degree, e.g. kinesiology, exercise-science, business.",
            rich_help_panel=PROFILE_PANEL,
        ),
    ],
    "final_year": Annotated[
        str | None,
        typer.Option(
            "--final-year",
            autocompletion=completion.levels,
            metavar="LEVEL",
            help="In the final year of a LEVEL degree (NSCA and ACSM accept final-year students).",
            rich_help_panel=PROFILE_PANEL,
        ),
    ],
    "studying": Annotated[
        str | None,
        typer.Option(
            "--studying",
            autocompletion=completion.levels,
            metavar="LEVEL",
            help="A degree in progress (with --graduating; final-year status starts a year "
            "before).",
            rich_help_panel=PROFILE_PANEL,
        ),
    ],
    "graduating": Annotated[
        str | None,
        typer.Option(
            "--graduating",
            metavar="YYYY-MM",
            help="When the degree in progress ends, e.g. 2028-05.",
            rich_help_panel=PROFILE_PANEL,
        ),
    ],
    "have": Annotated[
        list[str] | None,
        typer.Option(
            "--have",
            "-H",
            autocompletion=completion.certification_ids,
            metavar="CRED[@DATE]",
            help="A credential you hold: an id or alias (CSCS, RD, CPR-AED), optionally "
            "@YYYY-MM, the date on the card it is good through (repeatable).",
            rich_help_panel=PROFILE_PANEL,
        ),
    ],
    "hours": Annotated[
        list[str] | None,
        typer.Option(
            "--hours",
            metavar="KIND=N",
            help="Supervised hours, e.g. clinical=600, internship=640, applied=480 (repeatable).",
            rich_help_panel=PROFILE_PANEL,
        ),
    ],
    "experience": Annotated[
        list[str] | None,
        typer.Option(
            "--experience",
            metavar="KIND=YEARS",
            help="Years of full-time experience, e.g. sport-science=3 (repeatable).",
            rich_help_panel=PROFILE_PANEL,
        ),
    ],
    "age": Annotated[
        str | None,
        typer.Option(
            "--age",
            metavar="YEARS",
            help=f"Age in years ({MIN_AGE} to {MAX_AGE}).",
            rich_help_panel=PROFILE_PANEL,
        ),
    ],
    "budget": Annotated[
        str | None,
        typer.Option(
            "--budget",
            metavar="AMOUNT",
            help=f"The most you will spend now (0 to {MAX_BUDGET_USD:,}): 600, 400 GBP, £400, "
            "A$2000; a bare amount is in your country's currency.",
            rich_help_panel=PROFILE_PANEL,
        ),
    ],
    "member": Annotated[
        list[str] | None,
        typer.Option(
            "--member",
            autocompletion=completion.organizations,
            metavar="ORG",
            help="An organization you are a member of (repeatable).",
            rich_help_panel=PROFILE_PANEL,
        ),
    ],
    "country": Annotated[
        str | None,
        typer.Option(
            "--country",
            metavar="CC",
            help="Where you will work, as a two-letter code (US, GB, CA, AU, ...); default US.",
            rich_help_panel=PROFILE_PANEL,
        ),
    ],
    "profile_file": Annotated[
        str | None,
        typer.Option(
            "--profile",
            metavar="FILE",
            help="The same fields as YAML or JSON; '-' reads standard input. Options win.",
            rich_help_panel=PROFILE_PANEL,
        ),
    ],
}


NO_PROFILE_OPTION: Any = Annotated[
    bool,
    typer.Option(
        "--no-profile",
        help="Ignore the saved profile (see `certadvise profile`).",
        rich_help_panel=PROFILE_PANEL,
    ),
]


def with_profile_options(
    command: Callable[..., Any], *, use_saved: bool = True
) -> Callable[..., Any]:
    """Add the profile options to `command`, which receives them as `profile_options`.

    With `use_saved`, the command also takes --no-profile and starts from the saved profile.
    """
    options: dict[str, tuple[Any, Any]] = {n: (hint, None) for n, hint in PROFILE_OPTIONS.items()}
    if use_saved:
        options["no_profile"] = (NO_PROFILE_OPTION, False)

    def take(given: dict[str, Any]) -> dict[str, Any]:
        values = {name: given[name] for name in PROFILE_OPTIONS}
        values[USE_SAVED] = use_saved and not given.get("no_profile", False)
        return {"profile_options": values}

    return add_options(command, options, take)


USE_SAVED = "use_saved"  # not an option: whether the saved profile counts (no --no-profile)


def given(options: dict[str, Any]) -> bool:
    """Whether any profile option was given on the command line."""
    return any(value for name, value in options.items() if name in PROFILE_OPTIONS)


def saved(options: dict[str, Any]) -> RawProfile | None:
    """The saved profile, unless --no-profile (or the command) says to ignore it."""
    from certadvise.cli import saved_profile

    return saved_profile.read_saved() if options.get(USE_SAVED) else None


def build_profile(
    options: dict[str, Any], catalog: Catalog, today: dt.date
) -> tuple[Profile, list[str]]:
    """The normalised profile and its assumptions: the saved profile, then a profile file,
    then the options, each later one winning field by field."""
    from certadvise.advice import profile_checks
    from certadvise.advice.profile import RawProfile, normalise
    from certadvise.cli import saved_profile

    stored = saved(options)
    base = stored or RawProfile()
    if options["profile_file"]:
        from certadvise.cli.profile_files import read_profile  # YAML: only for a file

        base = base.overridden_by(read_profile(options["profile_file"]))
    from_options = profile_checks.from_options(options)
    profile, assumptions = normalise(base.overridden_by(from_options), catalog, today)
    profile_checks.check_units(profile, catalog)
    if stored is not None:
        assumptions.insert(0, saved_profile.assumption(saved_profile.profile_path()))
    return profile, assumptions


def said_by_every_command(profile: Profile, assumptions: list[str]) -> list[str]:
    """Of `assumptions`, those a command that says no others says too: the line naming the
    saved profile, and the degree and field a credential held implies (they change what
    plans ask)."""
    implied = {
        found.said for found in (profile.implied_degree, profile.implied_field) if found is not None
    }
    return [a for a in assumptions if a.startswith("using the saved profile ") or a in implied]
